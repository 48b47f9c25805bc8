namespace CxCluster.Grains.Agents.Pool;

/// <summary>
/// The conversations of one priority waiting in a partition, first come first: joining at the back, leaving from
/// anywhere, finding a conversation and its position cost a lookup and a binary search however long the queue (plus,
/// on leaving, moving a sorted list of numbers no longer than the queue).
/// </summary>
/// <remarks>
/// Each entry gets the next slot number of this queue as it joins. A position is the distance from the head's slot,
/// less the slots between them whose entries already left ("gaps", kept sorted): a count, not a scan. Once more
/// slots are gaps than entries wait, the entries are numbered afresh, so the gaps never outgrow the queue.
/// </remarks>
internal sealed class ArrivalQueue
{
    private readonly LinkedList<Place> _places = new();
    private readonly Dictionary<string, LinkedListNode<Place>> _byConversation = new(StringComparer.Ordinal);
    private readonly List<long> _gaps = [];
    private long _nextSlot;
    /// <summary>Where the next round of checks on waiting conversations goes on from; null: the head.</summary>
    private LinkedListNode<Place>? _checkNext;
    /// <summary>The entry the checks would have gone on from left from the back: the next round has nothing left here.</summary>
    private bool _checkedToEnd;
    /// <summary>The latest time an entry here began to wait.</summary>
    private DateTimeOffset _latestWait = DateTimeOffset.MinValue;
    /// <summary>
    /// How many entries began to wait before one ahead of them (put back at the head, or moved here with an older wait):
    /// while there are none, the head has waited longest.
    /// </summary>
    private int _outOfOrder;

    public int Count => _places.Count;

    public WaitingRequest? Head => _places.First?.Value.Entry;

    /// <summary>
    /// The entry that began to wait first: the head, unless an entry put back at the head or moved here with an older
    /// wait waits too (rare, and then the entries are looked through).
    /// </summary>
    public WaitingRequest? Earliest
    {
        get
        {
            if (_outOfOrder == 0 || _places.First is null)
            {
                return Head;
            }
            var earliest = _places.First.Value.Entry;
            foreach (var place in _places)
            {
                if (place.Entry.EnqueuedAt < earliest.EnqueuedAt)
                {
                    earliest = place.Entry;
                }
            }
            return earliest;
        }
    }

    /// <summary>The entries in queue order.</summary>
    public IEnumerable<WaitingRequest> Entries => _places.Select(place => place.Entry);

    /// <summary>Adds <paramref name="entry"/> at the back; its conversation must not be waiting here already.</summary>
    /// <exception cref="ArgumentException">The entry's sequence does not come after the back's.</exception>
    public void Enter(WaitingRequest entry)
    {
        if (_places.Last is { } last && entry.Sequence <= last.Value.Entry.Sequence)
        {
            throw new ArgumentException($"Queue sequence {entry.Sequence} does not come after {last.Value.Entry.Sequence}.", nameof(entry));
        }
        _byConversation.Add(entry.Request.ConversationId, _places.AddLast(new Place(entry, _nextSlot++) { OutOfOrder = Joins(entry) }));
    }

    /// <summary>Notes when <paramref name="entry"/> began to wait; true if an entry already here began later.</summary>
    private bool Joins(WaitingRequest entry)
    {
        if (entry.EnqueuedAt >= _latestWait)
        {
            _latestWait = entry.EnqueuedAt;
            return false;
        }
        _outOfOrder++;
        return true;
    }

    /// <summary>
    /// Adds <paramref name="entry"/> at the head, ahead of everyone who waits but behind those put back at the head before
    /// it that began to wait earlier (two conversations their agents lost are served in the order they first asked);
    /// numbered so a checkpoint keeps the order. Its conversation must not be waiting here already.
    /// </summary>
    public void EnterFront(WaitingRequest entry)
    {
        if (_places.First is not { } head)
        {
            Enter(entry);
            return;
        }
        // The entries put back at the head earlier that began to wait no later than this one stay ahead of it.
        LinkedListNode<Place>? after = null;
        for (var node = head; node is not null && node.Value.Entry.Request.Front && node.Value.Entry.EnqueuedAt <= entry.EnqueuedAt; node = node.Next)
        {
            after = node;
        }
        if (after is null)
        {
            _byConversation.Add(entry.Request.ConversationId,
                _places.AddFirst(new Place(entry with { Sequence = head.Value.Entry.Sequence - 1 }, head.Value.Slot - 1) { OutOfOrder = Joins(entry) }));
            return;
        }
        // Those ahead of it move one number down, with the gaps among them, so it takes the number of the last of them
        // and every position stays a count.
        var (sequence, slot) = (after.Value.Entry.Sequence, after.Value.Slot);
        for (var node = head; ; node = node.Next!)
        {
            node.Value = new Place(node.Value.Entry with { Sequence = node.Value.Entry.Sequence - 1 }, node.Value.Slot - 1)
            {
                OutOfOrder = node.Value.OutOfOrder,
            };
            if (node == after)
            {
                break;
            }
        }
        for (var i = 0; i < _gaps.Count && _gaps[i] <= slot; i++)
        {
            _gaps[i]--;
        }
        _byConversation.Add(entry.Request.ConversationId,
            _places.AddAfter(after, new Place(entry with { Sequence = sequence }, slot) { OutOfOrder = Joins(entry) }));
    }

    /// <summary>The waiting entry of this conversation and handoff, or null.</summary>
    public WaitingRequest? Find(string conversationId, string handoffId) =>
        _byConversation.TryGetValue(conversationId, out var node) && node.Value.Entry.Request.HandoffId == handoffId ? node.Value.Entry : null;

    /// <summary>Removes the conversation's entry (only if it is for <paramref name="handoffId"/>, unless that is null); true if it waited.</summary>
    public bool Remove(string conversationId, string? handoffId)
    {
        if (!_byConversation.TryGetValue(conversationId, out var node) || (handoffId is not null && node.Value.Entry.Request.HandoffId != handoffId))
        {
            return false;
        }
        _byConversation.Remove(conversationId);
        if (node.Value.OutOfOrder)
        {
            _outOfOrder--;
        }
        if (_checkNext == node)
        {
            _checkNext = node.Next;
            _checkedToEnd = node.Next is null;
        }
        if (node == _places.First)
        {
            _places.RemoveFirst();
            DropGapsBeforeHead();
        }
        else
        {
            var at = _gaps.BinarySearch(node.Value.Slot);
            _gaps.Insert(at < 0 ? ~at : at, node.Value.Slot);
            _places.Remove(node);
            if (_gaps.Count > _places.Count)
            {
                Renumber();
            }
        }
        return true;
    }

    /// <summary>The 1-based position of the conversation's entry for <paramref name="handoffId"/>, or null when it does not wait.</summary>
    public int? Position(string conversationId, string handoffId)
    {
        if (!_byConversation.TryGetValue(conversationId, out var node) || node.Value.Entry.Request.HandoffId != handoffId)
        {
            return null;
        }
        var slot = node.Value.Slot;
        var gapsBefore = _gaps.BinarySearch(slot);
        return (int)(slot - _places.First!.Value.Slot - (gapsBefore < 0 ? ~gapsBefore : gapsBefore)) + 1;
    }

    /// <summary>
    /// Adds up to <paramref name="count"/> entries to <paramref name="taken"/> from where the previous round stopped;
    /// true when it reached the back (the next round starts at the head again).
    /// </summary>
    public bool CheckOn(List<WaitingRequest> taken, int count)
    {
        if (_checkedToEnd)
        {
            (_checkNext, _checkedToEnd) = (null, false);
            return true;
        }
        var node = _checkNext?.List is null ? _places.First : _checkNext;
        for (; node is not null && count > 0; count--)
        {
            taken.Add(node.Value.Entry);
            node = node.Next;
        }
        _checkNext = node;
        return node is null;
    }

    private void DropGapsBeforeHead()
    {
        if (_places.First is not { } head)
        {
            _gaps.Clear();
            _nextSlot = 0;
            _latestWait = DateTimeOffset.MinValue;
            return;
        }
        var before = _gaps.BinarySearch(head.Value.Slot);
        _gaps.RemoveRange(0, before < 0 ? ~before : before);
    }

    private void Renumber()
    {
        _nextSlot = 0;
        foreach (var place in _places)
        {
            place.Slot = _nextSlot++;
        }
        _gaps.Clear();
    }

    private sealed class Place(WaitingRequest entry, long slot)
    {
        public WaitingRequest Entry { get; } = entry;
        public long Slot { get; set; } = slot;

        /// <summary>It began to wait before an entry already here did.</summary>
        public bool OutOfOrder { get; init; }
    }
}
