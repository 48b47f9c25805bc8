using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Supervision;

/// <summary>The supervisor board over HTTP. Javanese on chat is this class's own pool in tenant acme.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BoardEndpointTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private ApiClient Acme => cluster.Acme;

    [Fact]
    public async Task Board_shows_the_contracts_fields_a_conversation_at_risk_one_waiting_and_todays_counts()
    {
        var risky = Ids.New("conv");
        await Acme.SendAsync(risky, Events.Started("e1", "chat", "jv-ID"));
        await Acme.SendAsync(risky, Events.Signal("e2", "nlu.no_match", 1));
        await Acme.SendAsync(risky, Events.Signal("e3", "nlu.no_match", 1));
        var waiting = Ids.New("conv");
        await Acme.SendAsync(waiting, Events.Started("e1", "chat", "jv-ID"));
        await Acme.SendAsync(waiting, Events.Customer("e2", "saya mau bicara dengan CS"));
        try
        {
            var board = await Eventually.ReturnsAsync(
                () => BoardAsync(cluster.AcmeSupervisor),
                b => b["conversations"]!.AsArray().Count(c => c!.Text("conversationId") is var id && (id == risky || id == waiting)) == 2,
                Patience,
                "both conversations on the board");

            Json.HasFields(board, "asOf", "cursor", "queues", "agents", "conversations", "today");
            Json.IsUtcTimestamp(board["asOf"]);
            var atRisk = board["conversations"]!.AsArray().Single(c => c!.Text("conversationId") == risky)!;
            Json.HasFields(atRisk, "conversationId", "status", "band", "score");
            Assert.Equal(("ai", "warning"), (atRisk.Text("status"), atRisk.Text("band")));
            var queued = board["conversations"]!.AsArray().Single(c => c!.Text("conversationId") == waiting)!;
            Json.HasFields(queued, "conversationId", "status", "band", "score", "queue", "waitingSince");
            Assert.Equal(("queued", "healthy", "jv/chat"), (queued.Text("status"), queued.Text("band"), queued.Text("queue")));
            Json.IsUtcTimestamp(queued["waitingSince"]);
            var queue = board["queues"]!.AsArray().Single(q => q!.Text("name") == "jv/chat")!;
            Json.HasFields(queue, "name", "waiting", "longestWaitSeconds", "availableAgents");
            Assert.Equal(1, queue["waiting"]!.GetValue<int>());
            var today = board["today"]!;
            Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), today.Text("day"));
            Assert.True(today["handoffs"]!.GetValue<int>() >= 1);
            Assert.True(today["handoffsByReason"]!.AsObject().Count >= 1);
            foreach (var field in new[] { "offersExpired", "assigned" })
            {
                Assert.True(today[field]!.GetValue<int>() >= 0);
            }
        }
        finally
        {
            await Acme.SendAsync(risky, Events.Ended("e9"));
            await Acme.SendAsync(waiting, Events.Ended("e9"));
        }
    }

    [Fact]
    public async Task After_names_a_stream_cursor_and_must_be_a_whole_number()
    {
        using var response = await cluster.AcmeSupervisor.GetAsync("/v1/supervisor/board?after=soon");
        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "after");
    }

    [Fact]
    public async Task After_a_cursor_the_stream_never_sent_is_400_naming_it()
    {
        using var response = await cluster.AcmeSupervisor.GetAsync("/v1/supervisor/board?after=999999999999");
        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "after");
    }

    private static async Task<JsonNode> BoardAsync(ApiClient client)
    {
        using var response = await client.GetAsync("/v1/supervisor/board");
        return await Json.OkAsync(response);
    }
}
