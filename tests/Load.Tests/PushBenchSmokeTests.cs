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
        // The open-loop row: 100 events, each recording at least its own fact, and every recorded fact told.
        var open = Cells("webhook, 1 endpoint, 100 events/s offered");
        Assert.InRange(Count(open[4]), 100, 1_000);
        Assert.True(Count(open[3]) >= Count(open[4]), $"told {open[3]} of {open[4]} facts");
        // The backlog recorded with no endpoint reaches the new endpoint once replayed, all of it.
        var replay = Cells("replay of a backlog");
        Assert.InRange(Count(replay[4]), 100, 1_000);
        Assert.True(Count(replay[3]) >= Count(replay[4]), $"replayed {replay[3]} of {replay[4]} facts");
        Assert.Matches(@"^\d+\.\d$", replay[5]);
        var one = Cells("events in, 1 webhook");
        Assert.True(Count(one[3]) >= Count(one[4]), $"told {one[3]} of {one[4]} facts");
        // The receiver's own CPU is measured beside the cluster's, so what it takes from the shared cores shows.
        Assert.Matches(@"^\d+\.\d$", one[8]);
        var three = Cells("events in, 3 webhooks");
        Assert.True(Count(three[3]) >= Count(three[4]), $"told {three[3]} of {three[4]} facts");
        Assert.Equal("—", Cells("events in, 1 dead webhook")[3]);
        Assert.DoesNotContain("were not accepted", text.ToString());
    }

    private static long Count(string cell) =>
        long.Parse(cell, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
}
