using CxCluster.Abstractions.Facts;
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

    [Fact]
    public void The_customer_id_and_attributes_go_once_older_than_the_retention_and_one_given_since_stays()
    {
        var state = new ConversationState();
        var policy = OneDay;
        ConversationEvolution.Apply(state, new ConversationStarted
        {
            At = Now.AddDays(-3), Channel = Channel.Chat, Locale = "en-US", Priority = 5, CustomerId = "cust-77", Attributes = new Dictionary<string, string> { ["acct"] = "A-1" },
        }, policy, new ConversationSettings());
        Assert.Equal(("cust-77", Now.AddDays(-3)), (state.CustomerId, state.CustomerIdAt));

        // The customer waits on: whatever comes later, the id and the attributes given three days ago go.
        ConversationRetention.Prune(state, policy, new ManualClock(Now));
        Assert.Null(state.CustomerId);
        Assert.Null(state.Attributes);

        // Given again today, they are kept for the retention's length from today.
        ConversationEvolution.Apply(state, new CustomerIdentified { At = Now.AddHours(-1), CustomerId = "cust-78" }, policy, new ConversationSettings());
        ConversationEvolution.Apply(state, new ConversationDescribed { At = Now.AddHours(-1), Priority = 5, Attributes = new Dictionary<string, string> { ["acct"] = "A-2" } },
            policy, new ConversationSettings());
        ConversationRetention.Prune(state, policy, new ManualClock(Now));
        Assert.Equal("cust-78", state.CustomerId);
        Assert.Equal("A-2", state.Attributes!["acct"]);

        // A state from a checkpoint written before these times were kept reads the start's time for them.
        var older = new ConversationState { StartedAt = Now.AddDays(-2), CustomerId = "cust-1", Attributes = new Dictionary<string, string> { ["k"] = "v" } };
        ConversationRetention.Prune(older, policy, new ManualClock(Now));
        Assert.Null(older.CustomerId);
        Assert.Null(older.Attributes);
    }
}
