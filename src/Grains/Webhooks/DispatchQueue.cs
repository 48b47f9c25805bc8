using CxCluster.Abstractions.Push;
using CxCluster.Abstractions.Webhooks;
using CxCluster.Grains.Push;

namespace CxCluster.Grains.Webhooks;

/// <summary>
/// The delivery order of one dispatcher, with no I/O: facts wait in one line per conversation (or agent), in position
/// order; only a line's head is ever sent, and the next fact of a line waits until the head was accepted or given up.
/// Lines never wait on each other. Time is passed in, so tests can move it.
/// </summary>
/// <remarks>
/// A line holds at most <c>lineLimit</c> facts in memory, and only its head while that head waits for a retry. A fact
/// beyond is <em>parked</em>: the line notes the first position it did not hold, and every later fact of it stays in the
/// journal. Once the line has gone out, its parked facts are read back from its own streams (<see cref="TakeReadBacks"/>,
/// <see cref="TakeReadBack"/>) while the reading of the others goes on, so one conversation whose receiver refuses it
/// never fills the queue, never stops the reading for the others, and, however long it was refused, costs a read of its
/// own facts only when it comes back.
/// </remarks>
public sealed class DispatchQueue
{
    /// <summary>How often a read mark is kept, and how many: about a day.</summary>
    private static readonly TimeSpan MarkEvery = TimeSpan.FromMinutes(1);
    private const int MarksKept = 1_500;

    /// <summary>A fact's time may run ahead of when it was recorded by up to this much (the API's clock tolerance), so a replay starts earlier.</summary>
    private static readonly TimeSpan ReplayMargin = TimeSpan.FromMinutes(10);

    private readonly RetrySchedule _schedule;
    private readonly int _failuresKept;
    private readonly int _lineLimit;
    /// <summary>Parked lines: the first position of each whose facts are left in the journal, to be read back.</summary>
    private readonly Dictionary<string, long> _parked = new(StringComparer.Ordinal);
    /// <summary>Parked lines being read back from their own streams.</summary>
    private readonly Dictionary<string, ReadBack> _readingBack = new(StringComparer.Ordinal);
    /// <summary>Parked lines that have gone out: to be read back (<see cref="TakeReadBacks"/>).</summary>
    private readonly HashSet<string> _readBackWanted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Delivery>> _lines = new(StringComparer.Ordinal);
    /// <summary>Lines whose head may be due now. An entry may be stale (its head in flight, waiting, or gone): it is checked when taken.</summary>
    private readonly Queue<string> _ready = new();
    /// <summary>Lines whose head waits for a retry, by when. Stale entries are checked when their time comes.</summary>
    private readonly PriorityQueue<string, DateTimeOffset> _retrying = new();
    /// <summary>Lines whose head waits for a retry with facts behind it in memory: what is left in the journal when the room to read runs out.</summary>
    private readonly HashSet<string> _behindWaiting = new(StringComparer.Ordinal);
    /// <summary>Attempts under way, each with when it began.</summary>
    private readonly HashSet<Delivery> _flying = [];
    /// <summary>Pending facts not read back yet after a restart or a replay, by position.</summary>
    private readonly Dictionary<long, PendingDelivery> _unread = [];
    private readonly List<WebhookFailure> _failures;
    private readonly List<ReadMark> _marks;
    private long _readAt;
    private long _resumeUntil;
    private DateTimeOffset? _replayFrom;
    private long _historyVersion;
    private long _historySaved;

    public DispatchQueue(DispatchState state, DispatchHistory history, int partition, int partitions, RetrySchedule schedule,
        int failuresKept, int lineLimit)
    {
        _schedule = schedule;
        _failuresKept = failuresKept;
        _lineLimit = Math.Max(1, lineLimit);
        Share = new SubjectShare(partition, partitions);
        _failures = [.. history.Failures];
        _marks = [.. history.Marks];
        _readAt = state.ReadAt;
        _resumeUntil = Math.Max(state.ResumeUntil, state.ReadAt);
        _replayFrom = state.ReplayFrom;
        foreach (var pending in state.Pending)
        {
            if (pending.Fact is { } fact)
            {
                Insert(new Delivery(fact, pending));
            }
            else
            {
                _unread[pending.Position] = pending;
                _readAt = Math.Min(_readAt, pending.Position - 1);
            }
        }
        // Parked lines are read back from their own streams once the pending facts are read again (their heads among them).
        foreach (var (subject, from) in state.Parked ?? [])
        {
            _parked[subject] = from;
            _readBackWanted.Add(subject);
        }
    }

    /// <summary>The conversations and agents this queue's partition serves: the only ones it reads and takes.</summary>
    public SubjectShare Share { get; }

    /// <summary>Every fact at or below it was read.</summary>
    public long ReadAt => _readAt;

    /// <summary>Facts waiting in the lines (in flight or not).</summary>
    public int Queued { get; private set; }

    public int InFlight => _flying.Count;

    /// <summary>
    /// Facts that wait for a retry after their receiver refused them: each the head of its line, which holds nothing more
    /// in memory meanwhile. They do not count against the room to read, so refused conversations never stop the others.
    /// </summary>
    public int Retrying { get; private set; }

    /// <summary>Facts in the lines that count against the room to read: all but the heads waiting for a retry.</summary>
    private int ReadyFacts => Queued - Retrying;

    /// <summary>Facts read but not done, including those to be read back (not counting parked lines' facts).</summary>
    public int Pending => Queued + _unread.Count;

    /// <summary>Conversations or agents whose later facts are left in the journal until their line has gone out.</summary>
    public int ParkedLines => _parked.Count;

    /// <summary>
    /// A parked line has gone out and may be read back now (<see cref="TakeReadBacks"/>): not while the pending facts
    /// of a restart or a replay are read again, which brings the heads of the lines back first.
    /// </summary>
    public bool ReadBackWanted => _readBackWanted.Count > 0 && _readAt >= _resumeUntil;

    /// <summary>Parked lines being read back now.</summary>
    public int ReadingBack => _readingBack.Count;

    public IReadOnlyList<WebhookFailure> Failures => _failures;

    /// <summary>
    /// Makes room to read before a read is decided: when more than half of <paramref name="queueLimit"/> is taken and
    /// facts wait behind heads that wait for a retry, those facts are left in the journal (read back once their line
    /// has gone out), so refused conversations never stop the reading.
    /// </summary>
    public void MakeRoom(int queueLimit)
    {
        if (ReadyFacts <= queueLimit / 2 || _behindWaiting.Count == 0)
        {
            return;
        }
        foreach (var subject in _behindWaiting)
        {
            LeaveInJournal(subject);
        }
        _behindWaiting.Clear();
    }

    /// <summary>
    /// Whether the next page should be read: once the facts ready to go are at most half of <paramref name="queueLimit"/>
    /// (so a backlog is read in large pages, not a fact at a time), and while fewer than <paramref name="retryingLimit"/>
    /// conversations wait for a retry. It changes nothing: <see cref="MakeRoom"/> comes first.
    /// </summary>
    public bool WantsToRead(int queueLimit, int retryingLimit) => ReadyFacts <= queueLimit / 2 && Retrying < retryingLimit;

    /// <summary>How many facts the next page may bring.</summary>
    public int RoomToRead(int queueLimit) => Math.Max(1, queueLimit - ReadyFacts);

    /// <summary>
    /// Attempts under way that hold one of the dispatcher's slots: those begun less than <paramref name="slowAfter"/> ago.
    /// A receiver that takes longer for some conversations keeps its attempts going without holding back the others.
    /// </summary>
    public int Busy(DateTimeOffset now, TimeSpan slowAfter)
    {
        var busy = 0;
        foreach (var delivery in _flying)
        {
            if (now - delivery.AttemptStarted < slowAfter)
            {
                busy++;
            }
        }
        return busy;
    }

    /// <summary>When the next attempt under way stops holding a slot, or null when none holds one.</summary>
    public DateTimeOffset? NextSlotFreed(DateTimeOffset now, TimeSpan slowAfter)
    {
        DateTimeOffset? next = null;
        foreach (var delivery in _flying)
        {
            var freed = delivery.AttemptStarted + slowAfter;
            if (freed > now && (next is null || freed < next))
            {
                next = freed;
            }
        }
        return next;
    }

    /// <summary>The failures or marks changed since <see cref="HistorySaved"/> was last told; names the change.</summary>
    public long? HistoryChange => _historyVersion != _historySaved ? _historyVersion : null;

    /// <summary>The history as of <paramref name="change"/> is stored.</summary>
    public void HistorySaved(long change) => _historySaved = Math.Max(_historySaved, change);

    /// <summary>
    /// Takes a page of the tenant's facts read after <see cref="ReadAt"/>: those of this partition and of
    /// <paramref name="types"/> (null: every type) go to their lines. The types are applied here, as each page is taken,
    /// so a change of types holds for every fact taken after it.
    /// </summary>
    public void Take(IReadOnlyList<PushedFact> facts, long cursor, IReadOnlyList<string>? types = null)
    {
        foreach (var fact in facts)
        {
            if (fact.Position <= _readAt || !Share.Holds(fact.Subject))
            {
                continue;
            }
            var wanted = Wanted(types, fact);
            if (fact.Position <= _resumeUntil)
            {
                if (_unread.Remove(fact.Position, out var pending))
                {
                    if (wanted)
                    {
                        Hold(new Delivery(fact, pending with { Fact = null }));
                    }
                }
                else if (wanted && _replayFrom is { } from && fact.At >= from)
                {
                    Hold(new Delivery(fact, null));
                }
                continue;
            }
            if (wanted)
            {
                Hold(new Delivery(fact, null));
            }
        }
        _readAt = Math.Max(_readAt, cursor);
        if (_readAt >= _resumeUntil)
        {
            _replayFrom = null;
            // A pending fact the journal no longer tells is not waited for.
            _unread.Clear();
        }
    }

    /// <summary>
    /// Up to <paramref name="most"/> parked lines that have gone out, each to be read back from its own streams from where
    /// it stopped (<see cref="TenantFeeds.ReadSubjectAsync"/>) and handed to <see cref="TakeReadBack"/>. The reading of
    /// the others goes on meanwhile; the facts of a line being read back that it comes across are kept aside for it.
    /// </summary>
    public List<ReadBack> TakeReadBacks(int most)
    {
        var taken = new List<ReadBack>();
        if (!ReadBackWanted || most <= 0)
        {
            return taken;
        }
        var dropped = new List<string>();
        foreach (var subject in _readBackWanted)
        {
            if (taken.Count == most)
            {
                break;
            }
            dropped.Add(subject);
            // A line that holds facts again (a replay's, or its pending head after a restart) is read back once it has gone out.
            if (_parked.TryGetValue(subject, out var from) && !_readingBack.ContainsKey(subject)
                && !(_lines.TryGetValue(subject, out var line) && line.Count > 0))
            {
                var back = new ReadBack(subject, from, _readAt);
                _readingBack[subject] = back;
                taken.Add(back);
            }
        }
        foreach (var subject in dropped)
        {
            _readBackWanted.Remove(subject);
        }
        return taken;
    }

    /// <summary>
    /// Puts in its line what was read back of a parked line (<paramref name="page"/>, read after <see cref="TakeReadBacks"/>
    /// handed it out), with the facts of it the reading came across meanwhile, in position order and up to the line's
    /// limit. Once every fact of it up to where the reading is has been held, the line is parked no more and the reading
    /// takes its next facts as for any other line; else it stays parked from its first fact not held, and is read back
    /// again once it has gone out (at once when it holds nothing).
    /// </summary>
    public void TakeReadBack(ReadBack back, SubjectPage page, IReadOnlyList<string>? types = null)
    {
        ArgumentNullException.ThrowIfNull(back);
        ArgumentNullException.ThrowIfNull(page);
        if (!_readingBack.Remove(back.Subject) || !_parked.TryGetValue(back.Subject, out var from))
        {
            return;
        }
        // What is known of the line: the page holds its facts up to where the reading was when it began (up to
        // page.Until when it stopped short), and those the reading took since are aside; beyond both nothing is known.
        var known = page.Until is { } until && until < back.ReadAt
            ? until + 1
            : Math.Min(back.SeenCut ?? long.MaxValue, _readAt + 1);
        var facts = new SortedList<long, PushedFact>();
        foreach (var fact in page.Facts)
        {
            if (fact.Position >= from && fact.Position < known && Wanted(types, fact))
            {
                facts[fact.Position] = fact;
            }
        }
        foreach (var fact in back.Seen)
        {
            if (fact.Position >= from && fact.Position < known)
            {
                facts.TryAdd(fact.Position, fact);
            }
        }
        foreach (var (position, fact) in facts)
        {
            if (_lines.TryGetValue(back.Subject, out var line) && IsFull(line))
            {
                // Full again: the rest waits in the journal until the line has gone out.
                _parked[back.Subject] = position;
                return;
            }
            Insert(new Delivery(fact, null));
        }
        if (known > _readAt)
        {
            // Every fact of it up to where the reading is, is held: the reading takes the next ones itself.
            _parked.Remove(back.Subject);
            return;
        }
        _parked[back.Subject] = known;
        if (!_lines.TryGetValue(back.Subject, out var held) || held.Count == 0)
        {
            _readBackWanted.Add(back.Subject);
        }
    }

    /// <summary>A read-back whose page never came (the read failed, or the loop stopped first): the line is read back again later.</summary>
    public void ReadBackLost(ReadBack back)
    {
        ArgumentNullException.ThrowIfNull(back);
        if (_readingBack.Remove(back.Subject) && _parked.ContainsKey(back.Subject))
        {
            _readBackWanted.Add(back.Subject);
        }
    }

    /// <summary>The endpoint asked for facts of this type (<paramref name="types"/> null: every type).</summary>
    private static bool Wanted(IReadOnlyList<string>? types, PushedFact fact) => types is null || types.Contains(fact.Type);

    /// <summary>A line holds no more: its limit, or only its head while that head waits for a retry.</summary>
    private bool IsFull(List<Delivery> line) => line.Count >= (line[0].Attempts > 0 ? 1 : _lineLimit);

    /// <summary>Puts a fact read from the journal in its line, or leaves it there when the line is parked or full.</summary>
    private void Hold(Delivery delivery)
    {
        var subject = delivery.Fact.Subject;
        var position = delivery.Fact.Position;
        if (_parked.TryGetValue(subject, out var from) && position >= from)
        {
            // Its line is parked: it waits in the journal with the line's other facts after the first parked one. While
            // the line is read back, what the reading comes across is kept aside for it (up to a line's worth).
            if (_readingBack.TryGetValue(subject, out var back) && back.SeenCut is null)
            {
                if (back.Seen.Count < _lineLimit)
                {
                    back.Seen.Add(delivery.Fact);
                }
                else
                {
                    back.SeenCut = position;
                }
            }
            return;
        }
        if (_lines.TryGetValue(subject, out var line) && position > line[^1].Fact.Position && IsFull(line))
        {
            _parked[subject] = position;
            return;
        }
        Insert(delivery);
    }

    /// <summary>Heads of lines due now, up to <paramref name="slots"/>, marked in flight; lines first due are taken first.</summary>
    public List<Delivery> TakeDue(DateTimeOffset now, int slots)
    {
        var due = new List<Delivery>();
        if (slots <= 0)
        {
            return due;
        }
        while (_retrying.TryPeek(out var waiting, out var at) && at <= now)
        {
            _retrying.Dequeue();
            _ready.Enqueue(waiting);
        }
        while (due.Count < slots && _ready.TryDequeue(out var subject))
        {
            if (!_lines.TryGetValue(subject, out var line) || line[0] is not { InFlight: false } head)
            {
                // Gone, or in flight: what becomes of the attempt puts the line back.
                continue;
            }
            if (head.NextAttempt > now)
            {
                _retrying.Enqueue(subject, head.NextAttempt);
                continue;
            }
            if (head.Attempts > 0)
            {
                Retrying--;
                _behindWaiting.Remove(subject);
            }
            head.InFlight = true;
            head.FirstAttempt ??= now;
            head.AttemptStarted = now;
            _flying.Add(head);
            due.Add(head);
        }
        return due;
    }

    /// <summary>The earliest time a head that is not in flight is due (long past for one due now), or null when none waits.</summary>
    public DateTimeOffset? NextDue() =>
        _ready.Count > 0 ? DateTimeOffset.MinValue
        : _retrying.TryPeek(out _, out var at) ? at
        : null;

    /// <summary>Records how an attempt ended; returns what becomes of the fact.</summary>
    public Completion Complete(Delivery delivery, DeliveryResult result, DateTimeOffset now)
    {
        _flying.Remove(delivery);
        delivery.InFlight = false;
        delivery.Attempts++;
        delivery.LastError = result.Detail;
        switch (result.Verdict)
        {
            case DeliveryVerdict.Accepted:
                Remove(delivery);
                return Completion.Accepted;
            case DeliveryVerdict.Gone:
                // Kept: the endpoint is disabled, and sends it first should it be enabled again.
                Retrying++;
                _ready.Enqueue(delivery.Fact.Subject);
                return Completion.Gone;
        }
        if (_schedule.Next(delivery.Attempts, delivery.FirstAttempt ?? now, now, result.RetryAfter) is { } next)
        {
            delivery.NextAttempt = next;
            Retrying++;
            _retrying.Enqueue(delivery.Fact.Subject, next);
            if (_lines.TryGetValue(delivery.Fact.Subject, out var line) && line.Count > 1)
            {
                _behindWaiting.Add(delivery.Fact.Subject);
            }
            return Completion.Retrying;
        }
        Remove(delivery);
        _failures.Add(new WebhookFailure
        {
            // Kept beyond the journal, where an erasure cannot reach: without the customer's data.
            Fact = delivery.Fact.WithoutPersonal(erased: false),
            FailedAt = now,
            Attempts = delivery.Attempts,
            LastError = result.Detail,
        });
        if (_failures.Count > _failuresKept)
        {
            _failures.RemoveRange(0, _failures.Count - _failuresKept);
        }
        _historyVersion++;
        return Completion.GivenUp;
    }

    /// <summary>
    /// The head of a line waits for a retry: the facts behind it leave memory and wait in the journal, read back from the
    /// first of them once the line has gone out, so a refused conversation holds one fact, not a line's worth. Facts the
    /// journal is not read for (a replay's), or with attempts of their own, stay.
    /// </summary>
    private void LeaveInJournal(string subject)
    {
        if (!_lines.TryGetValue(subject, out var line) || line.Count < 2 || line[0] is not { InFlight: false, Attempts: > 0 })
        {
            return;
        }
        for (var i = 1; i < line.Count; i++)
        {
            if (line[i].Replayed || line[i].Attempts > 0)
            {
                return;
            }
        }
        var from = line[1].Fact.Position;
        Queued -= line.Count - 1;
        line.RemoveRange(1, line.Count - 1);
        _parked[subject] = _parked.TryGetValue(subject, out var parked) && parked < from ? parked : from;
    }

    /// <summary>An attempt cut off by the dispatcher stopping: the fact waits as before.</summary>
    public void Abandon(Delivery delivery)
    {
        _flying.Remove(delivery);
        delivery.InFlight = false;
        if (delivery.Attempts > 0)
        {
            Retrying++;
        }
        _ready.Enqueue(delivery.Fact.Subject);
    }

    /// <summary>Sends the given-up facts again, each after what waits before it in its line.</summary>
    public int ReplayFailures(DateTimeOffset now)
    {
        var count = _failures.Count;
        foreach (var failure in _failures)
        {
            Insert(new Delivery(failure.Fact, null, replayed: true) { NextAttempt = now });
        }
        _failures.Clear();
        _historyVersion += count > 0 ? 1 : 0;
        return count;
    }

    /// <summary>
    /// Reads again, from before <paramref name="from"/>, every fact of the partition whose time is at or after it; what is
    /// pending stays pending. Only while nothing is in flight.
    /// </summary>
    public void Rewind(DateTimeOffset from)
    {
        if (InFlight > 0 || _readingBack.Count > 0)
        {
            throw new InvalidOperationException("A dispatcher rewinds only while nothing is in flight and no line is read back.");
        }
        // Any time is taken: one within the margin of the earliest there is reads from the start.
        var before = from - DateTimeOffset.MinValue > ReplayMargin ? from - ReplayMargin : DateTimeOffset.MinValue;
        var start = 0L;
        for (var i = _marks.Count - 1; i >= 0; i--)
        {
            if (_marks[i].At <= before)
            {
                start = _marks[i].Position;
                break;
            }
        }
        foreach (var line in _lines.Values)
        {
            foreach (var delivery in line)
            {
                if (delivery.Replayed)
                {
                    continue;
                }
                _unread[delivery.Fact.Position] = delivery.ToPending() with { Fact = null };
                Queued--;
                if (delivery.Attempts > 0)
                {
                    Retrying--;
                }
            }
            line.RemoveAll(d => !d.Replayed);
        }
        foreach (var empty in _lines.Where(kv => kv.Value.Count == 0).Select(kv => kv.Key).ToList())
        {
            _lines.Remove(empty);
        }
        _retrying.Clear();
        _ready.Clear();
        _behindWaiting.Clear();
        foreach (var subject in _lines.Keys)
        {
            _ready.Enqueue(subject);
        }
        _resumeUntil = Math.Max(_resumeUntil, _readAt);
        _replayFrom = _replayFrom is { } earlier && earlier < from ? earlier : from;
        _readAt = Math.Min(start, _unread.Count > 0 ? _unread.Keys.Min() - 1 : long.MaxValue);
        // A parked line keeps where it stopped: what the replay reads again before that comes with the rest, the parked
        // facts are read back from its own streams once it has gone out.
    }

    /// <summary>Notes how far reading got now, about once a minute, so a later replay knows where a time begins.</summary>
    public bool Mark(DateTimeOffset now)
    {
        if (_marks.Count > 0 && (now - _marks[^1].At < MarkEvery || _readAt <= _marks[^1].Position))
        {
            return false;
        }
        _marks.Add(new ReadMark(now, _readAt));
        if (_marks.Count > MarksKept)
        {
            _marks.RemoveRange(0, _marks.Count - MarksKept);
        }
        _historyVersion++;
        return true;
    }

    /// <summary>What to keep of the progress: the read position and every pending fact with its retry state.</summary>
    public void SaveTo(DispatchState state)
    {
        state.ReadAt = _readAt;
        state.ResumeUntil = _resumeUntil;
        state.ReplayFrom = _replayFrom;
        state.Parked = _parked.Count > 0 ? new Dictionary<string, long>(_parked, StringComparer.Ordinal) : null;
        var pending = new List<PendingDelivery>(Pending);
        pending.AddRange(_unread.Values);
        foreach (var line in _lines.Values)
        {
            pending.AddRange(line.Select(d => d.ToPending()));
        }
        state.Pending = pending;
    }

    /// <summary>What to keep of the history: the failures and the read marks.</summary>
    public void SaveTo(DispatchHistory history)
    {
        history.Failures = [.. _failures];
        history.Marks = [.. _marks];
    }

    private void Insert(Delivery delivery)
    {
        var subject = delivery.Fact.Subject;
        if (!_lines.TryGetValue(subject, out var line))
        {
            _lines[subject] = line = [];
        }
        // A line is in position order; a head in flight stays the head.
        var at = line.Count;
        while (at > 0 && line[at - 1].Fact.Position > delivery.Fact.Position && !(at - 1 == 0 && line[0].InFlight))
        {
            at--;
        }
        line.Insert(at, delivery);
        Queued++;
        if (delivery.Attempts > 0)
        {
            Retrying++;
        }
        if (at == 0)
        {
            _ready.Enqueue(subject);
        }
    }

    private void Remove(Delivery delivery)
    {
        var subject = delivery.Fact.Subject;
        if (_lines.TryGetValue(subject, out var line) && line.Remove(delivery))
        {
            Queued--;
            if (line.Count > 0)
            {
                _ready.Enqueue(subject);
            }
            else
            {
                _lines.Remove(subject);
                if (_parked.ContainsKey(subject) && !_readingBack.ContainsKey(subject))
                {
                    _readBackWanted.Add(subject);
                }
            }
        }
    }

    /// <summary>A parked line being read back from its own streams.</summary>
    public sealed class ReadBack
    {
        internal ReadBack(string subject, long from, long readAt)
        {
            Subject = subject;
            From = from;
            ReadAt = readAt;
        }

        /// <summary>The conversation or agent (<see cref="PushedFact.Subject"/>).</summary>
        public string Subject { get; }

        /// <summary>Its first fact left in the journal: the read-back reads from this position on.</summary>
        public long From { get; }

        /// <summary>How far the queue had read when the read-back began: every fact of the line up to here is in the journal already.</summary>
        public long ReadAt { get; }

        /// <summary>Facts of the line the reading came across since, kept aside for it.</summary>
        internal List<PushedFact> Seen { get; } = [];

        /// <summary>The first fact of the line the reading came across and did not keep aside (a line's worth were), or null.</summary>
        internal long? SeenCut { get; set; }
    }

    /// <summary>One fact on its way, with the state of its attempts.</summary>
    public sealed class Delivery
    {
        internal Delivery(PushedFact fact, PendingDelivery? pending, bool replayed = false)
        {
            Fact = fact;
            Replayed = replayed || pending?.Fact is not null;
            Attempts = pending?.Attempts ?? 0;
            FirstAttempt = pending?.FirstAttempt;
            NextAttempt = pending?.NextAttempt ?? DateTimeOffset.MinValue;
            LastError = pending?.LastError;
        }

        public PushedFact Fact { get; }

        /// <summary>A given-up fact sent again: it is kept whole, since the journal is not read for it.</summary>
        public bool Replayed { get; }

        public int Attempts { get; internal set; }

        public DateTimeOffset? FirstAttempt { get; internal set; }

        public DateTimeOffset NextAttempt { get; internal set; }

        public string? LastError { get; internal set; }

        public bool InFlight { get; internal set; }

        /// <summary>When the attempt under way (or the last one) began.</summary>
        public DateTimeOffset AttemptStarted { get; internal set; }

        internal PendingDelivery ToPending() => new()
        {
            Position = Fact.Position,
            Attempts = Attempts,
            FirstAttempt = FirstAttempt,
            NextAttempt = NextAttempt == DateTimeOffset.MinValue ? null : NextAttempt,
            LastError = LastError,
            Fact = Replayed ? Fact : null,
        };
    }
}

/// <summary>What became of a fact after an attempt.</summary>
public enum Completion
{
    Accepted,
    Retrying,
    GivenUp,
    Gone,
}
