using CxCluster.Grains.Conversations;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Tests.Support;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Conversations;

/// <summary>A conversation appends its facts to its journal with each event's answer, on a two-silo cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConversationJournalTests(ClusterFixture fixture)
{
    private static async Task<EventResult> Send(IConversationGrain conversation, ConversationEvent e)
    {
        var outcome = await conversation.Apply(e);
        Assert.Null(outcome.Refusal);
        return outcome.Result!;
    }

    private (string Id, IConversationGrain Grain, StreamKey Stream) NewConversation()
    {
        var id = $"j-{Guid.NewGuid():N}";
        return (id, fixture.Grains.Conversation(ClusterFixture.Tenant, id), ConversationJournal.Stream(ClusterFixture.Tenant, id));
    }

    [Fact]
    public async Task Every_decision_is_appended_in_order_and_the_version_is_the_last_seq()
    {
        var (id, conversation, stream) = NewConversation();

        await Send(conversation, Started(Channel.Whatsapp, "id-ID"));
        await Send(conversation, Ai("Halo, ada yang bisa dibantu?"));
        var last = await Send(conversation, Customer("ini bot ya? saya mau bicara dengan CS"));

        var facts = await fixture.Journal.ReadStreamAsync(stream, 0, 100);
        Assert.Equal(Enumerable.Range(1, facts.Count).Select(i => (long)i), facts.Select(f => f.Seq));
        Assert.Equal(["conversation.started", "disclosure.issued", "ai.allowed", "message.recorded", "message.recorded"], facts.Take(5).Select(f => f.Type));
        Assert.Contains(facts, f => f.Type == "identity.answered");
        Assert.Contains(facts, f => f.Type == "handoff.requested");
        Assert.Equal(facts[^1].Seq, last.Summary.Version);
        var tenantWide = await fixture.Journal.ReadTenantAsync(ClusterFixture.Tenant, 0, int.MaxValue);
        Assert.Equal(facts.Select(f => f.Seq), tenantWide.Where(f => f.Stream == stream).Select(f => f.Fact.Seq));
        Assert.Equal(id, (await conversation.GetSnapshot())!.Id);
    }

    [Fact]
    public async Task A_repeated_event_id_is_answered_as_the_first_time_however_long_ago()
    {
        var (_, conversation, _) = NewConversation();
        await Send(conversation, Started());
        var early = Customer("where is my parcel?");
        var first = await Send(conversation, early);

        for (var i = 0; i < 300; i++)
        {
            await Send(conversation, i % 2 == 0 ? Ai($"Let me check ({i})") : Signal("sentiment", 0.5));
        }
        var again = await Send(conversation, early);

        Assert.True(again.Duplicate);
        Assert.Equal(first.Directives, again.Directives);
        Assert.Equal(Types(first), Types(again));
    }

    [Fact]
    public async Task Erasure_removes_the_customers_words_from_the_journal_and_keeps_the_proof_of_disclosure()
    {
        var (_, conversation, stream) = NewConversation();
        await Send(conversation, Started() with { CustomerId = "cust-42" });
        await Send(conversation, Customer("my card is 4111 1111 1111 1111, where is my order"));

        Assert.True(await conversation.Erase());

        var facts = await fixture.Journal.ReadStreamAsync(stream, 0, 100);
        Assert.All(facts, f => Assert.Null(f.Personal));
        Assert.Contains(facts, f => f.Type == "disclosure.issued");
        Assert.Contains(facts, f => f.Type == "conversation.erased");
    }

    private static DirectiveType[] Types(EventResult result) => [.. result.Directives.Select(d => d.Type)];
}
