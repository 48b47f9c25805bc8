using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Conversations;

/// <summary>
/// How each fact changes a conversation's state: the conversation's own part (status, channel, transcript) here, and
/// each concept's slice by its decider's <c>Evolve</c>. It is the only way facts change the state, so the state a
/// conversation reaches live and the state rebuilt from its facts (a checkpoint plus the tail) are the same.
/// </summary>
/// <remarks>
/// A few things are not facts and are kept only as the grain's own bookkeeping: where a waiting handoff stands in
/// its queue now (the pool is asked again), whether the reminder is registered, and whether a released queue place
/// or agent was freed already (freeing again changes nothing).
/// </remarks>
internal static class ConversationEvolution
{
    public static void Apply(ConversationState state, Fact fact, TenantPolicy policy, ConversationSettings options)
    {
        if (fact.At > state.LatestAt)
        {
            state.LatestAt = fact.At;
        }
        switch (fact)
        {
            case ConversationStarted started:
                state.Started = true;
                state.Status = ConversationStatus.Ai;
                state.StartedAt = started.At;
                state.Channel = started.Channel;
                state.Locale = started.Locale;
                state.CustomerId = started.CustomerId;
                state.CustomerIdAt = started.CustomerId is null ? null : started.At;
                state.Priority = started.Priority;
                state.Attributes = started.Attributes is { } attributes ? new Dictionary<string, string>(attributes, StringComparer.Ordinal) : null;
                state.AttributesAt = state.Attributes is null ? null : started.At;
                break;
            case CustomerIdentified identified:
                state.CustomerId = identified.CustomerId;
                state.CustomerIdAt = identified.CustomerId is null ? null : identified.At;
                break;
            case ConversationDescribed described:
                state.Priority = described.Priority;
                if (described.Attributes is { } given)
                {
                    state.Attributes = new Dictionary<string, string>(given, StringComparer.Ordinal);
                    state.AttributesAt = described.At;
                }
                break;
            case ChannelSwitched switched:
                state.Channel = switched.Channel;
                state.Locale = switched.Locale;
                break;
            case MessageRecorded message:
                var turn = new TranscriptTurn { From = message.From, Text = message.Text, At = message.At };
                state.Transcript.Add(turn);
                if (state.Transcript.Count > options.TranscriptTurns)
                {
                    state.Transcript.RemoveRange(0, state.Transcript.Count - options.TranscriptTurns);
                }
                Tally(state, message, turn);
                break;
            case IdentityAnswered:
                state.IdentityQuestions++;
                break;
            case HandoffRequested:
                state.Status = ConversationStatus.Queued;
                break;
            case HandoffAssigned assigned when state.Status == ConversationStatus.Queued && state.Handoff?.HandoffId == assigned.HandoffId:
                state.Status = ConversationStatus.Human;
                break;
            case HandoffReclaimed reclaimed when state.Status == ConversationStatus.Human && state.Handoff?.HandoffId == reclaimed.HandoffId:
                state.Status = ConversationStatus.Queued;
                break;
            case AiResumed:
                state.Status = ConversationStatus.Ai;
                // Repeats are counted afresh once the AI is in charge again, as the trust rules count them.
                state.RepeatedMessage = null;
                break;
            case ConversationEnded ended:
                state.Status = ConversationStatus.Ended;
                state.EndedAt ??= ended.At;
                break;
            case ConversationErased erased:
                ForgetPersonal(state);
                state.ErasedAt ??= erased.At;
                state.ErasurePending = true;
                break;
        }
        DisclosureDecider.Evolve(state.Disclosure, fact);
        TrustDecider.Evolve(state.Trust, fact, policy);
        HandoffDecider.Evolve(state.Handoffs, fact);
    }

    /// <summary>Forgets all the state holds of the customer: the transcript, the messages kept for the summary, their id and attributes.</summary>
    public static void ForgetPersonal(ConversationState state)
    {
        state.Transcript.Clear();
        state.LastCustomerMessage = null;
        state.RepeatedMessage = null;
        state.CustomerId = null;
        state.CustomerIdAt = null;
        state.Attributes = null;
        state.AttributesAt = null;
    }

    /// <summary>
    /// Counts a message for the agent's summary; the same turn the transcript holds is kept as the last or repeated one,
    /// so nothing more is allocated. Runs before the trust slice hears of the message, so a repeat counts this one once.
    /// </summary>
    private static void Tally(ConversationState state, MessageRecorded message, TranscriptTurn turn)
    {
        switch (message.From)
        {
            case Speaker.Customer:
                state.CustomerMessages++;
                state.FirstCustomerMessageAt ??= message.At;
                state.LastCustomerMessage = turn;
                if (message.Fingerprint is { } fingerprint && TrustDecider.RepeatCount(state.Trust, fingerprint) > 1)
                {
                    state.RepeatedMessage = turn;
                }
                break;
            case Speaker.Ai:
                state.AiMessages++;
                break;
        }
    }
}
