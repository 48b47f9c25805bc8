using Xunit.Abstractions;

namespace CxCluster.Load.Tests;

/// <summary>A short run of the telling benchmark's webhook rows at a low rate, so that it never rots.</summary>
public sealed class PushBenchSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_push_benchmark_prints_the_facts_its_receiver_got_in_each_webhook_row_and_from_a_replayed_backlog()
    {
        var text = new StringWriter();

        var exit = await PushBench.RunAsync(
            ["--only", "webhooks", "--rates", "100", "--duration", "1", "--warmup", "1", "--concurrency", "4"], text);

        output.WriteLine(text.ToString());
        Assert.Equal(0, exit);
        var lines = text.ToString().Split('\n');
        string[] Cells(string start) =>
            [.. Assert.Single(lines, l => l.StartsWith($"| {start}", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries)[1..^1]];
        // The open-loop row: about 100 events, each telling at least its own fact.
        var open = Cells("webhook, 1 endpoint, 100 events/s offered");
        Assert.InRange(long.Parse(open[3], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture), 90, 1_000);
        // The backlog recorded with no endpoint reaches the new endpoint once replayed.
        var replay = Cells("replay of a backlog");
        Assert.Matches(@"^[1-9][\d,]*$", replay[3]);
        Assert.Matches(@"^\d+\.\d$", replay[4]);
        Assert.Matches(@"^[1-9][\d,]*$", Cells("events in, 1 webhook")[3]);
        Assert.Equal("—", Cells("events in, 1 dead webhook")[3]);
    }
}
