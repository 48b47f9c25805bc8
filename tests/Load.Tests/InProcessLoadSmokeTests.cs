using Xunit.Abstractions;

namespace CxCluster.Load.Tests;

/// <summary>A few seconds of each kind of load run, invariant checks included, so the load driver never rots.</summary>
public sealed class InProcessLoadSmokeTests(ITestOutputHelper output)
{
    private static readonly LoadOptions Smoke = LoadOptions.Parse([
        "--silos", "2", "--conversations", "120", "--events-per-conversation", "12", "--concurrency", "16",
        "--agents", "3", "--agent-capacity", "2", "--handling-ms", "50", "--handoff-share", "0.3",
    ]);

    [Fact]
    public async Task A_closed_loop_run_on_memory_storage_answers_every_event_and_keeps_every_invariant()
    {
        var report = await Run(Smoke);

        Assert.Empty(report.Problems);
        Assert.Empty(report.Recorder.Errors);
        Assert.True(report.Recorder.Handoffs > 0, "some conversations were handed off");
        Assert.True(report.Recorder.Answered >= 120 * 8, $"only {report.Recorder.Answered} events were answered");
    }

    [Fact]
    public async Task An_open_loop_run_on_postgres_storage_keeps_every_invariant()
    {
        var report = await Run(Smoke with { Storage = "postgres", Rate = 400, Conversations = 40 });

        Assert.Empty(report.Problems);
        Assert.Empty(report.Recorder.Errors);
        Assert.True(report.Recorder.Answered >= 40 * 8, $"only {report.Recorder.Answered} events were answered");
    }

    [Fact]
    public async Task A_run_from_inside_a_silo_after_a_warm_up_counts_only_its_own_events_and_measures_the_messaging_floor()
    {
        var report = await Run(Smoke with { Silos = 1, Client = "hosted", Warmup = TimeSpan.FromSeconds(1), Conversations = 60 });

        Assert.Empty(report.Problems);
        Assert.Empty(report.Recorder.Errors);
        Assert.InRange(report.Recorder.Answered, 60 * 8, 60 * 12);
        Assert.True(report.Floor is { PerSecond: > 0 }, "the no-op grain calls were measured");
        Assert.True(report.Gc is { Allocated: > 0 }, "the collections while playing were measured");
    }

    private async Task<LoadReport> Run(LoadOptions options)
    {
        var text = new StringWriter();
        var report = await new InProcessLoad(options, text).RunAsync();
        report.Print(text);
        output.WriteLine(text.ToString());
        return report;
    }
}

/// <summary>
/// A small run of the memory probe, so it keeps working. In a process of its own, as the benchmark runs it: the heap it
/// measures is the whole process's, and what earlier tests of this assembly leave behind (clusters still being torn
/// down, pools being given back) would move it by more than a few hundred conversations weigh.
/// </summary>
public sealed class MemoryProbeSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_probe_measures_a_footprint_per_conversation_and_per_turn()
    {
        var probe = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "CxCluster.Load.dll"), "memory", "--silos", "1", "--conversations", "300", "--turns", "8" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(probe)!;
        var printed = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        output.WriteLine(await printed);

        Assert.True(process.ExitCode == 0, await errors);
        Assert.True(HeapOf(await printed, "per started, idle conversation") > 0, "an idle conversation takes heap");
        Assert.True(HeapOf(await printed, "per transcript turn") > 0, "a turn takes heap");
    }

    /// <summary>The managed-heap column of the probe's table row named <paramref name="row"/>.</summary>
    private static double HeapOf(string table, string row)
    {
        var line = table.Split('\n').Single(l => l.StartsWith($"| {row} |", StringComparison.Ordinal));
        return double.Parse(line.Split('|', StringSplitOptions.TrimEntries)[2], System.Globalization.CultureInfo.InvariantCulture);
    }
}
