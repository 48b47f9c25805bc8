using System.Diagnostics.Metrics;

namespace CxCluster.Grains.Telemetry;

/// <summary>
/// CxCluster's own meter: events, directives, handoffs, how long conversations wait for an agent, offers that expired,
/// trust and the journal's group commits. README "Observability" names each instrument, its unit and its tags.
/// </summary>
public sealed class CxMetrics
{
    private readonly Counter<long> _events;
    private readonly Counter<long> _directives;
    private readonly Counter<long> _handoffs;
    private readonly Histogram<int> _trustScore;
    private readonly Counter<long> _repairs;
    private readonly Counter<long> _handoffSteps;
    private readonly Histogram<double> _queueWait;
    private readonly Counter<long> _offersExpired;
    private readonly Histogram<double> _deadlineLateness;
    private readonly Counter<long> _journalGroups;
    private readonly Histogram<int> _journalGroupAppends;
    private readonly Counter<long> _journalFailures;

    public CxMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(CxTelemetry.MeterName);
        _events = meter.CreateCounter<long>("cx.events", "{event}", "Events applied to conversations, by type and outcome.");
        _directives = meter.CreateCounter<long>("cx.directives", "{directive}", "Directives answered to platforms, by type.");
        _handoffs = meter.CreateCounter<long>("cx.handoffs", "{handoff}", "Handoffs requested, by reason and first placement.");
        _trustScore = meter.CreateHistogram<int>("cx.trust.score", "{score}", "Trust score after each event that moved it.");
        _repairs = meter.CreateCounter<long>("cx.handoff.repairs", "{repair}",
            "Disagreements between conversations, agents and queues that reconciliation repaired, by kind.");
        _handoffSteps = meter.CreateCounter<long>("cx.handoff.steps", "{step}",
            "Steps of handoffs on the agent's side, by step: offered, accepted, declined, expired, withdrawn, reclaimed.");
        _queueWait = meter.CreateHistogram<double>("cx.queue.wait", "s",
            "Seconds a conversation waited in its pool's queue until an agent took it, by tenant, queue and reason; recorded where the pool decides the assignment.");
        _offersExpired = meter.CreateCounter<long>("cx.offers.expired", "{offer}",
            "Offers an agent did not answer in time, by tenant and queue (the conversation goes to the next agent).");
        _deadlineLateness = meter.CreateHistogram<double>("cx.deadline.lateness", "ms",
            "How long after its deadline an offer expired or a first reply was found missing, by kind.");
        _journalGroups = meter.CreateCounter<long>("cx.journal.groups", "{group}", "Groups of appends the journal committed in one transaction each.");
        _journalGroupAppends = meter.CreateHistogram<int>("cx.journal.group.appends", "{append}", "Appends in each group the journal committed.");
        _journalFailures = meter.CreateCounter<long>("cx.journal.commit.failures", "{group}",
            "Journal transactions that failed, by reason: conflict (a lost race; the group is retried append by append) or unavailable.");
    }

    public void EventApplied(string tenantId, EventType type, string outcome) =>
        _events.Add(
            1,
            new KeyValuePair<string, object?>("tenant", tenantId),
            new KeyValuePair<string, object?>("type", type.Name()),
            new KeyValuePair<string, object?>("outcome", outcome));

    public void DirectivesAnswered(IReadOnlyList<Directive> directives)
    {
        for (var i = 0; i < directives.Count; i++)
        {
            _directives.Add(1, new KeyValuePair<string, object?>("type", directives[i].Type.Name()));
        }
    }

    public void HandoffRequested(string tenantId, string reason, HandoffStatus placement) =>
        _handoffs.Add(
            1,
            new KeyValuePair<string, object?>("tenant", tenantId),
            new KeyValuePair<string, object?>("reason", reason),
            new KeyValuePair<string, object?>("placement", placement.Name()));

    public void HandoffStep(string tenantId, string step) =>
        _handoffSteps.Add(1, new KeyValuePair<string, object?>("tenant", tenantId), new KeyValuePair<string, object?>("step", step));

    public void QueueWaited(string tenantId, string queue, string reason, TimeSpan wait) =>
        _queueWait.Record(
            Math.Max(0, wait.TotalSeconds),
            new KeyValuePair<string, object?>("tenant", tenantId),
            new KeyValuePair<string, object?>("queue", queue),
            new KeyValuePair<string, object?>("reason", reason));

    public void OfferExpired(string tenantId, string queue) =>
        _offersExpired.Add(1, new KeyValuePair<string, object?>("tenant", tenantId), new KeyValuePair<string, object?>("queue", queue));

    public void DeadlineReached(string kind, TimeSpan lateness) =>
        _deadlineLateness.Record(Math.Max(0, lateness.TotalMilliseconds), new KeyValuePair<string, object?>("kind", kind));

    public void TrustScored(int score) => _trustScore.Record(score);

    public void Repaired(string kind) => _repairs.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void JournalGroupCommitted(int appends)
    {
        _journalGroups.Add(1);
        _journalGroupAppends.Record(appends);
    }

    public void JournalCommitFailed(string reason) => _journalFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
