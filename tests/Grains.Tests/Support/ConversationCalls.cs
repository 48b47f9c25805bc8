namespace CxCluster.Grains.Tests.Support;

/// <summary>Calls on a conversation grain the tests make over and over.</summary>
internal static class ConversationCalls
{
    /// <summary>Applies an event the conversation must accept, and answers its result.</summary>
    public static async Task<EventResult> Send(IConversationGrain conversation, ConversationEvent e)
    {
        var outcome = await conversation.Apply(e);
        Assert.Null(outcome.Refusal);
        return outcome.Result!;
    }
}
