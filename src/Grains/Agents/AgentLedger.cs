namespace CxCluster.Grains.Agents;

/// <summary>
/// What a human agent knows of itself: its profile and status, what it holds, its claims in flight and its recent
/// completions. Records change it only through <see cref="Apply"/>, so the ledger an agent reaches live and the one
/// rebuilt from its latest checkpoint plus the records after it are the same.
/// </summary>
/// <param name="completionsKept">How many completions are kept (one the conversation has not heard of is never dropped).</param>
internal sealed class AgentLedger(int completionsKept)
{
    public AgentProfile? Profile { get; private set; }

    public AgentStatus Status { get; private set; } = AgentStatus.Offline;

    public DateTimeOffset IdleSince { get; private set; }

    /// <summary>When the agent's status last changed; unknown (the default) in a checkpoint written before it was kept.</summary>
    public DateTimeOffset StatusSince { get; private set; }

    /// <summary>The version of the agent's view that pools compare: it grows with every change they care about.</summary>
    public long Version { get; private set; }

    /// <summary>Held conversations, oldest first.</summary>
    public List<AgentAssignmentRecord> Assignments { get; private set; } = [];

    /// <summary>Claims sent to a pool and not yet settled, counted against capacity.</summary>
    public List<PendingClaim> PendingClaims { get; private set; } = [];

    /// <summary>Recent completions, oldest first.</summary>
    public List<CompletionRecord> Completions { get; private set; } = [];

    /// <summary>How many status changes the agent has made: the number of its last one as a told fact (1, 2, 3, …).</summary>
    public long StatusChanges { get; private set; }

    /// <summary>Offers not answered yet, counted against capacity.</summary>
    public List<OpenOffer> Offers { get; private set; } = [];

    /// <summary>Recent offers that ended, oldest first.</summary>
    public List<EndedOffer> EndedOffers { get; private set; } = [];


    /// <summary>The reconciliation reminder is registered.</summary>
    public bool Watched { get; private set; }

    /// <summary>The seq of the last record applied.</summary>
    public long Seq { get; set; }

    /// <summary>What counts against capacity: held conversations, open offers and claims in flight.</summary>
    public int Load => Assignments.Count + Offers.Count + PendingClaims.Count;

    public void Apply(AgentRecord record)
    {
        switch (record)
        {
            case AgentRegistered registered:
                if (Profile is null)
                {
                    Status = AgentStatus.Offline;
                    IdleSince = registered.At;
                }
                Profile = registered.Profile;
                Version++;
                break;
            case AgentStatusChanged changed:
                if (changed.Status == AgentStatus.Available)
                {
                    IdleSince = changed.At;
                }
                if (changed.Status != Status)
                {
                    StatusSince = changed.At;
                }
                Status = changed.Status;
                StatusChanges = changed.Number ?? StatusChanges + 1;
                Version++;
                break;
            case AgentOffered offered:
                PendingClaims.RemoveAll(c => c.ConversationId == offered.Offer.ConversationId && c.HandoffId == offered.Offer.HandoffId);
                Offers.Add(offered.Offer);
                Version++;
                break;
            case AgentOfferEnded ended:
                if (Offers.Find(o => o.OfferId == ended.OfferId) is { } offer)
                {
                    Offers.Remove(offer);
                    EndedOffers.Add(new EndedOffer { Offer = offer, Outcome = ended.Outcome, Reason = ended.Reason, EndedAt = ended.At });
                    while (EndedOffers.Count > completionsKept && EndedOffers[0].Told)
                    {
                        EndedOffers.RemoveAt(0);
                    }
                    Version++;
                }
                break;
            case AgentOfferTold told:
                if (EndedOffers.FindLast(o => o.Offer.OfferId == told.OfferId) is { } endedOffer)
                {
                    endedOffer.Told = true;
                }
                break;
            case AgentOfferWithdrawn withdrawn:
                if (EndedOffers.FindLast(o => o.Offer.OfferId == withdrawn.OfferId) is { } acceptedOffer)
                {
                    acceptedOffer.Withdrawn = true;
                }
                break;
            case AgentClaimPending pending:
                PendingClaims.Add(pending.Claim);
                break;
            case AgentClaimDropped dropped:
                PendingClaims.RemoveAll(c => c.ConversationId == dropped.ConversationId && c.HandoffId == dropped.HandoffId);
                break;
            case AgentAssigned assigned:
                PendingClaims.RemoveAll(c => c.ConversationId == assigned.ConversationId && c.HandoffId == assigned.HandoffId);
                Assignments.Add(new AgentAssignmentRecord
                {
                    ConversationId = assigned.ConversationId,
                    HandoffId = assigned.HandoffId,
                    PoolName = assigned.PoolName,
                    AssignedAt = assigned.At,
                });
                IdleSince = assigned.At;
                Version++;
                break;
            case AgentReleased released:
                // A conversation that ended or was taken back frees the agent: idle from then, as after a completion.
                if (Assignments.RemoveAll(a => a.ConversationId == released.ConversationId && a.HandoffId == released.HandoffId) > 0)
                {
                    IdleSince = released.At;
                }
                Version++;
                break;
            case AgentCompleted completed:
                // Idle from the moment the agent is done, so one who has just finished is not chosen before one free for longer.
                if (Assignments.RemoveAll(a => a.ConversationId == completed.ConversationId && a.HandoffId == completed.HandoffId) > 0)
                {
                    IdleSince = completed.At;
                }
                Completions.Add(new CompletionRecord { ConversationId = completed.ConversationId, HandoffId = completed.HandoffId, CompletedAt = completed.At });
                while (Completions.Count > completionsKept && Completions[0].Told)
                {
                    Completions.RemoveAt(0);
                }
                Version++;
                break;
            case AgentCompletionTold told:
                if (Completions.FindLast(c => c.ConversationId == told.ConversationId && c.HandoffId == told.HandoffId) is { } completion)
                {
                    completion.Told = true;
                }
                break;
            case AgentWatched watched:
                Watched = watched.Watched;
                break;
        }
    }

    /// <summary>The ledger as a checkpoint: a copy, so later records never change it.</summary>
    public AgentState ToCheckpoint() => new()
    {
        Profile = Profile,
        Status = Status,
        Assignments = [.. Assignments],
        IdleSince = IdleSince,
        StatusSince = StatusSince,
        Version = Version,
        PendingClaims = [.. PendingClaims],
        Completions = [.. Completions.Select(c => new CompletionRecord { ConversationId = c.ConversationId, HandoffId = c.HandoffId, CompletedAt = c.CompletedAt, Told = c.Told })],
        Watched = Watched,
        Seq = Seq,
        StatusChanges = StatusChanges,
        Offers = [.. Offers],
        EndedOffers = [.. EndedOffers.Select(o => new EndedOffer { Offer = o.Offer, Outcome = o.Outcome, Reason = StoredReason(o.Reason), Told = o.Told, EndedAt = o.EndedAt, Withdrawn = o.Withdrawn })],
    };

    /// <summary>
    /// What the agent's journal (its records and checkpoints) keeps of an offer's reason: a code, never words, which may
    /// name the customer ("knows Mrs Porter personally") where no erasure of a conversation reaches. The words go to the
    /// conversation, whose fact keeps them in its personal part; one told again after a restart is told without them.
    /// </summary>
    public static string? StoredReason(string? reason) => Journal.FactCodec.IsReasonCode(reason) ? reason : null;

    public static AgentLedger FromCheckpoint(AgentState state, int completionsKept) => new(completionsKept)
    {
        Profile = state.Profile,
        Status = state.Status,
        Assignments = [.. state.Assignments],
        IdleSince = state.IdleSince,
        StatusSince = state.StatusSince,
        Version = state.Version,
        PendingClaims = [.. state.PendingClaims],
        Completions = [.. state.Completions],
        Watched = state.Watched,
        Seq = state.Seq,
        StatusChanges = state.StatusChanges,
        Offers = [.. state.Offers],
        EndedOffers = [.. state.EndedOffers],
    };
}
