// With a PostgreSQL of your own (CXCLUSTER_TEST_POSTGRES set as tests/run-all.sh sets it) and a built solution:
//   dotnet test tests/Storage.Tests --no-build --filter "FullyQualifiedName~Processes.GroupCrashTests"
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxCluster.Silo.Storage.Journal;
using CxCluster.TestSupport.Processes;
using Xunit.Abstractions;

namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// The journal's group commit on real PostgreSQL, with a silo process killed in the middle of a group: while many of its
/// conversations send messages through the API, each once, the silo kills itself
/// (<c>Testing:CrashBeforeCommitOfGroupWith</c>) when its first group of several appends has sent its statements and
/// not yet its COMMIT. Then, with a fresh silo on the same database, every acknowledged event's facts are in the journal
/// and in its conversation, and nothing of the group that died is: its event ids are unknown, and sent again each is
/// applied as new, right after the conversation's last acknowledged fact.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class GroupCrashTests(ITestOutputHelper output)
{
    /// <summary>The armed silo dies committing its first group of at least this many appends.</summary>
    private const int GroupSize = 4;

    /// <summary>Conversations of the armed silo sending at once, one message after another, each waiting for the previous one's answer.</summary>
    private const int Lanes = 16;

    /// <summary>Customer messages a conversation sends at most, below the transcript's bound, so its transcript holds them all.</summary>
    private const int MessagesPerConversation = ProcessCluster.TranscriptTurns - 10;

    /// <summary>
    /// Conversations started at most to find <see cref="Lanes"/> placed on the armed silo. The cluster's placement leaves a
    /// silo out until the silo's load statistics reach the silo placing, a second or two after it joined, and a few
    /// hundred conversations can be started one at a time before that; once they reach it, the armed silo takes about half.
    /// </summary>
    private const int MaxStarted = 2048;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_silo_killed_before_the_commit_of_a_group_loses_nothing_acknowledged_and_shows_nothing_of_the_group()
    {
        var timeline = new Timeline(output, new RequestJournal());
        // A silo that stays (so that the cluster declares the other dead), the API, and the armed silo.
        await using var cluster = await ProcessCluster.StartAsync("midgroup", silos: 1);
        try
        {
            var armed = await cluster.StartSiloAsync(new Dictionary<string, string?>
            {
                ["Testing:CrashBeforeCommitOfGroupWith"] = GroupSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            timeline.Mark($"{armed.Name} joined, armed to die before committing a group of {GroupSize} appends or more");
            using var http = cluster.CreateClient(TimeSpan.FromSeconds(30));
            await using var client = await cluster.StartClientAsync(TimeSpan.FromSeconds(10));

            // Conversations are started one request at a time, a single append in flight, so no group of several forms
            // yet; until enough of them live on the armed silo (asked of its catalog), and only those send messages.
            var conversations = new List<PlayedOnce>();
            var onArmed = new List<PlayedOnce>();
            while (onArmed.Count < Lanes)
            {
                Assert.True(conversations.Count < MaxStarted,
                    $"only {onArmed.Count} of {conversations.Count} conversations were placed on {armed.Name}, not {Lanes}");
                var batch = new List<PlayedOnce>();
                for (var i = 0; i < 8; i++)
                {
                    var conversation = new PlayedOnce($"midgroup-{conversations.Count}");
                    var start = conversation.Add(Started(), null);
                    Assert.True(await StartOnceSettledAsync(http, start), $"{conversation.Id} could not be started: {start.Failure}");
                    conversations.Add(conversation);
                    batch.Add(conversation);
                }
                var hosted = await HostedOnAsync(client.Grains, armed);
                onArmed.AddRange(batch.Where(c => hosted.Contains(client.Grains.Conversation(ProcessCluster.Tenant, c.Id).GetGrainId())));
            }
            Assert.False(armed.HasExited, $"{armed.Name} died while one append at a time was committed:\n{armed.Tail(30)}");
            timeline.Mark($"{conversations.Count} conversations started one at a time, {onArmed.Count} of them on {armed.Name}");

            var lanes = Task.WhenAll(onArmed.Take(Lanes).Select(c => Task.Run(() => SendMessagesAsync(http, c))));
            await Task.WhenAny(armed.WaitForExitAsync(Patience), lanes);
            var died = await armed.WaitForExitAsync(TimeSpan.FromSeconds(10));
            await lanes.WaitAsync(Patience);
            var events = conversations.SelectMany(c => c.Events).ToList();
            timeline.Mark($"{events.Count} events sent to {conversations.Count} conversations: {events.Count(e => e.Acknowledged)} acknowledged, " +
                $"{events.Count(e => !e.Acknowledged)} not ({string.Join("; ", events.Where(e => !e.Acknowledged).Select(e => e.Failure).Distinct().Take(3))})");
            Assert.True(died, $"{armed.Name} never committed a group of {GroupSize} appends or more while {Lanes} of its conversations " +
                $"sent up to {MessagesPerConversation} messages each");
            Assert.True(armed.ExitCode == 137, $"{armed.Name} ended with exit code {armed.ExitCode}, not by SIGKILL (137):\n{armed.Tail(30)}");
            Assert.DoesNotContain(events, e => e.AnsweredDuplicate);

            // (c) The group that died held several appends, each an event sent here that was never answered.
            var group = CrashedGroup(armed);
            timeline.Mark($"{armed.Name} died before committing a group of {group.Count} appends: " +
                string.Join(", ", group.Select(a => $"{a.StreamId}#{a.EventId} seq {a.FirstSeq}..{a.LastSeq}")));
            Assert.True(group.Count >= Math.Max(2, GroupSize), $"the group that died held {group.Count} appends");
            var byKey = events.ToDictionary(e => (ConversationJournalStream(e.ConversationId), e.EventId));
            var dead = group.Select(a =>
            {
                Assert.Equal(ProcessCluster.Tenant, a.TenantId);
                Assert.True(byKey.TryGetValue((a.StreamId, a.EventId!), out var sent), $"{a.StreamId}#{a.EventId} of the group that died was not sent here");
                Assert.False(sent.Acknowledged, $"{a.StreamId}#{a.EventId} was acknowledged, yet its group died before its commit");
                return (Append: a, Event: sent);
            }).ToList();
            Assert.Equal(group.Count, dead.Select(d => d.Event.ConversationId).Distinct().Count());
            Assert.All(dead, d => Assert.NotNull(d.Event.Text));

            await Eventually.ReturnsAsync(() => cluster.MembershipStatusAsync(armed), s => s == 6, Patience,
                $"the cluster to declare the killed {armed.Name} dead");
            var fresh = await cluster.StartSiloAsync();
            timeline.Mark($"{armed.Name} declared dead; fresh {fresh.Name} joined on the same database");

            // (a) Every acknowledged event's facts and answer are in the journal, and its conversation shows them.
            var journal = await JournalView.ReadAsync(cluster.Database);
            foreach (var conversation in conversations)
            {
                var stream = ConversationJournalStream(conversation.Id);
                Assert.True(journal.HasNoGap(stream), $"{stream} has a gap in its seqs: {journal.Describe(stream)}");
                foreach (var acknowledged in conversation.Events.Where(e => e.Acknowledged))
                {
                    Assert.True(journal.Answers.TryGetValue((stream, acknowledged.EventId), out var lastSeq),
                        $"acknowledged event {stream}#{acknowledged.EventId} has no answer in the journal");
                    Assert.Equal(acknowledged.Version, lastSeq);
                    Assert.True(journal.LastSeq(stream) >= acknowledged.Version,
                        $"{stream} ends at seq {journal.LastSeq(stream)}, before acknowledged event {acknowledged.EventId}'s {acknowledged.Version}");
                }
                if (conversation.Events[0].Acknowledged)
                {
                    var snapshot = await SnapshotAsync(http, conversation.Id);
                    var texts = CustomerTexts(snapshot!.Value);
                    var acknowledgedTexts = conversation.Events.Where(e => e.Acknowledged && e.Text is not null).Select(e => e.Text!).ToList();
                    Assert.Equal(acknowledgedTexts, texts.Take(acknowledgedTexts.Count));
                    Assert.True(snapshot.Value.GetProperty("version").GetInt64() >= conversation.Events.Where(e => e.Acknowledged).Max(e => e.Version));
                }
            }
            timeline.Mark($"every acknowledged event of {conversations.Count} conversations is in the journal and in its conversation");

            // (b) Nothing of the group that died is visible: no answer, no fact, the conversation as its last acknowledged event left it.
            foreach (var (append, sent) in dead)
            {
                var stream = append.StreamId;
                var before = sent.Previous?.Version ?? 0;
                Assert.False(journal.Answers.ContainsKey((stream, sent.EventId)), $"{stream}#{sent.EventId} of the group that died has an answer");
                Assert.Equal(before, journal.LastSeq(stream));
                if (append.FirstSeq is { } firstSeq)
                {
                    Assert.Equal(before + 1, firstSeq);
                }
                var snapshot = await SnapshotAsync(http, sent.ConversationId);
                if (before == 0)
                {
                    Assert.Null(snapshot);
                }
                else
                {
                    Assert.Equal(before, snapshot!.Value.GetProperty("version").GetInt64());
                    Assert.DoesNotContain(sent.Text!, CustomerTexts(snapshot.Value));
                }
            }

            // Sent again with the same id, each is applied as new; every other event left unanswered is answered too, once.
            var unanswered = events.Where(e => !e.Acknowledged).ToList();
            var duplicates = 0;
            foreach (var sent in unanswered)
            {
                var inGroup = dead.Any(d => d.Event == sent);
                var before = sent.Previous?.Version ?? 0;
                var (status, answer) = await SendAsync(http, sent);
                Assert.True(status == 200, $"{sent.ConversationId}#{sent.EventId} sent again was answered {status}: {answer}");
                var duplicate = answer!.Value.GetProperty("duplicate").GetBoolean();
                var version = answer.Value.GetProperty("conversation").GetProperty("version").GetInt64();
                if (inGroup)
                {
                    Assert.False(duplicate, $"{sent.ConversationId}#{sent.EventId} of the group that died was answered as a duplicate");
                    Assert.True(version > before, $"{sent.ConversationId}#{sent.EventId} sent again recorded nothing (version {version})");
                }
                duplicates += duplicate ? 1 : 0;
                var stream = ConversationJournalStream(sent.ConversationId);
                var after = await JournalView.ReadAsync(cluster.Database, stream);
                Assert.True(after.HasNoGap(stream), $"{stream} has a gap in its seqs after the resend: {after.Describe(stream)}");
                Assert.Equal(version, after.LastSeq(stream));
                Assert.True(after.Answers.TryGetValue((stream, sent.EventId), out var lastSeq) && lastSeq == version,
                    $"{stream}#{sent.EventId} sent again has no answer at seq {version} in the journal");
                if (sent.Text is not null)
                {
                    var texts = CustomerTexts((await SnapshotAsync(http, sent.ConversationId))!.Value);
                    Assert.Equal(1, texts.Count(t => t == sent.Text));
                    Assert.Equal(sent.Text, texts[^1]);
                }
            }
            timeline.Mark($"the {group.Count} events of the group that died were unknown and applied as new when sent again; " +
                $"of the other {unanswered.Count - group.Count} unanswered, {duplicates} had been stored though not answered, and were answered as duplicates");
        }
        catch
        {
            cluster.KeepLogs = true;
            output.WriteLine(cluster.Describe());
            throw;
        }
    }

    /// <summary>Sends customer messages to the conversation one at a time, each once, until one is not answered 200 or all were.</summary>
    private static async Task SendMessagesAsync(HttpClient http, PlayedOnce conversation)
    {
        for (var k = 1; k <= MessagesPerConversation; k++)
        {
            var message = conversation.Add(new JsonObject { ["type"] = "customer.message" }, $"where is my parcel, {conversation.Id} question {k}?");
            if (!await SendOnceAsync(http, message))
            {
                return;
            }
        }
    }

    private static JsonObject Started() => new() { ["type"] = "conversation.started", ["channel"] = "chat", ["locale"] = "en-US" };

    /// <summary>The grains active on <paramref name="silo"/> now, from its catalog.</summary>
    private static async Task<HashSet<GrainId>> HostedOnAsync(IClusterClient grains, ClusterProcess silo)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var address = (await management.GetHosts(onlyActive: true)).Keys.Single(s => s.Endpoint.Port == silo.SiloPort);
        return [.. (await management.GetDetailedGrainStatistics(hostsIds: [address])).Select(a => a.GrainId)];
    }

    /// <summary>Sends the event once and records its answer; false when it was not answered 200.</summary>
    /// <summary>
    /// Sends a start until it is answered: before any group of several appends forms, nothing is armed to fail, and a
    /// <c>503</c> is the cluster still settling after the armed silo joined (retryable, and it changed nothing); for up to
    /// 30 seconds.
    /// </summary>
    private static async Task<bool> StartOnceSettledAsync(HttpClient http, SentEvent sent)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (!await SendOnceAsync(http, sent))
        {
            if (sent.Failure != "503" || DateTimeOffset.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        sent.Failure = null;
        return true;
    }

    private static async Task<bool> SendOnceAsync(HttpClient http, SentEvent sent)
    {
        var (status, answer) = await SendAsync(http, sent);
        if (status != 200)
        {
            sent.Failure = status == 0 ? "no answer" : $"{status}";
            return false;
        }
        sent.Version = answer!.Value.GetProperty("conversation").GetProperty("version").GetInt64();
        sent.AnsweredDuplicate = answer.Value.GetProperty("duplicate").GetBoolean();
        return true;
    }

    /// <summary>Sends the event once (the summary answer); status 0 when no HTTP answer came.</summary>
    private static async Task<(int Status, JsonElement? Answer)> SendAsync(HttpClient http, SentEvent sent)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/conversations/{sent.ConversationId}/events")
            {
                Content = new StringContent(sent.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Prefer", "return=minimal");
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK
                ? (200, JsonDocument.Parse(text).RootElement.Clone())
                : ((int)response.StatusCode, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (0, null);
        }
    }

    /// <summary>The conversation's full snapshot, or null when it does not exist (404).</summary>
    private static async Task<JsonElement?> SnapshotAsync(HttpClient http, string conversationId)
    {
        using var response = await http.GetAsync($"/v1/conversations/{conversationId}");
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /v1/conversations/{conversationId} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<string> CustomerTexts(JsonElement snapshot) =>
        [.. snapshot.GetProperty("transcript").EnumerateArray()
            .Where(t => t.GetProperty("from").GetString() == "customer")
            .Select(t => t.GetProperty("text").GetString()!)];

    private static string ConversationJournalStream(string conversationId) => "c/" + conversationId;

    /// <summary>The appends of the group the silo died committing, from the line it wrote to standard error just before.</summary>
    private static List<CrashedAppend> CrashedGroup(ClusterProcess silo)
    {
        var line = silo.Error.Split('\n').FirstOrDefault(l => l.StartsWith(GroupCommitCrash.Marker, StringComparison.Ordinal));
        Assert.True(line is not null, $"{silo.Name} did not say which group it died committing:\n{silo.Error}");
        return JsonSerializer.Deserialize<List<CrashedAppend>>(line[GroupCommitCrash.Marker.Length..])!;
    }

    /// <summary>One conversation's events, in the order they were sent.</summary>
    private sealed class PlayedOnce(string id)
    {
        public string Id { get; } = id;

        public List<SentEvent> Events { get; } = [];

        public SentEvent Add(JsonObject body, string? text)
        {
            var eventId = $"e{Events.Count + 1}";
            body["id"] = eventId;
            if (text is not null)
            {
                body["text"] = text;
            }
            var sent = new SentEvent(Id, eventId, body.ToJsonString(), text, Events.Count > 0 ? Events[^1] : null);
            Events.Add(sent);
            return sent;
        }
    }

    /// <summary>An event sent once, and what it was answered: the conversation's version after it, or why there was no answer.</summary>
    private sealed class SentEvent(string conversationId, string eventId, string body, string? text, SentEvent? previous)
    {
        public string ConversationId { get; } = conversationId;

        public string EventId { get; } = eventId;

        public string Body { get; } = body;

        /// <summary>The customer's message, for a customer.message.</summary>
        public string? Text { get; } = text;

        /// <summary>The event sent to the same conversation just before, which was acknowledged (a lane stops at the first that is not).</summary>
        public SentEvent? Previous { get; } = previous;

        public long? Version { get; set; }

        public bool Acknowledged => Version is not null;

        public bool AnsweredDuplicate { get; set; }

        public string? Failure { get; set; }
    }

    /// <summary>What the journal's tables hold for the tenant: each stream's fact count and last seq, and each answer's last seq.</summary>
    private sealed class JournalView
    {
        private readonly Dictionary<string, (long Count, long Last)> _facts = [];

        public Dictionary<(string Stream, string EventId), long> Answers { get; } = [];

        public long LastSeq(string stream) => _facts.TryGetValue(stream, out var f) ? f.Last : 0;

        /// <summary>The stream's seqs are 1..last (seqs are a stream's key and positive, so a count equal to the last is no gap).</summary>
        public bool HasNoGap(string stream) => !_facts.TryGetValue(stream, out var f) || f.Count == f.Last;

        public string Describe(string stream) => _facts.TryGetValue(stream, out var f) ? $"{f.Count} facts, last seq {f.Last}" : "no facts";

        public static async Task<JournalView> ReadAsync(PostgresDatabase database, string? stream = null)
        {
            var view = new JournalView();
            await using var connection = await database.OpenAsync();
            await using (var facts = new Npgsql.NpgsqlCommand(
                "SELECT stream_id, count(*), max(seq) FROM cx_journal_fact WHERE tenant_id = @tenant AND (@stream::text IS NULL OR stream_id = @stream) GROUP BY stream_id",
                connection))
            {
                facts.Parameters.AddWithValue("tenant", ProcessCluster.Tenant);
                facts.Parameters.AddWithValue("stream", (object?)stream ?? DBNull.Value);
                await using var reader = await facts.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    view._facts[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
                }
            }
            await using (var answers = new Npgsql.NpgsqlCommand(
                "SELECT stream_id, event_id, last_seq FROM cx_journal_answer WHERE tenant_id = @tenant AND (@stream::text IS NULL OR stream_id = @stream)",
                connection))
            {
                answers.Parameters.AddWithValue("tenant", ProcessCluster.Tenant);
                answers.Parameters.AddWithValue("stream", (object?)stream ?? DBNull.Value);
                await using var reader = await answers.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    view.Answers[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
                }
            }
            return view;
        }
    }
}
