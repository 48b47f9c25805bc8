using System.Text;
using CxCluster.Abstractions.Push;
using CxCluster.Grains.Push;
using CxCluster.Grains.Webhooks;

namespace CxCluster.Grains.Tests.Webhooks;

public sealed class DispatchQueueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly DeliveryResult Ok = new(DeliveryVerdict.Accepted, "200");
    private static readonly DeliveryResult Unavailable = new(DeliveryVerdict.Failed, "503");

    private static RetrySchedule Schedule => new([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)], TimeSpan.FromMinutes(1));

    private static DispatchQueue NewQueue(DispatchState? state = null, DispatchHistory? history = null, int lineLimit = 32) =>
        new(state ?? new DispatchState(), history ?? new DispatchHistory(), 0, 1, Schedule, 10, lineLimit);

    private static PushedFact Fact(long position, string conversation, long seq, DateTimeOffset? at = null, string type = "ai.allowed") => new()
    {
        Position = position,
        Id = $"c:{conversation}:{seq}",
        Type = type,
        ConversationId = conversation,
        Seq = seq,
        At = at ?? T0,
        Json = Encoding.UTF8.GetBytes($"{{\"id\":\"c:{conversation}:{seq}\"}}"),
    };

    private static string[] Ids(IEnumerable<DispatchQueue.Delivery> deliveries) => [.. deliveries.Select(d => d.Fact.Id).Order()];

    [Fact]
    public void Only_the_head_of_each_conversation_is_sent_and_the_next_follows_its_acceptance()
    {
        var queue = NewQueue();
        queue.Take([Fact(1, "a", 1), Fact(2, "b", 1), Fact(3, "a", 2)], 3);

        var first = queue.TakeDue(T0, 10);
        Assert.Equal(["c:a:1", "c:b:1"], Ids(first));
        Assert.Empty(queue.TakeDue(T0, 10));

        queue.Complete(first.Single(d => d.Fact.Id == "c:a:1"), Ok, T0);
        Assert.Equal(["c:a:2"], Ids(queue.TakeDue(T0, 10)));
    }

    [Fact]
    public void A_failing_conversation_waits_for_its_retry_while_others_go_on()
    {
        var queue = NewQueue();
        queue.Take([Fact(1, "a", 1), Fact(2, "a", 2), Fact(3, "b", 1), Fact(4, "b", 2)], 4);
        var first = queue.TakeDue(T0, 10);

        Assert.Equal(Completion.Retrying, queue.Complete(first.Single(d => d.Fact.Id == "c:a:1"), Unavailable, T0));
        Assert.Equal(Completion.Accepted, queue.Complete(first.Single(d => d.Fact.Id == "c:b:1"), Ok, T0));

        Assert.Equal(["c:b:2"], Ids(queue.TakeDue(T0.AddSeconds(1), 10)));
        Assert.Equal(T0.AddSeconds(5), queue.NextDue());
        Assert.Equal(["c:a:1"], Ids(queue.TakeDue(T0.AddSeconds(5), 10)));
    }

    [Fact]
    public void A_fact_never_accepted_within_the_give_up_time_goes_to_the_failures_and_its_conversation_goes_on()
    {
        var queue = NewQueue();
        queue.Take([Fact(1, "a", 1), Fact(2, "a", 2)], 2);
        var now = T0;
        Completion completion;
        do
        {
            var head = Assert.Single(queue.TakeDue(now, 10));
            Assert.Equal("c:a:1", head.Fact.Id);
            completion = queue.Complete(head, Unavailable, now);
            now = queue.NextDue() ?? now;
        }
        while (completion == Completion.Retrying);

        Assert.Equal(Completion.GivenUp, completion);
        var failure = Assert.Single(queue.Failures);
        Assert.Equal(("c:a:1", "503"), (failure.FactId, failure.LastError));
        Assert.True(failure.Attempts >= 3);
        Assert.Equal(["c:a:2"], Ids(queue.TakeDue(now, 10)));
    }

    [Fact]
    public void A_given_up_offer_is_kept_without_its_context_since_an_erasure_could_not_reach_it_there()
    {
        var json = "{\"id\":\"c:a:1\",\"type\":\"handoff.offered\",\"data\":{\"offerId\":\"ofr-1\",\"context\":{\"customerId\":\"cust-9\"}}}";
        var offered = Fact(1, "a", 1, type: "handoff.offered") with { Json = Encoding.UTF8.GetBytes(json), PersonalAt = json.IndexOf(",\"context\"", StringComparison.Ordinal) };
        var queue = NewQueue();
        queue.Take([offered], 1);
        var now = T0;
        Completion completion;
        do
        {
            completion = queue.Complete(Assert.Single(queue.TakeDue(now, 10)), Unavailable, now);
            now = queue.NextDue() ?? now;
        }
        while (completion == Completion.Retrying);

        var kept = Assert.Single(queue.Failures).Fact;
        Assert.Equal("{\"id\":\"c:a:1\",\"type\":\"handoff.offered\",\"data\":{\"offerId\":\"ofr-1\"}}", Encoding.UTF8.GetString(kept.Json));
        Assert.Equal(0, kept.PersonalAt);
    }

    [Fact]
    public void Concurrency_is_bounded_by_the_slots_given()
    {
        var queue = NewQueue();
        queue.Take([.. Enumerable.Range(1, 20).Select(i => Fact(i, $"c{i}", 1))], 20);

        Assert.Equal(3, queue.TakeDue(T0, 3).Count);
        Assert.Equal(3, queue.InFlight);
    }

    [Fact]
    public void A_saved_queue_reads_its_pending_facts_back_with_their_retries_and_skips_the_done_ones()
    {
        var queue = NewQueue();
        queue.Take([Fact(1, "a", 1), Fact(2, "b", 1), Fact(3, "a", 2), Fact(4, "c", 1)], 4);
        var first = queue.TakeDue(T0, 10);
        queue.Complete(first.Single(d => d.Fact.Id == "c:a:1"), Unavailable, T0);
        queue.Complete(first.Single(d => d.Fact.Id == "c:b:1"), Ok, T0);
        var state = new DispatchState();
        queue.SaveTo(state);
        Assert.Null(queue.HistoryChange); // nothing given up, no mark: the history needs no write

        var restarted = NewQueue(state);
        Assert.Equal(0, restarted.ReadAt);
        restarted.Take([Fact(1, "a", 1), Fact(2, "b", 1), Fact(3, "a", 2), Fact(4, "c", 1), Fact(5, "d", 1)], 5);

        // a:1, c:1 and the new d:1; b:1 was done; a:2 waits in the journal behind a:1, which waits for its retry.
        Assert.Equal(3, restarted.Pending);
        Assert.Equal(1, restarted.ParkedLines);
        Assert.Equal(["c:c:1", "c:d:1"], Ids(restarted.TakeDue(T0.AddSeconds(1), 10)));
        var retried = Assert.Single(restarted.TakeDue(T0.AddSeconds(5), 10));
        Assert.Equal(("c:a:1", 1), (retried.Fact.Id, retried.Attempts));
    }

    [Fact]
    public void Given_up_facts_are_sent_again_on_replay()
    {
        var queue = NewQueue(new DispatchState());
        queue.Take([Fact(1, "a", 1)], 1);
        var now = T0;
        while (queue.TakeDue(now, 1) is [var head] && queue.Complete(head, Unavailable, now) == Completion.Retrying)
        {
            now = queue.NextDue()!.Value;
        }
        Assert.Single(queue.Failures);
        var gaveUp = queue.HistoryChange!.Value;
        var history = new DispatchHistory();
        queue.SaveTo(history);
        queue.HistorySaved(gaveUp);
        Assert.Single(NewQueue(history: history).Failures);

        Assert.Equal(1, queue.ReplayFailures(now));
        Assert.NotNull(queue.HistoryChange);

        Assert.Empty(queue.Failures);
        var again = Assert.Single(queue.TakeDue(now, 10));
        Assert.Equal(("c:a:1", 0), (again.Fact.Id, again.Attempts));
    }

    [Fact]
    public void Replaying_since_a_time_reads_again_the_facts_at_or_after_it_and_keeps_what_is_pending()
    {
        var queue = NewQueue();
        queue.Mark(T0);
        queue.Take([Fact(1, "a", 1, T0.AddMinutes(1)), Fact(2, "a", 2, T0.AddMinutes(20)), Fact(3, "b", 1, T0.AddMinutes(30))], 3);
        foreach (var delivery in queue.TakeDue(T0.AddMinutes(31), 10))
        {
            queue.Complete(delivery, Ok, T0.AddMinutes(31));
        }
        var b = queue.TakeDue(T0.AddMinutes(31), 10);
        Assert.Equal(["c:a:2"], Ids(b));
        queue.Complete(b[0], Ok, T0.AddMinutes(31));

        queue.Rewind(T0.AddMinutes(15));
        Assert.Equal(0, queue.ReadAt);
        queue.Take([Fact(1, "a", 1, T0.AddMinutes(1)), Fact(2, "a", 2, T0.AddMinutes(20)), Fact(3, "b", 1, T0.AddMinutes(30)), Fact(4, "c", 1, T0.AddMinutes(40))], 4);

        Assert.Equal(["c:a:2", "c:b:1", "c:c:1"], Ids(queue.TakeDue(T0.AddMinutes(41), 10)));
    }

    [Fact]
    public void Replaying_since_the_earliest_time_there_is_reads_everything_again()
    {
        var queue = NewQueue();
        queue.Mark(T0);
        queue.Take([Fact(1, "a", 1, T0.AddMinutes(1))], 1);
        queue.Complete(Assert.Single(queue.TakeDue(T0.AddMinutes(2), 10)), Ok, T0.AddMinutes(2));

        queue.Rewind(DateTimeOffset.MinValue);

        Assert.Equal(0, queue.ReadAt);
        queue.Take([Fact(1, "a", 1, T0.AddMinutes(1))], 1);
        Assert.Equal(["c:a:1"], Ids(queue.TakeDue(T0.AddMinutes(3), 10)));
    }

    [Fact]
    public void Only_the_types_asked_for_are_taken_and_reading_goes_on_past_the_others()
    {
        var queue = NewQueue();

        queue.Take([Fact(1, "a", 1, type: "conversation.started"), Fact(2, "a", 2, type: "trust.changed"), Fact(3, "b", 1, type: "conversation.started")], 3,
            ["conversation.started"]);

        Assert.Equal(3, queue.ReadAt);
        Assert.Equal(2, queue.Queued);
        Assert.Equal(["c:a:1", "c:b:1"], Ids(queue.TakeDue(T0, 10)));
    }

    [Fact]
    public void Only_this_partitions_conversations_are_taken()
    {
        var queue = new DispatchQueue(new DispatchState(), new DispatchHistory(), 1, 4, Schedule, 10, 32);
        var facts = Enumerable.Range(1, 40).Select(i => Fact(i, $"conv-{i}", 1)).ToList();

        queue.Take(facts, 40);

        Assert.Equal(facts.Count(f => SubjectPartition.Of(f.Subject, 4) == 1), queue.Queued);
        Assert.All(queue.TakeDue(T0, 100), d => Assert.Equal(1, SubjectPartition.Of(d.Fact.Subject, 4)));
    }

    /// <summary>
    /// Plays a queue against a journal of <paramref name="journal"/>, as the dispatcher's loop does: parked lines that
    /// have gone out are read back from their own facts (a page of at most <paramref name="readBackPage"/>, taken a round
    /// later, so the reading goes on meanwhile), a page is read after the queue's position, what is due is sent and
    /// answered with <paramref name="answer"/>, and time moves on to the next retry when nothing else can happen. The
    /// journal shows <paramref name="appendedPerRound"/> more facts each round (all at once by default). Returns the
    /// accepted facts in the order they were accepted.
    /// </summary>
    private static List<PushedFact> Play(DispatchQueue queue, IReadOnlyList<PushedFact> journal, Func<PushedFact, int, DeliveryResult> answer,
        int page = 7, int slots = 4, int queueLimit = int.MaxValue, Action<DispatchQueue>? afterEachRound = null, int retryingLimit = int.MaxValue,
        int readBackPage = int.MaxValue, int appendedPerRound = int.MaxValue, Action<DispatchQueue>? onRead = null)
    {
        var accepted = new List<PushedFact>();
        var attempts = new Dictionary<string, int>();
        var now = T0;
        var readingBack = new List<(DispatchQueue.ReadBack Back, SubjectPage Page)>();
        var shown = 0L;
        for (var round = 0; round < 200_000; round++)
        {
            shown = Math.Min(journal.Count, shown + Math.Min(appendedPerRound, journal.Count));
            var visible = journal.Take((int)shown).ToList();
            foreach (var (back, found) in readingBack)
            {
                queue.TakeReadBack(back, found);
            }
            var tookBack = readingBack.Count;
            readingBack.Clear();
            foreach (var back in queue.TakeReadBacks(int.MaxValue))
            {
                var facts = visible.Where(f => f.Subject == back.Subject && f.Position >= back.From).ToList();
                readingBack.Add((back, facts.Count > readBackPage
                    ? new SubjectPage(facts.Take(readBackPage).ToList(), facts[readBackPage - 1].Position)
                    : new SubjectPage(facts, null)));
            }
            var read = 0;
            queue.MakeRoom(queueLimit);
            if (queue.WantsToRead(queueLimit, retryingLimit))
            {
                var facts = visible.Where(f => f.Position > queue.ReadAt).Take(Math.Min(page, queue.RoomToRead(queueLimit))).ToList();
                read = facts.Count;
                queue.Take(facts, facts.Count > 0 ? facts[^1].Position : queue.ReadAt);
                onRead?.Invoke(queue);
            }
            var due = queue.TakeDue(now, slots);
            foreach (var delivery in due)
            {
                var tried = attempts[delivery.Fact.Id] = attempts.GetValueOrDefault(delivery.Fact.Id) + 1;
                var result = answer(delivery.Fact, tried);
                if (queue.Complete(delivery, result, now) == Completion.Accepted)
                {
                    accepted.Add(delivery.Fact);
                }
            }
            afterEachRound?.Invoke(queue);
            if (due.Count == 0 && read == 0 && tookBack == 0 && readingBack.Count == 0 && !queue.ReadBackWanted && shown == journal.Count)
            {
                if (queue.NextDue() is not { } next)
                {
                    return accepted;
                }
                now = next > now ? next : now;
            }
        }
        throw new InvalidOperationException("the queue never settled");
    }

    private static DeliveryResult Accept(ref int count)
    {
        count++;
        return Ok;
    }

    private static void InOrderOncePerConversation(IReadOnlyList<PushedFact> expected, IReadOnlyList<PushedFact> accepted)
    {
        Assert.Equal(expected.Select(f => f.Id).Order(), accepted.Select(f => f.Id).Order());
        foreach (var line in accepted.GroupBy(f => f.ConversationId))
        {
            Assert.Equal(line.Select(f => f.Seq).Order(), line.Select(f => f.Seq));
        }
    }

    /// <summary>Facts of <paramref name="conversations"/> interleaved, <paramref name="each"/> per conversation, positions 1, 2, 3, ….</summary>
    private static List<PushedFact> Journal(IReadOnlyList<string> conversations, int each)
    {
        var facts = new List<PushedFact>();
        for (var seq = 1; seq <= each; seq++)
        {
            foreach (var conversation in conversations)
            {
                facts.Add(Fact(facts.Count + 1, conversation, seq));
            }
        }
        return facts;
    }

    [Fact]
    public void A_line_whose_head_waits_for_a_retry_holds_only_its_head_and_the_others_are_read_and_sent_meanwhile()
    {
        var queue = NewQueue(lineLimit: 32);
        // "stuck" has 200 facts, far more than half of a queue of 100; the others keep coming after them.
        var journal = Journal(["stuck"], 200).Concat(Journal(["a", "b", "c"], 50).Select(f => Fact(f.Position + 200, f.ConversationId!, f.Seq))).ToList();
        var others = 0;
        var most = 0;
        // The receiver refuses "stuck" until it has accepted every fact of the others.
        var accepted = Play(queue, journal, (fact, _) => fact.ConversationId != "stuck" ? Accept(ref others) : others < 150 ? Unavailable : Ok,
            queueLimit: 100, afterEachRound: q => most = Math.Max(most, q.Queued));

        Assert.Empty(queue.Failures);
        InOrderOncePerConversation(journal, accepted);
        Assert.All(accepted.Take(150), f => Assert.NotEqual("stuck", f.ConversationId));
        // Half the queue and a page at most: "stuck" held its first page, and nothing more while its head was refused.
        Assert.True(most <= 50 + 7, $"held at most {most} facts");
        Assert.Equal(0, queue.ParkedLines);
    }

    [Fact]
    public void A_line_holds_at_most_its_limit_and_reads_the_rest_back_in_order()
    {
        var queue = NewQueue(lineLimit: 5);
        var journal = Journal(["a", "b"], 40);
        var most = 0;

        var accepted = Play(queue, journal, (_, _) => Ok, page: 30, slots: 1, afterEachRound: q => most = Math.Max(most, q.Queued));

        InOrderOncePerConversation(journal, accepted);
        Assert.True(most <= 10, $"held at most {most} facts");
        Assert.Equal(0, queue.ParkedLines);
    }

    [Fact]
    public void A_parked_line_is_saved_and_read_back_after_a_restart()
    {
        var queue = NewQueue(lineLimit: 3);
        var journal = Journal(["a", "b"], 10);
        queue.Take(journal, journal[^1].Position);
        var first = queue.TakeDue(T0, 10);
        Assert.Equal(["c:a:1", "c:b:1"], Ids(first));
        queue.Complete(first[0].Fact.Id == "c:a:1" ? first[0] : first[1], Ok, T0);
        Assert.Equal(2, queue.ParkedLines);
        var state = new DispatchState();
        queue.SaveTo(state);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 7, ["b"] = 8 }, state.Parked);

        var again = NewQueue(state, lineLimit: 3);
        var accepted = Play(again, journal, (_, _) => Ok);

        InOrderOncePerConversation(journal.Where(f => f.Id != "c:a:1").ToList(), accepted);
        var saved = new DispatchState();
        again.SaveTo(saved);
        Assert.Null(saved.Parked);
    }

    [Fact]
    public void A_replay_since_a_time_reads_parked_lines_back_with_the_rest()
    {
        var queue = NewQueue(lineLimit: 2);
        var journal = Journal(["a"], 10);
        queue.Take(journal, journal[^1].Position);
        var head = Assert.Single(queue.TakeDue(T0, 10));
        queue.Complete(head, Unavailable, T0);
        Assert.Equal(2, queue.Queued);
        Assert.Equal(1, queue.ParkedLines);

        queue.Rewind(T0.AddHours(1));
        var accepted = Play(queue, journal, (_, _) => Ok);

        InOrderOncePerConversation(journal, accepted);
        Assert.Equal(0, queue.ParkedLines);
    }

    [Fact]
    public void Conversations_waiting_for_a_retry_do_not_count_against_the_room_to_read_so_many_refused_ones_hold_back_no_other()
    {
        var queue = NewQueue();
        // 300 conversations the receiver refuses at first, three times as many as the queue holds ready, then three that
        // it accepts; the refused ones are accepted only once every fact of the others was.
        var refused = Enumerable.Range(0, 300).Select(i => $"r{i}").ToList();
        var journal = Journal(refused, 1).Concat(Journal(["a", "b", "c"], 50).Select(f => Fact(f.Position + 300, f.ConversationId!, f.Seq))).ToList();
        var others = 0;
        var mostRetrying = 0;

        var accepted = Play(queue, journal, (fact, _) => !fact.ConversationId!.StartsWith('r') ? Accept(ref others) : others < 150 ? Unavailable : Ok,
            queueLimit: 100, afterEachRound: q => mostRetrying = Math.Max(mostRetrying, q.Retrying));

        // Before the first retry (5 s) and long before the give-up time (1 min), the others had gone out.
        Assert.Empty(queue.Failures);
        InOrderOncePerConversation(journal, accepted);
        Assert.All(accepted.Take(150), f => Assert.False(f.ConversationId!.StartsWith('r')));
        Assert.Equal(300, mostRetrying);
        Assert.Equal(0, queue.Retrying);
        Assert.Equal(0, queue.Queued);
    }

    [Fact]
    public void Reading_pauses_once_the_retrying_limit_is_reached_and_goes_on_as_they_go_out()
    {
        var queue = NewQueue();
        var refused = Enumerable.Range(0, 100).Select(i => $"r{i}").ToList();
        var journal = Journal(refused, 2);
        var mostRetrying = 0;

        // Each conversation's first fact is refused once.
        var accepted = Play(queue, journal, (_, tried) => tried == 1 ? Unavailable : Ok,
            page: 10, queueLimit: 100, retryingLimit: 20, afterEachRound: q => mostRetrying = Math.Max(mostRetrying, q.Retrying));

        InOrderOncePerConversation(journal, accepted);
        Assert.Empty(queue.Failures);
        // Reading stopped at the limit; the facts already read and ready (half the queue and a page at most) were still
        // tried and refused, so the waiting ones stay within the limit plus the queue.
        Assert.InRange(mostRetrying, 20, 20 + 100 / 2 + 10 + 4);
    }

    [Fact]
    public void Deliveries_refused_at_random_go_out_once_each_in_order_per_conversation()
    {
        foreach (var seed in Enumerable.Range(1, 200))
        {
            var random = new Random(seed);
            var conversations = Enumerable.Range(0, random.Next(1, 12)).Select(i => $"c{i}").ToList();
            var journal = Journal(conversations, random.Next(1, 30));
            // Half the seeds refuse facts one by one, the others whole conversations for a while (each of their facts
            // is refused as often), so lines go out, are left in the journal and read back in every order.
            var byConversation = conversations.ToDictionary(c => c, _ => random.Next(0, 3));
            var refusals = seed % 2 == 0
                ? journal.ToDictionary(f => f.Id, _ => random.Next(0, 3))
                : journal.ToDictionary(f => f.Id, f => byConversation[f.ConversationId!]);
            var queue = NewQueue(lineLimit: random.Next(1, 8));

            var accepted = Play(queue, journal, (fact, tried) => tried <= refusals[fact.Id] ? Unavailable : Ok,
                page: random.Next(1, 20), slots: random.Next(1, 6), queueLimit: random.Next(2, 40));

            Assert.Empty(queue.Failures);
            InOrderOncePerConversation(journal, accepted);
            Assert.Equal(0, queue.Queued);
            Assert.Equal(0, queue.Retrying);
        }
    }

    [Fact]
    public void An_attempt_holds_a_slot_only_until_it_has_gone_on_for_the_slow_time()
    {
        var queue = NewQueue();
        queue.Take([Fact(1, "a", 1), Fact(2, "b", 1), Fact(3, "c", 1)], 3);
        var slow = TimeSpan.FromSeconds(1);

        var first = queue.TakeDue(T0, 2);
        Assert.Equal(2, queue.Busy(T0.AddMilliseconds(500), slow));
        Assert.Equal(T0.AddSeconds(1), queue.NextSlotFreed(T0.AddMilliseconds(500), slow));
        var second = queue.TakeDue(T0.AddMilliseconds(1_500), 1);

        // The first two have gone on past the slow time: only the one just begun holds a slot.
        Assert.Equal(1, queue.Busy(T0.AddMilliseconds(1_500), slow));
        Assert.Equal(3, queue.InFlight);
        Assert.Equal(T0.AddMilliseconds(2_500), queue.NextSlotFreed(T0.AddMilliseconds(1_500), slow));
        queue.Complete(first[0], Ok, T0.AddSeconds(2));
        Assert.Equal(2, queue.InFlight);
        Assert.Single(second);
    }

    [Fact]
    public void Facts_behind_refused_heads_are_left_in_the_journal_once_they_fill_the_room_to_read_and_come_back_in_order()
    {
        var queue = NewQueue();
        // Five conversations of four facts each, all read at once; each first fact is refused.
        var journal = Journal(["a", "b", "c", "d", "e"], 4);
        queue.Take(journal, journal[^1].Position);
        foreach (var head in queue.TakeDue(T0, 10))
        {
            queue.Complete(head, Unavailable, T0);
        }
        Assert.Equal((20, 5), (queue.Queued, queue.Retrying));

        // Fifteen facts wait behind refused heads, more than half of a queue of 20: asking changes nothing, making room
        // sends them back to the journal, and then there is room to read.
        Assert.False(queue.WantsToRead(20, 100));
        Assert.Equal((20, 5, 0), (queue.Queued, queue.Retrying, queue.ParkedLines));
        queue.MakeRoom(20);
        Assert.True(queue.WantsToRead(20, 100));
        Assert.Equal((5, 5, 5), (queue.Queued, queue.Retrying, queue.ParkedLines));

        var accepted = Play(queue, journal, (_, _) => Ok, queueLimit: 20);
        InOrderOncePerConversation(journal, accepted);
        Assert.Equal(0, queue.ParkedLines);
    }

    [Fact]
    public void A_parked_line_is_read_back_from_its_own_facts_and_the_reading_of_the_others_never_goes_back()
    {
        var queue = NewQueue(lineLimit: 4);
        // "stuck" is refused until the others have been accepted, while their facts go on far past where it parked.
        var journal = Journal(["stuck", "a", "b"], 120);
        var others = 0;
        var readAt = 0L;
        var wentBack = false;
        var accepted = Play(queue, journal, (fact, _) => fact.ConversationId != "stuck" ? Accept(ref others) : others < 240 ? Unavailable : Ok,
            page: 9, appendedPerRound: 6, readBackPage: 3, onRead: q =>
            {
                wentBack |= q.ReadAt < readAt;
                readAt = q.ReadAt;
            });

        Assert.Empty(queue.Failures);
        InOrderOncePerConversation(journal, accepted);
        Assert.False(wentBack, "the reading went back to read a parked line again");
        Assert.Equal(0, queue.ParkedLines);
        Assert.Equal(0, queue.ReadingBack);
    }

    [Fact]
    public void Facts_of_a_line_being_read_back_that_the_reading_takes_meanwhile_go_out_once_in_order()
    {
        foreach (var seed in Enumerable.Range(1, 150))
        {
            var random = new Random(seed);
            var conversations = Enumerable.Range(0, random.Next(1, 6)).Select(i => $"c{i}").ToList();
            var journal = Journal(conversations, random.Next(5, 60));
            var refusals = journal.ToDictionary(f => f.Id, _ => random.Next(0, 4) == 0 ? random.Next(1, 3) : 0);
            var queue = NewQueue(lineLimit: random.Next(1, 6));

            // The journal grows while lines are read back from pages that stop short, taken only after the reading went on.
            var accepted = Play(queue, journal, (fact, tried) => tried <= refusals[fact.Id] ? Unavailable : Ok,
                page: random.Next(1, 15), slots: random.Next(1, 5), queueLimit: random.Next(2, 30),
                readBackPage: random.Next(1, 6), appendedPerRound: random.Next(1, 10));

            Assert.Empty(queue.Failures);
            InOrderOncePerConversation(journal, accepted);
            Assert.Equal((0, 0, 0, 0), (queue.Queued, queue.Retrying, queue.ParkedLines, queue.ReadingBack));
        }
    }

    [Fact]
    public void A_read_back_that_failed_is_handed_out_again_and_a_restarted_queue_reads_parked_lines_back_without_going_back()
    {
        var queue = NewQueue(lineLimit: 2);
        var journal = Journal(["a"], 6);
        queue.Take(journal, journal[^1].Position);
        // "a" holds two facts and parks the rest; once both went out, its line is read back.
        foreach (var round in Enumerable.Range(0, 2))
        {
            foreach (var delivery in queue.TakeDue(T0, 10))
            {
                queue.Complete(delivery, Ok, T0);
            }
        }
        var back = Assert.Single(queue.TakeReadBacks(10));
        Assert.Equal(("a", 3L), (back.Subject, back.From));
        Assert.Empty(queue.TakeReadBacks(10));
        queue.ReadBackLost(back);
        var again = Assert.Single(queue.TakeReadBacks(10));
        Assert.Equal("a", again.Subject);

        // Saved while it is read back: a restarted queue reads it back again, from where it parked, without reading the journal again.
        var state = new DispatchState();
        queue.SaveTo(state);
        var restarted = NewQueue(state, lineLimit: 2);
        Assert.Equal(state.ReadAt, restarted.ReadAt);
        Assert.Equal(journal[^1].Position, restarted.ReadAt);
        var accepted = Play(restarted, journal, (_, _) => Ok);
        Assert.Equal(["c:a:3", "c:a:4", "c:a:5", "c:a:6"], accepted.Select(f => f.Id));
    }
}
