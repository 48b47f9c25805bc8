using System.Text;
using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Evidence;
using CxCluster.Grains.Journal;
using static CxCluster.Grains.Tests.Evidence.EvidenceFacts;

namespace CxCluster.Grains.Tests.Evidence;

/// <summary>
/// The check of a saved export (<c>evidence verify</c>): the summary line is not covered by the hash, so every figure of
/// it that the lines determine is recomputed, a figure the lines only bound is held to that bound, and the summary and
/// hash line hold only the fields the export writes.
/// </summary>
public sealed class EvidenceFileTests
{
    private readonly MemoryFactJournal _journal = new();
    private readonly string _tenant = $"t-{Guid.NewGuid():N}";

    private static readonly EvidenceQuery November = new() { From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), To = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero) };

    /// <summary>An export of eight conversations in each of which the AI spoke once after its notice was delivered, and two in which it never did.</summary>
    private async Task<string> ExportAsync()
    {
        for (var i = 0; i < 8; i++)
        {
            var stream = new StreamKey(_tenant, $"c/ai-{i}");
            await _journal.AppendAsync(stream, Started(i), Issued(i, "dsc-1"));
            await _journal.AppendAsync(stream, Delivered(i + 1, "dsc-1"));
            await _journal.AppendAsync(stream, AiAllowed(i + 2, "dsc-1"), Said(i + 2, Speaker.Ai, "Halo!"));
        }
        for (var i = 0; i < 2; i++)
        {
            await _journal.AppendAsync(new StreamKey(_tenant, $"c/quiet-{i}"), Started(i), Issued(i, "dsc-1"));
        }
        return await ExportedAsync();
    }

    /// <summary>November's export of what the journal holds.</summary>
    private async Task<string> ExportedAsync()
    {
        var bytes = new List<byte>();
        await foreach (var page in EvidenceExport.ReadAllAsync(_journal, _tenant, November))
        {
            bytes.AddRange(page.Lines);
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static async Task<EvidenceVerdict> VerifyAsync(string export) =>
        await EvidenceFile.VerifyAsync(new MemoryStream(Encoding.UTF8.GetBytes(export)));

    /// <summary>The export with <paramref name="from"/> in its last line replaced by <paramref name="to"/>, which must be there.</summary>
    private static string Edited(string export, string from, string to)
    {
        var last = export.LastIndexOf("{\"summary\"", StringComparison.Ordinal);
        var at = export.IndexOf(from, last, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' is not in the last line");
        return string.Concat(export.AsSpan(0, at), to, export.AsSpan(at + from.Length));
    }

    [Fact]
    public async Task An_export_as_written_is_intact()
    {
        var export = await ExportAsync();

        var verdict = await VerifyAsync(export);

        Assert.True(verdict.Intact, verdict.Reason);
        Assert.Contains("\"conversations\":10,\"disclosedBeforeFirstAi\":10,\"aiMessagesAllowed\":8,", export);
    }

    [Theory]
    [InlineData("\"aiMessagesAllowed\":0")]
    [InlineData("\"aiMessagesAllowed\":7")]
    [InlineData("\"aiMessagesAllowed\":-8")]
    public async Task Fewer_ai_messages_allowed_than_lines_with_a_first_ai_message_is_not_intact(string changed)
    {
        var export = Edited(await ExportAsync(), "\"aiMessagesAllowed\":8", changed);

        var verdict = await VerifyAsync(export);

        Assert.False(verdict.Intact);
        Assert.Contains("aiMessagesAllowed", verdict.Reason);
        Assert.Contains("8 lines", verdict.Reason);
    }

    [Fact]
    public async Task Ai_messages_allowed_where_no_line_shows_a_first_ai_message_is_not_intact()
    {
        var bytes = new List<byte>();
        await _journal.AppendAsync(new StreamKey(_tenant, "c/quiet"), Started(0), Issued(0, "dsc-1"));
        await foreach (var page in EvidenceExport.ReadAllAsync(_journal, _tenant, November))
        {
            bytes.AddRange(page.Lines);
        }
        var export = Edited(Encoding.UTF8.GetString([.. bytes]), "\"aiMessagesAllowed\":0", "\"aiMessagesAllowed\":3");

        var verdict = await VerifyAsync(export);

        Assert.False(verdict.Intact);
        Assert.Contains("aiMessagesAllowed", verdict.Reason);
    }

    [Fact]
    public async Task More_ai_messages_allowed_than_lines_with_a_first_ai_message_is_what_the_lines_allow()
    {
        // A line shows when the first AI message was allowed, not how many were: eight lines allow eight or more.
        var export = Edited(await ExportAsync(), "\"aiMessagesAllowed\":8", "\"aiMessagesAllowed\":30");

        var verdict = await VerifyAsync(export);

        Assert.True(verdict.Intact, verdict.Reason);
    }

    [Theory]
    [InlineData("\"conversations\":10", "\"conversations\":9", "conversations")]
    [InlineData("\"disclosedBeforeFirstAi\":10", "\"disclosedBeforeFirstAi\":0", "disclosedBeforeFirstAi")]
    [InlineData("\"identityQuestions\":0", "\"identityQuestions\":1", "identityQuestions")]
    [InlineData("\"handoffsByReason\":{}", "\"handoffsByReason\":{\"customer-request\":1}", "handoffsByReason")]
    [InlineData("\"erasures\":0", "\"erasures\":2", "erasures")]
    public async Task A_summary_figure_the_lines_determine_that_differs_is_named(string from, string to, string named)
    {
        var export = Edited(await ExportAsync(), from, to);

        var verdict = await VerifyAsync(export);

        Assert.False(verdict.Intact);
        Assert.Contains(named, verdict.Reason);
    }

    [Theory]
    [InlineData("\"erasures\":0}", "\"erasures\":0,\"note\":\"checked\"}", "note")]
    [InlineData("{\"summary\":{", "{\"summary\":{\"note\":1,", "note")]
    [InlineData(",\"sha256\":", ",\"signedBy\":\"audit\",\"sha256\":", "signedBy")]
    [InlineData("\"erasures\":0}", "\"erasures\":0,\"erasures\":0}", "erasures")]
    [InlineData(",\"erasures\":0}", "}", "erasures")]
    [InlineData(",\"aiMessagesAllowed\":8", "", "aiMessagesAllowed")]
    public async Task A_field_the_summary_or_hash_line_does_not_have_or_one_missing_or_repeated_is_named(string from, string to, string named)
    {
        var export = Edited(await ExportAsync(), from, to);

        var verdict = await VerifyAsync(export);

        Assert.False(verdict.Intact);
        Assert.Contains($"'{named}'", verdict.Reason);
    }

    [Fact]
    public async Task A_reason_named_twice_in_the_handoffs_is_not_intact()
    {
        await _journal.AppendAsync(new StreamKey(_tenant, "c/handed"), Started(0), Issued(0, "dsc-1"), Requested(1, "hnd-1", "customer-request"));
        var export = Edited(await ExportedAsync(), "{\"customer-request\":1}", "{\"customer-request\":1,\"customer-request\":1}");

        var verdict = await VerifyAsync(export);

        Assert.False(verdict.Intact);
        Assert.Contains("customer-request", verdict.Reason);
    }
}
