namespace CxCluster.TestSupport.Invariants;

/// <summary>What one conversation was answered, to check the cluster against once the answers are in.</summary>
public sealed class AnswerLog
{
    private readonly Lock _gate = new();
    private List<string>? _undisclosed;

    public int Answered { get; private set; }
    public int CustomerMessages { get; private set; }
    public int AllowedAiMessages { get; private set; }
    /// <summary>Whether a conversation.ended was answered.</summary>
    public bool Ended { get; private set; }

    /// <summary>Events whose answer allowed an AI message without a disclosure before it: must stay none.</summary>
    public IReadOnlyList<string> UndisclosedAiMessages
    {
        get
        {
            lock (_gate)
            {
                return [.. _undisclosed ?? []];
            }
        }
    }

    /// <summary>Records one answered event (each event once).</summary>
    public void Record(ConversationEvent e, EventResult result)
    {
        lock (_gate)
        {
            Answered++;
            CustomerMessages += e.Type == EventType.CustomerMessage ? 1 : 0;
            Ended |= e.Type == EventType.ConversationEnded;
            // Index loops: the load driver records every answer, and its own garbage counts in its bytes per event.
            var directives = result.Directives;
            var allow = -1;
            var disclosedBefore = false;
            for (var i = 0; i < directives.Count && allow < 0; i++)
            {
                if (directives[i].Type == DirectiveType.AllowAi)
                {
                    allow = i;
                }
                else
                {
                    disclosedBefore |= directives[i].Type == DirectiveType.Disclose;
                }
            }
            if (allow < 0)
            {
                return;
            }
            AllowedAiMessages++;
            if (!result.Summary.DisclosureDelivered && !disclosedBefore)
            {
                (_undisclosed ??= []).Add(e.Id);
            }
        }
    }

    /// <summary>What the cluster must show of conversation <paramref name="conversationId"/> after these answers.</summary>
    public ExpectedConversation Expected(string conversationId)
    {
        lock (_gate)
        {
            return new ExpectedConversation(conversationId)
            {
                Answered = Answered > 0,
                Transcript = new CountedTranscript(CustomerMessages, AllowedAiMessages),
                Ended = Ended,
                UndisclosedAiMessages = [.. _undisclosed ?? []],
            };
        }
    }
}
