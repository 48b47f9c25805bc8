using System.Diagnostics.Metrics;

namespace CxCluster.Grains.Webhooks;

/// <summary>Webhook deliveries on CxCluster's meter: attempts by outcome, and how long after it happened a fact was accepted.</summary>
public sealed class WebhookMetrics
{
    private readonly Counter<long> _attempts;
    private readonly Histogram<double> _lag;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(CxTelemetry.MeterName);
        _attempts = meter.CreateCounter<long>("cx.webhook.deliveries", "{attempt}",
            "Webhook delivery attempts, by outcome: accepted, failed (to be retried), gone (410, the endpoint is disabled), given-up.");
        _lag = meter.CreateHistogram<double>("cx.webhook.lag", "s", "Seconds from a fact's time to its acceptance by a webhook receiver.");
    }

    public void Attempted(string outcome) => _attempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Accepted(TimeSpan lag) => _lag.Record(Math.Max(0, lag.TotalSeconds));
}
