using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

public sealed class TrustRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan HalfLife = TimeSpan.FromMinutes(5);

    // ------------------------------------------------------------ customer messages

    [Fact]
    public void A_neutral_first_message_changes_nothing()
    {
        Assert.Empty(TrustRules.ForCustomerMessage(MessageAnalysis.Neutral, 1));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, -25)]
    [InlineData(3, -40)]
    [InlineData(7, -40)]
    public void Repeating_the_same_message_costs_more_the_second_time_and_most_from_the_third(int repeatCount, double expected)
    {
        double total = TrustRules.ForCustomerMessage(MessageAnalysis.Neutral, repeatCount)
            .Where(d => d.Name == "repetition")
            .Sum(d => d.Delta);

        Assert.Equal(expected, total);
    }

    [Fact]
    public void Each_observation_has_its_own_named_delta_in_a_fixed_order()
    {
        var analysis = new MessageAnalysis(
            AsksForHuman: true, AsksIdentity: true, Negative: true, Abusive: false, Shouting: true, Exclaiming: false, Thanks: false);

        var deltas = TrustRules.ForCustomerMessage(analysis, 2);

        Assert.Equal(
            new[]
            {
                new SignalDelta("repetition", -25),
                new SignalDelta("identity-question", -8),
                new SignalDelta("human-request", -15),
                new SignalDelta("negative-words", -10),
                new SignalDelta("anger", -12),
            },
            deltas);
    }

    [Fact]
    public void Shouting_exclaiming_and_abuse_add_up_to_one_anger_delta()
    {
        var analysis = MessageAnalysis.Neutral with { Abusive = true, Shouting = true, Exclaiming = true };

        var delta = Assert.Single(TrustRules.ForCustomerMessage(analysis, 1));

        Assert.Equal(new SignalDelta("anger", -47), delta);
    }

    [Theory]
    [InlineData(true, false, false, -12)]
    [InlineData(false, true, false, -10)]
    [InlineData(false, false, true, -25)]
    public void Each_kind_of_anger_has_its_own_weight(bool shouting, bool exclaiming, bool abusive, double expected)
    {
        var analysis = MessageAnalysis.Neutral with { Shouting = shouting, Exclaiming = exclaiming, Abusive = abusive };

        var delta = Assert.Single(TrustRules.ForCustomerMessage(analysis, 1));

        Assert.Equal(new SignalDelta("anger", expected), delta);
    }

    [Fact]
    public void Thanks_raise_trust_a_little()
    {
        var delta = Assert.Single(TrustRules.ForCustomerMessage(MessageAnalysis.Neutral with { Thanks = true }, 1));

        Assert.Equal("thanks", delta.Name);
        Assert.True(delta.Delta > 0);
        Assert.Equal(8, delta.Delta);
    }

    [Fact]
    public void Thanks_together_with_frustration_or_abuse_are_not_counted_as_gratitude()
    {
        var sarcastic = MessageAnalysis.Neutral with { Thanks = true, Negative = true };
        var rude = MessageAnalysis.Neutral with { Thanks = true, Abusive = true };

        Assert.DoesNotContain(TrustRules.ForCustomerMessage(sarcastic, 1), d => d.Name == "thanks");
        Assert.DoesNotContain(TrustRules.ForCustomerMessage(rude, 1), d => d.Name == "thanks");
    }

    [Fact]
    public void Capitals_and_exclamations_around_sincere_thanks_are_no_anger_but_abuse_still_is()
    {
        var delighted = MessageAnalysis.Neutral with { Thanks = true, Shouting = true, Exclaiming = true };
        var rude = MessageAnalysis.Neutral with { Thanks = true, Shouting = true, Abusive = true };
        var sarcastic = MessageAnalysis.Neutral with { Thanks = true, Shouting = true, Negative = true };

        Assert.Equal([new SignalDelta("thanks", 8)], TrustRules.ForCustomerMessage(delighted, 1));
        Assert.Contains(new SignalDelta("anger", -37), TrustRules.ForCustomerMessage(rude, 1));
        Assert.Contains(new SignalDelta("anger", -12), TrustRules.ForCustomerMessage(sarcastic, 1));
    }

    [Fact]
    public void A_customer_message_refuses_a_null_analysis()
    {
        Assert.Throws<ArgumentNullException>(() => TrustRules.ForCustomerMessage(null!, 1));
    }

    // ------------------------------------------------------------ platform signals

    [Theory]
    [InlineData(-1.0, -45.0)]
    [InlineData(-0.7, -31.5)]
    [InlineData(-0.3, -13.5)]
    [InlineData(-0.29, 0.0)]
    [InlineData(-0.2, 0.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, 5.0)]
    [InlineData(1.0, 10.0)]
    [InlineData(-3.0, -45.0)]
    [InlineData(2.0, 10.0)]
    public void Sentiment_weighs_negative_more_than_positive_is_neutral_above_minus_three_tenths_and_is_clamped(double value, double expected)
    {
        var delta = TrustRules.ForPlatformSignal("sentiment", value);

        Assert.NotNull(delta);
        Assert.Equal("sentiment", delta.Value.Name);
        Assert.Equal(expected, delta.Value.Delta, 9);
    }

    [Fact]
    public void A_no_match_costs_22()
    {
        Assert.Equal(new SignalDelta("nlu.no_match", -22), TrustRules.ForPlatformSignal("nlu.no_match", 1));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1000, 0)]
    [InlineData(3000, 0)]
    [InlineData(5000, -4)]
    [InlineData(8000, -10)]
    [InlineData(13000, -20)]
    [InlineData(60000, -20)]
    public void Silence_costs_two_points_a_second_after_three_seconds_up_to_twenty(double ms, double expected)
    {
        var delta = TrustRules.ForPlatformSignal("voice.silence_ms", ms);

        Assert.Equal(new SignalDelta("voice.silence_ms", expected), delta);
    }

    [Theory]
    [InlineData("CSAT", 2, "csat")]
    [InlineData("Sentiment", -0.7, "sentiment")]
    [InlineData("NLU.No_Match", 1, "nlu.no_match")]
    [InlineData("voice.SILENCE_MS", 8000, "voice.silence_ms")]
    [InlineData("Voice.Barge_In", 1, "voice.barge_in")]
    public void A_known_platform_signal_counts_in_any_case(string name, double value, string known)
    {
        Assert.Equal(TrustRules.ForPlatformSignal(known, value)!.Value.Delta, TrustRules.ForPlatformSignal(name, value)!.Value.Delta);
    }

    [Fact]
    public void A_barge_in_costs_8()
    {
        Assert.Equal(new SignalDelta("voice.barge_in", -8), TrustRules.ForPlatformSignal("voice.barge_in", 1));
    }

    [Theory]
    [InlineData(1, -20)]
    [InlineData(2, -10)]
    [InlineData(3, 0)]
    [InlineData(4, 10)]
    [InlineData(5, 20)]
    [InlineData(0, -20)]
    [InlineData(9, 20)]
    public void Csat_moves_ten_points_per_step_away_from_three(double csat, double expected)
    {
        Assert.Equal(new SignalDelta("csat", expected), TrustRules.ForPlatformSignal("csat", csat));
    }

    [Theory]
    [InlineData("custom.metric", 42)]
    [InlineData("queue.length", -5)]
    public void An_unknown_platform_signal_is_recorded_with_no_effect(string name, double value)
    {
        Assert.Equal(new SignalDelta(name, 0), TrustRules.ForPlatformSignal(name, value));
    }

    [Fact]
    public void A_platform_signal_keeps_the_name_the_platform_gave_it()
    {
        var delta = TrustRules.ForPlatformSignal("Sentiment", -1);

        Assert.Equal(new SignalDelta("Sentiment", -45), delta);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_platform_signal_with_a_value_that_is_not_a_number_has_no_effect(double value)
    {
        Assert.Equal(new SignalDelta("sentiment", 0), TrustRules.ForPlatformSignal("sentiment", value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_platform_signal_without_a_name_gives_no_delta(string name)
    {
        Assert.Null(TrustRules.ForPlatformSignal(name, 1));
    }

    // ------------------------------------------------------------ calibration with the defaults

    [Fact]
    public void Three_no_match_signals_in_a_row_breach_the_threshold()
    {
        var signals = Platform(("nlu.no_match", 1), ("nlu.no_match", 1), ("nlu.no_match", 1));

        Assert.Equal(TrustBand.Breached, BandOf(signals));
    }

    [Fact]
    public void Two_no_match_signals_reach_the_warning_band_but_not_the_threshold()
    {
        var signals = Platform(("nlu.no_match", 1), ("nlu.no_match", 1));

        Assert.Equal(TrustBand.Warning, BandOf(signals));
    }

    [Fact]
    public void Two_strongly_negative_sentiments_in_a_row_breach_the_threshold()
    {
        var signals = Platform(("sentiment", -0.7), ("sentiment", -0.7));

        Assert.Equal(TrustBand.Breached, BandOf(signals));
    }

    [Fact]
    public void One_strongly_negative_sentiment_does_not_breach_the_threshold()
    {
        var signals = Platform(("sentiment", -1.0));

        Assert.NotEqual(TrustBand.Breached, BandOf(signals));
    }

    [Fact]
    public void The_same_message_three_times_breaches_the_threshold()
    {
        var signals = Messages("saldo saya belum masuk", "Saldo saya belum masuk", "saldo saya belum masuk.");

        Assert.Equal(TrustBand.Breached, BandOf(signals));
    }

    [Fact]
    public void The_same_message_twice_does_not_breach_the_threshold()
    {
        var signals = Messages("my balance has not arrived", "my balance has not arrived");

        Assert.NotEqual(TrustBand.Breached, BandOf(signals));
    }

    [Theory]
    [InlineData("saya kecewa")]
    [InlineData("this is not helpful")]
    public void A_single_negative_message_stays_healthy(string text)
    {
        Assert.Equal(TrustBand.Healthy, BandOf(Messages(text)));
    }

    [Theory]
    [InlineData("STUPID BOT!!!")]
    [InlineData("DASAR BOT GOBLOK!!!")]
    public void One_abusive_shouted_exclaimed_message_warns_but_does_not_breach(string text)
    {
        Assert.Equal(TrustBand.Warning, BandOf(Messages(text)));
    }

    [Fact]
    public void Thanks_positive_sentiment_and_a_good_csat_win_back_trust()
    {
        var start = Platform(("nlu.no_match", 1), ("nlu.no_match", 1));
        double before = TrustScore.Compute(start, Now, HalfLife);

        var after = start
            .Concat(Messages("terima kasih"))
            .Concat(Platform(("sentiment", 0.8), ("csat", 5)))
            .ToList();

        Assert.True(TrustScore.Compute(after, Now, HalfLife) > before);
        Assert.All(after.Skip(2), s => Assert.True(s.Delta > 0));
    }

    private static TrustBand BandOf(IEnumerable<TrustSignal> signals) =>
        TrustScore.Band(TrustScore.Compute(signals, Now, HalfLife), TrustScore.DefaultThreshold, TrustScore.DefaultWarningLevel);

    private static List<TrustSignal> Platform(params (string Name, double Value)[] events) =>
        events
            .Select(e => TrustRules.ForPlatformSignal(e.Name, e.Value)!.Value)
            .Select(d => new TrustSignal { Name = d.Name, Delta = d.Delta, At = Now })
            .ToList();

    /// <summary>Customer messages as the conversation sees them: the repeat count follows the fingerprint.</summary>
    private static List<TrustSignal> Messages(params string[] texts)
    {
        var signals = new List<TrustSignal>();
        ulong? last = null;
        int repeat = 0;
        foreach (string text in texts)
        {
            ulong fingerprint = MessageSignals.Fingerprint(text);
            repeat = fingerprint == last ? repeat + 1 : 1;
            last = fingerprint;
            foreach (SignalDelta d in TrustRules.ForCustomerMessage(MessageSignals.Analyze(text), repeat))
            {
                signals.Add(new TrustSignal { Name = d.Name, Delta = d.Delta, At = Now });
            }
        }

        return signals;
    }
}
