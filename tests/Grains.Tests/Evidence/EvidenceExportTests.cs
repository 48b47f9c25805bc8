using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Evidence;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Trust;
using static CxCluster.Grains.Tests.Evidence.EvidenceFacts;

namespace CxCluster.Grains.Tests.Evidence;

/// <summary>The export from a journal: which conversations, their lines, the summary and the hash that seals them.</summary>
public sealed class EvidenceExportTests
{
    private readonly MemoryFactJournal _journal = new();
    private readonly string _tenant = $"t-{Guid.NewGuid():N}";

    private static readonly EvidenceQuery November = new() { From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), To = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero) };

    private StreamKey Conversation(string id) => new(_tenant, $"c/{id}");

    private async Task<byte[]> ExportAsync(EvidenceQuery query, string? tenant = null)
    {
        var bytes = new List<byte>();
        await foreach (var page in EvidenceExport.ReadAllAsync(_journal, tenant ?? _tenant, query))
        {
            bytes.AddRange(page.Lines);
        }
        return [.. bytes];
    }

    private static string[] Lines(byte[] export) => Encoding.UTF8.GetString(export).Split('\n')[..^1];

    private static async Task<EvidenceVerdict> VerifyAsync(byte[] export) => await EvidenceFile.VerifyAsync(new MemoryStream(export));

    /// <summary>A conversation with a customer id, a redacted message, an agent with a display name and a handoff.</summary>
    private async Task TellAsync(string id, int start = 0)
    {
        var stream = Conversation(id);
        await _journal.AppendAsync(stream, Started(start, customerId: "cust-secret-991"), Issued(start, "dsc-1"));
        await _journal.AppendAsync(stream, Delivered(start + 1, "dsc-1"));
        await _journal.AppendAsync(stream, AiAllowed(start + 2, "dsc-1"), Said(start + 2, Speaker.Ai, "Halo, ada yang bisa dibantu?"));
        await _journal.AppendAsync(stream, Said(start + 3, Speaker.Customer, "ini bot ya? nomor saya [phone]"), Signal(start + 3, TrustRules.IdentityQuestion), Identity(start + 3, "ai"));
        await _journal.AppendAsync(stream, Requested(start + 4, "hnd-1", "customer-request"));
        await _journal.AppendAsync(stream, Assigned(start + 34, "hnd-1", "sari", "Sari Wulandari"));
        await _journal.AppendAsync(stream, Said(start + 40, Speaker.Agent, "Halo, saya Sari", "sari"));
    }

    [Fact]
    public async Task Each_conversation_is_one_line_in_the_contracts_shape_and_the_last_line_sums_them_up()
    {
        await TellAsync("c1");

        var lines = Lines(await ExportAsync(November));

        Assert.Equal(2, lines.Length);
        Assert.Equal(
            """{"conversationId":"c1","channelHistory":[{"channel":"chat","locale":"id-ID","at":"2026-11-10T09:00:00Z"}],"disclosures":[{"disclosureId":"dsc-1","channel":"chat","locale":"id-ID","textSha256":"c6f66ea31e83336a49c4ec066382d8e09070ac58682bb25aaf8a87fd1bf1f30a","issuedAt":"2026-11-10T09:00:00Z","deliveredAt":"2026-11-10T09:00:01Z","reason":"start"}],"firstAiAllowedAt":"2026-11-10T09:00:02Z","disclosedBeforeFirstAi":true,"identityAnswers":[{"at":"2026-11-10T09:00:03Z","answeredAs":"ai"}],"handoffs":[{"handoffId":"hnd-1","reason":"customer-request","requestedAt":"2026-11-10T09:00:04Z","assignedAt":"2026-11-10T09:00:34Z","agentId":"sari","waitedSeconds":30}],"agentMessagesScored":0}""",
            lines[0]);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines[0] + "\n")));
        Assert.Equal(
            $$"""{"summary":{"conversations":1,"disclosedBeforeFirstAi":1,"aiMessagesAllowed":1,"identityQuestions":1,"handoffsByReason":{"customer-request":1},"erasures":0},"sha256":"{{sha256}}"}""",
            lines[1]);
    }

    [Fact]
    public async Task An_erased_conversation_keeps_its_evidence_adds_erasedAt_and_the_export_holds_no_personal_data()
    {
        await TellAsync("c1");
        var before = Lines(await ExportAsync(November));

        await _journal.AppendAsync(Conversation("c1"), Ended(100, "erased"), Erased(100));
        await _journal.ErasePersonalAsync(Conversation("c1"));
        var export = await ExportAsync(November);
        var after = Lines(export);

        var line = JsonNode.Parse(after[0])!.AsObject();
        Assert.Equal("2026-11-10T09:01:40Z", line["erasedAt"]!.GetValue<string>());
        line.Remove("erasedAt");
        Assert.Equal(before[0], line.ToJsonString());
        Assert.Contains("\"erasures\":1", after[1]);
        var text = Encoding.UTF8.GetString(export);
        foreach (var personal in new[] { "cust-secret", "ini bot", "[phone]", "Halo", "Sari Wulandari", "asisten" })
        {
            Assert.DoesNotContain(personal, text);
        }
        Assert.True((await VerifyAsync(export)).Intact);
    }

    [Fact]
    public async Task The_hash_line_verifies_and_any_changed_byte_of_a_line_or_of_a_summary_figure_fails_it()
    {
        await TellAsync("c1");
        await TellAsync("c2", start: 60);
        var export = await ExportAsync(November);
        var text = Encoding.UTF8.GetString(export);

        Assert.True((await VerifyAsync(export)).Intact, (await VerifyAsync(export)).Reason);

        var summaryStart = text.LastIndexOf("{\"summary\"", StringComparison.Ordinal);
        for (var i = 0; i < summaryStart; i += 37)
        {
            var changed = (byte[])export.Clone();
            changed[i] ^= 0x01;
            Assert.False((await VerifyAsync(changed)).Intact, $"a change at byte {i} went unnoticed");
        }
        var fewer = Encoding.UTF8.GetBytes(text.Replace("\"conversations\":2", "\"conversations\":1", StringComparison.Ordinal));
        Assert.False((await VerifyAsync(fewer)).Intact);
        var cut = export[..summaryStart];
        Assert.False((await VerifyAsync(cut)).Intact);
        Assert.False((await VerifyAsync(export[..^1])).Intact);
        Assert.False((await VerifyAsync([])).Intact);
    }

    [Fact]
    public async Task Only_the_tenants_conversations_with_facts_in_the_period_are_exported_each_once_across_pages()
    {
        var count = EvidenceExport.ConversationsPerPage * 2 + 5;
        for (var i = 0; i < count; i++)
        {
            await _journal.AppendAsync(Conversation($"c{i}"), Started(i), Issued(i, "dsc-1"));
            // Later facts of the same conversation, also in the period, must not make it a line twice.
            await _journal.AppendAsync(Conversation($"c{i}"), Delivered(i + 5_000, "dsc-1"));
        }
        // Before the period, but active in it: the line covers it from its start.
        await _journal.AppendAsync(Conversation("early"), Started(-30 * 24 * 3600), Issued(-30 * 24 * 3600, "dsc-1"));
        await _journal.AppendAsync(Conversation("early"), AiAllowed(7, "dsc-1"));
        await _journal.AppendAsync(Conversation("quiet"), Started(-30 * 24 * 3600), Issued(-30 * 24 * 3600, "dsc-1"));
        await _journal.AppendAsync(new StreamKey(_tenant, "a/sari"), Started(3));
        var otherTenant = $"t-{Guid.NewGuid():N}";
        await _journal.AppendAsync(new StreamKey(otherTenant, "c/foreign"), Started(3), Issued(3, "dsc-1"));

        var lines = Lines(await ExportAsync(November));

        var ids = lines[..^1].Select(l => JsonNode.Parse(l)!["conversationId"]!.GetValue<string>()).ToList();
        Assert.Equal(count + 1, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("early", ids);
        Assert.DoesNotContain("quiet", ids);
        Assert.DoesNotContain("foreign", ids);
        Assert.DoesNotContain("sari", ids);
        var early = JsonNode.Parse(lines[ids.IndexOf("early")])!;
        Assert.False(early["disclosedBeforeFirstAi"]!.GetValue<bool>());
        Assert.Equal("2026-10-11T09:00:00Z", early["channelHistory"]![0]!["at"]!.GetValue<string>());
    }

    [Fact]
    public async Task One_conversation_can_be_asked_for_and_facts_after_the_period_are_left_out()
    {
        await TellAsync("c1");
        await TellAsync("c2");
        await _journal.AppendAsync(Conversation("c1"), Erased(40 * 24 * 3600));

        var lines = Lines(await ExportAsync(November with { ConversationId = "c1" }));
        var none = Lines(await ExportAsync(November with { ConversationId = "c1", From = November.To, To = November.To.AddDays(30) }));
        var missing = Lines(await ExportAsync(November with { ConversationId = "nobody" }));

        Assert.Equal(2, lines.Length);
        Assert.Equal("c1", JsonNode.Parse(lines[0])!["conversationId"]!.GetValue<string>());
        Assert.Null(JsonNode.Parse(lines[0])!["erasedAt"]);
        Assert.Equal(2, none.Length);
        Assert.Contains("\"erasedAt\":\"2026-12-20T09:00:00Z\"", none[0]);
        Assert.StartsWith("{\"summary\":{\"conversations\":0,", Assert.Single(missing));
    }

    [Theory]
    [InlineData("2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z", null, "to")]
    [InlineData("2026-01-01T00:00:00Z", "2027-01-03T00:00:00Z", null, "to")]
    [InlineData("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "c/1", "conversationId")]
    public void A_period_backwards_or_too_long_or_a_bad_conversation_id_is_refused(string from, string to, string? conversationId, string field)
    {
        var query = new EvidenceQuery { From = DateTimeOffset.Parse(from), To = DateTimeOffset.Parse(to), ConversationId = conversationId };

        Assert.Equal(field, query.Problem()?.Field);
        Assert.Equal(field, Assert.Throws<ArgumentException>(() => new EvidenceExport(_journal, _tenant, query)).ParamName);
    }
}
