using Xunit.Abstractions;

namespace CxCluster.Load.Tests;

/// <summary>A few seconds of the HTTP load driver, single events and batches, invariant checks included.</summary>
public sealed class HttpLoadSmokeTests(ITestOutputHelper output)
{
    private static readonly LoadOptions Smoke = LoadOptions.Parse([
        "--silos", "2", "--conversations", "60", "--events-per-conversation", "10", "--concurrency", "8",
        "--handoff-share", "0", "--trust-break-share", "0",
    ]);

    [Fact]
    public async Task Single_events_over_http_answer_every_event_keep_every_invariant_and_measure_the_ceiling()
    {
        var report = await Run(Smoke);

        Assert.Empty(report.Events.Problems);
        Assert.Empty(report.Events.Recorder.Errors);
        Assert.Equal(60 * 9, report.Events.Recorder.Answered, tolerance: 60);
        Assert.True(report.TrivialPerSecond > 0, "the trivial endpoint was measured");
        Assert.Equal(0, report.TrivialErrors);
        Assert.True(report.Passed);
    }

    [Fact]
    public async Task Batches_over_http_after_a_warm_up_answer_every_event_keep_every_invariant_and_measure_the_ceiling()
    {
        // The warm-up's own conversations are checked too, but neither its events nor its requests are counted.
        var report = await Run(Smoke with { Batch = 20, Warmup = TimeSpan.FromSeconds(1) });

        Assert.Empty(report.Events.Problems);
        Assert.Empty(report.Events.Recorder.Errors);
        Assert.Equal(60 * 9, report.Events.Recorder.Answered, tolerance: 60);
        Assert.True(report.EventRequests < report.Events.Recorder.Answered, "events went in batches");
        Assert.True(report.TrivialPerSecond > 0, "the trivial endpoint was measured");
        Assert.True(report.Passed);
    }

    private async Task<HttpLoadReport> Run(LoadOptions options)
    {
        var text = new StringWriter();
        var report = await new HttpLoad(options, text).RunAsync();
        report.Print(text);
        output.WriteLine(text.ToString());
        return report;
    }
}
