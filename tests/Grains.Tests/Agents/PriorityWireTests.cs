using CxCluster.Grains.Agents;
using CxCluster.Grains.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CxCluster.Grains.Tests.Agents;

/// <summary>
/// A priority crosses grain boundaries and checkpoints as it is, the lowest (0) included: a default of 5 in the records
/// must never stand in for a 0 the serializer left out.
/// </summary>
public sealed class PriorityWireTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;

    [Theory]
    [InlineData(HandoffPriority.Lowest)]
    [InlineData(HandoffPriority.Default)]
    [InlineData(HandoffPriority.Highest)]
    public void Every_priority_survives_a_grain_call_and_a_checkpoint(int priority)
    {
        var request = new HandoffRequest { ConversationId = "c1", HandoffId = "h1", Reason = "customer-request", RequestedAt = Now, Priority = priority };
        var head = new QueueHead { ConversationId = "c1", HandoffId = "h1", EnqueuedAt = Now, Sequence = 0, Priority = priority };
        var started = new ConversationStartedEvent { Id = "e1", OccurredAt = Now, Channel = Channel.Chat, Locale = "id-ID", Priority = priority };
        var pool = new AgentPoolState { Queue = [new WaitingRequest { Request = request, EnqueuedAt = Now, Sequence = 0 }] };
        var conversation = new ConversationState { Priority = priority };

        Assert.Equal(priority, RoundTrip(request).Priority);
        Assert.Equal(priority, RoundTrip(head).Priority);
        Assert.Equal(priority, RoundTrip(started).Priority);
        Assert.Equal(priority, RoundTrip(pool).Queue[0].Request.Priority);
        Assert.Equal(priority, RoundTrip(conversation).Priority);
    }
}
