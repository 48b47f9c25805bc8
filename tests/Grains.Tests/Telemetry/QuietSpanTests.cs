using System.Diagnostics;

namespace CxCluster.Grains.Tests.Telemetry;

/// <summary>While nobody listens to CxCluster's spans, starting one gives nothing and costs no allocation.</summary>
public sealed class QuietSpanTests
{
    [Fact]
    public void Without_a_listener_a_span_is_null_and_its_tags_are_never_built()
    {
        Assert.False(CxTelemetry.Source.HasListeners());
        Start("warm-up");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            Assert.Null(Start("conversation"));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>The way every CxCluster span is started: tags only on a span that exists.</summary>
    private static Activity? Start(string conversationId)
    {
        var span = CxTelemetry.Source.StartActivity(CxTelemetry.ApplySpan);
        if (span is not null)
        {
            span.SetTag(CxTelemetry.ConversationTag, conversationId);
            span.SetTag(CxTelemetry.EventCountTag, 1);
        }
        return span;
    }
}
