using System.Collections.Concurrent;
using System.Diagnostics;

namespace CxCluster.Load;

/// <summary>Latencies per event type, handoffs and errors of a run; thread-safe.</summary>
public sealed class Recorder
{
    private readonly ConcurrentDictionary<EventType, Latencies> _events = new();
    private readonly ConcurrentDictionary<string, long> _waiting = new();
    private int _answered;
    private int _handoffsAssigned;
    private int _handoffsQueued;

    public Latencies TimeToAssignment { get; } = new();
    public ConcurrentDictionary<string, int> Errors { get; } = new();
    public int Answered => _answered;
    public int Handoffs => _handoffsAssigned + _handoffsQueued;
    public int HandoffsAssignedAtOnce => _handoffsAssigned;
    public int HandoffsQueued => _handoffsQueued;
    public IReadOnlyDictionary<EventType, Latencies> Events => _events;

    public void Answer(EventType type, long startedAt, EventResult result)
    {
        var elapsed = Stopwatch.GetElapsedTime(startedAt);
        _events.GetOrAdd(type, _ => new Latencies()).Add(elapsed);
        Interlocked.Increment(ref _answered);
        if (result.Duplicate)
        {
            return;
        }
        // A plain loop: the driver's own garbage counts in the run's bytes per event.
        var directives = result.Directives;
        for (var i = 0; i < directives.Count; i++)
        {
            if (directives[i] is not HandoffDirective handoff)
            {
                continue;
            }
            if (handoff.Status == HandoffStatus.Assigned)
            {
                Interlocked.Increment(ref _handoffsAssigned);
                TimeToAssignment.Add(elapsed);
            }
            else
            {
                Interlocked.Increment(ref _handoffsQueued);
                _waiting.TryAdd(result.ConversationId, startedAt);
            }
        }
    }

    /// <summary>An agent was seen holding a conversation: if it had been queued, the wait is over now.</summary>
    public void SeenAssigned(string conversationId)
    {
        if (_waiting.TryRemove(conversationId, out var requestedAt))
        {
            TimeToAssignment.Add(Stopwatch.GetElapsedTime(requestedAt));
        }
    }

    public void Error(Exception error) => Errors.AddOrUpdate(error.GetType().Name, 1, (_, n) => n + 1);
}

/// <summary>A list of durations with percentiles.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _gate = new();

    public void Add(TimeSpan elapsed)
    {
        lock (_gate)
        {
            _milliseconds.Add(elapsed.TotalMilliseconds);
        }
    }

    public double Mean()
    {
        lock (_gate)
        {
            return _milliseconds.Count == 0 ? 0 : _milliseconds.Average();
        }
    }

    /// <summary>How many were added, without copying or sorting them.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _milliseconds.Count;
            }
        }
    }

    public (int Count, double P50, double P95, double P99, double Max) Summary()
    {
        double[] sorted;
        lock (_gate)
        {
            sorted = [.. _milliseconds];
        }
        Array.Sort(sorted);
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return (sorted.Length, At(0.50), At(0.95), At(0.99), sorted.Length == 0 ? 0 : sorted[^1]);
    }
}
