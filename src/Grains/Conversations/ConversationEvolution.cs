using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Tenants;
using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Conversations;

/// <summary>
/// How each fact changes a conversation's state: the only way the rules change it, so the state a conversation
/// reaches live and the state rebuilt from its facts (a checkpoint plus the tail) are the same.
/// </summary>
/// <remarks>
/// A few things are not facts and are kept only as the grain's own bookkeeping: where a waiting handoff stands in
/// its queue now (the pool is asked again), whether the reminder is registered, and whether a released queue place
/// or agent was freed already (freeing again changes nothing).
/// </remarks>
internal static class ConversationEvolution
{
    public const int RecentMessagesKept = 6;
    public const int SignalsKept = 32;

    public static void Apply(ConversationState state, Fact fact, TenantPolicy policy, ConversationOptions options)
    {
        switch (fact)
        {
            case ConversationStarted started:
                state.Started = true;
                state.Status = ConversationStatus.Ai;
                state.StartedAt = started.At;
                state.Channel = started.Channel;
                state.Locale = started.Locale;
                state.CustomerId = started.CustomerId;
                break;
            case ChannelSwitched switched:
                state.Channel = switched.Channel;
                state.Locale = switched.Locale;
                break;
            case DisclosureIssued issued:
                state.Disclosures.Add(new IssuedDisclosure
                {
                    DisclosureId = issued.DisclosureId,
                    Channel = issued.Channel,
                    Locale = issued.Locale,
                    Text = issued.Text,
                    IssuedAt = issued.At,
                });
                // After a human, the next answer leads with the new notice whatever the event.
                state.AnnounceDisclosure = issued.Reason == DisclosureIssued.AiResumed;
                break;
            case DisclosureDelivered delivered:
                var disclosure = state.Disclosures.Find(d => d.DisclosureId == delivered.DisclosureId);
                if (disclosure is not null)
                {
                    disclosure.DeliveredAt ??= delivered.At;
                }
                break;
            case MessageRecorded message:
                AddTurn(state, message, options);
                break;
            case TrustSignalled signalled:
                AddSignal(state, signalled, policy);
                break;
            case TrustChanged changed:
                state.Band = changed.Band;
                if (changed.Band == TrustBand.Healthy)
                {
                    state.HumanOffered = false;
                }
                break;
            case HumanOffered:
                state.HumanOffered = true;
                break;
            case HandoffRequested requested:
                state.HandoffCount++;
                state.Handoff = new HandoffRecord
                {
                    HandoffId = requested.HandoffId,
                    Reason = requested.Reason,
                    RequestedAt = requested.At,
                    PoolName = requested.Queue,
                    Status = HandoffStatus.Queued,
                    AwaitingPool = true,
                };
                state.Status = ConversationStatus.Queued;
                break;
            case HandoffQueued queued when state.Handoff is { } handoff && handoff.HandoffId == queued.HandoffId:
                handoff.AwaitingPool = false;
                handoff.QueuePosition = queued.Position;
                handoff.EstimatedWaitSeconds = queued.EstimatedWaitSeconds;
                break;
            case HandoffAssigned assigned when state.Handoff is { } handoff && handoff.HandoffId == assigned.HandoffId:
                handoff.AwaitingPool = false;
                handoff.Status = HandoffStatus.Assigned;
                handoff.AgentId = assigned.AgentId;
                handoff.AgentDisplayName = assigned.AgentDisplayName;
                handoff.AssignedAt ??= assigned.At;
                handoff.QueuePosition = null;
                handoff.EstimatedWaitSeconds = null;
                if (state.Status == ConversationStatus.Queued)
                {
                    state.Status = ConversationStatus.Human;
                }
                break;
            case HandoffCompleted completed when state.Handoff is { } handoff && handoff.HandoffId == completed.HandoffId:
                // Whatever the handoff still holds (a queue place, an agent) is freed, unless the AI resumes because the agent finished.
                state.Release = new PendingRelease { HandoffId = handoff.HandoffId, PoolName = handoff.PoolName, AgentId = completed.AgentId };
                handoff.Status = HandoffStatus.Completed;
                handoff.AwaitingPool = false;
                break;
            case AiResumed:
                state.Release = null;
                state.Status = ConversationStatus.Ai;
                state.Signals.Clear();
                state.RecentMessages.Clear();
                state.HumanOffered = false;
                break;
            case ConversationEnded ended:
                state.Status = ConversationStatus.Ended;
                state.EndedAt ??= ended.At;
                break;
            case ConversationErased erased:
                state.Transcript.Clear();
                state.CustomerId = null;
                state.RecentMessages.Clear();
                state.ErasedAt ??= erased.At;
                break;
        }
    }

    private static void AddTurn(ConversationState state, MessageRecorded message, ConversationOptions options)
    {
        state.Transcript.Add(new TranscriptTurn { From = message.From, Text = message.Text, At = message.At });
        if (state.Transcript.Count > options.TranscriptTurns)
        {
            state.Transcript.RemoveRange(0, state.Transcript.Count - options.TranscriptTurns);
        }
        if (message.Fingerprint is { } fingerprint)
        {
            state.RecentMessages.Add(fingerprint);
            if (state.RecentMessages.Count > RecentMessagesKept)
            {
                state.RecentMessages.RemoveAt(0);
            }
        }
    }

    private static void AddSignal(ConversationState state, TrustSignalled signalled, TenantPolicy policy)
    {
        // A signal is recorded at the time it was scored (never later than its silo's now): the clock penalties fade against.
        if (signalled.At > state.TrustClock)
        {
            state.TrustClock = signalled.At;
        }
        state.Signals.Add(new TrustSignal { Name = signalled.Name, Delta = signalled.Delta, At = signalled.At });
        state.Signals.RemoveAll(s => TrustScore.IsSpent(s, state.TrustClock, policy.TrustHalfLife));
        if (state.Signals.Count > SignalsKept)
        {
            state.Signals.RemoveRange(0, state.Signals.Count - SignalsKept);
        }
    }
}
