namespace CxCluster.Grains.Evidence;

/// <summary>The figures of the export's last line, summed over its conversations.</summary>
public sealed class EvidenceSummary
{
    public int Conversations { get; private set; }

    /// <summary>Conversations in which no AI message went out before a disclosure delivered on the channel in use.</summary>
    public int DisclosedBeforeFirstAi { get; private set; }

    public long AiMessagesAllowed { get; private set; }

    /// <summary>Identity questions answered (<c>identity.answered</c> facts).</summary>
    public int IdentityQuestions { get; private set; }

    /// <summary>Handoffs requested, by reason, in ordinal order of the reason.</summary>
    public SortedDictionary<string, int> HandoffsByReason { get; } = new(StringComparer.Ordinal);

    /// <summary>Conversations whose personal data was erased.</summary>
    public int Erasures { get; private set; }

    public void Add(ConversationEvidence evidence)
    {
        Conversations++;
        DisclosedBeforeFirstAi += evidence.DisclosedBeforeFirstAi ? 1 : 0;
        AiMessagesAllowed += evidence.AiMessagesAllowed;
        IdentityQuestions += evidence.IdentityAnswers.Count;
        foreach (var handoff in evidence.Handoffs)
        {
            HandoffsByReason[handoff.Reason] = HandoffsByReason.GetValueOrDefault(handoff.Reason) + 1;
        }
        Erasures += evidence.ErasedAt is null ? 0 : 1;
    }
}
