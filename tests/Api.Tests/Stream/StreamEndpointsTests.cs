using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Stream;

/// <summary>The live stream (<c>GET /v1/stream</c>): Server-Sent Events of the tenant's facts, on the two-silo cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StreamEndpointsTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private ApiClient Acme => cluster.Acme;

    private static string For(string conversationId) => $"/v1/stream?conversationId={conversationId}";

    /// <summary>Sends <paramref name="events"/> to one conversation of <paramref name="tenant"/> and reads its stream up to a fact of type <paramref name="until"/>.</summary>
    private static async Task<List<SseRecord>> TellAsync(ApiClient tenant, string conversationId, string until, params JsonObject[] events)
    {
        await using var stream = await SseReader.OpenAsync(tenant.Http, For(conversationId));
        foreach (var @event in events)
        {
            await tenant.SendAsync(conversationId, @event);
        }
        return await stream.EventsUntilAsync(until, Wait);
    }

    [Fact]
    public async Task Each_fact_comes_as_an_event_named_by_its_type_with_a_cursor_id_and_the_Fact_as_data_in_seq_order()
    {
        var conversationId = Ids.New("conv");
        await using var stream = await SseReader.OpenAsync(Acme.Http, For(conversationId));
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);

        await Acme.SendAsync(conversationId, Events.Started("e1", "whatsapp", "id-ID"));
        await Acme.SendAsync(conversationId, Events.Customer("e2", "ini bot ya?"));
        var events = await stream.EventsUntilAsync("identity.answered", Wait);

        Assert.Equal(["conversation.started", "disclosure.issued"], events.Take(2).Select(e => e.Event));
        // Cursors are whole numbers JavaScript holds exactly, one per fact; their order says nothing (see CursorCodec).
        var cursors = events.Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(cursors, c => Assert.InRange(c, 1, 1L << 53));
        Assert.Equal(cursors.Count, cursors.Distinct().Count());
        for (var i = 0; i < events.Count; i++)
        {
            var fact = events[i].Fact;
            Json.HasFields(fact, "id", "type", "at", "seq", "conversationId", "data");
            Assert.Equal(events[i].Event, (string?)fact["type"]);
            Assert.Equal(i + 1, (long)fact["seq"]!);
            Assert.Equal($"c:{conversationId}:{i + 1}", (string?)fact["id"]);
            Assert.Equal(conversationId, (string?)fact["conversationId"]);
        }
        Assert.Equal("ai", (string?)events[^1].Fact["data"]!["answeredAs"]);
        Assert.DoesNotContain(events, e => e.Data!.Contains("ini bot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reconnect_with_Last_Event_ID_resumes_after_it_with_nothing_missed_and_nothing_twice()
    {
        var conversationId = Ids.New("conv");
        var first = await TellAsync(Acme, conversationId, "disclosure.delivered",
            Events.Started("e1", "chat", "id-ID"), Events.Delivered("e2", "dsc-1"));
        // Facts recorded while no one was connected.
        await Acme.SendAsync(conversationId, Events.Ai("e3", "Halo, ada yang bisa dibantu?"));
        await Acme.SendAsync(conversationId, Events.Ended("e4"));

        await using var resumed = await SseReader.OpenAsync(Acme.Http, For(conversationId), lastEventId: first[1].Id);
        var rest = await resumed.EventsUntilAsync("conversation.ended", Wait);

        var seqs = first.Take(2).Concat(rest).Select(e => (long)e.Fact["seq"]!).ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
        Assert.Contains(rest, e => e.Event == "ai.allowed");
    }

    [Fact]
    public async Task A_handoff_nobody_can_take_is_told_queued_with_a_null_estimate_rather_than_none()
    {
        // No agent of the cluster speaks Finnish, so no wait can be estimated.
        var conversationId = Ids.New("conv");
        await using var stream = await SseReader.OpenAsync(Acme.Http, $"/v1/stream?types=handoff.queued&conversationId={conversationId}");

        await Acme.SendAsync(conversationId, Events.Started("e1", "email", "fi-FI"));
        await Acme.SendAsync(conversationId, Events.Customer("e2", "agent please"));
        var queued = await stream.NextEventAsync(Wait);

        Assert.Equal("handoff.queued", queued.Event);
        var data = queued.Fact["data"]!.AsObject();
        Assert.Equal(["handoffId", "queue", "position", "estimatedWaitSeconds"], data.Select(p => p.Key));
        Assert.Null(data["estimatedWaitSeconds"]);
    }

    [Fact]
    public async Task A_handoff_that_ends_while_it_waits_is_told_completed_with_a_null_agent_and_names_none()
    {
        // No agent of the cluster speaks Finnish, so no agent ever holds it.
        var conversationId = Ids.New("conv");
        await using var stream = await SseReader.OpenAsync(Acme.Http, $"/v1/stream?types=handoff.completed&conversationId={conversationId}");

        await Acme.SendAsync(conversationId, Events.Started("e1", "email", "fi-FI"));
        await Acme.SendAsync(conversationId, Events.Customer("e2", "agent please"));
        await Acme.SendAsync(conversationId, Events.Ended("e3"));
        var completed = await stream.NextEventAsync(Wait);

        Assert.Equal("handoff.completed", completed.Event);
        Assert.False(completed.Fact.AsObject().ContainsKey("agentId"));
        var data = completed.Fact["data"]!.AsObject();
        Assert.Equal(["handoffId", "agentId"], data.Select(p => p.Key));
        Assert.Null(data["agentId"]);
    }

    [Fact]
    public async Task Types_and_agent_filters_pass_only_what_was_asked_for()
    {
        var conversationId = Ids.New("conv");
        var agentId = Ids.New("agent");
        await using var types = await SseReader.OpenAsync(Acme.Http, $"/v1/stream?types=identity.answered,conversation.ended&conversationId={conversationId}");
        await using var agent = await SseReader.OpenAsync(Acme.Http, $"/v1/stream?agentId={agentId}");

        await Acme.SendAsync(conversationId, Events.Started("e1", "chat", "id-ID"));
        await Acme.SendAsync(conversationId, Events.Customer("e2", "kamu robot?"));
        await Acme.SendAsync(conversationId, Events.Ended("e3"));
        await Acme.RegisterAgentAsync(agentId, "Ayu", ["id"], ["chat"], 1);
        await Acme.SetAgentStatusAsync(agentId, "away");

        Assert.Equal(["identity.answered", "conversation.ended"], (await types.EventsUntilAsync("conversation.ended", Wait)).Select(e => e.Event));
        var status = await agent.NextEventAsync(Wait);
        Assert.Equal("agent.status.changed", status.Event);
        Assert.Equal(agentId, (string?)status.Fact["agentId"]);
        Assert.Equal(1, (long)status.Fact["seq"]!);
        Assert.Equal($"a:{agentId}:1", (string?)status.Fact["id"]);
        Assert.Equal(("away", "offline"), ((string?)status.Fact["data"]!["status"], (string?)status.Fact["data"]!["previousStatus"]));
    }

    [Fact]
    public async Task A_tenant_never_hears_of_another_tenants_facts()
    {
        var conversationId = Ids.New("conv");
        await using var globex = await SseReader.OpenAsync(cluster.Globex.Http, For(conversationId));

        await Acme.SendAsync(conversationId, Events.Started("e1", "chat", "id-ID"));
        await cluster.Globex.SendAsync(conversationId, Events.Started("e1", "sms", "en-US"));
        var first = await globex.NextEventAsync(Wait);

        Assert.Equal("conversation.started", first.Event);
        Assert.Equal("sms", (string?)first.Fact["data"]!["channel"]);
    }

    [Fact]
    public async Task A_cursor_of_another_tenants_stream_is_no_cursor_here_and_one_tenants_cursors_tell_nothing_of_anothers()
    {
        var conversationId = Ids.New("conv");
        var acme = await TellAsync(Acme, conversationId, "disclosure.issued", Events.Started("e1", "chat", "id-ID"));
        var globex = await TellAsync(cluster.Globex, conversationId, "disclosure.issued", Events.Started("e1", "chat", "id-ID"));

        // The same facts in the same order, each tenant's first facts of this conversation: their cursors have nothing in common.
        Assert.Empty(acme.Select(e => e.Id).Intersect(globex.Select(e => e.Id)));
        using var request = new HttpRequestMessage(HttpMethod.Get, For(conversationId));
        request.Headers.Add("Last-Event-ID", acme[^1].Id);
        using var response = await cluster.Globex.Http.SendAsync(request);
        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not the id of an event this tenant's stream sent", (string?)problem["errors"]!["Last-Event-ID"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_HEAD_of_the_stream_answers_its_headers_at_once_and_holds_nothing_open()
    {
        using var head = new HttpRequestMessage(HttpMethod.Head, For(Ids.New("head")));
        using var bad = new HttpRequestMessage(HttpMethod.Head, "/v1/stream?types=bogus.type");
        using var timeout = new CancellationTokenSource(Wait);

        using var response = await Acme.Http.SendAsync(head, timeout.Token);
        using var refused = await Acme.Http.SendAsync(bad, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(timeout.Token));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        // The same headers as the GET it stands for.
        using var get = new HttpRequestMessage(HttpMethod.Get, For(Ids.New("head")));
        using var streamed = await Acme.Http.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(streamed.Headers.CacheControl?.ToString(), response.Headers.CacheControl?.ToString());
        Assert.Equal(streamed.Headers.Pragma.ToString(), response.Headers.Pragma.ToString());
        Assert.Equal(streamed.Content.Headers.ContentEncoding, response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_quiet_stream_sends_a_comment_line_to_keep_the_connection_alive()
    {
        await using var stream = await SseReader.OpenAsync(Acme.Http, For(Ids.New("quiet")));

        var record = await stream.NextAsync(Wait);

        Assert.Equal("keep-alive", record.Comment);
    }

    [Theory]
    [InlineData("/v1/stream?types=conversation.started,bogus.type", null, "types")]
    [InlineData("/v1/stream?types=", null, "types")]
    [InlineData("/v1/stream?types=handoff.assigned,,trust.changed", null, "types")]
    [InlineData("/v1/stream?types=handoff.assigned,", null, "types")]
    [InlineData("/v1/stream?types=handoff.assigned&types=", null, "types")]
    [InlineData("/v1/stream?conversationId=a%2Fb", null, "conversationId")]
    [InlineData("/v1/stream?agentId=x&agentId=y", null, "agentId")]
    [InlineData("/v1/stream?type=handoff.assigned", null, "type")]
    [InlineData("/v1/stream?conversationID=c-1", null, "conversationID")]
    [InlineData("/v1/stream?agent=sari", null, "agent")]
    [InlineData("/v1/stream?Conversation=c-1", null, "Conversation")]
    [InlineData("/v1/stream", "not-a-cursor", "Last-Event-ID")]
    [InlineData("/v1/stream", "9223372036854775807", "Last-Event-ID")]
    [InlineData("/v1/stream", "1000000000000", "Last-Event-ID")]
    public async Task Bad_filters_or_cursors_are_400_naming_the_field(string path, string? lastEventId, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        using var response = await Acme.Http.SendAsync(request);

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Many_unknown_types_are_one_message_naming_the_first_few()
    {
        var unknown = string.Join(',', Enumerable.Range(0, 500).Select(i => $"bogus.{i}"));

        using var response = await Acme.GetAsync($"/v1/stream?types=conversation.started,{unknown}");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "types");
        var message = Assert.Single(problem["errors"]!["types"]!.AsArray())!.GetValue<string>();
        Assert.Contains("'bogus.0'", message, StringComparison.Ordinal);
        Assert.Contains("495 more", message, StringComparison.Ordinal);
        Assert.DoesNotContain("'bogus.5'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stream_needs_a_key()
    {
        using var response = await cluster.Anonymous.GetAsync("/v1/stream");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_cut_off_instead_of_buffered_without_limit()
    {
        var conversationId = Ids.New("flood");
        // The server's own request, found by the trace id this client sends: it ends when the server cuts the client off.
        var traceId = ActivityTraceId.CreateRandom();
        var served = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    served.TrySetResult();
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        // A raw connection with a small receive window, that reads nothing after the response's first bytes.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(cluster.Address.Host, cluster.Address.Port);
        var request = $"GET /v1/stream HTTP/1.1\r\nHost: {cluster.Address.Authority}\r\nAuthorization: Bearer {ClusterFixture.AcmeKey}\r\n" +
            $"Accept: text/event-stream\r\ntraceparent: 00-{traceId}-{ActivitySpanId.CreateRandom()}-01\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        var head = new byte[512];
        Assert.True(await socket.ReceiveAsync(head) > 0);

        // Far more facts (about 10 MB of events) than the connection's buffers hold, while the client reads nothing.
        for (var sent = 0; sent < 24; sent++)
        {
            var batch = new JsonArray();
            for (var i = 0; i < 500; i++)
            {
                var started = Events.Started($"e-{sent}-{i}", "chat", "id-ID");
                started["conversationId"] = $"{conversationId}-{sent}-{i}";
                batch.Add(started);
            }
            using var response = await Acme.PostAsync(ApiClient.Batch, new JsonObject { ["events"] = batch });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Still reading nothing, the client is cut off: the server ends its request. Kept, it would wait for it forever.
        await served.Task.WaitAsync(Wait);
        // What the connection held is all it gives: then it ends.
        var drained = Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (await socket.ReceiveAsync(buffer) > 0)
                {
                }
            }
            catch (SocketException)
            {
            }
        });
        await drained.WaitAsync(Wait);
    }
}
