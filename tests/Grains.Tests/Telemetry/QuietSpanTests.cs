using System.Diagnostics;
using CxCluster.Grains.Conversations;

namespace CxCluster.Grains.Tests.Telemetry;

/// <summary>While nobody listens to CxCluster's spans, starting one gives nothing and costs no allocation.</summary>
[Collection(SpanListenerCollection.Name)]
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

    /// <summary>The conversation grain's own span of applying an event.</summary>
    private static Activity? Start(string conversationId) => ConversationGrain.StartApplySpan("tenant", conversationId, EventType.CustomerMessage, 1);
}
