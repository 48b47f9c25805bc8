using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Evidence;

/// <summary>
/// Folds one conversation's facts, in seq order, into its <see cref="ConversationEvidence"/>, with no I/O. It reads
/// only the non-personal part of each fact, so an erased conversation gives the same evidence as before.
/// </summary>
public sealed class EvidenceBuilder(string conversationId)
{
    /// <summary>The fact types the evidence reads; the others are passed over undecoded.</summary>
    public static readonly FrozenSet<string> Types = FrozenSet.Create(StringComparer.Ordinal,
        "conversation.started", "channel.switched", "message.recorded", "disclosure.issued", "disclosure.delivered",
        "ai.allowed", "identity.answered", "trust.signalled", "handoff.requested", "handoff.assigned", "handoff.reclaimed", "conversation.erased");

    /// <summary>Signals only a customer's (or anyone's) message gives, never a platform's measurement.</summary>
    private static readonly FrozenSet<string> MessageSignals = FrozenSet.Create(StringComparer.Ordinal,
        TrustRules.Repetition, TrustRules.IdentityQuestion, TrustRules.HumanRequest, TrustRules.NegativeWords, TrustRules.Anger, TrustRules.Thanks);

    private readonly List<ChannelStretch> _channels = [];
    private readonly List<DisclosureEvidence> _disclosures = [];
    private readonly List<IdentityAnswerEvidence> _identity = [];
    private readonly List<HandoffEvidence> _handoffs = [];
    private Channel? _channel;
    private DateTimeOffset? _firstAi;
    private bool _disclosedFirst = true;
    private int _aiAllowed;
    private int _agentScored;
    private DateTimeOffset? _erasedAt;
    /// <summary>The message whose signals may follow: set by a message, kept across its signals, cleared by anything else.</summary>
    private MessageRecorded? _message;

    /// <summary>Adds a fact as the journal keeps it, decoding its non-personal part when the evidence reads its type.</summary>
    public void Add(JournalFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (Types.Contains(fact.Type))
        {
            Add(FactCodec.Decode(fact.Type, fact.At, fact.Data, ReadOnlyMemory<byte>.Empty));
        }
        else
        {
            _message = null;
        }
    }

    /// <summary>Adds the conversation's next fact.</summary>
    public void Add(Fact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (fact is TrustSignalled signalled)
        {
            // A message's signals are recorded right after it, at its time or (scored no later than the silo's now)
            // before; a platform's measurement is an event of its own. Agent messages are never scored, so this counts
            // what the journal shows rather than what the rule promises.
            if (_message is { From: Speaker.Agent } message && signalled.At <= message.At && MessageSignals.Contains(signalled.Name))
            {
                _agentScored++;
            }
            return;
        }
        _message = fact as MessageRecorded;
        switch (fact)
        {
            case ConversationStarted started:
                _channel = started.Channel;
                _channels.Add(new ChannelStretch(started.Channel, started.Locale, started.At));
                break;
            case ChannelSwitched switched:
                _channel = switched.Channel;
                _channels.Add(new ChannelStretch(switched.Channel, switched.Locale, switched.At));
                break;
            case DisclosureIssued issued:
                _disclosures.Add(new DisclosureEvidence(
                    issued.DisclosureId, issued.Channel, issued.Locale, Sha256(issued.Text), issued.At, null, issued.Reason));
                break;
            case DisclosureDelivered delivered:
                var index = _disclosures.FindIndex(d => d.DisclosureId == delivered.DisclosureId);
                if (index >= 0 && _disclosures[index].DeliveredAt is null)
                {
                    _disclosures[index] = _disclosures[index] with { DeliveredAt = delivered.At };
                }
                break;
            case AiAllowed allowed:
                _aiAllowed++;
                _firstAi ??= allowed.At;
                // As the conversation decides: the notice in force (the last issued) confirmed on the channel in use.
                if (_disclosures.Count == 0 || _disclosures[^1] is not { DeliveredAt: not null } current || current.Channel != _channel)
                {
                    _disclosedFirst = false;
                }
                break;
            case IdentityAnswered answered:
                _identity.Add(new IdentityAnswerEvidence(answered.At, answered.AnsweredAs));
                break;
            case HandoffRequested requested:
                _handoffs.Add(new HandoffEvidence(requested.HandoffId, requested.Reason, requested.At, null, null));
                break;
            case HandoffAssigned assigned:
                var handoff = _handoffs.FindLastIndex(h => h.HandoffId == assigned.HandoffId);
                if (handoff >= 0 && _handoffs[handoff].AssignedAt is null)
                {
                    _handoffs[handoff] = _handoffs[handoff] with { AssignedAt = assigned.At, AgentId = assigned.AgentId };
                }
                break;
            case HandoffReclaimed reclaimed:
                // The agent lost it before a first reply: the assignment that holds is the next one, if any.
                var lost = _handoffs.FindLastIndex(h => h.HandoffId == reclaimed.HandoffId);
                if (lost >= 0)
                {
                    _handoffs[lost] = _handoffs[lost] with { AssignedAt = null, AgentId = null };
                }
                break;
            case ConversationErased erased:
                _erasedAt ??= erased.At;
                break;
        }
    }

    public ConversationEvidence Build() => new()
    {
        ConversationId = conversationId,
        ChannelHistory = [.. _channels],
        Disclosures = [.. _disclosures],
        FirstAiAllowedAt = _firstAi,
        DisclosedBeforeFirstAi = _disclosedFirst,
        AiMessagesAllowed = _aiAllowed,
        IdentityAnswers = [.. _identity],
        Handoffs = [.. _handoffs],
        AgentMessagesScored = _agentScored,
        ErasedAt = _erasedAt,
    };

    /// <summary>The SHA-256 of the UTF-8 bytes of <paramref name="text"/>, in lower-case hex.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
