using CxCluster.Abstractions.Push;
using CxCluster.Abstractions.Webhooks;
using CxCluster.Grains.Webhooks;
using CxCluster.TestSupport.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>Webhooks end to end on a two-silo cluster, each test with a real receiver on loopback.</summary>
[Collection(WebhookClusterCollection.Name)]
public sealed class WebhookDeliveryTests(WebhookClusterFixture cluster) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _tenant = WebhookClusterFixture.NewTenant();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var webhook in await cluster.Grains.Webhooks(_tenant).List())
        {
            await cluster.Grains.Webhooks(_tenant).Delete(webhook.WebhookId);
        }
        await _receiver.DisposeAsync();
    }

    /// <summary>Waits until every one of <paramref name="expected"/> was accepted at least once.</summary>
    private Task AllAccepted(IEnumerable<PushedFact> expected, WebhookReceiver? receiver = null)
    {
        var ids = expected.Select(f => f.Id).ToHashSet();
        var at = receiver ?? _receiver;
        return Eventually.HoldsAsync(() => Task.FromResult(ids.IsSubsetOf(at.Accepted.Select(d => d.Id!))), Patience,
            $"{ids.Count} facts accepted (so far {at.Accepted.Select(d => d.Id).Distinct().Count()})");
    }

    /// <summary>Every conversation's facts were first accepted in seq order, each only after the one before it.</summary>
    private static void InSeqOrderPerConversation(IReadOnlyList<ReceivedDelivery> deliveries)
    {
        foreach (var conversation in deliveries.GroupBy(d => d.ConversationId))
        {
            var firstAcceptance = conversation.GroupBy(d => d.Id).Select(g => g.First()).ToList();
            Assert.Equal(firstAcceptance.Select(d => d.Seq).Order(), firstAcceptance.Select(d => d.Seq));
            Assert.Equal(Enumerable.Range(1, firstAcceptance.Count).Select(i => (long)i), firstAcceptance.Select(d => d.Seq));
        }
    }

    [Fact]
    public async Task Every_fact_after_creation_arrives_once_signed_and_in_seq_order_per_conversation()
    {
        await cluster.Converse(_tenant, "before");
        var before = (await cluster.FactsOf(_tenant)).Select(f => f.Id).ToHashSet();
        var secret = WebhookSignature.NewSecret();
        await cluster.Register(_tenant, "all", _receiver.Url(), secret: secret);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => cluster.Converse(_tenant, $"conv-{i}")));
        var expected = (await cluster.FactsOf(_tenant)).Where(f => !before.Contains(f.Id)).ToList();
        await AllAccepted(expected);

        var accepted = _receiver.Accepted;
        Assert.Equal(expected.Select(f => f.Id).Order(), accepted.Select(d => d.Id!).Order());
        Assert.DoesNotContain(accepted, d => d.ConversationId == "before");
        var key = WebhookSignature.KeyOf(secret)!;
        var byId = expected.ToDictionary(f => f.Id);
        Assert.All(accepted, d =>
        {
            Assert.True(d.IsSignedWith(key), $"signature of {d.Id}");
            Assert.Equal(byId[d.Id!].Json, d.Body);
            Assert.Equal("application/json", d.ContentType);
        });
        InSeqOrderPerConversation(accepted);
        Assert.Equal(8, accepted.Select(d => d.ConversationId).Distinct().Count());
    }

    [Fact]
    public async Task A_receiver_failing_for_one_conversation_holds_back_only_that_conversation()
    {
        var failing = true;
        _receiver.Answer = d => failing && d.ConversationId == "stuck" ? new ReceiverAnswer(503) : ReceiverAnswer.Ok;
        await cluster.Register(_tenant, "hold", _receiver.Url());

        await Task.WhenAll(new[] { "stuck", "free-1", "free-2", "free-3" }.Select(c => cluster.Converse(_tenant, c)));
        var facts = await cluster.FactsOf(_tenant);
        await AllAccepted(facts.Where(f => f.ConversationId != "stuck"));

        var stuckTries = _receiver.All.Where(d => d.ConversationId == "stuck").ToList();
        Assert.NotEmpty(stuckTries);
        Assert.All(stuckTries, d => Assert.Equal(1, d.Seq)); // only the head was tried, over and over
        failing = false;

        await AllAccepted(facts);
        InSeqOrderPerConversation(_receiver.Accepted);
        Assert.Empty((await cluster.Grains.Webhooks(_tenant).Failures("hold"))!);
    }

    [Fact]
    public async Task Retry_after_is_honoured()
    {
        var tries = 0;
        _receiver.Answer = d => d.Seq == 1 && d.Type == "conversation.started" && Interlocked.Increment(ref tries) == 1
            ? new ReceiverAnswer(503, RetryAfter: "2")
            : ReceiverAnswer.Ok;
        await cluster.Register(_tenant, "later", _receiver.Url(), types: ["conversation.started"]);

        await cluster.Converse(_tenant, "patient");
        await AllAccepted(await cluster.FactsOf(_tenant, ["conversation.started"]));

        var attempts = _receiver.All.Where(d => d.ConversationId == "patient").ToList();
        Assert.Equal(2, attempts.Count);
        // The schedule alone would have tried again after 0.1 s.
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromSeconds(1.9), $"retried after {attempts[1].ReceivedAt - attempts[0].ReceivedAt}");
    }

    [Fact]
    public async Task A_retry_after_past_the_give_up_time_is_cut_short_so_the_fact_is_tried_again_before_it_is_given_up()
    {
        var tries = 0;
        // A day, where the fixture gives up after 5 s.
        _receiver.Answer = d => d.Type == "conversation.started" && Interlocked.Increment(ref tries) == 1
            ? new ReceiverAnswer(503, RetryAfter: "86400")
            : ReceiverAnswer.Ok;
        await cluster.Register(_tenant, "much-later", _receiver.Url(), types: ["conversation.started"]);

        await cluster.Converse(_tenant, "long-wait");
        await AllAccepted(await cluster.FactsOf(_tenant, ["conversation.started"]));

        Assert.Equal(2, _receiver.All.Count(d => d.ConversationId == "long-wait"));
        Assert.Empty((await cluster.Grains.Webhooks(_tenant).Failures("much-later"))!);
    }

    [Fact]
    public async Task Gone_disables_the_endpoint_and_a_put_enables_it_again_without_losing_a_fact()
    {
        var gone = true;
        _receiver.Answer = _ => gone ? new ReceiverAnswer(410) : ReceiverAnswer.Ok;
        var webhook = await cluster.Register(_tenant, "gone", _receiver.Url());

        await cluster.Converse(_tenant, "leaving");
        var disabled = await Eventually.ReturnsAsync(() => cluster.Grains.Webhooks(_tenant).Get("gone"),
            w => w?.Status == WebhookStatus.Disabled, Patience, "the endpoint disabled");
        await Eventually.HoldsAsync(async () =>
        {
            var progress = await Task.WhenAll(Enumerable.Range(0, 4).Select(p => cluster.Grains.WebhookDispatcher(_tenant, "gone", p).Progress()));
            return progress.All(p => !p.Running);
        }, Patience, "every dispatcher stopped");
        Assert.Equal(webhook.CreatedAt, disabled!.CreatedAt);
        await Eventually.HoldsAsync(async () => await RemindersOf("gone") == 0, Patience, "the dispatchers' reminders removed");
        Assert.Empty(_receiver.Accepted);
        // Gone means gone: the fact it refused was not sent to it again, nor any other.
        Assert.All(_receiver.All.GroupBy(d => d.Id), tries => Assert.Single(tries));

        gone = false;
        var again = await cluster.Register(_tenant, "gone", _receiver.Url());
        Assert.Equal(WebhookStatus.Active, again.Status);
        Assert.Null(again.Secret); // shown only when created
        await AllAccepted(await cluster.FactsOf(_tenant));
        InSeqOrderPerConversation(_receiver.Accepted);
    }

    [Fact]
    public async Task A_200_whose_body_never_ends_is_no_acceptance_the_fact_is_sent_again_until_an_answer_is_whole()
    {
        var whole = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var attempts = 0;
        await using var receiver = new RawReceiver(async x =>
        {
            while (true)
            {
                if (Interlocked.Increment(ref attempts) == 1)
                {
                    await x.WriteAsync(RawReceiver.Head("HTTP/1.1 200 OK", "Content-Length: 100"));
                    await x.HoldAsync();
                    return;
                }
                await x.WriteAsync(RawReceiver.Empty(200));
                using var fact = System.Text.Json.JsonDocument.Parse(x.RequestBody);
                whole.Enqueue(fact.RootElement.GetProperty("id").GetString()!);
                await x.ReadRequestAsync();
            }
        });
        await cluster.Register(_tenant, "unending", receiver.Url(), types: ["conversation.started"]);

        await cluster.Converse(_tenant, "unending");
        var fact = Assert.Single(await cluster.FactsOf(_tenant, ["conversation.started"]));
        await Eventually.HoldsAsync(() => Task.FromResult(whole.Contains(fact.Id)), Patience, "the fact answered whole");

        Assert.True(Volatile.Read(ref attempts) >= 2);
        Assert.Empty((await cluster.Grains.Webhooks(_tenant).Failures("unending"))!);
    }

    [Fact]
    public async Task Gone_on_a_retry_disables_the_endpoint_as_on_a_first_attempt_and_the_fact_is_kept()
    {
        var answers = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var gone = true;
        _receiver.Answer = _ =>
        {
            var answer = !gone ? ReceiverAnswer.Ok : answers.IsEmpty ? new ReceiverAnswer(503) : new ReceiverAnswer(410);
            answers.Enqueue(answer.Status);
            return answer;
        };
        await cluster.Register(_tenant, "gone-later", _receiver.Url(), types: ["conversation.started"]);

        await cluster.Converse(_tenant, "leaving-later");
        await Eventually.ReturnsAsync(() => cluster.Grains.Webhooks(_tenant).Get("gone-later"),
            w => w?.Status == WebhookStatus.Disabled, Patience, "the endpoint disabled");

        Assert.Equal([503, 410], answers.Take(2));
        Assert.Empty(_receiver.Accepted);
        Assert.Empty((await cluster.Grains.Webhooks(_tenant).Failures("gone-later"))!);
        gone = false;
        await cluster.Register(_tenant, "gone-later", _receiver.Url(), types: ["conversation.started"]);
        await AllAccepted(await cluster.FactsOf(_tenant, ["conversation.started"]));
    }

    [Fact]
    public async Task Given_up_facts_go_to_the_failures_newest_first_and_a_replay_delivers_them()
    {
        var outcomes = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var lags = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CxTelemetry.MeterName && instrument.Name.StartsWith("cx.webhook.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    outcomes.Enqueue((string)tag.Value!);
                }
            }
        });
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref lags));
        listener.Start();
        var failing = true;
        _receiver.Answer = d => failing && d.ConversationId!.StartsWith("doomed", StringComparison.Ordinal) ? new ReceiverAnswer(500) : ReceiverAnswer.Ok;
        string[] types = ["conversation.started"];
        await cluster.Register(_tenant, "fails", _receiver.Url(), types);

        await cluster.Converse(_tenant, "doomed-1");
        await cluster.Converse(_tenant, "doomed-2");
        await cluster.Converse(_tenant, "fine");

        var failures = (await Eventually.ReturnsAsync(() => cluster.Grains.Webhooks(_tenant).Failures("fails"),
            f => f?.Count == 2, Patience, "two facts given up"))!;
        Assert.Equal(["c:doomed-1:1", "c:doomed-2:1"], failures.Select(f => f.FactId).Order());
        Assert.True(failures[0].FailedAt >= failures[1].FailedAt);
        Assert.All(failures, f => Assert.Equal(("500", "conversation.started"), (f.LastError, f.Fact.Type)));
        Assert.All(failures, f => Assert.True(f.Attempts >= 3));
        Assert.DoesNotContain(_receiver.Accepted, d => d.ConversationId!.StartsWith("doomed", StringComparison.Ordinal));
        Assert.Contains(_receiver.Accepted, d => d.ConversationId == "fine");

        failing = false;
        Assert.True(await cluster.Grains.Webhooks(_tenant).Replay("fails", from: null));

        await AllAccepted(await cluster.FactsOf(_tenant, types));
        Assert.Empty((await cluster.Grains.Webhooks(_tenant).Failures("fails"))!);
        Assert.All(_receiver.Accepted, d => Assert.Equal("conversation.started", d.Type));
        Assert.True(outcomes.Count(o => o == "given-up") >= 2, string.Join(",", outcomes));
        Assert.True(outcomes.Count(o => o == "failed") >= 4, string.Join(",", outcomes));
        // A delivery is counted once its answer was read, a moment after the receiver took it.
        await Eventually.HoldsAsync(() => Task.FromResult(outcomes.Count(o => o == "accepted") >= 3), Patience, "three deliveries counted as accepted");
        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref lags) >= 3), Patience, "three delays measured");
    }

    [Fact]
    public async Task Only_the_types_asked_for_are_sent()
    {
        string[] types = ["conversation.started", "disclosure.issued"];
        await cluster.Register(_tenant, "some", _receiver.Url(), types);

        await cluster.Converse(_tenant, "typed");
        var expected = await cluster.FactsOf(_tenant, types);
        await AllAccepted(expected);

        Assert.Equal(2, expected.Count);
        Assert.True((await cluster.FactsOf(_tenant)).Count > expected.Count);
        Assert.All(_receiver.Accepted, d => Assert.Contains(d.Type, types));
        Assert.Equal(expected.Count, _receiver.Accepted.Count);
    }

    [Fact]
    public async Task Another_tenants_facts_never_reach_an_endpoint()
    {
        var other = WebhookClusterFixture.NewTenant();
        await using var otherReceiver = await WebhookReceiver.StartAsync();
        await cluster.Register(_tenant, "mine", _receiver.Url());
        await cluster.Register(other, "mine", otherReceiver.Url());
        try
        {
            await Task.WhenAll(cluster.Converse(_tenant, "ours"), cluster.Converse(other, "theirs"));

            await AllAccepted(await cluster.FactsOf(_tenant));
            await AllAccepted(await cluster.FactsOf(other), otherReceiver);
            Assert.All(_receiver.All, d => Assert.Equal("ours", d.ConversationId));
            Assert.All(otherReceiver.All, d => Assert.Equal("theirs", d.ConversationId));
        }
        finally
        {
            await cluster.Grains.Webhooks(other).Delete("mine");
        }
    }

    [Fact]
    public async Task A_replay_since_a_time_delivers_every_fact_since_then_again_with_the_same_ids()
    {
        await cluster.Register(_tenant, "again", _receiver.Url());
        await cluster.Converse(_tenant, "twice");
        var facts = await cluster.FactsOf(_tenant);
        await AllAccepted(facts);

        Assert.True(await cluster.Grains.Webhooks(_tenant).Replay("again", ConversationEvents.Now.AddMinutes(-1)));

        await Eventually.HoldsAsync(() => Task.FromResult(facts.All(f => _receiver.Accepted.Count(d => d.Id == f.Id) == 2)),
            Patience, "every fact delivered a second time");
        InSeqOrderPerConversation(_receiver.Accepted);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_holds_back_no_other_endpoint()
    {
        await using var dead = await WebhookReceiver.StartAsync();
        dead.Answer = _ => new ReceiverAnswer(200, Delay: TimeSpan.FromMinutes(1));
        await cluster.Register(_tenant, "dead", dead.Url());
        await cluster.Register(_tenant, "alive", _receiver.Url());

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => cluster.Converse(_tenant, $"both-{i}")));

        await AllAccepted(await cluster.FactsOf(_tenant));
        Assert.Empty(dead.Accepted);
        InSeqOrderPerConversation(_receiver.Accepted);
    }

    [Fact]
    public async Task A_put_changes_the_types_and_the_secret_of_what_is_sent_next()
    {
        var first = WebhookSignature.NewSecret();
        await cluster.Register(_tenant, "changing", _receiver.Url(), types: ["conversation.started"], secret: first);
        await cluster.Converse(_tenant, "early");
        await AllAccepted(await cluster.FactsOf(_tenant, ["conversation.started"]));

        var second = WebhookSignature.NewSecret();
        var changedAt = DateTimeOffset.UtcNow;
        var updated = await cluster.Register(_tenant, "changing", _receiver.Url(), types: null, secret: second);
        Assert.Null(updated.Types);
        await cluster.Converse(_tenant, "later");

        var later = (await cluster.FactsOf(_tenant)).Where(f => f.ConversationId == "later").ToList();
        await AllAccepted(later);
        var key = WebhookSignature.KeyOf(second)!;
        Assert.All(_receiver.Accepted.Where(d => d.ConversationId == "later"), d =>
            Assert.True(d.IsSignedWith(key)));
        // Before the change only the types asked for were sent; a fact of "early" the endpoint had not come to yet when the
        // types changed is sent under the new ones, as what is sent next.
        Assert.All(_receiver.Accepted.Where(d => d.ConversationId == "early" && d.ReceivedAt < changedAt), d => Assert.Equal("conversation.started", d.Type));
    }

    [Fact]
    public async Task Deleting_an_endpoint_stops_its_dispatchers()
    {
        await cluster.Register(_tenant, "brief", _receiver.Url());
        await cluster.Converse(_tenant, "short");
        await AllAccepted(await cluster.FactsOf(_tenant));
        Assert.Equal(4, await RemindersOf("brief"));

        Assert.True(await cluster.Grains.Webhooks(_tenant).Delete("brief"));

        Assert.Null(await cluster.Grains.Webhooks(_tenant).Get("brief"));
        Assert.Null(await cluster.Grains.Webhooks(_tenant).Failures("brief"));
        Assert.False(await cluster.Grains.Webhooks(_tenant).Replay("brief", null));
        var progress = await Task.WhenAll(Enumerable.Range(0, 4).Select(p => cluster.Grains.WebhookDispatcher(_tenant, "brief", p).Progress()));
        Assert.All(progress, p => Assert.False(p.Running));
        Assert.Equal(0, await RemindersOf("brief"));
    }

    /// <summary>The durable reminders the endpoint's dispatchers have registered.</summary>
    private async Task<int> RemindersOf(string webhookId)
    {
        var table = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async p =>
            (await table.ReadRows(cluster.Grains.WebhookDispatcher(_tenant, webhookId, p).GetGrainId())).Reminders.Count));
        return counts.Sum();
    }

    [Theory]
    [InlineData("https://10.0.0.1/hook", "url")]
    [InlineData("http://hooks.example.com/hook", "url")]
    [InlineData("https://169.254.169.254/latest", "url")]
    [InlineData("https://[::ffff:192.168.0.1]/hook", "url")]
    [InlineData("https://10.0.0.1./hook", "url")]
    [InlineData("https://167772161/hook", "url")]
    [InlineData("https://198.51.100.7/hook", "url")]
    [InlineData("https://[2002:a00:1::1]/hook", "url")]
    public async Task A_receiver_the_policy_forbids_is_refused_naming_the_url(string url, string field)
    {
        var outcome = await cluster.Grains.Webhooks(_tenant).Put("bad", new WebhookSpec { Url = url });

        Assert.Equal((RefusalKind.Invalid, field), (outcome.Refusal?.Kind, outcome.Refusal?.Field));
        Assert.Null(await cluster.Grains.Webhooks(_tenant).Get("bad"));
    }
}
