namespace CxCluster.Abstractions;

/// <summary>The kinds of event a platform sends into a conversation.</summary>
[GenerateSerializer, Alias("cx.EventType")]
public enum EventType
{
    ConversationStarted,
    CustomerMessage,
    AiMessage,
    AgentMessage,
    DisclosureDelivered,
    Signal,
    ChannelSwitched,
    ConversationEnded,
}

/// <summary>The channels a customer can be on.</summary>
[GenerateSerializer, Alias("cx.Channel")]
public enum Channel
{
    Chat,
    Voice,
    Sms,
    Whatsapp,
    Email,
    Web,
}

/// <summary>Who is in charge of a conversation.</summary>
[GenerateSerializer, Alias("cx.ConversationStatus")]
public enum ConversationStatus
{
    Ai,
    Queued,
    Human,
    Ended,
}

/// <summary>What the cluster tells the platform to do next.</summary>
[GenerateSerializer, Alias("cx.DirectiveType")]
public enum DirectiveType
{
    Disclose,
    AllowAi,
    SuppressAi,
    AnswerIdentity,
    OfferHuman,
    Handoff,
}

/// <summary>Where a conversation's move to a human stands.</summary>
[GenerateSerializer, Alias("cx.HandoffStatus")]
public enum HandoffStatus
{
    None,
    Queued,
    Assigned,
    Completed,
    /// <summary>Offered to an agent who has not answered yet (the snapshot's view; to the customer it is still queued).</summary>
    Offered,
}

/// <summary>Which side of the warning level and threshold a trust score is on.</summary>
[GenerateSerializer, Alias("cx.TrustBand")]
public enum TrustBand
{
    Healthy,
    Warning,
    Breached,
}

/// <summary>Who said a transcript turn.</summary>
[GenerateSerializer, Alias("cx.Speaker")]
public enum Speaker
{
    Customer,
    Ai,
    Agent,
}

/// <summary>Whether a human agent takes new conversations.</summary>
[GenerateSerializer, Alias("cx.AgentStatus")]
public enum AgentStatus
{
    Available,
    Away,
    Offline,
}

/// <summary>Why an event or command was refused.</summary>
[GenerateSerializer, Alias("cx.RefusalKind")]
public enum RefusalKind
{
    /// <summary>The input names something that does not fit (maps to 400).</summary>
    Invalid,
    /// <summary>The target does not exist (maps to 404).</summary>
    NotFound,
    /// <summary>The target's state does not allow it (maps to 409).</summary>
    Conflict,
    /// <summary>A condition the request set does not hold, e.g. create-only and it exists (maps to 412).</summary>
    PreconditionFailed,
}

/// <summary>What an agent says of a handoff a conversation believes it holds.</summary>
[GenerateSerializer, Alias("cx.AgentHold")]
public enum AgentHold
{
    /// <summary>The agent holds it now (or is confirming a claim on it).</summary>
    Held,
    /// <summary>The agent completed it: the AI is in charge again.</summary>
    Completed,
    /// <summary>The agent neither holds it nor completed it.</summary>
    Unknown,
    /// <summary>
    /// The agent holds it but is offline: a conversation still waiting for that agent's first reply takes itself back,
    /// should the agent's own word of going offline (one-way) have been lost.
    /// </summary>
    HeldOffline,
}
