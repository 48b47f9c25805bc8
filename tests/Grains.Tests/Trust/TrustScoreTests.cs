using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

public sealed class TrustScoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    private static TrustSignal Signal(double delta, TimeSpan ago, string name = "test") =>
        new() { Name = name, Delta = delta, At = Now - ago };

    // ------------------------------------------------------------ compute

    [Fact]
    public void A_conversation_without_signals_starts_at_100()
    {
        Assert.Equal(100, TrustScore.Compute([], Now, FiveMinutes));
    }

    [Fact]
    public void Signals_of_this_instant_count_in_full()
    {
        var signals = new[] { Signal(-22, TimeSpan.Zero), Signal(-10, TimeSpan.Zero) };

        Assert.Equal(68, TrustScore.Compute(signals, Now, FiveMinutes), 9);
    }

    [Fact]
    public void A_penalty_one_half_life_old_weighs_half()
    {
        var signals = new[] { Signal(-40, FiveMinutes) };

        Assert.Equal(80, TrustScore.Compute(signals, Now, FiveMinutes), 9);
    }

    [Fact]
    public void A_penalty_from_an_hour_ago_with_a_five_minute_half_life_weighs_almost_nothing()
    {
        var signals = new[] { Signal(-40, TimeSpan.FromHours(1)) };

        Assert.True(TrustScore.Compute(signals, Now, FiveMinutes) > 99.9);
    }

    [Fact]
    public void A_newer_penalty_weighs_more_than_an_older_one()
    {
        double newer = TrustScore.Compute([Signal(-30, TimeSpan.FromMinutes(1))], Now, FiveMinutes);
        double older = TrustScore.Compute([Signal(-30, TimeSpan.FromMinutes(10))], Now, FiveMinutes);

        Assert.True(newer < older);
    }

    [Fact]
    public void Old_trouble_that_would_breach_the_threshold_when_new_no_longer_does()
    {
        var burst = new[] { Signal(-22, TimeSpan.FromMinutes(30)), Signal(-22, TimeSpan.FromMinutes(30)), Signal(-22, TimeSpan.FromMinutes(30)) };

        double score = TrustScore.Compute(burst, Now, FiveMinutes);

        Assert.Equal(TrustBand.Healthy, TrustScore.Band(score, TrustScore.DefaultThreshold, TrustScore.DefaultWarningLevel));
    }

    [Fact]
    public void A_signal_stamped_in_the_future_counts_in_full()
    {
        var signals = new[] { Signal(-20, TimeSpan.FromMinutes(-3)) };

        Assert.Equal(80, TrustScore.Compute(signals, Now, FiveMinutes), 9);
    }

    [Fact]
    public void The_score_never_goes_below_zero()
    {
        var signals = Enumerable.Range(0, 10).Select(_ => Signal(-40, TimeSpan.Zero));

        Assert.Equal(0, TrustScore.Compute(signals, Now, FiveMinutes));
    }

    [Fact]
    public void The_score_never_goes_above_100()
    {
        var signals = new[] { Signal(8, TimeSpan.Zero), Signal(20, TimeSpan.Zero) };

        Assert.Equal(100, TrustScore.Compute(signals, Now, FiveMinutes));
    }

    [Fact]
    public void Positive_signals_offset_penalties_before_clamping()
    {
        var signals = new[] { Signal(-30, TimeSpan.Zero), Signal(20, TimeSpan.Zero) };

        Assert.Equal(90, TrustScore.Compute(signals, Now, FiveMinutes), 9);
    }

    [Fact]
    public void Good_signals_before_penalties_bank_no_trust_above_100()
    {
        // Five good ratings, then three misunderstandings: each penalty moves the score from 100, as in a fresh conversation.
        var signals = Enumerable.Range(0, 5).Select(_ => Signal(8, TimeSpan.Zero))
            .Concat(Enumerable.Range(0, 3).Select(_ => Signal(-22, TimeSpan.Zero)))
            .ToList();

        double score = TrustScore.Compute(signals, Now, FiveMinutes);

        Assert.Equal(34, score, 9);
        Assert.Equal(TrustBand.Breached, TrustScore.Band(score, TrustScore.DefaultThreshold, TrustScore.DefaultWarningLevel));
        Assert.Equal(78, TrustScore.Compute(signals.Take(6), Now, FiveMinutes), 9);
    }

    [Fact]
    public void Penalties_below_zero_leave_no_debt_for_later_good_signals()
    {
        var signals = Enumerable.Range(0, 6).Select(_ => Signal(-40, TimeSpan.Zero)).Append(Signal(20, TimeSpan.Zero));

        Assert.Equal(20, TrustScore.Compute(signals, Now, FiveMinutes), 9);
    }

    [Fact]
    public void A_delta_that_is_not_a_number_is_ignored()
    {
        var signals = new[] { Signal(double.NaN, TimeSpan.Zero), Signal(-10, TimeSpan.Zero) };

        Assert.Equal(90, TrustScore.Compute(signals, Now, FiveMinutes), 9);
    }

    [Fact]
    public void Compute_refuses_a_half_life_that_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TrustScore.Compute([], Now, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrustScore.Compute([], Now, TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void Compute_refuses_null_signals()
    {
        Assert.Throws<ArgumentNullException>(() => TrustScore.Compute(null!, Now, FiveMinutes));
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(5, 0.5)]
    [InlineData(10, 0.25)]
    [InlineData(15, 0.125)]
    public void Weight_halves_every_half_life(int minutesAgo, double expected)
    {
        Assert.Equal(expected, TrustScore.Weight(Now.AddMinutes(-minutesAgo), Now, FiveMinutes), 12);
    }

    // ------------------------------------------------------------ band

    [Theory]
    [InlineData(0, TrustBand.Breached)]
    [InlineData(39.99, TrustBand.Breached)]
    [InlineData(40, TrustBand.Warning)]
    [InlineData(59.99, TrustBand.Warning)]
    [InlineData(60, TrustBand.Healthy)]
    [InlineData(100, TrustBand.Healthy)]
    public void The_band_is_breached_below_the_threshold_and_warning_below_the_warning_level(double score, TrustBand expected)
    {
        Assert.Equal(expected, TrustScore.Band(score, 40, 60));
    }

    [Fact]
    public void The_band_follows_the_tenant_levels()
    {
        Assert.Equal(TrustBand.Breached, TrustScore.Band(55, 60, 80));
        Assert.Equal(TrustBand.Warning, TrustScore.Band(70, 60, 80));
        Assert.Equal(TrustBand.Healthy, TrustScore.Band(35, 20, 30));
    }

    // ------------------------------------------------------------ spent

    [Fact]
    public void A_new_signal_is_not_spent()
    {
        Assert.False(TrustScore.IsSpent(Signal(-40, TimeSpan.Zero), Now, FiveMinutes));
    }

    [Fact]
    public void A_signal_six_half_lives_old_still_weighs_more_than_one_percent()
    {
        Assert.False(TrustScore.IsSpent(Signal(-40, TimeSpan.FromMinutes(30)), Now, FiveMinutes));
    }

    [Fact]
    public void A_signal_seven_half_lives_old_is_spent()
    {
        Assert.True(TrustScore.IsSpent(Signal(-40, TimeSpan.FromMinutes(35)), Now, FiveMinutes));
    }

    [Fact]
    public void A_signal_from_an_hour_ago_with_a_five_minute_half_life_is_spent()
    {
        Assert.True(TrustScore.IsSpent(Signal(-40, TimeSpan.FromHours(1)), Now, FiveMinutes));
    }

    [Fact]
    public void Dropping_spent_signals_barely_moves_the_score()
    {
        var signals = new[] { Signal(-40, TimeSpan.FromHours(1)), Signal(-22, TimeSpan.FromMinutes(2)) };
        var kept = signals.Where(s => !TrustScore.IsSpent(s, Now, FiveMinutes)).ToList();

        Assert.Single(kept);
        Assert.Equal(TrustScore.Compute(signals, Now, FiveMinutes), TrustScore.Compute(kept, Now, FiveMinutes), 1);
    }
}
