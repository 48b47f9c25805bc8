using CxCluster.Abstractions.Facts;
using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

/// <summary>The trust decider over its own slice of state: pure functions, no conversation around them.</summary>
public sealed class TrustDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly TenantPolicy Policy = new() { TenantId = "acme", BrandName = "Acme" };

    private readonly TrustState _state = new();

    private void Signal(string name, double delta, DateTimeOffset at) =>
        TrustDecider.Evolve(_state, new TrustSignalled { At = at, Name = name, Delta = delta }, Policy);

    private TrustVerdict Evaluate(DateTimeOffset at)
    {
        var verdict = TrustDecider.Evaluate(_state, Policy, "Want a person?", at);
        foreach (Fact? fact in new Fact?[] { verdict.Changed, verdict.Offered })
        {
            if (fact is not null)
            {
                TrustDecider.Evolve(_state, fact, Policy);
            }
        }
        return verdict;
    }

    private void Evolve(Fact fact) => TrustDecider.Evolve(_state, fact, Policy);

    [Fact]
    public void An_event_is_scored_no_later_than_now_and_the_clock_never_goes_back()
    {
        Assert.Equal(Now, TrustDecider.ScoredAt(Now.AddHours(1), Now));
        Assert.Equal(Now.AddMinutes(-1), TrustDecider.ScoredAt(Now.AddMinutes(-1), Now));

        Evolve(new AiAllowed { At = Now, DisclosureId = "dsc-1" });
        Evolve(new MessageRecorded { At = Now.AddMinutes(-10), From = Speaker.Ai, Text = "late" });
        Assert.Equal(Now, _state.Clock);
    }

    [Fact]
    public void The_facts_of_events_move_the_clock_to_when_they_were_scored_and_the_grain_s_own_facts_leave_it()
    {
        Evolve(new DisclosureDelivered { At = Now, DisclosureId = "dsc-1" });
        // Stamped an hour ahead of the silo's clock, scored a minute later by it.
        Evolve(new MessageRecorded { At = Now.AddHours(1), ScoredAt = Now.AddMinutes(1), From = Speaker.Customer, Text = "ahead" });
        Assert.Equal(Now.AddMinutes(1), _state.Clock);

        Evolve(new HandoffRequested { At = Now.AddMinutes(5), HandoffId = "hnd-1", Reason = "customer-request", Priority = 5, Queue = "en/chat" });
        Evolve(new HandoffAssigned { At = Now.AddMinutes(6), HandoffId = "hnd-1", AgentId = "a1", AgentDisplayName = "Sam", Text = "." });
        Evolve(new AiResumed { At = Now.AddMinutes(7), HandoffId = "hnd-1" });
        Assert.Equal(Now.AddMinutes(1), _state.Clock);

        Evolve(new ConversationEnded { At = Now.AddMinutes(8), Reason = "resolved" });
        Assert.Equal(Now.AddMinutes(8), _state.Clock);
    }

    [Fact]
    public void Good_ratings_before_misunderstandings_do_not_hold_off_the_warning_or_the_breach()
    {
        for (var i = 0; i < 5; i++)
        {
            Signal(TrustRules.Csat, 8, Now);
        }

        Assert.Equal(new TrustVerdict(null, null, null, false), Evaluate(Now));
        Signal(TrustRules.NluNoMatch, -22, Now);
        Assert.Equal(78, (int)TrustDecider.Score(_state, Policy).Score);
        Signal(TrustRules.NluNoMatch, -22, Now);
        Assert.Equal(TrustBand.Warning, Evaluate(Now).Changed!.Band);
        Signal(TrustRules.NluNoMatch, -22, Now);
        Assert.True(Evaluate(Now).Breached);
    }

    [Fact]
    public void A_healthy_score_decides_nothing()
    {
        Assert.Equal(new TrustVerdict(null, null, null, false), Evaluate(Now));
    }

    [Fact]
    public void A_warning_offers_a_person_once_per_episode_and_a_breach_asks_for_a_handoff()
    {
        Signal(TrustRules.NluNoMatch, -22, Now);
        Signal(TrustRules.NluNoMatch, -22, Now);
        var warning = Evaluate(Now);
        Assert.Equal((TrustBand.Warning, TrustBand.Healthy, 56), (warning.Changed!.Band, warning.Changed.PreviousBand, warning.Changed.Score));
        Assert.Equal("Want a person?", warning.Offer!.Text);
        Assert.Equal(56, warning.Offered!.Score);
        Assert.False(warning.Breached);

        // Still in the warning band: no second offer, no second change.
        Assert.Equal(new TrustVerdict(null, null, null, false), Evaluate(Now));

        Signal(TrustRules.NluNoMatch, -22, Now);
        var breach = Evaluate(Now);
        Assert.True(breach.Breached);
        Assert.Equal(TrustBand.Breached, breach.Changed!.Band);
        Assert.Null(breach.Offer);
    }

    [Fact]
    public void A_score_wobbling_around_the_warning_level_offers_once_and_a_real_recovery_offers_anew()
    {
        Signal(TrustRules.NluNoMatch, -22, Now);
        Signal(TrustRules.NluNoMatch, -22, Now);
        Assert.NotNull(Evaluate(Now).Offer);

        // 61, healthy by a point, then 57 again: the band is told each time, the offer only once.
        Signal(TrustRules.Sentiment, 5, Now);
        Assert.Equal(TrustBand.Healthy, Evaluate(Now).Changed!.Band);
        Signal(TrustRules.Sentiment, -4, Now);
        var wobble = Evaluate(Now);
        Assert.Equal(TrustBand.Warning, wobble.Changed!.Band);
        Assert.Null(wobble.Offer);

        // Back to 77, ten points and more above the level: the next fall is a new one.
        Signal(TrustRules.Csat, 20, Now);
        Assert.Equal(TrustBand.Healthy, Evaluate(Now).Changed!.Band);
        Signal(TrustRules.NluNoMatch, -20, Now);
        Assert.NotNull(Evaluate(Now).Offer);
    }

    [Fact]
    public void Penalties_fade_with_the_half_life_and_a_healthy_band_ends_the_episode()
    {
        Signal(TrustRules.NluNoMatch, -44, Now);
        Assert.NotNull(Evaluate(Now).Offer);

        // Two half-lives after its full weight the penalty is a quarter: 89, healthy again, and the next warning offers anew.
        Evolve(new AiAllowed { At = Now + Policy.TrustFullWeight + 2 * Policy.TrustHalfLife, DisclosureId = "dsc-1" });
        var healthy = Evaluate(_state.Clock);
        Assert.Equal(TrustBand.Healthy, healthy.Changed!.Band);
        Assert.False(_state.HumanOffered);
        Assert.Equal(89, (int)TrustDecider.Score(_state, Policy).Score);
    }

    [Fact]
    public void After_a_human_trust_starts_over()
    {
        Signal(TrustRules.NluNoMatch, -50, Now);
        Evaluate(Now);
        TrustDecider.Evolve(_state, new MessageRecorded { At = Now, From = Speaker.Customer, Text = "x", Fingerprint = 7 }, Policy);

        var restart = TrustDecider.Restart(_state, Now.AddMinutes(1));
        Assert.Equal((TrustBand.Healthy, TrustBand.Warning, 100), (restart!.Band, restart.PreviousBand, restart.Score));
        TrustDecider.Evolve(_state, new AiResumed { At = Now.AddMinutes(1), HandoffId = "hnd-1" }, Policy);
        TrustDecider.Evolve(_state, restart, Policy);

        Assert.Empty(_state.Signals);
        Assert.Empty(_state.RecentMessages);
        Assert.Null(TrustDecider.Restart(_state, Now.AddMinutes(2)));
    }

    [Fact]
    public void Repetition_is_counted_in_a_row_among_the_latest_few_messages_only()
    {
        void Customer(ulong fingerprint) =>
            TrustDecider.Evolve(_state, new MessageRecorded { At = Now, From = Speaker.Customer, Text = "x", Fingerprint = fingerprint }, Policy);

        Customer(42);
        Customer(42);
        Assert.Equal(3, TrustDecider.RepeatCount(_state, 42));
        // An AI message between does not break the run; another message of the customer's does.
        TrustDecider.Evolve(_state, new MessageRecorded { At = Now, From = Speaker.Ai, Text = "Your parcel is on its way." }, Policy);
        Assert.Equal(3, TrustDecider.RepeatCount(_state, 42));
        Customer(7);
        Assert.Equal(1, TrustDecider.RepeatCount(_state, 42));

        for (var i = 0; i < TrustDecider.RecentMessagesKept + 2; i++)
        {
            Customer(42);
        }
        Assert.Equal(TrustDecider.RecentMessagesKept, _state.RecentMessages.Count);
        Assert.Equal(TrustDecider.RecentMessagesKept + 1, TrustDecider.RepeatCount(_state, 42));
    }

    [Fact]
    public void A_platform_signal_it_does_not_know_is_recorded_without_effect_and_one_it_knows_is_stamped_when_scored()
    {
        var unknown = TrustDecider.ForPlatformSignal("weather", 1, Now);
        Assert.Equal(("weather", 0.0), (unknown!.Name, unknown.Delta));
        var signal = TrustDecider.ForPlatformSignal(TrustRules.NluNoMatch, 1, Now);
        Assert.Equal((TrustRules.NluNoMatch, Now), (signal!.Name, signal.At));
        Assert.True(signal.Delta < 0);
    }

    [Fact]
    public void Signals_are_kept_within_the_window_and_at_most_a_fixed_number()
    {
        for (var i = 0; i < TrustDecider.SignalsKept + 10; i++)
        {
            Signal(TrustRules.Sentiment, -1, Now.AddSeconds(i));
        }
        Assert.Equal(TrustDecider.SignalsKept, _state.Signals.Count);

        // An hour later (twelve half-lives) every earlier signal is spent and dropped by the next one.
        Signal(TrustRules.Sentiment, -1, Now.AddHours(1));
        Assert.Single(_state.Signals);
    }

    [Fact]
    public void The_trajectory_starts_at_full_trust_and_marks_the_score_after_each_signal()
    {
        TrustDecider.Evolve(_state, new ConversationStarted { At = Now, Channel = Channel.Chat, Locale = "en-US", Priority = HandoffPriority.Default }, Policy);

        Signal("nlu.no_match", -22, Now);
        Signal("nlu.no_match", -22, Now.AddMinutes(7));

        // Full weight for two minutes, then a half-life: the first penalty has faded to half by the second, 100 − 11 − 22.
        Assert.Equal([(Now, 78), (Now.AddMinutes(7), 67)], _state.Trajectory.Select(p => (p.At, p.Score)));
    }

    [Fact]
    public void Signals_of_one_moment_make_one_point_and_only_the_latest_twenty_are_kept()
    {
        Signal("repeated", -25, Now);
        Signal("doubt", -10, Now);
        Assert.Equal(65, Assert.Single(_state.Trajectory).Score);

        for (var i = 1; i <= 25; i++)
        {
            Signal("sentiment", 5, Now.AddHours(i));
        }

        Assert.Equal(TrustDecider.TrajectoryKept, _state.Trajectory.Count);
        Assert.Equal(Now.AddHours(6), _state.Trajectory[0].At);
        Assert.Equal(Now.AddHours(25), _state.Trajectory[^1].At);
    }

    [Fact]
    public void The_ai_taking_over_again_marks_trust_back_at_full()
    {
        Signal("nlu.no_match", -22, Now);

        TrustDecider.Evolve(_state, new AiResumed { At = Now.AddMinutes(1), HandoffId = "hnd-1" }, Policy);

        Assert.Equal([78, 100], _state.Trajectory.Select(p => p.Score));
    }
}
