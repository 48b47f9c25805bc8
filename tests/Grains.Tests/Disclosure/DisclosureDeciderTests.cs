using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Disclosure;

namespace CxCluster.Grains.Tests.Disclosure;

/// <summary>The disclosure decider over its own slice of state: pure functions, no conversation around them.</summary>
public sealed class DisclosureDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly DisclosureState _state = new();

    private IssuedDisclosure Issue(Channel channel, string reason = DisclosureIssued.Start, DateTimeOffset? at = null)
    {
        DisclosureDecider.Evolve(_state, DisclosureDecider.Issue(_state, channel, "en-US", $"notice on {channel}", reason, at ?? Now));
        return _state.Current!;
    }

    [Fact]
    public void Notices_are_numbered_per_conversation_and_carry_where_and_what_was_said()
    {
        var first = DisclosureDecider.Issue(_state, Channel.Chat, "en-US", "I am a virtual assistant.", DisclosureIssued.Start, Now);
        DisclosureDecider.Evolve(_state, first);
        var second = DisclosureDecider.Issue(_state, Channel.Voice, "id-ID", "Saya asisten virtual.", DisclosureIssued.ChannelSwitch, Now.AddMinutes(1));

        Assert.Equal(("dsc-1", Channel.Chat, "en-US", "I am a virtual assistant.", DisclosureIssued.Start), (first.DisclosureId, first.Channel, first.Locale, first.Text, first.Reason));
        Assert.Equal(("dsc-2", Channel.Voice, "id-ID", DisclosureIssued.ChannelSwitch, Now.AddMinutes(1)), (second.DisclosureId, second.Channel, second.Locale, second.Reason, second.At));
        // Deciding changes nothing: only evolving a fact does.
        Assert.Single(_state.Issued);
    }

    [Fact]
    public void The_first_confirmation_is_a_fact_a_repeated_one_is_not_and_an_unknown_id_is_named()
    {
        var notice = Issue(Channel.Chat);

        var delivered = DisclosureDecider.Deliver(_state, notice.DisclosureId, Now.AddSeconds(2));
        Assert.Equal((notice.DisclosureId, Now.AddSeconds(2)), (delivered!.DisclosureId, delivered.At));
        DisclosureDecider.Evolve(_state, delivered);

        Assert.Null(DisclosureDecider.Deliver(_state, notice.DisclosureId, Now.AddSeconds(3)));
        Assert.Equal(Now.AddSeconds(2), notice.DeliveredAt);
        Assert.Null(DisclosureDecider.Unknown(_state, notice.DisclosureId));
        Assert.Contains("dsc-9", DisclosureDecider.Unknown(_state, "dsc-9"));
    }

    [Fact]
    public void An_ai_message_needs_the_notice_in_force_unless_it_was_confirmed_on_the_channel_the_customer_is_on()
    {
        var chat = Issue(Channel.Chat);
        Assert.Equal(chat.DisclosureId, DisclosureDecider.BeforeAiMessage(_state, Channel.Chat, [])!.DisclosureId);

        DisclosureDecider.Evolve(_state, DisclosureDecider.Deliver(_state, chat.DisclosureId, Now)!);
        Assert.Null(DisclosureDecider.BeforeAiMessage(_state, Channel.Chat, []));
        // Confirmed on chat says nothing about voice.
        Assert.NotNull(DisclosureDecider.BeforeAiMessage(_state, Channel.Voice, []));

        var voice = Issue(Channel.Voice, DisclosureIssued.ChannelSwitch);
        var shown = DisclosureDecider.Disclose(voice);
        // Already at the head of this answer: not shown twice.
        Assert.Null(DisclosureDecider.BeforeAiMessage(_state, Channel.Voice, [shown]));
        Assert.Equal(shown, DisclosureDecider.BeforeAiMessage(_state, Channel.Voice, [DisclosureDecider.Disclose(chat)]));
    }

    [Fact]
    public void No_ai_message_is_decided_before_any_notice()
    {
        Assert.Throws<InvalidOperationException>(() => DisclosureDecider.BeforeAiMessage(_state, Channel.Chat, []));
    }

    [Fact]
    public void A_notice_after_a_human_is_announced_with_the_next_answer_and_only_that_one()
    {
        Issue(Channel.Chat);
        Assert.False(_state.Announce);

        Issue(Channel.Chat, DisclosureIssued.AiResumed);
        Assert.True(_state.Announce);

        // Whatever the next event records, its answer led with the notice.
        DisclosureDecider.Evolve(_state, new MessageRecorded { At = Now, From = Speaker.Customer, Text = "halo" });
        Assert.False(_state.Announce);
    }

    [Fact]
    public void A_directive_shows_exactly_the_notice_issued()
    {
        var notice = Issue(Channel.Whatsapp);
        Assert.Equal(
            new DiscloseDirective { DisclosureId = notice.DisclosureId, Text = notice.Text, Channel = Channel.Whatsapp, Locale = "en-US" },
            DisclosureDecider.Disclose(notice));
    }
}
