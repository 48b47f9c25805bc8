namespace CxCluster.Grains.Conversations;

/// <summary>Cluster-wide bounds on what a conversation keeps (configuration section <c>Conversations</c>).</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>The transcript keeps the most recent this many turns.</summary>
    public int TranscriptTurns { get; set; } = 50;

    /// <summary>How many recent event ids are remembered for idempotent retries.</summary>
    public int IdempotencyWindow { get; set; } = 256;

    /// <summary>How many recent trust signals a snapshot shows.</summary>
    public int SignalsShown { get; set; } = 10;
}
