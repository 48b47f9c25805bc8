using System.Text;
using System.Text.Json.Nodes;
using CxCluster.Abstractions.Push;
using CxCluster.TestSupport.Hosting;
using Npgsql;
using Orleans.TestingHost;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Storage.Tests.Durability;

/// <summary>
/// The context packet an offer's fact carries, on real PostgreSQL: kept in the fact's personal column, told with the
/// fact, and gone for good from the database once the conversation is erased, while the offer itself stays as a fact.
/// </summary>
public sealed class OfferContextOnPostgresTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private PostgresDatabase _database = null!;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _cluster = await DurableCluster.StartAsync(_database.ConnectionString, silos: 1, new Dictionary<string, string?>
        {
            ["Routing:OfferTimeoutSeconds"] = "60",
        });
    }

    public async Task DisposeAsync()
    {
        await ClusterStop.StopAsync(_cluster);
        await _database.DisposeAsync();
    }

    /// <summary>The personal part of the conversation's <c>handoff.offered</c> fact as the database holds it (null: none).</summary>
    private async Task<string?> OfferedPersonalAsync(string conversationId)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT personal FROM cx_journal_fact WHERE tenant_id = $1 AND stream_id = $2 AND type = 'handoff.offered'", connection)
        {
            Parameters = { new() { Value = DurableCluster.Tenant }, new() { Value = $"c/{conversationId}" } },
        };
        var personal = await command.ExecuteScalarAsync();
        return personal is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;
    }

    private async Task<JsonNode> ToldOfferAsync(string conversationId)
    {
        var page = await _cluster.GrainFactory.FactFeed(DurableCluster.Tenant)
            .Read(0, 1_000, new FeedFilter(["handoff.offered"], conversationId), TimeSpan.FromSeconds(5));
        return JsonNode.Parse(Assert.Single(page.Facts).Json)!;
    }

    [Fact]
    public async Task The_offer_keeps_its_context_in_the_personal_column_tells_it_and_loses_it_for_good_on_erasure()
    {
        var ana = _cluster.GrainFactory.Agent(DurableCluster.Tenant, "ana");
        await ana.Register(new AgentProfile { DisplayName = "Ana", Languages = ["id"], Channels = [Channel.Chat], Capacity = 1 });
        await ana.SetStatus(AgentStatus.Available);
        var conversation = _cluster.GrainFactory.Conversation(DurableCluster.Tenant, "c1");
        await conversation.Apply(Started(Channel.Chat, "id-ID"));
        await conversation.Apply(Customer("paket saya belum sampai, nomor saya 0812-3456-7890"));
        await conversation.Apply(Customer("saya mau bicara dengan CS"));
        await Eventually.ReturnsAsync(() => ana.GetOffers(), o => o!.Count == 1, Patience, "ana's offer");

        var personal = await Eventually.ReturnsAsync(() => OfferedPersonalAsync("c1"), p => p is not null, Patience, "the offer's fact");
        var stored = JsonNode.Parse(personal!)!;
        var context = stored["context"]!;
        Assert.Equal("c1", (string?)context["conversationId"]);
        Assert.Contains(context["transcript"]!.AsArray(), t => ((string?)t!["text"])!.StartsWith("paket saya belum sampai", StringComparison.Ordinal));
        Assert.DoesNotContain("3456-7890", stored.ToJsonString(), StringComparison.Ordinal);
        var told = await ToldOfferAsync("c1");
        Assert.True(JsonNode.DeepEquals(context, told["data"]!["context"]), told.ToJsonString());

        Assert.True(await conversation.Erase());

        Assert.Null(await OfferedPersonalAsync("c1"));
        var retold = await Eventually.ReturnsAsync(() => ToldOfferAsync("c1"), f => f["data"]!["context"] is null, Patience, "the offer told without its context");
        Assert.Equal((string?)told["id"], (string?)retold["id"]);
        Assert.Equal((string?)told["data"]!["offerId"], (string?)retold["data"]!["offerId"]);
    }
}
