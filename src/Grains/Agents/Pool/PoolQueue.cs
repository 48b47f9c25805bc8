namespace CxCluster.Grains.Agents.Pool;

/// <summary>
/// The conversations waiting in one partition: higher priority first, then first come, first served. One
/// <see cref="ArrivalQueue"/> per priority keeps every operation as cheap as there are priorities, however long the
/// queue: a position is the count of those waiting at higher priorities plus the place within its own.
/// </summary>
internal sealed class PoolQueue
{
    private readonly ArrivalQueue[] _levels = [.. Enumerable.Range(0, HandoffPriority.Highest + 1).Select(_ => new ArrivalQueue())];
    /// <summary>The priority each waiting conversation waits at.</summary>
    private readonly Dictionary<string, int> _levelOf = new(StringComparer.Ordinal);
    /// <summary>The priority the next round of checks on waiting conversations goes on from.</summary>
    private int _checkLevel = HandoffPriority.Highest;

    public int Count => _levelOf.Count;

    /// <summary>The entry served next: the earliest of the highest priority waiting.</summary>
    public WaitingRequest? Head
    {
        get
        {
            for (var level = HandoffPriority.Highest; level >= HandoffPriority.Lowest; level--)
            {
                if (_levels[level].Head is { } head)
                {
                    return head;
                }
            }
            return null;
        }
    }

    /// <summary>
    /// The entry that has waited longest, whatever its priority and wherever it stands (one put back at the head may have
    /// waited less than the one behind it): the earliest to begin waiting of every priority.
    /// </summary>
    /// <remarks>A plain loop: it runs after every commit of a pool whose waits widen.</remarks>
    public WaitingRequest? LongestWaiting
    {
        get
        {
            WaitingRequest? longest = null;
            foreach (var level in _levels)
            {
                if (level.Earliest is { } earliest && (longest is null || earliest.EnqueuedAt < longest.EnqueuedAt))
                {
                    longest = earliest;
                }
            }
            return longest;
        }
    }

    /// <summary>When the entry that has waited longest began to wait.</summary>
    public DateTimeOffset? EarliestWait => LongestWaiting?.EnqueuedAt;

    /// <summary>The entries in queue order (for a checkpoint).</summary>
    public IEnumerable<WaitingRequest> Entries => _levels.Reverse().SelectMany(level => level.Entries);

    /// <summary>
    /// Adds <paramref name="entry"/> at the back of its level (<see cref="Level"/>); an entry of the same conversation
    /// already waiting leaves first. One its agent lost goes back to the head with <see cref="EnterFront"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The entry's sequence does not come after the back's of its priority.</exception>
    public void Enter(WaitingRequest entry)
    {
        Remove(entry.Request.ConversationId, handoffId: null);
        var level = Level(entry.Request);
        _levels[level].Enter(entry);
        _levelOf.Add(entry.Request.ConversationId, level);
    }

    /// <summary>
    /// Puts <paramref name="entry"/> back at the head (its agent lost it: it keeps its place ahead of everyone, whatever
    /// its priority and whatever came in at a higher one meanwhile), numbered just before the head so positions stay a
    /// count; an entry of the same conversation already waiting leaves first.
    /// </summary>
    public void EnterFront(WaitingRequest entry)
    {
        Remove(entry.Request.ConversationId, handoffId: null);
        var level = Level(entry.Request);
        _levels[level].EnterFront(entry);
        _levelOf.Add(entry.Request.ConversationId, level);
    }

    /// <summary>The waiting entry of this conversation and handoff, or null.</summary>
    public WaitingRequest? Find(string conversationId, string handoffId) =>
        _levelOf.TryGetValue(conversationId, out var level) ? _levels[level].Find(conversationId, handoffId) : null;

    /// <summary>Removes the conversation's entry (only if it is for <paramref name="handoffId"/>, unless that is null); true if it waited.</summary>
    public bool Remove(string conversationId, string? handoffId)
    {
        if (!_levelOf.TryGetValue(conversationId, out var level) || !_levels[level].Remove(conversationId, handoffId))
        {
            return false;
        }
        _levelOf.Remove(conversationId);
        return true;
    }

    /// <summary>The 1-based position of the conversation's entry for <paramref name="handoffId"/>, or null when it does not wait.</summary>
    public int? Position(string conversationId, string handoffId)
    {
        if (!_levelOf.TryGetValue(conversationId, out var level) || _levels[level].Position(conversationId, handoffId) is not { } within)
        {
            return null;
        }
        for (var higher = level + 1; higher <= HandoffPriority.Highest; higher++)
        {
            within += _levels[higher].Count;
        }
        return within;
    }

    /// <summary>How many wait at each priority (index 0 to 9).</summary>
    public int[] CountsByPriority()
    {
        var counts = new int[_levels.Length];
        for (var level = 0; level < _levels.Length; level++)
        {
            counts[level] = _levels[level].Count;
        }
        return counts;
    }

    /// <summary>The priority the conversation waits at, or null when it does not wait.</summary>
    public int? PriorityOf(string conversationId) => _levelOf.TryGetValue(conversationId, out var level) ? level : null;

    /// <summary>Up to <paramref name="count"/> entries from where the previous call stopped, going round from the head.</summary>
    public List<WaitingRequest> NextToCheck(int count)
    {
        var wanted = Math.Min(count, Count);
        var taken = new List<WaitingRequest>(wanted);
        // One full round visits every entry once, so it ends before an entry could be taken twice.
        while (taken.Count < wanted)
        {
            if (_levels[_checkLevel].CheckOn(taken, wanted - taken.Count))
            {
                _checkLevel = _checkLevel == HandoffPriority.Lowest ? HandoffPriority.Highest : _checkLevel - 1;
            }
        }
        return taken;
    }

    /// <summary>
    /// The level a request waits at: its priority (one off the scale taken as its nearest end; the API lets none through),
    /// or the highest for one its agent lost, which goes back to the head of the whole queue ahead of every priority.
    /// </summary>
    public static int Level(HandoffRequest request) =>
        request.Front ? HandoffPriority.Highest : Math.Clamp(request.Priority, HandoffPriority.Lowest, HandoffPriority.Highest);
}
