namespace CxCluster.Settings;

/// <summary>A tenant's rules for its conversations, read from <c>Tenants:{tenantId}</c>.</summary>
public sealed class TenantPolicy
{
    public required string TenantId { get; init; }

    /// <summary>The keys the API accepts for this tenant (<c>Tenants:{tenantId}:ApiKeys:{n}</c>); none: nobody can call as it.</summary>
    public IReadOnlyList<string> ApiKeys { get; init; } = [];

    /// <summary>
    /// Read-only keys for the tenant's supervisors (<c>Tenants:{tenantId}:SupervisorKeys:{n}</c>): they may read the
    /// supervisor board, the live stream, queues, agents, conversations and the evidence export, and change nothing.
    /// </summary>
    public IReadOnlyList<string> SupervisorKeys { get; init; } = [];

    /// <summary>The brand name the customer-facing texts use; the tenant id when not set.</summary>
    public required string BrandName { get; init; }

    public Channel DefaultChannel { get; init; } = Channel.Chat;

    public string DefaultLocale { get; init; } = "id-ID";

    /// <summary>Below this score the conversation hands off by itself.</summary>
    public int Threshold { get; init; } = 40;

    /// <summary>Below this score the customer is offered a human once.</summary>
    public int WarningLevel { get; init; } = 60;

    /// <summary>After this long a trust penalty weighs half as much.</summary>
    public TimeSpan TrustHalfLife { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a trust signal weighs in full before it starts to fade: trouble at a conversation's pace (a misunderstanding
    /// a minute or two after the last) counts as trouble in a row.
    /// </summary>
    public TimeSpan TrustFullWeight { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Average time an agent takes per conversation, until the pool has measured its own.</summary>
    public TimeSpan AverageHandlingTime { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>
    /// How long the words of a message are kept: older message texts are removed from the journal for good, as by an
    /// erasure, while the facts without personal data stay as proof. Null keeps them until the conversation is erased.
    /// </summary>
    public TimeSpan? MessageRetention { get; init; }

    /// <summary>The oldest time a message's words are still kept at <paramref name="now"/>, or null when they are kept until erasure.</summary>
    public DateTimeOffset? RetainedSince(DateTimeOffset now) => MessageRetention is { } retention ? now - retention : null;

    /// <summary>Offers, first replies and how waiting conversations widen.</summary>
    public RoutingPolicy Routing { get; init; } = new();

    /// <summary>Texts by locale or language (<c>id-ID</c>, <c>id</c>); missing ones fall back to the built-in texts.</summary>
    public IReadOnlyDictionary<string, CustomerTextSet> Texts { get; init; } = new Dictionary<string, CustomerTextSet>();
}

/// <summary>
/// Customer-facing texts for one locale. Placeholders: <c>{brand}</c>, <c>{agent}</c> (display name),
/// <c>{position}</c> (queue position), <c>{minutes}</c> (estimated wait, whole minutes).
/// </summary>
public sealed class CustomerTextSet
{
    /// <summary>The AI disclosure, for any channel without its own.</summary>
    public string? Disclosure { get; set; }

    /// <summary>The AI disclosure for a given channel (key: <c>voice</c>, <c>sms</c>...).</summary>
    public Dictionary<string, string> DisclosureByChannel { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The honest answer while the AI is in charge.</summary>
    public string? IdentityAi { get; set; }

    /// <summary>The honest answer while a human agent is in charge.</summary>
    public string? IdentityHuman { get; set; }

    /// <summary>The honest answer while the customer waits for a human.</summary>
    public string? IdentityWaiting { get; set; }

    public string? OfferHuman { get; set; }

    public string? HandoffAssigned { get; set; }

    public string? HandoffQueued { get; set; }

    /// <summary>Queued, when an agent is expected within a minute (one is being offered the conversation, or has room for it).</summary>
    public string? HandoffQueuedSoon { get; set; }

    /// <summary>Queued, when no wait can be estimated (no agent serving the queue is available).</summary>
    public string? HandoffQueuedNoEstimate { get; set; }

    /// <summary>The agent who had the conversation did not answer in time: another agent is being found.</summary>
    public string? HandoffReclaimed { get; set; }
}
