namespace CxCluster.Grains.Agents.Pool;

/// <summary>
/// The conversations waiting in one partition, first come first, with every operation in constant or logarithmic
/// time however long the queue: joining, leaving from anywhere, finding a conversation, and its position.
/// </summary>
/// <remarks>
/// Entries carry consecutive sequence numbers in the order they joined. A position is the distance from the head's
/// sequence, less the sequences between them whose entries already left ("gaps", kept sorted): a count, not a scan.
/// </remarks>
internal sealed class PoolQueue
{
    private readonly LinkedList<WaitingRequest> _entries = new();
    private readonly Dictionary<string, LinkedListNode<WaitingRequest>> _byConversation = new(StringComparer.Ordinal);
    private readonly List<long> _gaps = [];
    /// <summary>Where the next round of checks on waiting conversations goes on from.</summary>
    private LinkedListNode<WaitingRequest>? _checkNext;

    public int Count => _entries.Count;

    public WaitingRequest? Head => _entries.First?.Value;

    /// <summary>The entries in queue order (for a checkpoint).</summary>
    public IEnumerable<WaitingRequest> Entries => _entries;

    /// <summary>Adds <paramref name="entry"/> at the back; an entry of the same conversation already waiting leaves first.</summary>
    /// <exception cref="ArgumentException">The entry's sequence does not come after the back's.</exception>
    public void Enter(WaitingRequest entry)
    {
        Remove(entry.Request.ConversationId, handoffId: null);
        if (_entries.Last is { } last)
        {
            if (entry.Sequence <= last.Value.Sequence)
            {
                throw new ArgumentException($"Queue sequence {entry.Sequence} does not come after {last.Value.Sequence}.", nameof(entry));
            }
            // Sequences between the back (or the last gap behind it) and the new entry whose entries left before a
            // checkpoint was taken count as gaps too.
            var from = Math.Max(last.Value.Sequence, _gaps.Count > 0 ? _gaps[^1] : 0) + 1;
            for (var skipped = from; skipped < entry.Sequence; skipped++)
            {
                _gaps.Add(skipped);
            }
        }
        _byConversation[entry.Request.ConversationId] = _entries.AddLast(entry);
    }

    /// <summary>
    /// Puts <paramref name="entry"/> back at the head (its agent lost it: it keeps its place ahead of everyone), numbered
    /// just before the head so positions stay a count; an entry of the same conversation already waiting leaves first.
    /// </summary>
    public void EnterFront(WaitingRequest entry)
    {
        Remove(entry.Request.ConversationId, handoffId: null);
        var sequence = _entries.First is { } head ? head.Value.Sequence - 1 : entry.Sequence;
        _byConversation[entry.Request.ConversationId] = _entries.AddFirst(entry with { Sequence = sequence });
    }

    /// <summary>The waiting entry of this conversation and handoff, or null.</summary>
    public WaitingRequest? Find(string conversationId, string handoffId) =>
        _byConversation.TryGetValue(conversationId, out var node) && node.Value.Request.HandoffId == handoffId ? node.Value : null;

    /// <summary>Removes the conversation's entry (only if it is for <paramref name="handoffId"/>, unless that is null); true if it waited.</summary>
    public bool Remove(string conversationId, string? handoffId)
    {
        if (!_byConversation.TryGetValue(conversationId, out var node) || (handoffId is not null && node.Value.Request.HandoffId != handoffId))
        {
            return false;
        }
        _byConversation.Remove(conversationId);
        if (_checkNext == node)
        {
            _checkNext = node.Next;
        }
        if (node == _entries.First)
        {
            _entries.RemoveFirst();
            DropGapsBeforeHead();
        }
        else
        {
            var at = _gaps.BinarySearch(node.Value.Sequence);
            _gaps.Insert(at < 0 ? ~at : at, node.Value.Sequence);
            _entries.Remove(node);
        }
        return true;
    }

    /// <summary>The 1-based position of the conversation's entry for <paramref name="handoffId"/>, or null when it does not wait.</summary>
    public int? Position(string conversationId, string handoffId)
    {
        if (!_byConversation.TryGetValue(conversationId, out var node) || node.Value.Request.HandoffId != handoffId)
        {
            return null;
        }
        var sequence = node.Value.Sequence;
        var gapsBefore = _gaps.BinarySearch(sequence);
        return (int)(sequence - _entries.First!.Value.Sequence - (gapsBefore < 0 ? ~gapsBefore : gapsBefore)) + 1;
    }

    /// <summary>Up to <paramref name="count"/> entries from where the previous call stopped, going round from the head.</summary>
    public List<WaitingRequest> NextToCheck(int count)
    {
        var taken = new List<WaitingRequest>(Math.Min(count, _entries.Count));
        var node = _checkNext?.List is null ? _entries.First : _checkNext;
        while (node is not null && taken.Count < Math.Min(count, _entries.Count))
        {
            taken.Add(node.Value);
            node = node.Next ?? _entries.First;
        }
        _checkNext = node;
        return taken;
    }

    private void DropGapsBeforeHead()
    {
        if (_entries.First is not { } head)
        {
            _gaps.Clear();
            return;
        }
        var before = _gaps.BinarySearch(head.Value.Sequence);
        _gaps.RemoveRange(0, before < 0 ? ~before : before);
    }
}
