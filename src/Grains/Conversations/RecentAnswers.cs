namespace CxCluster.Grains.Conversations;

/// <summary>
/// The answers of a conversation's latest events, newest last, so a retry is answered from memory. Small by design
/// (a linear scan of a few entries costs less than a dictionary's memory); an older id is looked up in the journal.
/// </summary>
internal sealed class RecentAnswers(int capacity)
{
    private readonly List<ProcessedEvent> _answers = [];

    public ProcessedEvent? Find(string eventId)
    {
        for (var i = _answers.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_answers[i].EventId, eventId, StringComparison.Ordinal))
            {
                return _answers[i];
            }
        }
        return null;
    }

    /// <summary>The latest answer still waiting on the placement of handoff <paramref name="handoffId"/>, or null.</summary>
    public ProcessedEvent? FindPending(string handoffId)
    {
        for (var i = _answers.Count - 1; i >= 0; i--)
        {
            if (_answers[i].PendingHandoffId == handoffId)
            {
                return _answers[i];
            }
        }
        return null;
    }

    /// <summary>Keeps <paramref name="answer"/>; returns true when an older answer had to make room for it.</summary>
    public bool Add(ProcessedEvent answer)
    {
        var evicted = _answers.Count >= capacity;
        if (evicted)
        {
            _answers.RemoveAt(0);
        }
        _answers.Add(answer);
        return evicted;
    }

    /// <summary>Puts <paramref name="answer"/> in the place of the kept answer with the same event id, if there is one.</summary>
    public void Replace(ProcessedEvent answer)
    {
        for (var i = _answers.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_answers[i].EventId, answer.EventId, StringComparison.Ordinal))
            {
                _answers[i] = answer;
                return;
            }
        }
    }

    public void Clear() => _answers.Clear();
}
