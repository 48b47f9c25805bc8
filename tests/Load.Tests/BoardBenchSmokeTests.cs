using Xunit.Abstractions;

namespace CxCluster.Load.Tests;

/// <summary>A few seconds of the board benchmark at tiny sizes, so that it never rots.</summary>
public sealed class BoardBenchSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_board_benchmark_prints_the_first_read_one_reader_and_several_readers()
    {
        var text = new StringWriter();

        var exit = await BoardBench.RunAsync(["--agents", "10", "--conversations", "30", "--reads", "20", "--readers", "2", "--duration", "1"], text);

        output.WriteLine(text.ToString());
        Assert.Equal(0, exit);
        var lines = text.ToString().Split('\n');
        string Row(string start) => Assert.Single(lines, l => l.StartsWith($"| {start}", StringComparison.Ordinal));
        // 10 agents of capacity 2 hold 20 of the 30; the other 10 wait and show.
        Assert.Contains("| 10 agents holding 20, 10 conversations shown |", Row("first read"), StringComparison.Ordinal);
        Assert.Matches(@"\| \d+\.\d\d / \d+\.\d\d / \d+\.\d\d ms \| 20 reads \|", Row("one reader"));
        Assert.Matches(@"\| [1-9][\d,]* reads/s, \d+\.\d\d / \d+\.\d\d / \d+\.\d\d ms \|", Row("2 readers at once"));
    }

    [Fact]
    public async Task An_unknown_option_is_refused()
    {
        var text = new StringWriter();

        Assert.Equal(2, await BoardBench.RunAsync(["--supervisors", "3"], text));
        Assert.Contains("unknown option --supervisors", text.ToString(), StringComparison.Ordinal);
    }
}
