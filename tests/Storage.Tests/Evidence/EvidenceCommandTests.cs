using System.Text;
using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Journal;
using CxCluster.Silo.Evidence;
using CxCluster.Storage.Tests.Journal;
using Microsoft.Extensions.Configuration;

namespace CxCluster.Storage.Tests.Evidence;

/// <summary>The silo's <c>evidence</c> verb on a real PostgreSQL journal: the export a compliance officer takes home, and its check.</summary>
public sealed class EvidenceCommandTests(JournalDatabase database) : IClassFixture<JournalDatabase>, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("cx-evidence-").FullName;
    private readonly string _tenant = $"t{Guid.NewGuid():N}";

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private IConfiguration Configuration(params (string Key, string Value)[] more) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:CxCluster"] = database.Database.ConnectionString }
            .Concat(more.Select(m => new KeyValuePair<string, string?>(m.Key, m.Value))))
        .Build();

    private async Task<(int Code, string Output, string Error, byte[] Standard)> RunAsync(IConfiguration configuration, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var standard = new MemoryStream();
        var code = await EvidenceCommand.RunAsync(args, configuration, standard, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString(), standard.ToArray());
    }

    /// <summary>A conversation whose notice was delivered before the AI spoke, with personal data in its facts.</summary>
    private async Task TellAsync(IFactJournal journal, string conversationId)
    {
        Fact[] facts =
        [
            new ConversationStarted { At = Start, Channel = Channel.Whatsapp, Locale = "id-ID", Priority = 5, CustomerId = "cust-secret" },
            new DisclosureIssued { At = Start, DisclosureId = "dsc-1", Channel = Channel.Whatsapp, Locale = "id-ID", Text = "Anda berbicara dengan AI.", Reason = "start" },
            new DisclosureDelivered { At = Start.AddSeconds(1), DisclosureId = "dsc-1" },
            new AiAllowed { At = Start.AddSeconds(2), DisclosureId = "dsc-1" },
            new MessageRecorded { At = Start.AddSeconds(2), From = Speaker.Ai, Text = "Halo, ada yang bisa dibantu?" },
        ];
        var seq = 0;
        await journal.AppendAsync(new JournalAppend(new StreamKey(_tenant, $"c/{conversationId}"), "e1", [.. facts.Select(f =>
        {
            var (data, personal) = FactCodec.Encode(f);
            return new JournalFact(++seq, f.Type, f.At, data, personal);
        })], Encoding.UTF8.GetBytes("{}")));
    }

    [Fact]
    public async Task The_verb_exports_the_tenants_evidence_to_a_file_that_verifies_and_a_changed_byte_does_not()
    {
        await using (var journal = database.CreateJournal())
        {
            await TellAsync(journal, "c1");
            await TellAsync(journal, "c2");
        }
        var file = Path.Combine(_directory, "acme-november.ndjson");

        var export = await RunAsync(Configuration(), "--tenant", _tenant, "--from", "2026-11-01T00:00:00Z", "--to", "2026-12-01T00:00:00+07:00", "--out", file);
        var verified = await RunAsync(Configuration(), "verify", file);

        Assert.True(export.Code == 0, export.Error);
        Assert.Contains(file, export.Output);
        Assert.Empty(export.Standard);
        Assert.Equal([file], Directory.GetFiles(_directory));
        var text = await File.ReadAllTextAsync(file);
        Assert.Equal(3, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"conversations\":2,\"disclosedBeforeFirstAi\":2,\"aiMessagesAllowed\":2", text);
        Assert.DoesNotContain("cust-secret", text);
        Assert.DoesNotContain("Halo", text);
        Assert.True(verified.Code == 0, verified.Error);
        Assert.Contains("intact", verified.Output);

        var bytes = await File.ReadAllBytesAsync(file);
        bytes[text.IndexOf("whatsapp", StringComparison.Ordinal)] = (byte)'W';
        await File.WriteAllBytesAsync(file, bytes);
        var tampered = await RunAsync(Configuration(), "verify", file);

        Assert.Equal(1, tampered.Code);
        Assert.Contains("changed", tampered.Error);
    }

    [Fact]
    public async Task One_conversation_goes_to_standard_output_when_no_file_is_named()
    {
        await using (var journal = database.CreateJournal())
        {
            await TellAsync(journal, "c1");
            await TellAsync(journal, "c2");
        }

        var export = await RunAsync(Configuration(), "--tenant", _tenant, "--from", "2026-11-01T00:00:00Z", "--to", "2026-12-01T00:00:00Z", "--conversation", "c2");

        Assert.True(export.Code == 0, export.Error);
        var lines = Encoding.UTF8.GetString(export.Standard).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"conversationId\":\"c2\",", lines[0]);
        Assert.True((await CxCluster.Grains.Evidence.EvidenceFile.VerifyAsync(new MemoryStream(export.Standard))).Intact);
    }

    [Fact]
    public async Task Without_configured_tenants_a_tenant_with_no_fact_in_the_journal_exits_2_naming_it_and_nothing_is_written()
    {
        await using (var journal = database.CreateJournal())
        {
            await TellAsync(journal, "c1");
        }
        var file = Path.Combine(_directory, "mistyped.ndjson");
        var mistyped = _tenant.ToUpperInvariant();
        string[] november = ["--from", "2026-11-01T00:00:00Z", "--to", "2026-12-01T00:00:00Z"];

        var toFile = await RunAsync(Configuration(), ["--tenant", mistyped, .. november, "--out", file]);
        var toStandardOutput = await RunAsync(Configuration(), ["--tenant", mistyped, .. november, "--conversation", "c1"]);

        Assert.Equal((2, 2), (toFile.Code, toStandardOutput.Code));
        Assert.Empty(Directory.GetFiles(_directory));
        Assert.Empty(toStandardOutput.Standard);
        Assert.Empty(toFile.Output);
        var message = Assert.Single(toFile.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"'{mistyped}'", message);
        Assert.Contains("no facts", message);
    }

    [Fact]
    public async Task A_tenant_with_facts_but_none_in_the_period_gets_an_empty_export_that_verifies()
    {
        await using (var journal = database.CreateJournal())
        {
            await TellAsync(journal, "c1");
        }
        var file = Path.Combine(_directory, "october.ndjson");

        var export = await RunAsync(Configuration(), "--tenant", _tenant, "--from", "2026-10-01T00:00:00Z", "--to", "2026-11-01T00:00:00Z", "--out", file);
        var verified = await RunAsync(Configuration(), "verify", file);

        Assert.True(export.Code == 0, export.Error);
        Assert.Contains("{\"summary\":{\"conversations\":0,", await File.ReadAllTextAsync(file));
        Assert.True(verified.Code == 0, verified.Error);
    }

    [Fact]
    public async Task A_bound_between_two_ticks_is_read_as_the_next_tick_so_a_fact_on_the_tick_before_is_in_the_period_it_ends_and_not_in_the_one_it_starts()
    {
        // The conversation's facts are at 09:00:00, 09:00:01 and 09:00:02 exactly.
        await using (var journal = database.CreateJournal())
        {
            await TellAsync(journal, "c1");
        }

        var after = await RunAsync(Configuration(), "--tenant", _tenant, "--from", "2026-11-10T09:00:02.000000001Z", "--to", "2026-11-10T10:00:00Z");
        var until = await RunAsync(Configuration(), "--tenant", _tenant, "--from", "2026-11-10T08:00:00Z", "--to", "2026-11-10T16:00:00.000000001+07:00");

        Assert.True(after.Code == 0, after.Error);
        Assert.True(until.Code == 0, until.Error);
        var afterLines = Encoding.UTF8.GetString(after.Standard).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var untilLines = Encoding.UTF8.GetString(until.Standard).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("{\"summary\":{\"conversations\":0,", Assert.Single(afterLines));
        Assert.Equal(2, untilLines.Length);
        Assert.StartsWith("{\"conversationId\":\"c1\",", untilLines[0]);
        // Only the facts at 09:00:00: the notice issued, not yet delivered, and no AI message.
        Assert.DoesNotContain("deliveredAt", untilLines[0]);
        Assert.DoesNotContain("firstAiAllowedAt", untilLines[0]);
    }

    [Theory]
    [InlineData("--from", "2026-11-01T00:00:00Z", "--to", "2026-12-01T00:00:00Z")]
    [InlineData("--tenant", "acme", "--from", "2026-11-01", "--to", "2026-12-01T00:00:00Z")]
    [InlineData("--tenant", "acme", "--from", "2026-12-01T00:00:00Z", "--to", "2026-11-01T00:00:00Z")]
    [InlineData("--tenant", "acme", "--from", "2020-01-01T00:00:00Z", "--to", "2026-11-01T00:00:00Z")]
    [InlineData("--tenant", "acme", "--from", "2026-11-01T00:00:00Z", "--to", "2026-12-01T00:00:00Z", "--conversation", "a/b")]
    [InlineData("--tenant", "acme", "--from", "2026-11-01T00:00:00Z", "--to", "2026-12-01T00:00:00Z", "--colour", "red")]
    [InlineData("verify")]
    public async Task Wrong_arguments_exit_2_with_the_usage(params string[] args)
    {
        var run = await RunAsync(Configuration(), args);

        Assert.Equal(2, run.Code);
        Assert.Contains("usage: evidence", run.Error);
    }

    [Fact]
    public async Task Without_a_database_or_for_a_tenant_not_configured_it_exits_2_and_a_missing_file_does_not_verify()
    {
        string[] november = ["--from", "2026-11-01T00:00:00Z", "--to", "2026-12-01T00:00:00Z"];

        var noDatabase = await RunAsync(new ConfigurationBuilder().Build(), ["--tenant", "acme", .. november]);
        var unknownTenant = await RunAsync(Configuration(("Tenants:acme:ApiKeys:0", "k")), ["--tenant", "globex", .. november]);
        var missing = await RunAsync(Configuration(), "verify", Path.Combine(_directory, "nothing.ndjson"));

        Assert.Equal((2, 2, 1), (noDatabase.Code, unknownTenant.Code, missing.Code));
        Assert.Contains("no database configured", noDatabase.Error);
        Assert.Contains("'globex' is not configured", unknownTenant.Error);
        Assert.Contains("cannot read", missing.Error);
    }
}
