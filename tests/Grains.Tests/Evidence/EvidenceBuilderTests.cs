using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Evidence;
using CxCluster.Grains.Handoffs;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Trust;
using static CxCluster.Grains.Tests.Evidence.EvidenceFacts;

namespace CxCluster.Grains.Tests.Evidence;

/// <summary>What one conversation's facts prove, and what they do not.</summary>
public sealed class EvidenceBuilderTests
{
    /// <summary>The SHA-256 of "Anda berbicara dengan asisten AI." in UTF-8, worked out apart from the code.</summary>
    private const string NoticeSha256 = "c6f66ea31e83336a49c4ec066382d8e09070ac58682bb25aaf8a87fd1bf1f30a";

    private static ConversationEvidence Fold(params Fact[] facts)
    {
        var builder = new EvidenceBuilder("c1");
        foreach (var fact in facts)
        {
            // Through the journal's bytes without the personal part, as the export reads them.
            var (data, _) = FactCodec.Encode(fact);
            builder.Add(new JournalFact(1, fact.Type, fact.At, data, null));
        }
        return builder.Build();
    }

    [Fact]
    public void A_disclosure_delivered_before_the_first_ai_message_proves_disclosure_first()
    {
        var evidence = Fold(Started(0), Issued(0, "dsc-1"), Delivered(2, "dsc-1"), AiAllowed(5, "dsc-1"), AiAllowed(9, "dsc-1"));

        Assert.True(evidence.DisclosedBeforeFirstAi);
        Assert.Equal(At(5), evidence.FirstAiAllowedAt);
        Assert.Equal(2, evidence.AiMessagesAllowed);
        Assert.Equal(new DisclosureEvidence("dsc-1", Channel.Chat, "id-ID", NoticeSha256, At(0), At(2), "start"), Assert.Single(evidence.Disclosures));
        Assert.Equal([new ChannelStretch(Channel.Chat, "id-ID", At(0))], evidence.ChannelHistory);
    }

    [Fact]
    public void An_ai_message_allowed_before_the_disclosure_was_delivered_makes_it_false_whatever_follows()
    {
        // The platform was told to show the notice first, but only confirmed it after the AI spoke.
        var evidence = Fold(Started(0), Issued(0, "dsc-1"), AiAllowed(3, "dsc-1"), Delivered(4, "dsc-1"), AiAllowed(8, "dsc-1"));

        Assert.False(evidence.DisclosedBeforeFirstAi);
        Assert.Equal(At(3), evidence.FirstAiAllowedAt);
        Assert.Equal(At(4), evidence.Disclosures[0].DeliveredAt);
    }

    [Fact]
    public void After_a_channel_switch_the_ai_needs_a_disclosure_delivered_on_the_new_channel()
    {
        Fact[] onChat = [Started(0), Issued(0, "dsc-1"), Delivered(1, "dsc-1"), AiAllowed(2, "dsc-1"), Switched(10, Channel.Voice),
            Issued(10, "dsc-2", Channel.Voice, DisclosureIssued.ChannelSwitch)];

        var undisclosedOnVoice = Fold([.. onChat, AiAllowed(12, "dsc-2")]);
        var disclosedOnVoice = Fold([.. onChat, Delivered(11, "dsc-2"), AiAllowed(12, "dsc-2")]);

        Assert.False(undisclosedOnVoice.DisclosedBeforeFirstAi);
        Assert.True(disclosedOnVoice.DisclosedBeforeFirstAi);
        Assert.Equal(At(2), disclosedOnVoice.FirstAiAllowedAt);
        Assert.Equal([new ChannelStretch(Channel.Chat, "id-ID", At(0)), new ChannelStretch(Channel.Voice, "id-ID", At(10))], disclosedOnVoice.ChannelHistory);
        Assert.Equal(["start", "channel-switch"], disclosedOnVoice.Disclosures.Select(d => d.Reason));
    }

    [Fact]
    public void A_delivered_notice_of_an_earlier_channel_does_not_cover_the_channel_switched_to()
    {
        // Switched while a human was in charge: no notice for the new channel yet when the AI speaks again.
        var evidence = Fold(Started(0), Issued(0, "dsc-1"), Delivered(1, "dsc-1"), Switched(5, Channel.Whatsapp), AiAllowed(6, "dsc-1"));

        Assert.False(evidence.DisclosedBeforeFirstAi);
    }

    [Fact]
    public void A_conversation_where_the_ai_never_spoke_has_no_first_ai_time_and_nothing_undisclosed()
    {
        var evidence = Fold(Started(0), Issued(0, "dsc-1"), Said(3, Speaker.Customer, "halo"), Ended(9));

        Assert.True(evidence.DisclosedBeforeFirstAi);
        Assert.Null(evidence.FirstAiAllowedAt);
        Assert.Equal(0, evidence.AiMessagesAllowed);
        Assert.Null(evidence.Disclosures[0].DeliveredAt);
    }

    [Fact]
    public void A_handoff_taken_back_from_its_agent_shows_the_agent_who_took_it_next_and_the_whole_wait()
    {
        static HandoffReclaimed Reclaimed(int at, string id, string agentId) =>
            new() { At = At(at), HandoffId = id, AgentId = agentId, Reason = HandoffReclaimed.NoFirstReply, Text = "Kami mencarikan agen lain." };
        Fact[] lost = [Started(0), Issued(0, "dsc-1"), Requested(10, "hnd-1", "customer-request"), Assigned(17, "hnd-1", "sari"), Reclaimed(137, "hnd-1", "sari")];

        var served = Fold([.. lost, Assigned(424, "hnd-1", "budi", "Budi")]);
        var neverServed = Fold(lost);

        Assert.Equal(new HandoffEvidence("hnd-1", "customer-request", At(10), At(424), "budi"), Assert.Single(served.Handoffs));
        Assert.Equal(414L, served.Handoffs[0].WaitedSeconds);
        Assert.Equal(new HandoffEvidence("hnd-1", "customer-request", At(10), null, null), Assert.Single(neverServed.Handoffs));
    }

    [Fact]
    public void A_handoffs_wait_counts_whole_seconds_as_the_agents_context_does()
    {
        var requested = At(10);
        var assigned = requested.AddMilliseconds(3_770);
        var handoff = new HandoffEvidence("hnd-1", "customer-request", requested, assigned, "sari");
        var record = new HandoffRecord { HandoffId = "hnd-1", Reason = "customer-request", RequestedAt = requested, PoolName = "chat", AssignedAt = assigned };

        Assert.Equal(3L, handoff.WaitedSeconds);
        Assert.Equal(HandoffContextBuilder.WaitedSeconds(record, assigned.AddMinutes(5)), handoff.WaitedSeconds);
        Assert.Equal(0L, (handoff with { AssignedAt = requested.AddMilliseconds(540) }).WaitedSeconds);
    }

    [Fact]
    public void A_handoff_shows_its_reason_its_agent_and_the_whole_seconds_it_waited()
    {
        var evidence = Fold(Started(0), Issued(0, "dsc-1"), Requested(10, "hnd-1", "customer-request"), Assigned(100, "hnd-1", "sari"),
            Requested(200, "hnd-2", "trust-threshold"));

        Assert.Equal(
            [new HandoffEvidence("hnd-1", "customer-request", At(10), At(100), "sari"), new HandoffEvidence("hnd-2", "trust-threshold", At(200), null, null)],
            evidence.Handoffs);
        Assert.Equal([90L, null], evidence.Handoffs.Select(h => h.WaitedSeconds));
    }

    [Fact]
    public void Identity_answers_are_listed_with_who_the_answer_said_was_there()
    {
        var evidence = Fold(Started(0), Issued(0, "dsc-1"), Said(4, Speaker.Customer, "ini bot ya?"), Signal(4, TrustRules.IdentityQuestion),
            Identity(4, "ai"), Identity(50, "human"));

        Assert.Equal([new IdentityAnswerEvidence(At(4), "ai"), new IdentityAnswerEvidence(At(50), "human")], evidence.IdentityAnswers);
    }

    [Fact]
    public void Only_signals_of_an_agents_message_count_as_agent_messages_scored()
    {
        Fact[] withAgent = [Started(0), Issued(0, "dsc-1"), Requested(1, "hnd-1", "customer-request"), Assigned(2, "hnd-1", "sari")];

        var customerScored = Fold([.. withAgent, Said(5, Speaker.Customer, "KENAPA LAMA SEKALI!!!"), Signal(5, TrustRules.Anger)]);
        var platformAfterAgent = Fold([.. withAgent, Said(5, Speaker.Agent, "Mohon ditunggu", "sari"), Signal(6, TrustRules.Sentiment), Signal(7, TrustRules.Anger)]);
        var agentScored = Fold([.. withAgent, Said(5, Speaker.Agent, "Mohon ditunggu!!!", "sari"), Signal(5, TrustRules.Anger), Signal(5, TrustRules.NegativeWords)]);

        Assert.Equal(0, customerScored.AgentMessagesScored);
        Assert.Equal(0, platformAfterAgent.AgentMessagesScored);
        Assert.Equal(2, agentScored.AgentMessagesScored);
    }

    [Fact]
    public void Erasure_adds_when_it_happened_and_changes_nothing_else()
    {
        Fact[] facts = [Started(0, customerId: "cust-77"), Issued(0, "dsc-1"), Delivered(1, "dsc-1"), AiAllowed(2, "dsc-1"), Ended(30)];

        var before = Fold(facts);
        var after = Fold([.. facts, Erased(40)]);

        Assert.Null(before.ErasedAt);
        Assert.Equal(At(40), after.ErasedAt);
        Assert.Equal(before.Disclosures, after.Disclosures);
        Assert.Equal(before.ChannelHistory, after.ChannelHistory);
        Assert.Equal((true, At(2), 1), (after.DisclosedBeforeFirstAi, after.FirstAiAllowedAt, after.AiMessagesAllowed));
    }
}
