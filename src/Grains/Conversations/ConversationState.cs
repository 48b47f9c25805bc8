using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Conversations;

/// <summary>
/// What a conversation's next decisions need, and the transcript its snapshot shows: rebuilt on activation from its
/// latest checkpoint plus the facts appended after it. Personal data only in redacted form and erasable.
/// </summary>
[GenerateSerializer, Alias("cx.ConversationState")]
public sealed class ConversationState
{
    [Id(0)] public bool Started { get; set; }
    [Id(1)] public ConversationStatus Status { get; set; }
    [Id(2)] public Channel Channel { get; set; }
    [Id(3)] public string Locale { get; set; } = "";
    [Id(4)] public string? CustomerId { get; set; }
    [Id(5)] public DateTimeOffset StartedAt { get; set; }
    /// <summary>The disclosure's slice: every notice issued.</summary>
    [Id(6)] public DisclosureState Disclosure { get; set; } = new();
    /// <summary>The trust score's slice: signals within the fading window, the band, the offer of a person.</summary>
    [Id(7)] public TrustState Trust { get; set; } = new();
    /// <summary>The handoff's slice: the current or last move to a human.</summary>
    [Id(8)] public HandoffState Handoffs { get; set; } = new();
    [Id(9)] public List<TranscriptTurn> Transcript { get; set; } = [];
    [Id(10)] public DateTimeOffset? EndedAt { get; set; }
    [Id(11)] public DateTimeOffset? ErasedAt { get; set; }
    /// <summary>The reconciliation reminder is registered (as far as this state knows: a reminder that fires says it is).</summary>
    [Id(12)] public bool Watched { get; set; }
    /// <summary>The seq of the last fact applied: the <c>version</c> answers carry, and the seq a checkpoint of this state is kept at.</summary>
    [Id(13)] public long Version { get; set; }
    /// <summary>0 (lowest) to 9 (highest), from <c>conversation.started</c>.</summary>
    [Id(14)] public int Priority { get; set; } = HandoffPriority.Default;
    /// <summary>The platform's string pairs from <c>conversation.started</c>, shown to the agent in the context.</summary>
    [Id(15)] public Dictionary<string, string>? Attributes { get; set; }
    /// <summary>How many messages the customer wrote, however many the bounded transcript still holds.</summary>
    [Id(16)] public int CustomerMessages { get; set; }
    /// <summary>How many of the AI's messages were allowed to reach the customer.</summary>
    [Id(17)] public int AiMessages { get; set; }
    /// <summary>How often the customer asked whether they talk to a bot or a person.</summary>
    [Id(18)] public int IdentityQuestions { get; set; }
    [Id(19)] public DateTimeOffset? FirstCustomerMessageAt { get; set; }
    /// <summary>Personal, redacted as the transcript keeps it: erased with the conversation or after the tenant's retention.</summary>
    [Id(20)] public TranscriptTurn? LastCustomerMessage { get; set; }
    /// <summary>The latest customer message sent again among their recent ones (the trust rules' repeats); personal, as above.</summary>
    [Id(21)] public TranscriptTurn? RepeatedMessage { get; set; }
    /// <summary>The latest time any of its facts was recorded at: an event stamped earlier is recorded at this time instead.</summary>
    [Id(22)] public DateTimeOffset LatestAt { get; set; }
    /// <summary>
    /// The conversation was erased and its journal may still hold personal data: set by the erasure's fact, cleared once
    /// the journal's personal parts are gone (kept so by the checkpoint written then). A silo that dies between the two
    /// leaves it set, and the next round finishes. A state rebuilt from the facts alone, with no checkpoint since, reads
    /// it set again: the erasure runs once more and changes nothing.
    /// </summary>
    [Id(23)] public bool ErasurePending { get; set; }
    /// <summary>
    /// When the <see cref="CustomerId"/> it holds was given, and when the <see cref="Attributes"/>: the tenant's message
    /// retention lets them go once older than it, as it does message texts (null with none, or in a checkpoint written
    /// before these were kept, when <see cref="StartedAt"/> stands for it).
    /// </summary>
    [Id(24)] public DateTimeOffset? CustomerIdAt { get; set; }
    [Id(25)] public DateTimeOffset? AttributesAt { get; set; }

    /// <summary>The current or last move to a human.</summary>
    public HandoffRecord? Handoff => Handoffs.Current;

    /// <summary>A handoff the conversation left that still holds a queue place or an agent.</summary>
    public PendingRelease? Release => Handoffs.Release;
}

/// <summary>An event id already answered, and its answer.</summary>
[GenerateSerializer, Immutable, Alias("cx.ProcessedEvent")]
public sealed record ProcessedEvent
{
    [Id(0)] public required string EventId { get; init; }
    [Id(1)] public required IReadOnlyList<Directive> Directives { get; init; }
    /// <summary>The handoff this event opened whose placement is not stored yet: its directive is still to be added.</summary>
    [Id(2)] public string? PendingHandoffId { get; init; }
    /// <summary>
    /// The conversation's version as this answer showed it. Never stored with the answer: set in memory once the event
    /// is done (the answer is kept by its conversation alone, so setting it copies nothing on the event's path), and taken
    /// from the journal's record (the seq the answer was appended with) when found there.
    /// </summary>
    [field: NonSerialized] public long Version { get; set; }
}
