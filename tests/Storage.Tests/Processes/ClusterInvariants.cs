using System.Net;
using System.Text.Json;

namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// What must hold once the cluster has settled, read over HTTP as a platform sees it: agents and conversations agree
/// on who holds what, no agent is over capacity, the queues hold exactly the queued conversations and none waits
/// beside a free agent, and every acknowledged turn is in its transcript once.
/// </summary>
public static class ClusterInvariants
{
    /// <summary>Awaits every invariant; on timeout the failure names what was still wrong. Returns what was checked, in one line.</summary>
    public static async Task<string> AssertConvergeAsync(HttpPlatform platform, TimeSpan timeout, string what = "every agent, conversation and queue to agree")
    {
        var violations = platform.Violations.ToArray();
        Assert.True(violations.Length == 0, $"{violations.Length} answers broke a guarantee:\n" + string.Join("\n", violations.Take(30)));
        var summary = "";
        // Joined into one string, so a timeout shows what was still wrong.
        await Eventually.ReturnsAsync(async () =>
        {
            var (problems, checkedNow) = await FindProblemsAsync(platform);
            summary = checkedNow;
            return string.Join("\n", problems);
        }, p => p.Length == 0, timeout, what);
        return summary;
    }

    /// <summary>What is wrong now, and a line saying what was checked.</summary>
    public static async Task<(IReadOnlyList<string> Problems, string Summary)> FindProblemsAsync(HttpPlatform platform)
    {
        using var lanes = new SemaphoreSlim(16);
        async Task<T> Limited<T>(Func<Task<T>> read)
        {
            await lanes.WaitAsync();
            try
            {
                return await read();
            }
            finally
            {
                lanes.Release();
            }
        }

        var agentsRead = platform.Agents.Values.Select(a => Limited(async () => (Agent: a, Json: await Get(platform, $"/v1/agents/{a.Id}")))).ToList();
        var conversationsRead = platform.Conversations.Values.Select(c => Limited(async () => (Played: c, Json: await Get(platform, $"/v1/conversations/{c.Id}")))).ToList();
        var agents = await Task.WhenAll(agentsRead);
        var conversations = await Task.WhenAll(conversationsRead);
        var queues = await Get(platform, "/v1/queues");

        var problems = new List<string>();
        var holders = new Dictionary<string, List<string>>();
        foreach (var (agent, json) in agents)
        {
            if (json is not { } found)
            {
                problems.Add($"agent {agent.Id} is lost");
                continue;
            }
            var held = found.GetProperty("conversations").EnumerateArray().Select(c => c.GetString()!).ToList();
            if (held.Count > agent.Capacity)
            {
                problems.Add($"agent {agent.Id} holds {held.Count} conversations with capacity {agent.Capacity}: [{string.Join(", ", held)}]");
            }
            foreach (var conversation in held)
            {
                (holders.TryGetValue(conversation, out var list) ? list : holders[conversation] = []).Add(agent.Id);
            }
        }
        foreach (var (conversation, list) in holders.Where(h => h.Value.Count > 1))
        {
            problems.Add($"{conversation} is held by {list.Count} agents: [{string.Join(", ", list)}]");
        }
        foreach (var (conversation, list) in holders.Where(h => !platform.Conversations.ContainsKey(h.Key)))
        {
            problems.Add($"[{string.Join(", ", list)}] hold {conversation}, which the platform never started");
        }

        var queued = 0;
        foreach (var (played, json) in conversations)
        {
            if (json is not { } snapshot)
            {
                problems.Add($"{played.Id} is lost");
                continue;
            }
            var status = snapshot.GetProperty("status").GetString();
            var heldBy = holders.TryGetValue(played.Id, out var h) ? h : [];
            var handoff = snapshot.GetProperty("handoff");
            var agentId = handoff.TryGetProperty("agentId", out var a) ? a.GetString() : null;
            switch (status)
            {
                case "human" when heldBy.Count == 1 && heldBy[0] == agentId:
                    break;
                case "human":
                    problems.Add($"{played.Id} is with {agentId} but held by [{string.Join(", ", heldBy)}]");
                    break;
                default:
                    if (heldBy.Count > 0)
                    {
                        problems.Add($"{played.Id} is {status} (handoff {handoff.GetProperty("status").GetString()}) but held by [{string.Join(", ", heldBy)}]");
                    }
                    queued += status == "queued" ? 1 : 0;
                    break;
            }
            if (played.EndSent && status != "ended")
            {
                problems.Add($"{played.Id} was ended but is {status}");
            }
            if (TranscriptProblem(played, snapshot) is { } transcript)
            {
                problems.Add(transcript);
            }
        }

        if (queues is { } list2)
        {
            var waiting = list2.GetProperty("queues").EnumerateArray().Select(q => (Name: q.GetProperty("name").GetString()!, Waiting: q.GetProperty("waiting").GetInt32())).ToList();
            if (waiting.Sum(q => q.Waiting) != queued)
            {
                problems.Add($"the queues hold {waiting.Sum(q => q.Waiting)} ({string.Join(", ", waiting.Where(q => q.Waiting > 0).Select(q => $"{q.Name}: {q.Waiting}"))}) but {queued} conversations are queued");
            }
            foreach (var (name, count) in waiting.Where(q => q.Waiting > 0))
            {
                var (language, channel) = (name.Split('/')[0], name.Split('/')[1]);
                var free = agents.Where(x => x.Json is { } j && j.GetProperty("status").GetString() == "available"
                        && x.Agent.Languages.Contains(language) && x.Agent.Channels.Contains(channel)
                        && j.GetProperty("conversations").GetArrayLength() < x.Agent.Capacity)
                    .Select(x => x.Agent.Id).ToList();
                if (free.Count > 0)
                {
                    problems.Add($"{count} wait in {name} while available agents have a free slot: [{string.Join(", ", free)}]");
                }
            }
        }
        else
        {
            problems.Add("GET /v1/queues did not answer 200");
        }
        var statuses = conversations.Where(c => c.Json is not null).GroupBy(c => c.Json!.Value.GetProperty("status").GetString())
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        return (problems, $"{conversations.Length} conversations ({string.Join(", ", statuses)}), " +
            $"{conversations.Sum(c => c.Played.Turns.Count)} turns, {agents.Length} agents holding {holders.Count}");
    }

    /// <summary>The transcript must be the acknowledged turns in order, each once (the most recent ones if it is bounded).</summary>
    private static string? TranscriptProblem(PlayedConversation played, JsonElement snapshot)
    {
        var expected = played.Turns;
        var actual = snapshot.GetProperty("transcript").EnumerateArray()
            .Select(t => (From: t.GetProperty("from").GetString()!, Text: t.GetProperty("text").GetString()!))
            .Where(t => t.From is "customer" or "ai")
            .ToList();
        var tail = expected.Skip(Math.Max(0, expected.Count - ProcessCluster.TranscriptTurns)).ToList();
        if (actual.SequenceEqual(tail))
        {
            return null;
        }
        var at = actual.Zip(tail).TakeWhile(p => p.First == p.Second).Count();
        string Count(IEnumerable<(string From, string Text)> turns) =>
            $"{turns.Count(t => t.From == "customer")} customer and {turns.Count(t => t.From == "ai")} AI turns";
        return $"{played.Id}'s transcript has {Count(actual)} for {Count(tail)} acknowledged; first difference at turn {at}: " +
            $"'{(at < actual.Count ? actual[at].Text : "(none)")}' where '{(at < tail.Count ? tail[at].Text : "(none)")}' was acknowledged";
    }

    private static async Task<JsonElement?> Get(HttpPlatform platform, string path)
    {
        var answer = await platform.SendAsync("check", HttpMethod.Get, path, null);
        return answer.Status == (int)HttpStatusCode.OK ? answer.Json : null;
    }
}
