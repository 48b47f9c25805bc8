using System.Text;
using System.Text.Json.Nodes;
using CxCluster.Grains.Evidence;
using CxCluster.Grains.Tests.Support;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Evidence;

/// <summary>
/// A scripted month of conversations played through the conversation grains on the two-silo cluster, then exported:
/// every line is checked against what the script did, and the summary against the lines.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EvidenceMonthTests(ClusterFixture fixture)
{
    /// <summary>A month of the other tenant no other test plays events in, recent enough that one export reaches from it to now.</summary>
    private static readonly DateTimeOffset Month = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Tenant = ClusterFixture.OtherTenant;

    /// <summary>What the script did to one conversation: what its line must say.</summary>
    private sealed record Expected(
        string Id, DateTimeOffset Day, string[] Channels, int Disclosures, bool DisclosedFirst, int AiAllowed, int IdentityAnswers, string[] HandoffReasons);

    private async Task PlayAsync(string id, params ConversationEvent[] events)
    {
        foreach (var outcome in await fixture.Grains.Conversation(Tenant, id).ApplyAll(events))
        {
            Assert.Null(outcome.Refusal);
        }
    }

    /// <summary>Three conversations a day, and on some days a customer who asks for a person (and leaves, still waiting).</summary>
    private async Task<List<Expected>> PlayMonthAsync(string run)
    {
        var expected = new List<Expected>();
        for (var day = 0; day < 31; day++)
        {
            var at = Month.AddDays(day).AddHours(9);
            DateTimeOffset T(int minutes) => at.AddMinutes(minutes);

            // Confirmed before the AI spoke; the customer asks who is there.
            var a = $"{run}-{day:00}-a";
            await PlayAsync(a, Started(Channel.Chat, "en-US", T(0)), Delivered("dsc-1", T(1)), Ai("Hello, how can I help?", T(2)),
                Customer("wait, am I talking to a bot?", T(3)), Ai("Yes, I am an AI assistant.", T(4)), Ended(T(5)));
            expected.Add(new(a, at, ["chat"], 1, true, 2, 1, []));

            // The AI spoke before the platform confirmed the notice: no proof of disclosure first.
            var b = $"{run}-{day:00}-b";
            await PlayAsync(b, Started(Channel.Whatsapp, "id-ID", T(10)), Ai("Halo!", T(11)), Delivered("dsc-1", T(12)), Ended(T(13)));
            expected.Add(new(b, at, ["whatsapp"], 1, false, 1, 0, []));

            // A switch to voice: on even days the new notice is confirmed before the AI speaks again, on odd days not.
            var c = $"{run}-{day:00}-c";
            var confirms = day % 2 == 0;
            await PlayAsync(c, Started(Channel.Chat, "en-US", T(20)), Delivered("dsc-1", T(21)), Ai("Hi!", T(22)), Switched(Channel.Voice, T(23)));
            await PlayAsync(c, [.. confirms ? [Delivered("dsc-2", T(24))] : Array.Empty<ConversationEvent>(), Ai("Still with you.", T(25)), Ended(T(26))]);
            expected.Add(new(c, at, ["chat", "voice"], 2, confirms, 2, 0, []));

            if (day % 7 == 3)
            {
                // Icelandic on SMS: no agent anywhere speaks it, so the request waits until the customer leaves.
                var d = $"{run}-{day:00}-d";
                await PlayAsync(d, Started(Channel.Sms, "is-IS", T(30)), Delivered("dsc-1", T(31)),
                    Customer("I want to talk to a real person please", T(32)), Ended(T(40)));
                expected.Add(new(d, at, ["sms"], 1, true, 0, 0, ["customer-request"]));
            }
        }
        return expected;
    }

    private async Task<List<JsonNode>> ExportAsync(DateTimeOffset from, DateTimeOffset to, string? conversationId = null)
    {
        var query = new EvidenceQuery { From = from, To = to, ConversationId = conversationId };
        var bytes = await fixture.Grains.EvidenceExport(Tenant, Guid.NewGuid().ToString("N")).ReadAllAsync(query);
        Assert.True((await EvidenceFile.VerifyAsync(new MemoryStream(bytes))).Intact);
        return [.. Encoding.UTF8.GetString(bytes).Split('\n')[..^1].Select(line => JsonNode.Parse(line)!)];
    }

    private static void Check(Expected expected, JsonNode line)
    {
        var id = expected.Id;
        Assert.Equal(expected.Channels, line["channelHistory"]!.AsArray().Select(c => (string)c!["channel"]!));
        var disclosures = line["disclosures"]!.AsArray();
        Assert.True(expected.Disclosures == disclosures.Count, $"{id}: {disclosures.Count} disclosures");
        Assert.All(disclosures, d => Assert.Matches("^[0-9a-f]{64}$", (string)d!["textSha256"]!));
        Assert.True(expected.DisclosedFirst == (bool)line["disclosedBeforeFirstAi"]!, $"{id}: disclosedBeforeFirstAi");
        Assert.True(expected.AiAllowed > 0 == line["firstAiAllowedAt"] is not null, $"{id}: firstAiAllowedAt");
        Assert.True(expected.IdentityAnswers == line["identityAnswers"]!.AsArray().Count, $"{id}: identity answers");
        var handoffs = line["handoffs"]!.AsArray();
        Assert.Equal(expected.HandoffReasons, handoffs.Select(h => (string)h!["reason"]!));
        Assert.All(handoffs, h => Assert.Null(h!["assignedAt"]));
        Assert.Equal(0, (int)line["agentMessagesScored"]!);
        Assert.Null(line["erasedAt"]);
        // Everything it proves happened on its day.
        var started = DateTimeOffset.Parse((string)line["channelHistory"]![0]!["at"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected.Day.Date, started.UtcDateTime.Date);
    }

    [Fact]
    public async Task A_month_of_conversations_is_proved_line_by_line_and_summed_up_and_a_week_of_it_holds_only_that_week()
    {
        var run = $"m{Guid.NewGuid():N}"[..9];
        var expected = await PlayMonthAsync(run);

        var month = await ExportAsync(Month, Month.AddMonths(1));

        var lines = month[..^1].Where(l => ((string)l["conversationId"]!).StartsWith(run, StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Select(e => e.Id).Order(StringComparer.Ordinal), lines.Select(l => (string)l["conversationId"]!).Order(StringComparer.Ordinal));
        var byId = lines.ToDictionary(l => (string)l["conversationId"]!);
        foreach (var conversation in expected)
        {
            Check(conversation, byId[conversation.Id]);
        }
        // The summary sums every line of the export (the month holds only this script's conversations, unless a run before left its own).
        var all = month[..^1];
        var summary = month[^1]["summary"]!;
        Assert.Equal(all.Count, (int)summary["conversations"]!);
        Assert.Equal(all.Count(l => (bool)l["disclosedBeforeFirstAi"]!), (int)summary["disclosedBeforeFirstAi"]!);
        Assert.Equal(all.Sum(l => l["identityAnswers"]!.AsArray().Count), (int)summary["identityQuestions"]!);
        Assert.Equal(all.Sum(l => l["handoffs"]!.AsArray().Count), (int)summary["handoffsByReason"]!["customer-request"]!);
        Assert.Equal(0, (int)summary["erasures"]!);
        Assert.True((int)summary["aiMessagesAllowed"]! >= expected.Sum(e => e.AiAllowed));
        // The script's own figures: 31 days of three conversations, and four days with a request for a person.
        Assert.Equal(31 * 3 + 4, expected.Count);
        Assert.Equal(31 + 16 + 4, expected.Count(e => e.DisclosedFirst));

        var week = await ExportAsync(Month.AddDays(7), Month.AddDays(14));
        var weekIds = week[..^1].Select(l => (string)l["conversationId"]!).Where(id => id.StartsWith(run, StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(expected.Where(e => e.Day >= Month.AddDays(7) && e.Day < Month.AddDays(14)).Select(e => e.Id).ToHashSet(), weekIds);
    }

    [Fact]
    public async Task Erasing_a_conversation_of_the_month_leaves_its_line_as_it_was_and_a_later_period_shows_when()
    {
        var id = $"e{Guid.NewGuid():N}"[..12];
        var day = Month.AddDays(20).AddHours(15);
        await PlayAsync(id, Started(Channel.Chat, "en-US", day), Delivered("dsc-1", day.AddMinutes(1)),
            Customer("my card is 4111 1111 1111 1111, are you human?", day.AddMinutes(2)), Ended(day.AddMinutes(3)));
        var before = await ExportAsync(Month, Month.AddMonths(1), id);

        Assert.True(await fixture.Grains.Conversation(Tenant, id).Erase());
        var after = await ExportAsync(Month, Month.AddMonths(1), id);
        var now = DateTimeOffset.UtcNow;
        var since = await ExportAsync(day, now.AddHours(1), id);

        Assert.Equal(before[0].ToJsonString(), after[0].ToJsonString());
        Assert.NotNull(since[0]["erasedAt"]);
        Assert.Equal(1, (int)since[^1]["summary"]!["erasures"]!);
        Assert.DoesNotContain("4111", string.Concat(since.Select(l => l.ToJsonString())), StringComparison.Ordinal);
    }
}
