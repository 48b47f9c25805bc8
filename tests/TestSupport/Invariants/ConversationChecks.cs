namespace CxCluster.TestSupport.Invariants;

/// <summary>One conversation against the agents that hold it and against what its platform was answered.</summary>
internal static class ConversationChecks
{
    public static IEnumerable<string> Problems(
        ExpectedConversation expected, ConversationSnapshot snapshot, IReadOnlyList<string> heldBy, IReadOnlyList<string> offeredBy, int transcriptTurns)
    {
        var id = expected.Id;
        var holders = $"[{string.Join(", ", heldBy)}]";
        var offered = snapshot.Handoff.Status == HandoffStatus.Offered;
        if (offeredBy.Count > 0 && !(snapshot.Status == ConversationStatus.Queued && offered))
        {
            yield return $"{id} is offered by [{string.Join(", ", offeredBy)}] but is {snapshot.Status.Name()} (handoff {snapshot.Handoff.Status.Name()})";
        }
        else if (offered && offeredBy.Count == 0)
        {
            yield return $"{id} reads offered but no agent has its offer open";
        }
        switch (snapshot.Status)
        {
            case ConversationStatus.Human when heldBy.Count == 1 && heldBy[0] == snapshot.Handoff.AgentId:
                break;
            case ConversationStatus.Human:
                yield return $"{id} is with {snapshot.Handoff.AgentId} but held by {holders}";
                break;
            case ConversationStatus.Queued when heldBy.Count > 0 || snapshot.Handoff.QueuePosition is null:
                yield return $"{id} is queued at position {snapshot.Handoff.QueuePosition?.ToString() ?? "(none)"} but held by {holders}";
                break;
            case not ConversationStatus.Queued when heldBy.Count > 0:
                yield return $"{id} is {snapshot.Status.Name()} (handoff {snapshot.Handoff.Status.Name()}) but held by {holders}";
                break;
        }
        if (expected.Ended && snapshot.Status != ConversationStatus.Ended)
        {
            yield return $"{id} was ended but is {snapshot.Status.Name()}";
        }
        var transcript = expected.Transcript switch
        {
            ExactTranscript exact => ExactProblem(id, exact, snapshot.Transcript, transcriptTurns),
            CountedTranscript counted => CountedProblem(id, counted, snapshot.Transcript, transcriptTurns),
            _ => null,
        };
        if (transcript is not null)
        {
            yield return transcript;
        }
    }

    /// <summary>The transcript must be the acknowledged turns in order, each once (the most recent ones if it keeps fewer).</summary>
    private static string? ExactProblem(string id, ExactTranscript expected, IReadOnlyList<TranscriptTurn> transcript, int kept)
    {
        var actual = transcript.Select(t => (t.From, t.Text)).ToList();
        var tail = expected.Acknowledged.Skip(Math.Max(0, expected.Acknowledged.Count - kept)).ToList();
        if (actual.SequenceEqual(tail))
        {
            return null;
        }
        var at = actual.Zip(tail).TakeWhile(p => p.First == p.Second).Count();
        return $"{id}'s transcript has {Count(actual)} for {Count(tail)} acknowledged; first difference at turn {at}: " +
            $"'{(at < actual.Count ? actual[at].Text : "(none)")}' where '{(at < tail.Count ? tail[at].Text : "(none)")}' was acknowledged";
    }

    /// <summary>The transcript must hold as many customer and AI turns as were acknowledged, and nothing else (all it keeps, if it keeps fewer).</summary>
    private static string? CountedProblem(string id, CountedTranscript expected, IReadOnlyList<TranscriptTurn> transcript, int kept)
    {
        var turns = transcript.Select(t => (t.From, t.Text)).ToList();
        var (customer, ai) = (turns.Count(t => t.From == Speaker.Customer), turns.Count(t => t.From == Speaker.Ai));
        var fits = expected.Turns <= kept;
        var right = customer + ai == turns.Count && (fits ? customer == expected.Customer && ai == expected.Ai : turns.Count == kept);
        return right
            ? null
            : $"{id}'s transcript has {Count(turns)} for {expected.Customer} customer and {expected.Ai} AI turns acknowledged" +
                (fits ? "" : $" (it keeps the last {kept})");
    }

    private static string Count(IReadOnlyCollection<(Speaker From, string Text)> turns)
    {
        var others = turns.Count(t => t.From is not (Speaker.Customer or Speaker.Ai));
        return $"{turns.Count(t => t.From == Speaker.Customer)} customer and {turns.Count(t => t.From == Speaker.Ai)} AI turns" +
            (others > 0 ? $" and {others} others" : "");
    }
}
