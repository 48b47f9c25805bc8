using Xunit.Abstractions;

namespace CxCluster.Load.Tests;

/// <summary>A second of the journal benchmark on the test run's PostgreSQL, so that it never rots.</summary>
public sealed class JournalBenchSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_journal_benchmark_prints_a_row_per_number_of_streams()
    {
        var text = new StringWriter();

        var exit = await JournalBench.RunAsync(["--streams", "1,8", "--duration", "1", "--warmup", "0.2"], text);

        output.WriteLine(text.ToString());
        Assert.Equal(0, exit);
        var rows = text.ToString().Split('\n').Where(l => l.StartsWith("| 1 |", StringComparison.Ordinal) || l.StartsWith("| 8 |", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.DoesNotContain("| 0 |", row, StringComparison.Ordinal));
    }
}
