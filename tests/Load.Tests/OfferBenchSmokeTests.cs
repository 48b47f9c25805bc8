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
        var freed = Row("freed slot (complete called) to next offer seen");
        Assert.Matches(@"\| \d+\.\d / \d+\.\d / \d+\.\d ms \| [1-9][\d,]* slots freed", freed);
        var made = Row("freed slot (complete called) to next offer made");
        Assert.Matches(@"\| \d+\.\d / \d+\.\d / \d+\.\d ms \| [1-9][\d,]* slots freed", made);
        var lateness = Row("offer timer lateness");
        Assert.Contains("| 100 of 100 expiries recorded |", lateness, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0 / 0.0 / 0.0", freed + lateness, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_handling_time_the_agents_keep_each_conversation_before_completing_it()
    {
        var text = new StringWriter();

        var exit = await OfferBench.RunAsync(
            ["--agents", "20", "--waiting", "100", "--duration", "2", "--warmup", "0.5", "--deadlines", "10", "--offer-timeout", "2", "--handle", "100"], text);

        output.WriteLine(text.ToString());
        Assert.Equal(0, exit);
        var throughput = text.ToString().Split('\n').Last(l => l.StartsWith("| offers/s and accepts/s", StringComparison.Ordinal));
        Assert.Contains("(capacity 1, 100 ms a conversation)", throughput, StringComparison.Ordinal);
        // 20 agents keeping each conversation 50 to 150 ms make at most 400 offers a second.
        var offers = int.Parse(System.Text.RegularExpressions.Regex.Match(throughput, @"\| ([\d,]+) offers/s").Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(offers, 1, 400);
    }

    [Fact]
    public async Task A_negative_handling_time_is_refused()
    {
        var text = new StringWriter();

        var exit = await OfferBench.RunAsync(["--handle", "-1"], text);

        Assert.Equal(2, exit);
        Assert.Contains("--handle must not be negative", text.ToString(), StringComparison.Ordinal);
    }
}
