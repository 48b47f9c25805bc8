namespace CxCluster.TestSupport.Invariants;

/// <summary>
/// What must hold once the cluster has settled, however it is read: every registered agent and every answered
/// conversation exists; an agent shows the profile it was registered with and holds no more than its capacity; no
/// conversation is held by two agents, by one it is not with, or by any while it is not with a human; the queues hold
/// exactly the queued conversations, and none offered to no one waits beside an available agent with a free slot who did not
/// decline it; an ended conversation
/// is ended; no AI message was allowed before a disclosure; and every acknowledged turn is in its transcript once.
/// With offers on, an open offer takes a slot of its agent's capacity, and an offered conversation is queued, offered by
/// exactly one agent and held by none.
/// </summary>
public static class ClusterInvariants
{
    private const int ReadsInFlight = 16;

    /// <summary>
    /// Awaits every invariant; on timeout the failure names what was still wrong. Returns what was checked, in one line,
    /// and, when the first read found something wrong, how long it took to settle and what that first read found (up to
    /// three problems), so a slow settle in a passing run still tells what it waited for.
    /// </summary>
    public static async Task<string> ConvergeAsync(IClusterReader cluster, ExpectedCluster expected, TimeSpan timeout, string what)
    {
        var summary = "";
        IReadOnlyList<string>? first = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Joined into one string, so a timeout shows what was still wrong.
        await Eventually.ReturnsAsync(async () =>
        {
            var check = await CheckAsync(cluster, expected);
            summary = check.Summary;
            first ??= check.Problems;
            return string.Join("\n", check.Problems);
        }, problems => problems.Length == 0, timeout, what);
        return first is { Count: > 0 }
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{summary}; settled after {clock.Elapsed.TotalSeconds:0.0} s, the first read found {first.Count} problem(s): {string.Join("; ", first.Take(3))}")
            : summary;
    }

    /// <summary>What is wrong now, read once: agents first, then conversations, then queues.</summary>
    public static async Task<InvariantCheck> CheckAsync(IClusterReader cluster, ExpectedCluster expected)
    {
        using var lanes = new SemaphoreSlim(ReadsInFlight);
        var answered = expected.Conversations.Where(c => c.Answered).ToList();
        var agents = await Task.WhenAll(expected.Agents.Select(a => ReadAsync(lanes, () => cluster.AgentAsync(a.Id))));
        var offers = await Task.WhenAll(expected.Agents.Select(a => ReadAsync(lanes, () => cluster.OfferedAsync(a.Id))));
        var conversations = await Task.WhenAll(answered.Select(c => ReadAsync(lanes, () => cluster.ConversationAsync(c.Id))));
        var queues = await ReadAsync(lanes, cluster.QueuesAsync);

        var problems = new List<string>();
        var present = new List<(string Id, AgentDetails Agent, IReadOnlyList<string> Offered)>();
        foreach (var (registered, (read, offered)) in expected.Agents.Zip(agents.Zip(offers)))
        {
            if (read.Value is { } agent && offered.Value is { } open)
            {
                present.Add((registered.Id, agent, open));
                problems.AddRange(AgentChecks.Problems(registered, agent, open));
            }
            else
            {
                problems.Add($"agent {registered.Id} {read.Failure ?? offered.Failure ?? "is lost"}");
            }
        }
        var holders = AgentChecks.Holders(present.Select(p => (p.Id, (IReadOnlyList<string>)p.Agent.Conversations)));
        var offerers = AgentChecks.Holders(present.Select(p => (p.Id, p.Offered)));
        var started = expected.Conversations.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(AgentChecks.HolderProblems(holders, started, "held", "hold"));
        problems.AddRange(AgentChecks.HolderProblems(offerers, started, "offered", "offer"));

        var seen = new List<ConversationSnapshot>();
        foreach (var (conversation, read) in answered.Zip(conversations))
        {
            if (conversation.UndisclosedAiMessages.Count > 0)
            {
                problems.Add($"{conversation.Id}: {conversation.UndisclosedAiMessages.Count} AI messages allowed without a disclosure before them " +
                    $"({string.Join(", ", conversation.UndisclosedAiMessages)})");
            }
            if (read.Value is not { } snapshot)
            {
                problems.Add($"{conversation.Id} {read.Failure ?? "is lost"}");
                continue;
            }
            seen.Add(snapshot);
            problems.AddRange(ConversationChecks.Problems(conversation, snapshot, holders.GetValueOrDefault(conversation.Id) ?? [],
                offerers.GetValueOrDefault(conversation.Id) ?? [], expected.TranscriptTurns));
        }

        var queued = seen.Count(s => s.Status == ConversationStatus.Queued);
        problems.AddRange(queues.Value is { } list ? QueueChecks.Problems(list, queued) : [$"the queues {queues.Failure}"]);
        problems.AddRange(QueueChecks.WaitingProblems(seen, [.. present.Select(p => (p.Agent, p.Offered.Count))], expected.Declined));

        var statuses = seen.GroupBy(s => s.Status.Name()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        return new InvariantCheck(problems,
            $"{answered.Count} conversations ({string.Join(", ", statuses)}), {answered.Sum(c => c.Transcript?.Turns ?? 0)} turns, " +
            $"{present.Count} agents holding {holders.Count}" + (offerers.Count > 0 ? $" and offered {offerers.Count}" : ""));
    }

    /// <summary>A value read, or why it could not be read.</summary>
    private readonly record struct Read<T>(T? Value, string? Failure);

    private static async Task<Read<T>> ReadAsync<T>(SemaphoreSlim lanes, Func<Task<T>> read)
    {
        await lanes.WaitAsync();
        try
        {
            return new Read<T>(await read(), null);
        }
        catch (Exception e)
        {
            // A failed read is one more thing wrong, not the end of the check.
            return new Read<T>(default, $"could not be read: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            lanes.Release();
        }
    }
}

/// <summary>What is wrong now, and a line saying what was checked.</summary>
public sealed record InvariantCheck(IReadOnlyList<string> Problems, string Summary);
