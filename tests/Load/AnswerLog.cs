namespace CxCluster.Load;

/// <summary>What one conversation was answered, to check the invariants against at the end of a run.</summary>
public sealed class AnswerLog
{
    private readonly Lock _gate = new();

    public int Answered { get; private set; }
    public int CustomerMessages { get; private set; }
    public int AllowedAiMessages { get; private set; }
    /// <summary>AI messages allowed without a disclosure before them: must stay 0.</summary>
    public int Undisclosed { get; private set; }

    public void Record(ConversationEvent e, EventResult result)
    {
        lock (_gate)
        {
            Answered++;
            CustomerMessages += e.Type == EventType.CustomerMessage ? 1 : 0;
            var allow = result.Directives.ToList().FindIndex(d => d.Type == DirectiveType.AllowAi);
            if (allow < 0)
            {
                return;
            }
            AllowedAiMessages++;
            if (!result.Summary.DisclosureDelivered && !result.Directives.Take(allow).Any(d => d.Type == DirectiveType.Disclose))
            {
                Undisclosed++;
            }
        }
    }
}
