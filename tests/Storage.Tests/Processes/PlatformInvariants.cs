using CxCluster.TestSupport.Invariants;

namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// The cluster's invariants (<see cref="ClusterInvariants"/>) read over HTTP as the platform sees it, against what the
/// platform registered and was acknowledged: every turn it was answered, in order, and every end it sent.
/// </summary>
public static class PlatformInvariants
{
    /// <summary>Asserts no answer broke a guarantee, then awaits every invariant. Returns what was checked, in one line.</summary>
    public static async Task<string> AssertConvergeAsync(HttpPlatform platform, TimeSpan timeout, string what = "every agent, conversation and queue to agree")
    {
        var violations = platform.Violations.ToArray();
        Assert.True(violations.Length == 0, $"{violations.Length} answers broke a guarantee:\n" + string.Join("\n", violations.Take(30)));
        var reader = new HttpClusterReader(async path =>
        {
            var answer = await platform.SendAsync("check", HttpMethod.Get, path, null);
            return (answer.Status, answer.Body);
        });
        return await ClusterInvariants.ConvergeAsync(reader, Expected(platform), timeout, what);
    }

    private static ExpectedCluster Expected(HttpPlatform platform) => new(
        [.. platform.Agents.Values],
        [.. platform.Conversations.Values.Select(c => new ExpectedConversation(c.Id) { Transcript = new ExactTranscript(c.Turns), Ended = c.EndSent })])
    {
        TranscriptTurns = ProcessCluster.TranscriptTurns,
        Declined = platform.Declined.Keys.ToHashSet(),
    };
}
