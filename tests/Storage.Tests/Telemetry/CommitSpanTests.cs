using System.Collections.Concurrent;
using System.Diagnostics;
using CxCluster.Grains.Journal;
using CxCluster.Storage.Tests.Journal;
using static CxCluster.TestSupport.Journal.JournalSamples;

namespace CxCluster.Storage.Tests.Telemetry;

/// <summary>
/// The group commit's span on real PostgreSQL: one transaction for the appends of several conversations, so its span
/// is a child of the first append's span and links to each other's, and every event's trace reaches its commit.
/// </summary>
public sealed class CommitSpanTests : IClassFixture<JournalDatabase>, IDisposable
{
    private readonly JournalDatabase _database;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener = new();

    public CommitSpanTests(JournalDatabase database)
    {
        _database = database;
        _listener.ShouldListenTo = source => source.Name == CxTelemetry.ActivitySourceName;
        _listener.Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded;
        _listener.ActivityStopped = _stopped.Enqueue;
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task A_group_commit_is_a_child_of_its_first_append_and_links_to_the_others()
    {
        await using var journal = _database.CreateJournal(FirstGroupHold.OneGroupAtATime);
        var hold = new FirstGroupHold(journal);
        var tenant = NewTenant();
        var first = journal.AppendAsync(Append(new StreamKey(tenant, "c/first"), "e", Fact(1))).AsTask();
        await hold.HeldAsync();

        // Three conversations append while the first group is held: they form the next group, in this order.
        var callers = new ActivityContext[3];
        var appends = new Task[3];
        for (var i = 0; i < callers.Length; i++)
        {
            using var caller = CxTelemetry.Source.StartActivity($"test.append.{i}");
            callers[i] = caller!.Context;
            appends[i] = journal.AppendAsync(Append(new StreamKey(tenant, $"c/{i}"), "e", Fact(1))).AsTask();
        }
        hold.Release();
        await Task.WhenAll(appends.Append(first)).WaitAsync(FirstGroupHold.Timeout);

        var commit = Assert.Single(_stopped, a => a.OperationName == CxTelemetry.CommitSpan && a.ParentSpanId == callers[0].SpanId);
        Assert.Equal(callers[0].TraceId, commit.TraceId);
        Assert.Equal(3, Convert.ToInt32(commit.GetTagItem(CxTelemetry.CountTag), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([callers[1], callers[2]], commit.Links.Select(l => l.Context));
        Assert.Equal(ActivityStatusCode.Unset, commit.Status);
    }
}
