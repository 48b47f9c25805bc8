using CxCluster.Grains.Conversations;
using CxCluster.Grains.Privacy;
using CxCluster.Grains.Tests.Support;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>What a conversation keeps of its messages' words under its tenant's retention, in memory.</summary>
public sealed class ConversationRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly TenantPolicy OneDay = new() { TenantId = "keeper", BrandName = "Keeper", MessageRetention = TimeSpan.FromDays(1) };

    private static TranscriptTurn Turn(string text, DateTimeOffset at) => new() { From = Speaker.Customer, Text = text, At = at };

    [Fact]
    public void The_last_and_the_repeated_customer_message_go_with_the_words_the_retention_lets_go()
    {
        var old = Turn("ship it to Rosalind", Now.AddDays(-2));
        var state = new ConversationState { Transcript = [old], LastCustomerMessage = old, RepeatedMessage = old };

        Assert.True(ConversationRetention.Prune(state, OneDay, new ManualClock(Now)));

        Assert.Empty(state.Transcript);
        Assert.Null(state.LastCustomerMessage);
        Assert.Null(state.RepeatedMessage);
    }

    [Fact]
    public void Words_within_the_retention_stay_and_a_tenant_without_one_keeps_everything()
    {
        var old = Turn("ship it to Rosalind", Now.AddDays(-2));
        var recent = Turn("did it leave yet?", Now.AddHours(-1));
        var state = new ConversationState { Transcript = [old, recent], LastCustomerMessage = recent, RepeatedMessage = old };

        Assert.False(ConversationRetention.Prune(state, new TenantPolicy { TenantId = "acme", BrandName = "Acme" }, new ManualClock(Now)));
        Assert.Equal(old, state.RepeatedMessage);

        ConversationRetention.Prune(state, OneDay, new ManualClock(Now));

        Assert.Equal([recent], state.Transcript);
        Assert.Equal(recent, state.LastCustomerMessage);
        Assert.Null(state.RepeatedMessage);
    }
}
