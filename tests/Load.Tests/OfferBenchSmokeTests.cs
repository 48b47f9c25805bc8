using Xunit.Abstractions;

namespace CxCluster.Load.Tests;

/// <summary>A few seconds of the offers benchmark at tiny sizes, so that it never rots.</summary>
public sealed class OfferBenchSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_offers_benchmark_prints_offers_and_accepts_the_freed_slot_delay_and_the_timer_lateness()
    {
        var text = new StringWriter();

        var exit = await OfferBench.RunAsync(
            ["--agents", "20", "--waiting", "100", "--duration", "2", "--warmup", "0.5", "--deadlines", "100", "--offer-timeout", "2"], text);

        output.WriteLine(text.ToString());
        Assert.Equal(0, exit);
        var lines = text.ToString().Split('\n');
        // The last table printed holds every row.
        string Row(string start) => lines.Last(l => l.StartsWith($"| {start}", StringComparison.Ordinal));
        var throughput = Row("offers/s and accepts/s");
        Assert.Matches(@"\| [1-9][\d,]* offers/s, [1-9][\d,]* accepts/s \|", throughput);
        var freed = Row("freed slot");
        Assert.Matches(@"\| \d+\.\d / \d+\.\d / \d+\.\d ms \| [1-9][\d,]* slots freed", freed);
        var lateness = Row("offer timer lateness");
        Assert.Contains("| 100 of 100 expiries recorded |", lateness, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0 / 0.0 / 0.0", freed + lateness, StringComparison.Ordinal);
    }
}
