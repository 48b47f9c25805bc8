using System.Security.Cryptography;
using System.Text;
using CxCluster.Api.Tests.Infrastructure;
using CxCluster.Api.Tests.Stream;
using CxCluster.TestSupport.Webhooks;
using Microsoft.AspNetCore.Builder;

namespace CxCluster.Api.Tests.Webhooks;

/// <summary>
/// The one-process server (silo and API, as the embedded run starts it) with webhooks on a fast schedule: retries after
/// 0.1 s and 0.5 s, given up 3 s after the first attempt, progress saved every 100 ms, http to loopback allowed.
/// </summary>
public sealed class WebhookServerFixture : IAsyncLifetime
{
    private const string ClusterId = "cxcluster-webhook-http-tests";

    /// <summary>How long after its first attempt a fact that is never accepted is given up.</summary>
    public static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(3);

    private static readonly IReadOnlyDictionary<string, string?> WebhookSettings = new Dictionary<string, string?>
    {
        ["Webhooks:AllowLoopbackHttp"] = "true",
        ["Webhooks:RetrySeconds:0"] = "0.1",
        ["Webhooks:RetrySeconds:1"] = "0.5",
        ["Webhooks:GiveUpSeconds"] = GiveUp.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Webhooks:TimeoutSeconds"] = "5",
        ["Webhooks:SaveMilliseconds"] = "100",
    };

    private WebApplication? server;

    /// <summary>The tenant acme, calling with its API key.</summary>
    public ApiClient Acme { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var ports = FreePorts.Take(2);
        var settings = new Dictionary<string, string?>(ClusterFixture.TenantSettings);
        foreach (var (key, value) in WebhookSettings)
        {
            settings[key] = value;
        }
        server = await CohostedServer.StartAsync(ClusterId, new LocalCluster.SiloPorts(ports[0], ports[1]), settings);
        var address = LocalCluster.AddressOf(server);
        await LocalCluster.WaitUntilReadyAsync(address, LocalCluster.StartTimeout);
        Acme = ApiClient.For(address, ClusterFixture.AcmeKey);
    }

    public async Task DisposeAsync()
    {
        Acme?.Dispose();
        if (server is not null)
        {
            await LocalCluster.StopAsync(server);
        }
    }
}

/// <summary>
/// Webhooks as a platform uses them, entirely over HTTP with the tenant's key against the one-process server: endpoints
/// registered with <c>PUT</c>, conversations sent as events, and the facts received by real receivers on loopback, each
/// checked against the contract (Standard Webhooks headers, a signature verified here with HMAC-SHA256, every fact of a
/// conversation in seq order), then given up and replayed, disabled by <c>410</c> and enabled again, and deleted.
/// </summary>
public sealed class WebhookDeliveryOverHttpTests(WebhookServerFixture server) : IClassFixture<WebhookServerFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The contract's Fact types, and the three the README documents beside them.</summary>
    private static readonly HashSet<string> FactTypes =
    [
        "conversation.started", "conversation.ended", "conversation.erased", "disclosure.issued", "disclosure.delivered",
        "ai.allowed", "ai.suppressed", "identity.answered", "trust.changed", "human.offered", "handoff.requested",
        "handoff.queued", "handoff.offered", "handoff.declined", "handoff.expired", "handoff.escalated", "handoff.assigned",
        "handoff.reclaimed", "handoff.completed", "ai.resumed", "agent.status.changed",
        // The implementation's own, told beside the contract's so that seq has no gaps (README, Facts).
        "channel.switched", "message.recorded", "trust.signalled",
    ];

    private readonly List<string> _webhooks = [];
    private readonly List<WebhookReceiver> _receivers = [];

    private ApiClient Acme => server.Acme;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var webhookId in _webhooks)
        {
            using var _ = await Acme.DeleteAsync(Path(webhookId));
        }
        foreach (var receiver in _receivers)
        {
            await receiver.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_fact_of_each_conversation_arrives_as_a_signed_post_in_seq_order()
    {
        var receiver = await ReceiverAsync();
        var secret = NewSecret();
        var webhookId = Ids.New("all");

        var created = await PutAsync(webhookId, new JsonObject { ["url"] = receiver.Url("/cx"), ["secret"] = secret });

        Json.HasFields(created, "webhookId", "url", "types", "status", "createdAt", "secret");
        Assert.Equal((webhookId, receiver.Url("/cx"), "active", secret),
            (created.Text("webhookId"), created.Text("url"), created.Text("status"), created.Text("secret")));
        Assert.Null(created["types"]);
        Json.IsUtcTimestamp(created["createdAt"]);
        Assert.InRange(DateTimeOffset.Parse(created.Text("createdAt"), System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        await using var stream = await SseReader.OpenAsync(Acme.Http, "/v1/stream");
        var conversations = Enumerable.Range(0, 3).Select(_ => Ids.New("conv")).ToList();
        await Task.WhenAll(conversations.Select(ConverseAsync));
        var expected = await FactIdsAsync(conversations);

        var told = await StreamedAsync(stream, expected);
        await AllAcceptedAsync(receiver, expected);

        var deliveries = receiver.All.Where(d => conversations.Contains(d.ConversationId!)).ToList();
        // Every receiver answered 2xx, so each fact came exactly once.
        Assert.Equal(expected.Order(StringComparer.Ordinal), deliveries.Select(d => d.Id!).Order(StringComparer.Ordinal));
        Assert.All(deliveries, d =>
        {
            IsDelivery(d, secret, "/cx");
            Assert.True(JsonNode.DeepEquals(told[d.Id!], JsonNode.Parse(d.Body)), $"{d.Id}: the webhook's {Encoding.UTF8.GetString(d.Body)} but the stream's {told[d.Id!].ToJsonString()}");
        });
        InSeqOrder(deliveries, conversations);
    }

    [Fact]
    public async Task Given_up_facts_are_listed_newest_first_and_a_replay_delivers_them_once_the_receiver_accepts()
    {
        var receiver = await ReceiverAsync();
        var stuck = Ids.New("stuck");
        var free = Ids.New("free");
        var refusing = 1;
        receiver.Answer = d => Volatile.Read(ref refusing) == 1 && d.ConversationId == stuck ? new ReceiverAnswer(500) : ReceiverAnswer.Ok;
        var webhookId = Ids.New("failing");
        var created = await PutAsync(webhookId, new JsonObject { ["url"] = receiver.Url() });
        var secret = created.Text("secret");
        Assert.StartsWith("whsec_", secret);

        // Only started: a few facts, each of them given up in turn, GiveUp after its first attempt.
        await Task.WhenAll(new[] { stuck, free }.Select(c => Acme.SendAsync(c, Events.Started("e1", "chat", "en-US"))));
        var stuckFacts = await FactIdsAsync([stuck]);
        var freeFacts = await FactIdsAsync([free]);

        await AllAcceptedAsync(receiver, freeFacts);
        var failures = await Eventually.ReturnsAsync(() => FailuresAsync(webhookId), f => f.Count >= stuckFacts.Count,
            TimeSpan.FromSeconds(stuckFacts.Count * (GiveUpSeconds + 5) + 10), $"the {stuckFacts.Count} facts of {stuck} given up");

        Assert.Equal(stuckFacts.Order(StringComparer.Ordinal), failures.Select(f => f.Text("factId")).Order(StringComparer.Ordinal));
        var failedAt = failures.Select(f => DateTimeOffset.Parse(f.Text("failedAt"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(failedAt.OrderDescending(), failedAt);
        // A conversation's next fact goes out only once the one before it was given up: newest first is highest seq first.
        Assert.Equal(failures.Select(f => (long)f["fact"]!["seq"]!).OrderDescending(), failures.Select(f => (long)f["fact"]!["seq"]!));
        Assert.All(failures, f =>
        {
            Json.HasFields(f, "factId", "failedAt", "attempts", "lastError", "fact");
            Json.IsUtcTimestamp(f["failedAt"]);
            var attempts = f["attempts"]!.GetValue<int>();
            Assert.True(attempts >= 2, $"{f.Text("factId")} given up after {attempts} attempt(s)");
            Assert.Contains("500", f.Text("lastError"));
            Assert.Equal(f.Text("factId"), f["fact"].Text("id"));
            IsFact(f["fact"]!.AsObject(), stuck);
            // Each attempt the dispatcher counted reached the receiver and was refused.
            Assert.Equal(attempts, receiver.All.Count(d => d.Id == f.Text("factId")));
        });
        Assert.All(receiver.All.Where(d => d.ConversationId == stuck), d => IsDelivery(d, secret, "/hook"));

        Volatile.Write(ref refusing, 0);
        using (var replay = await Acme.PostAsync($"{Path(webhookId)}/replay", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        }

        await AllAcceptedAsync(receiver, stuckFacts);
        var replayed = receiver.Accepted.Where(d => d.ConversationId == stuck).ToList();
        Assert.Equal(stuckFacts.Order(StringComparer.Ordinal), replayed.Select(d => d.Id!).Order(StringComparer.Ordinal));
        Assert.All(replayed, d =>
        {
            IsDelivery(d, secret, "/hook");
            Assert.True(JsonNode.DeepEquals(failures.Single(f => f.Text("factId") == d.Id)["fact"], JsonNode.Parse(d.Body)),
                $"{d.Id} replayed as {Encoding.UTF8.GetString(d.Body)}");
        });
        InSeqOrder(replayed, [stuck]);
        await Eventually.HoldsAsync(async () => (await FailuresAsync(webhookId)).Count == 0, Patience, "the failures to empty after the replay");
    }

    [Fact]
    public async Task A_410_disables_the_endpoint_and_a_put_of_the_same_url_enables_it_to_go_on_where_it_stopped()
    {
        var receiver = await ReceiverAsync();
        var gone = 1;
        receiver.Answer = _ => Volatile.Read(ref gone) == 1 ? new ReceiverAnswer(410) : ReceiverAnswer.Ok;
        var webhookId = Ids.New("gone");
        var created = await PutAsync(webhookId, new JsonObject { ["url"] = receiver.Url() });
        var secret = created.Text("secret");
        var first = Ids.New("conv");

        await Acme.SendAsync(first, Events.Started("e1", "chat", "en-US"));
        var disabled = await Eventually.ReturnsAsync(() => GetAsync(webhookId), w => w.Text("status") == "disabled", Patience,
            "the endpoint to be disabled by the receiver's 410");
        Json.HasFields(disabled, "webhookId", "url", "types", "status", "createdAt");
        // Facts recorded while it is disabled are kept for it.
        await Acme.SendAsync(first, Events.Customer("e2", "hello, my parcel is late"));
        await Acme.SendAsync(first, Events.Ended("e3"));

        // Only the conversation's first fact was ever tried, and its 410 stopped everything.
        Assert.NotEmpty(receiver.All);
        Assert.All(receiver.All, d => Assert.Equal($"c:{first}:1", d.Id));
        Volatile.Write(ref gone, 0);
        var enabled = await PutAsync(webhookId, new JsonObject { ["url"] = receiver.Url() });
        Json.HasFields(enabled, "webhookId", "url", "types", "status", "createdAt");
        Assert.Equal(("active", created.Text("createdAt")), (enabled.Text("status"), enabled.Text("createdAt")));
        Assert.Equal("active", (await GetAsync(webhookId)).Text("status"));

        var second = Ids.New("conv");
        await ConverseAsync(second);
        var expected = await FactIdsAsync([first, second]);

        await AllAcceptedAsync(receiver, expected);
        var accepted = receiver.Accepted;
        // The secret was kept: a PUT without one leaves it.
        Assert.All(accepted, d => IsDelivery(d, secret, "/hook"));
        InSeqOrder(accepted, [first, second]);
        Assert.Equal(expected.Order(StringComparer.Ordinal), accepted.Select(d => d.Id!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task After_a_delete_no_fact_is_sent_to_its_receiver_while_another_endpoint_gets_them()
    {
        var deleted = await ReceiverAsync();
        var witness = await ReceiverAsync();
        var deletedId = Ids.New("deleted");
        var witnessId = Ids.New("witness");
        var deletedSecret = (await PutAsync(deletedId, new JsonObject { ["url"] = deleted.Url() })).Text("secret");
        var witnessSecret = (await PutAsync(witnessId, new JsonObject { ["url"] = witness.Url() })).Text("secret");
        var before = Ids.New("before");
        await ConverseAsync(before);
        var beforeFacts = await FactIdsAsync([before]);
        await AllAcceptedAsync(deleted, beforeFacts);
        await AllAcceptedAsync(witness, beforeFacts);

        using (var delete = await Acme.DeleteAsync(Path(deletedId)))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }
        using (var get = await Acme.GetAsync(Path(deletedId)))
        {
            await Json.ProblemAsync(get, HttpStatusCode.NotFound);
        }
        using (var failures = await Acme.GetAsync($"{Path(deletedId)}/failures"))
        {
            await Json.ProblemAsync(failures, HttpStatusCode.NotFound);
        }
        using (var list = await Acme.GetAsync("/v1/webhooks"))
        {
            Assert.DoesNotContain((await Json.OkAsync(list))["webhooks"]!.AsArray(), w => w.Text("webhookId") == deletedId);
        }
        var countBefore = deleted.All.Count;

        // Facts after the delete, of conversations spread over the endpoints' partitions.
        var after = Enumerable.Range(0, 6).Select(_ => Ids.New("after")).ToList();
        await Task.WhenAll(after.Select(ConverseAsync));
        var afterFacts = await FactIdsAsync(after);

        // The witness got every one of them, so the deleted endpoint's dispatchers had every chance to send them too.
        await AllAcceptedAsync(witness, afterFacts);
        Assert.All(witness.All, d => IsDelivery(d, witnessSecret, "/hook"));
        InSeqOrder(witness.Accepted, [.. after, before]);
        Assert.Equal(countBefore, deleted.All.Count);
        Assert.DoesNotContain(deleted.All, d => afterFacts.Contains(d.Id!));
        Assert.All(deleted.All, d => IsDelivery(d, deletedSecret, "/hook"));
    }

    private static double GiveUpSeconds => WebhookServerFixture.GiveUp.TotalSeconds;

    private static string Path(string webhookId) => $"/v1/webhooks/{webhookId}";

    /// <summary>A secret as a tenant makes one: <c>whsec_</c> and the base64 of 32 random bytes.</summary>
    private static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private async Task<WebhookReceiver> ReceiverAsync()
    {
        var receiver = await WebhookReceiver.StartAsync();
        _receivers.Add(receiver);
        return receiver;
    }

    private async Task<JsonNode> PutAsync(string webhookId, JsonObject spec)
    {
        if (!_webhooks.Contains(webhookId))
        {
            _webhooks.Add(webhookId);
        }
        using var response = await Acme.PutAsync(Path(webhookId), spec);
        return await Json.OkAsync(response);
    }

    private async Task<JsonNode> GetAsync(string webhookId)
    {
        using var response = await Acme.GetAsync(Path(webhookId));
        return await Json.OkAsync(response);
    }

    private async Task<IReadOnlyList<JsonNode>> FailuresAsync(string webhookId)
    {
        using var response = await Acme.GetAsync($"{Path(webhookId)}/failures");
        var body = await Json.OkAsync(response);
        Json.HasFields(body, "failures");
        return [.. body["failures"]!.AsArray().Select(f => f!)];
    }

    /// <summary>A short conversation as a platform sends it: started, the customer, the disclosure delivered, the AI, the customer asking who it is, ended.</summary>
    private async Task ConverseAsync(string conversationId)
    {
        var started = await Acme.SendAsync(conversationId, Events.Started("e1", "chat", "en-US"));
        var disclosureId = started.Directive("disclose").Text("disclosureId");
        await Acme.SendAsync(conversationId, Events.Customer("e2", "hello, my parcel is late"));
        await Acme.SendAsync(conversationId, Events.Delivered("e3", disclosureId));
        var ai = await Acme.SendAsync(conversationId, Events.Ai("e4", "Let me look into it."));
        Assert.Contains("allow-ai", ai.DirectiveTypes());
        await Acme.SendAsync(conversationId, Events.Customer("e5", "are you a bot?"));
        await Acme.SendAsync(conversationId, Events.Ended("e6"));
    }

    /// <summary>The ids of every fact the conversations have recorded: seq 1 to their snapshot's version.</summary>
    private async Task<HashSet<string>> FactIdsAsync(IEnumerable<string> conversations)
    {
        var ids = new HashSet<string>();
        foreach (var conversationId in conversations)
        {
            var version = (long)(await Acme.SnapshotAsync(conversationId))!["version"]!;
            Assert.True(version > 0, $"{conversationId} has recorded no fact");
            for (var seq = 1; seq <= version; seq++)
            {
                ids.Add($"c:{conversationId}:{seq}");
            }
        }
        return ids;
    }

    /// <summary>Waits until every one of <paramref name="ids"/> was accepted by <paramref name="receiver"/>.</summary>
    private static Task AllAcceptedAsync(WebhookReceiver receiver, IReadOnlyCollection<string> ids) =>
        Eventually.HoldsAsync(() => Task.FromResult(ids.All(receiver.Accepted.Select(d => d.Id).ToHashSet().Contains)), Patience,
            $"{ids.Count} facts accepted by the receiver on port {receiver.Port}: missing {string.Join(", ", ids.Except(receiver.Accepted.Select(d => d.Id!)))}");

    /// <summary>The live stream's Facts by id, read until it has told every one of <paramref name="ids"/>.</summary>
    private static async Task<Dictionary<string, JsonNode>> StreamedAsync(SseReader stream, IReadOnlyCollection<string> ids)
    {
        var told = new Dictionary<string, JsonNode>();
        while (!ids.All(told.ContainsKey))
        {
            var fact = (await stream.NextEventAsync(Patience)).Fact;
            told[fact.Text("id")] = fact;
        }
        return told;
    }

    /// <summary>
    /// One delivery as the contract has it: a POST of JSON to the registered path, <c>webhook-id</c> the body's id, a
    /// fresh <c>webhook-timestamp</c>, a <c>webhook-signature</c> this test verifies itself, and a Fact as the body.
    /// </summary>
    private static void IsDelivery(ReceivedDelivery delivery, string secret, string path)
    {
        Assert.Equal("POST", delivery.Method);
        Assert.Equal(path, delivery.Path);
        Assert.Equal("application/json", new System.Net.Mime.ContentType(delivery.ContentType!).MediaType);
        var fact = JsonNode.Parse(delivery.Body)!.AsObject();
        Assert.Equal(fact.Text("id"), delivery.Id);
        Assert.True(long.TryParse(delivery.Timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var timestamp),
            $"webhook-timestamp '{delivery.Timestamp}'");
        var skew = Math.Abs(delivery.ReceivedAt.ToUnixTimeSeconds() - timestamp);
        Assert.True(skew <= 5, $"webhook-timestamp {timestamp} is {skew} s from when {delivery.Id} was received");
        Assert.True(SignedWith(secret, delivery), $"webhook-signature '{delivery.Signature}' of {delivery.Id} does not verify");
        IsFact(fact, delivery.ConversationId!);
    }

    /// <summary>Standard Webhooks' verification: HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c> keyed by the secret's bytes, one <c>v1,</c> entry equal.</summary>
    private static bool SignedWith(string secret, ReceivedDelivery delivery)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{delivery.Id}.{delivery.Timestamp}.").Concat(delivery.Body).ToArray();
        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)));
        return delivery.Signature is { } signatures
            && signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(s => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s)));
    }

    /// <summary>A conversation's Fact: <c>id</c> (<c>c:{conversationId}:{seq}</c>), a known <c>type</c>, <c>at</c>, <c>seq</c>, <c>conversationId</c> and <c>data</c>.</summary>
    private static void IsFact(JsonObject fact, string conversationId)
    {
        Assert.Subset(new HashSet<string> { "id", "type", "at", "seq", "conversationId", "agentId", "data" }, fact.Select(p => p.Key).ToHashSet());
        Assert.Superset(new HashSet<string> { "id", "type", "at", "seq", "conversationId", "data" }, fact.Select(p => p.Key).ToHashSet());
        Assert.Equal(conversationId, fact.Text("conversationId"));
        var seq = (long)fact["seq"]!;
        Assert.True(seq >= 1, $"seq {seq}");
        Assert.Equal($"c:{conversationId}:{seq}", fact.Text("id"));
        Assert.Contains(fact.Text("type"), FactTypes);
        Json.IsUtcTimestamp(fact["at"]);
        Assert.IsType<JsonObject>(fact["data"]);
    }

    /// <summary>Each conversation's facts were first accepted in seq order, 1, 2, 3, ... without a gap.</summary>
    private static void InSeqOrder(IReadOnlyList<ReceivedDelivery> deliveries, IReadOnlyCollection<string> conversations)
    {
        foreach (var conversationId in conversations)
        {
            var firsts = deliveries.Where(d => d.ConversationId == conversationId).GroupBy(d => d.Id).Select(g => g.First().Seq).ToList();
            Assert.Equal(Enumerable.Range(1, firsts.Count).Select(i => (long)i), firsts);
        }
    }
}
