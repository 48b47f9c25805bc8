using System.Text;
using System.Text.Json.Nodes;
using CxCluster.Grains.Evidence;
using CxCluster.Grains.Tests.Support;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Evidence;

/// <summary>The export grain on a two-silo cluster, over facts the conversation grains decided themselves.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EvidenceExportGrainTests(ClusterFixture fixture)
{
    /// <summary>A day no other test's events happen on.</summary>
    private static readonly DateTimeOffset Day = new(2025, 2, 14, 0, 0, 0, TimeSpan.Zero);

    private static readonly EvidenceQuery ThatDay = new() { From = Day, To = Day.AddDays(1) };

    private static DateTimeOffset At(int minutes) => Day.AddHours(10).AddMinutes(minutes);

    private IEvidenceExportGrain NewExport() => fixture.Grains.EvidenceExport(ClusterFixture.Tenant, Guid.NewGuid().ToString("N"));

    private async Task SendAsync(string conversationId, params ConversationEvent[] events)
    {
        foreach (var outcome in await fixture.Grains.Conversation(ClusterFixture.Tenant, conversationId).ApplyAll(events))
        {
            Assert.Null(outcome.Refusal);
        }
    }

    [Fact]
    public async Task The_grains_pages_are_the_export_of_what_the_conversations_decided_after_a_channel_switch()
    {
        // Both confirm the notice on chat before the AI speaks; on voice only one confirms the new notice before the AI speaks again.
        foreach (var (id, confirmsOnVoice) in new[] { ("ev-switch-confirmed", true), ("ev-switch-unconfirmed", false) })
        {
            await SendAsync(id, Started(Channel.Chat, "en-US", At(0)), Delivered("dsc-1", At(1)), Ai("Hello!", At(2)),
                Customer("am I talking to a bot?", At(3)), Switched(Channel.Voice, At(4)));
            await SendAsync(id, [.. confirmsOnVoice ? [Delivered("dsc-2", At(5))] : Array.Empty<ConversationEvent>(), Ai("Still here.", At(6))]);
        }

        var viaGrain = await NewExport().ReadAllAsync(ThatDay);
        var direct = new List<byte>();
        await foreach (var page in EvidenceExport.ReadAllAsync(fixture.Journal, ClusterFixture.Tenant, ThatDay))
        {
            direct.AddRange(page.Lines);
        }

        Assert.Equal(direct, viaGrain);
        Assert.True((await EvidenceFile.VerifyAsync(new MemoryStream(viaGrain))).Intact);
        var lines = Encoding.UTF8.GetString(viaGrain).Split('\n')[..^1].Select(l => JsonNode.Parse(l)!).ToList();
        var proof = lines[..^1].ToDictionary(l => l["conversationId"]!.GetValue<string>(), l => l["disclosedBeforeFirstAi"]!.GetValue<bool>());
        Assert.Equal(new Dictionary<string, bool> { ["ev-switch-confirmed"] = true, ["ev-switch-unconfirmed"] = false }, proof);
        Assert.All(lines[..^1], l => Assert.Equal(["chat", "voice"], l["channelHistory"]!.AsArray().Select(c => c!["channel"]!.GetValue<string>())));
        Assert.All(lines[..^1], l => Assert.Equal("ai", Assert.Single(l["identityAnswers"]!.AsArray())!["answeredAs"]!.GetValue<string>()));
        Assert.Equal(4, lines[^1]["summary"]!["aiMessagesAllowed"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_page_out_of_turn_or_of_another_query_is_refused_rather_than_begun_again()
    {
        var export = NewExport();

        await Assert.ThrowsAsync<InvalidOperationException>(() => export.Read(ThatDay, 1));
        var other = NewExport();
        await other.Read(ThatDay with { ConversationId = "ev-none" }, 0);
        await Assert.ThrowsAsync<InvalidOperationException>(() => other.Read(ThatDay, 1));
        await Assert.ThrowsAsync<ArgumentException>(() => NewExport().Read(ThatDay with { To = Day }, 0));
    }
}
