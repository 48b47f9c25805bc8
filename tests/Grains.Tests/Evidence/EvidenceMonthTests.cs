using System.Globalization;
using System.Security.Cryptography;
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

    /// <summary>
    /// A notice the script expects on a line: what the conversation told the platform to show (the <c>disclose</c>
    /// directive's text), where, why, and at which of the script's times it was issued and confirmed.
    /// </summary>
    private sealed record ExpectedDisclosure(
        string Id, string Channel, string Locale, string Reason, string Text, DateTimeOffset IssuedAt, DateTimeOffset? DeliveredAt);

    /// <summary>What the script did to one conversation: what its line must say.</summary>
    private sealed record Expected(
        string Id, DateTimeOffset Day, string[] Channels, ExpectedDisclosure[] Disclosures, bool DisclosedFirst,
        DateTimeOffset? FirstAiAllowedAt, int AiAllowed, DateTimeOffset[] IdentityAnswers, (string Reason, DateTimeOffset At)[] Handoffs);

    /// <summary>Plays the events and gives the text of each notice the answers told the platform to show, by its id.</summary>
    private async Task<Dictionary<string, string>> PlayAsync(string id, params ConversationEvent[] events)
    {
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var outcome in await fixture.Grains.Conversation(Tenant, id).ApplyAll(events))
        {
            Assert.Null(outcome.Refusal);
            foreach (var disclose in outcome.Result!.Directives.OfType<DiscloseDirective>())
            {
                Assert.False(string.IsNullOrWhiteSpace(disclose.Text), $"{id}: {disclose.DisclosureId} has no text");
                // A notice shown again (before an AI message) is the same notice, word for word.
                Assert.Equal(shown.GetValueOrDefault(disclose.DisclosureId, disclose.Text), disclose.Text);
                shown[disclose.DisclosureId] = disclose.Text;
            }
        }
        return shown;
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
            var shownA = await PlayAsync(a, Started(Channel.Chat, "en-US", T(0)), Delivered("dsc-1", T(1)), Ai("Hello, how can I help?", T(2)),
                Customer("wait, am I talking to a bot?", T(3)), Ai("Yes, I am an AI assistant.", T(4)), Ended(T(5)));
            expected.Add(new(a, at, ["chat"], [new("dsc-1", "chat", "en-US", "start", shownA["dsc-1"], T(0), T(1))],
                true, T(2), 2, [T(3)], []));

            // The AI spoke before the platform confirmed the notice: no proof of disclosure first.
            var b = $"{run}-{day:00}-b";
            var shownB = await PlayAsync(b, Started(Channel.Whatsapp, "id-ID", T(10)), Ai("Halo!", T(11)), Delivered("dsc-1", T(12)), Ended(T(13)));
            expected.Add(new(b, at, ["whatsapp"], [new("dsc-1", "whatsapp", "id-ID", "start", shownB["dsc-1"], T(10), T(12))],
                false, T(11), 1, [], []));

            // A switch to voice: on even days the new notice is confirmed before the AI speaks again, on odd days not.
            var c = $"{run}-{day:00}-c";
            var confirms = day % 2 == 0;
            var shownC = await PlayAsync(c, Started(Channel.Chat, "en-US", T(20)), Delivered("dsc-1", T(21)), Ai("Hi!", T(22)), Switched(Channel.Voice, T(23)));
            foreach (var (id, text) in await PlayAsync(c, [.. confirms ? [Delivered("dsc-2", T(24))] : Array.Empty<ConversationEvent>(), Ai("Still with you.", T(25)), Ended(T(26))]))
            {
                Assert.Equal(shownC.GetValueOrDefault(id, text), text);
                shownC[id] = text;
            }
            expected.Add(new(c, at, ["chat", "voice"],
                [
                    new("dsc-1", "chat", "en-US", "start", shownC["dsc-1"], T(20), T(21)),
                    new("dsc-2", "voice", "en-US", "channel-switch", shownC["dsc-2"], T(23), confirms ? T(24) : null),
                ],
                confirms, T(22), 2, [], []));

            if (day % 7 == 3)
            {
                // Icelandic on SMS: no agent anywhere speaks it, so the request waits until the customer leaves.
                var d = $"{run}-{day:00}-d";
                var shownD = await PlayAsync(d, Started(Channel.Sms, "is-IS", T(30)), Delivered("dsc-1", T(31)),
                    Customer("I want to talk to a real person please", T(32)), Ended(T(40)));
                // There is no Icelandic text either: the customer is told in the tenant's default language, and the proof says so.
                expected.Add(new(d, at, ["sms"], [new("dsc-1", "sms", "id-ID", "start", shownD["dsc-1"], T(30), T(31))],
                    true, null, 0, [], [("customer-request", T(32))]));
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

    /// <summary>The SHA-256 of the text's UTF-8 bytes in lower-case hex, as the contract's <c>textSha256</c>.</summary>
    private static string Sha256Hex(string text) =>
        string.Concat(SHA256.HashData(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    /// <summary>A time of the export (RFC 3339, UTC); null when the field is absent.</summary>
    private static DateTimeOffset? Time(JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }
        var text = (string)value!;
        Assert.EndsWith("Z", text, StringComparison.Ordinal);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    private static void Check(Expected expected, JsonNode line)
    {
        var id = expected.Id;
        Assert.Equal(expected.Channels, line["channelHistory"]!.AsArray().Select(c => (string)c!["channel"]!));
        var disclosures = line["disclosures"]!.AsArray();
        Assert.True(expected.Disclosures.Length == disclosures.Count, $"{id}: {disclosures.Count} disclosures");
        foreach (var (want, got) in expected.Disclosures.Zip(disclosures))
        {
            var what = $"{id} {want.Id}";
            Assert.True(want.Id == (string)got!["disclosureId"]!, $"{what}: disclosureId {got["disclosureId"]}");
            Assert.True(want.Channel == (string)got["channel"]!, $"{what}: channel {got["channel"]}");
            Assert.True(want.Locale == (string)got["locale"]!, $"{what}: locale {got["locale"]}");
            Assert.True(want.Reason == (string)got["reason"]!, $"{what}: reason {got["reason"]}");
            Assert.True(Sha256Hex(want.Text) == (string)got["textSha256"]!, $"{what}: textSha256 {got["textSha256"]} is not that of \"{want.Text}\"");
            Assert.True(want.IssuedAt == Time(got["issuedAt"]), $"{what}: issuedAt {got["issuedAt"]}, expected {want.IssuedAt:O}");
            Assert.True(want.DeliveredAt == Time(got["deliveredAt"]), $"{what}: deliveredAt {got["deliveredAt"]}, expected {want.DeliveredAt:O}");
        }
        Assert.True(expected.DisclosedFirst == (bool)line["disclosedBeforeFirstAi"]!, $"{id}: disclosedBeforeFirstAi");
        Assert.True(expected.FirstAiAllowedAt == Time(line["firstAiAllowedAt"]),
            $"{id}: firstAiAllowedAt {line["firstAiAllowedAt"]}, expected {expected.FirstAiAllowedAt:O}");
        var identity = line["identityAnswers"]!.AsArray();
        Assert.True(expected.IdentityAnswers.SequenceEqual(identity.Select(a => Time(a!["at"])!.Value)), $"{id}: identity answers {identity.ToJsonString()}");
        Assert.All(identity, a => Assert.Equal("ai", (string)a!["answeredAs"]!));
        var handoffs = line["handoffs"]!.AsArray();
        Assert.Equal(expected.Handoffs.Select(h => h.Reason), handoffs.Select(h => (string)h!["reason"]!));
        Assert.Equal(expected.Handoffs.Select(h => h.At), handoffs.Select(h => Time(h!["requestedAt"])!.Value));
        Assert.All(handoffs, h => Assert.Null(h!["assignedAt"]));
        Assert.Equal(0, (int)line["agentMessagesScored"]!);
        Assert.Null(line["erasedAt"]);
        // Everything it proves happened on its day.
        var started = Time(line["channelHistory"]![0]!["at"])!.Value;
        Assert.Equal(expected.Day.Date, started.UtcDateTime.Date);
    }

    /// <summary>The summary's <c>aiMessagesAllowed</c> of an export of one conversation alone.</summary>
    private async Task<long> AiAllowedAloneAsync(string conversationId)
    {
        var alone = await ExportAsync(Month, Month.AddMonths(1), conversationId);
        Assert.Equal(conversationId, (string)alone[0]["conversationId"]!);
        return (long)alone[^1]["summary"]!["aiMessagesAllowed"]!;
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
        // AI messages allowed are not on the lines: the script's exactly, plus those of any conversation not of this
        // script (each counted from an export of it alone).
        var others = all.Select(l => (string)l["conversationId"]!).Where(id => !id.StartsWith(run, StringComparison.Ordinal)).ToList();
        var othersAllowed = 0L;
        foreach (var other in others)
        {
            othersAllowed += await AiAllowedAloneAsync(other);
        }
        Assert.Equal(expected.Sum(e => e.AiAllowed) + othersAllowed, (long)summary["aiMessagesAllowed"]!);
        // And one conversation of each kind alone: its own count.
        foreach (var kind in expected.Where(e => e.Day == expected[0].Day || e.Id.EndsWith("-d", StringComparison.Ordinal)).Take(4))
        {
            Assert.True(kind.AiAllowed == await AiAllowedAloneAsync(kind.Id), $"{kind.Id}: aiMessagesAllowed alone");
        }
        // The script's own figures: 31 days of three conversations, and four days with a request for a person.
        Assert.Equal(31 * 3 + 4, expected.Count);
        Assert.Equal(31 + 16 + 4, expected.Count(e => e.DisclosedFirst));
        Assert.Equal(31 * (2 + 1 + 2), expected.Sum(e => e.AiAllowed));

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
        Assert.DoesNotContain("4111 1111", string.Concat(since.Select(l => l.ToJsonString())), StringComparison.Ordinal);
    }
}
