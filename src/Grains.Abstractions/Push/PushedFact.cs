namespace CxCluster.Abstractions.Push;

/// <summary>
/// A fact as the cluster tells it (webhooks, the live stream): the contract's Fact, already written as JSON, with what a
/// reader filters and resumes by.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.PushedFact")]
public sealed record PushedFact
{
    /// <summary>
    /// Its place among all the tenant's facts, what the cluster's own readers go on from. Grows in the order facts are
    /// read; numbers may be skipped. Never shown outside the cluster (it tells the cluster's pace): readers there see <see cref="Cursor"/>.
    /// </summary>
    [Id(0)] public required long Position { get; init; }

    /// <summary>The fact's stable id, the same every time it is told: <c>c:{conversationId}:{seq}</c> or <c>a:{agentId}:{seq}</c>.</summary>
    [Id(1)] public required string Id { get; init; }

    /// <summary>The contract's type, e.g. <c>handoff.assigned</c>.</summary>
    [Id(2)] public required string Type { get; init; }

    /// <summary>The conversation it belongs to, or null for an agent's fact.</summary>
    [Id(3)] public string? ConversationId { get; init; }

    /// <summary>The agent it belongs to (an agent's own fact), or null.</summary>
    [Id(4)] public string? AgentId { get; init; }

    /// <summary>Its sequence number in its conversation (or agent).</summary>
    [Id(5)] public required long Seq { get; init; }

    [Id(6)] public required DateTimeOffset At { get; init; }

    /// <summary>The whole Fact as UTF-8 JSON: <c>{ "id", "type", "at", "seq", "conversationId"?, "agentId"?, "data" }</c>.</summary>
    [Id(7)] public required byte[] Json { get; init; }

    /// <summary>
    /// Where the personal part told in the fact begins in <see cref="Json"/> (the <c>,"context":…</c> of an offer, always
    /// the last property of the data), or 0 when it holds none. <see cref="WithoutPersonal"/> leaves it out.
    /// </summary>
    [Id(8)] public int PersonalAt { get; init; }

    /// <summary>
    /// <see cref="Position"/> as the tenant's readers outside the cluster see it (the live stream's <c>id:</c>): the same
    /// fact has the same cursor on every silo, and cursors tell nothing of other tenants or of the cluster's pace.
    /// </summary>
    [Id(9)] public long Cursor { get; init; }

    /// <summary>
    /// The fact as told to a reader who may not see personal data, or once that data was <paramref name="erased"/>, or
    /// where it would be kept beyond the journal (a given-up webhook delivery): this one when it holds none. A
    /// <c>conversation.ended</c> whose reason was in words then reads <c>"reason":"erased"</c> once it was erased, else
    /// <c>"reason":"withheld"</c> (the words are still kept, only not told here), as the contract wants a reason there.
    /// </summary>
    public PushedFact WithoutPersonal(bool erased)
    {
        if (PersonalAt == 0)
        {
            return this;
        }
        // The personal part is the data's last property and the data the Fact's last: what follows it closes both.
        var opens = Json[PersonalAt - 1] == (byte)'{';
        ReadOnlySpan<byte> tail = Type != "conversation.ended" ? "}}"u8
            : erased ? (opens ? "\"reason\":\"erased\"}}"u8 : ",\"reason\":\"erased\"}}"u8)
            : opens ? "\"reason\":\"withheld\"}}"u8 : ",\"reason\":\"withheld\"}}"u8;
        var trimmed = new byte[PersonalAt + tail.Length];
        Json.AsSpan(0, PersonalAt).CopyTo(trimmed);
        tail.CopyTo(trimmed.AsSpan(PersonalAt));
        return this with { Json = trimmed, PersonalAt = 0 };
    }

    /// <summary>The conversation's or the agent's id: what delivery order is kept per.</summary>
    public string Subject => ConversationId ?? AgentId ?? "";
}

/// <summary>Which facts a reader wants: all when every part is null.</summary>
/// <param name="Types">Only these types; null: every type.</param>
/// <param name="ConversationId">Only this conversation's facts.</param>
/// <param name="AgentId">Only facts about this agent: its own, and those of conversations naming it (offered, assigned, completed, …).</param>
[GenerateSerializer, Immutable, Alias("cx.FeedFilter")]
public sealed record FeedFilter(
    [property: Id(0)] IReadOnlyList<string>? Types = null,
    [property: Id(1)] string? ConversationId = null,
    [property: Id(2)] string? AgentId = null)
{
    public static readonly FeedFilter All = new();
}

/// <summary>One read of a tenant's facts.</summary>
/// <param name="Facts">The facts that passed the filter, in position order.</param>
/// <param name="Cursor">
/// Where the next read goes on from: the position of the last fact looked at (passed or not), or the one given when
/// nothing new was there; from <see cref="IFactFeedGrain"/>, as a reader's cursor.
/// </param>
[GenerateSerializer, Immutable, Alias("cx.FeedPage")]
public sealed record FeedPage([property: Id(0)] IReadOnlyList<PushedFact> Facts, [property: Id(1)] long Cursor);

/// <summary>
/// Reads a tenant's facts from any cursor, waiting a while for new ones when there are none yet (one per silo; key: the
/// tenant id).
/// </summary>
[Alias("cx.IFactFeedGrain")]
public interface IFactFeedGrain : IGrainWithStringKey
{
    /// <summary>
    /// Up to <paramref name="max"/> facts after the cursor <paramref name="after"/> that pass <paramref name="filter"/>;
    /// when none is there yet, waits up to <paramref name="wait"/> for one. <paramref name="after"/> below 0 means "from
    /// now", 0 "from the first". Cursors are the facts' <see cref="PushedFact.Cursor"/>s and the pages' <see cref="FeedPage.Cursor"/>s.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="after"/> is no cursor of this tenant's (see <see cref="Sent"/>).</exception>
    [Alias("Read")]
    Task<FeedPage> Read(long after, int max, FeedFilter filter, TimeSpan wait);

    /// <summary>
    /// Whether <paramref name="cursor"/> (above 0) may have been sent by this tenant's stream: one of its cursors, of a
    /// fact not beyond its last in the journal. Any other comes from somewhere else (another tenant, another cluster, a
    /// journal started anew), and reading after it would tell nothing or the wrong facts.
    /// </summary>
    [Alias("Sent")]
    Task<bool> Sent(long cursor);
}
