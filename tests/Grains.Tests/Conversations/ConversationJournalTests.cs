using static CxCluster.Grains.Tests.Support.ConversationCalls;
using Microsoft.Extensions.DependencyInjection;
using CxCluster.Grains.Conversations;
using CxCluster.Grains.Journal;
using System.Text;
using System.Text.Json;
using CxCluster.Grains.Tests.Support;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Conversations;

/// <summary>A conversation appends its facts to its journal with each event's answer, on a two-silo cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConversationJournalTests(ClusterFixture fixture)
{
    /// <summary>Whether a silo holds an activation of the grain, asked of every silo's catalog.</summary>
    private async Task<bool> IsActive(IConversationGrain conversation)
    {
        var id = ((GrainReference)conversation).GrainId;
        var activations = await fixture.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return activations.Any(a => a.GrainId == id);
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

    [Fact]
    public async Task A_repeat_of_an_event_answered_before_the_activation_is_answered_as_the_first_time_and_changes_nothing()
    {
        var (_, conversation, stream) = NewConversation();
        await Send(conversation, Started());
        var early = Customer("is this a bot? where is my parcel?");
        var first = await Send(conversation, early);
        for (var i = 0; i < 5; i++)
        {
            await Send(conversation, Ai($"Let me check ({i})"));
        }
        var before = await conversation.GetSnapshot();
        var factsBefore = await fixture.Journal.ReadStreamAsync(stream, 0, 1_000);

        await fixture.Cluster.DeactivateAsync((IAddressable)conversation);
        var again = await Send(conversation, early);

        Assert.True(again.Duplicate);
        Assert.Equal(Types(first), Types(again));
        Assert.Equal(first.Directives, again.Directives);
        Assert.Equal(factsBefore.Count, (await fixture.Journal.ReadStreamAsync(stream, 0, 1_000)).Count);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await conversation.GetSnapshot()));
        // The conversation goes on from where it was: the next new event continues the seqs.
        var next = await Send(conversation, Ai("Found it: it arrives tomorrow."));
        Assert.False(next.Duplicate);
        Assert.True(next.Summary.Version > before!.Version);
    }

    [Fact]
    public async Task An_ended_conversation_leaves_memory_and_a_late_read_retry_or_erasure_rebuilds_it_from_the_journal()
    {
        var (_, conversation, stream) = NewConversation();
        await Send(conversation, Started() with { CustomerId = "cust-7" });
        var question = Customer("is this a bot? my order 5521 is late");
        var answered = await Send(conversation, question);
        var going = await Send(conversation, Ai("Let me check"));
        Assert.True(await IsActive(conversation));
        var snapshot = await conversation.GetSnapshot();
        var end = Ended();
        var ended = await Send(conversation, end);

        // Nothing waits on it: it deactivates once answered.
        await Eventually.HoldsAsync(async () => !await IsActive(conversation), TimeSpan.FromSeconds(10), "the ended conversation to be deactivated");
        var rebuilt = await conversation.GetSnapshot();
        Assert.Equal(ConversationStatus.Ended, rebuilt!.Status);
        Assert.Equal(ended.Summary.Version, rebuilt.Version);
        Assert.Equal(JsonSerializer.Serialize(snapshot!.Transcript), JsonSerializer.Serialize(rebuilt.Transcript));
        var again = await Send(conversation, question);
        Assert.True(again.Duplicate);
        Assert.Equal(answered.Directives, again.Directives);
        var endAgain = await Send(conversation, end);
        Assert.True(endAgain.Duplicate);
        Assert.Equal(ended.Summary.Version, endAgain.Summary.Version);
        Assert.NotNull((await conversation.Apply(Ai("one more thing"))).Refusal);
        Assert.True(await conversation.Erase());
        Assert.All(await fixture.Journal.ReadStreamAsync(stream, 0, 100), f => Assert.Null(f.Personal));
        Assert.True(going.Summary.Version < ended.Summary.Version);
    }

    [Fact]
    public async Task A_conversation_still_going_on_stays_in_memory()
    {
        var (_, conversation, _) = NewConversation();
        await Send(conversation, Started());
        await Send(conversation, Customer("where is my parcel?"));

        // Idle collection takes far longer than this; a conversation that has not ended is not let go after an event.
        await Send(conversation, Ai("Let me check"));
        Assert.True(await IsActive(conversation));
    }

    [Fact]
    public async Task A_retried_end_after_the_activation_is_answered_as_accepted_not_refused()
    {
        var (_, conversation, _) = NewConversation();
        await Send(conversation, Started());
        var end = Ended();
        var first = await Send(conversation, end);

        await fixture.Cluster.DeactivateAsync((IAddressable)conversation);
        var outcome = await conversation.Apply(end);

        Assert.Null(outcome.Refusal);
        Assert.True(outcome.Result!.Duplicate);
        Assert.Equal(first.Summary.Version, outcome.Result.Summary.Version);
        // A new event after the end is still refused.
        Assert.NotNull((await conversation.Apply(Customer("hello?"))).Refusal);
    }

    [Fact]
    public async Task Checkpoints_follow_the_facts_and_the_deactivation_and_rebuild_the_same_conversation()
    {
        var (_, conversation, stream) = NewConversation();
        await Send(conversation, Started(Channel.Whatsapp, "en-US"));
        EventResult last = null!;
        for (var i = 0; i < 80; i++)
        {
            last = await Send(conversation, i % 3 == 0 ? Customer($"question number {i} about my order") : Ai($"answer {i}"));
        }
        // More than CheckpointEvery (64) facts were appended: a checkpoint is written (no event waits for it).
        var written = await Eventually.ReturnsAsync(
            async () => await fixture.Journal.LoadCheckpointAsync(stream), c => c is not null, TimeSpan.FromSeconds(10), "a checkpoint");
        Assert.InRange(written!.Seq, 64, last.Summary.Version);
        var live = await conversation.GetSnapshot();

        await fixture.Cluster.DeactivateAsync((IAddressable)conversation);
        var kept = await Eventually.ReturnsAsync(
            async () => await fixture.Journal.LoadCheckpointAsync(stream), c => c?.Seq == live!.Version, TimeSpan.FromSeconds(10), "the checkpoint of the deactivation");

        Assert.Equal(JsonSerializer.Serialize(live), JsonSerializer.Serialize(await conversation.GetSnapshot()));
        // A checkpoint that cannot be read only costs a replay of every fact.
        await fixture.Cluster.DeactivateAsync((IAddressable)conversation);
        await fixture.Journal.SaveCheckpointAsync(stream, kept!.Seq, new byte[] { 1, 2, 3 });
        Assert.Equal(JsonSerializer.Serialize(live), JsonSerializer.Serialize(await conversation.GetSnapshot()));
        var next = await Send(conversation, Customer("one more thing"));
        Assert.Equal(live!.Version + 1, next.Summary.Version);
    }

    [Fact]
    public async Task A_conversation_brought_into_memory_only_to_be_read_writes_nothing_as_it_leaves()
    {
        var (_, conversation, stream) = NewConversation();
        await Send(conversation, Started(Channel.Chat, "en-US"));
        await Send(conversation, Customer("where is my parcel?"));
        await fixture.Cluster.DeactivateAsync((IAddressable)conversation);
        var kept = await Eventually.ReturnsAsync(
            async () => await fixture.Journal.LoadCheckpointAsync(stream), c => c is not null, TimeSpan.FromSeconds(10), "a checkpoint");
        // A checkpoint it cannot read: the next activation replays every fact, and is as far ahead of it as can be.
        await fixture.Journal.SaveCheckpointAsync(stream, kept!.Seq, new byte[] { 1, 2, 3 });

        Assert.NotNull(await conversation.GetSnapshot());
        await fixture.Cluster.DeactivateAsync((IAddressable)conversation);
        Assert.NotNull(await conversation.GetSnapshot());
        await fixture.Cluster.DeactivateAsync((IAddressable)conversation);

        // The reads wrote nothing: the journal holds the checkpoint as it was left.
        Assert.Equal([1, 2, 3], (await fixture.Journal.LoadCheckpointAsync(stream))!.State.ToArray());
        // An event does write again, and its deactivation keeps a checkpoint.
        var next = await Send(conversation, Customer("any news?"));
        await fixture.Cluster.DeactivateAsync((IAddressable)conversation);
        await Eventually.ReturnsAsync(
            async () => await fixture.Journal.LoadCheckpointAsync(stream), c => c?.Seq == next.Summary.Version, TimeSpan.FromSeconds(10), "the checkpoint of the deactivation");
    }

    [Fact]
    public async Task Erasure_leaves_no_checkpoint_with_the_customers_words()
    {
        var (_, conversation, stream) = NewConversation();
        await Send(conversation, Started() with { CustomerId = "cust-77" });
        await Send(conversation, Customer("please leave the parcel behind the turquoise gate at the back door"));
        await fixture.Cluster.DeactivateAsync((IAddressable)conversation);
        var before = await Eventually.ReturnsAsync(
            async () => await fixture.Journal.LoadCheckpointAsync(stream), c => c is not null, TimeSpan.FromSeconds(10), "a checkpoint");
        Assert.True(Contains(before!.State, "turquoise"), "the checkpoint before erasure keeps the transcript");

        Assert.True(await conversation.Erase());

        var after = await fixture.Journal.LoadCheckpointAsync(stream);
        Assert.True(after is null || !Contains(after.State, "turquoise") && !Contains(after.State, "cust-77"));
        await fixture.Cluster.DeactivateAsync((IAddressable)conversation);
        var rebuilt = await conversation.GetSnapshot();
        Assert.Empty(rebuilt!.Transcript);
        Assert.NotNull(rebuilt.Disclosure.DisclosureId);
    }

    [Fact]
    public async Task A_tenants_message_retention_removes_older_words_from_the_journal_transcript_and_checkpoints_and_keeps_the_proof()
    {
        var id = $"r-{Guid.NewGuid():N}";
        var conversation = fixture.Grains.Conversation(ClusterFixture.RetainingTenant, id);
        var stream = ConversationJournal.Stream(ClusterFixture.RetainingTenant, id);
        var then = DateTimeOffset.UtcNow.AddDays(-3);
        await Send(conversation, Started(Channel.Chat, "en-US", then));
        await Send(conversation, Customer("ship it to Rosalind at 12 Elm Street", then.AddMinutes(1)));
        await Send(conversation, Customer("did it leave the warehouse yet?", DateTimeOffset.UtcNow));

        // The conversation shows only what the retention keeps, at once.
        var shown = await conversation.GetSnapshot();
        Assert.Equal(["did it leave the warehouse yet?"], shown!.Transcript.Select(t => t.Text));

        var sweeper = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<CxCluster.Grains.Privacy.RetentionSweeper>();
        Assert.True(await sweeper.SweepAsync() >= 1);

        var facts = await fixture.Journal.ReadStreamAsync(stream, 0, 100);
        var messages = facts.Where(f => f.Type == "message.recorded").ToList();
        Assert.Null(messages[0].Personal);
        Assert.NotNull(messages[1].Personal);
        Assert.Contains(facts, f => f.Type == "disclosure.issued");
        Assert.Equal(0, await sweeper.SweepAsync());

        await fixture.Cluster.DeactivateAsync((IAddressable)conversation);
        var kept = await Eventually.ReturnsAsync(
            async () => await fixture.Journal.LoadCheckpointAsync(stream), c => c is not null, TimeSpan.FromSeconds(10), "a checkpoint");
        Assert.False(Contains(kept!.State, "Rosalind"));
        Assert.Equal(["did it leave the warehouse yet?"], (await conversation.GetSnapshot())!.Transcript.Select(t => t.Text));
        // A tenant without a retention keeps its words.
        Assert.Null(fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<CxCluster.Grains.Tenants.TenantDirectory>().Get(ClusterFixture.Tenant).MessageRetention);
    }

    [Fact]
    public async Task A_snapshot_read_again_without_a_change_still_drops_words_the_retention_has_let_go_since()
    {
        var id = $"r-{Guid.NewGuid():N}";
        var conversation = fixture.Grains.Conversation(ClusterFixture.RetainingTenant, id);
        // Within the one-day retention for two more seconds.
        var almost = DateTimeOffset.UtcNow.AddDays(-1).AddSeconds(2);
        await Send(conversation, Started(Channel.Chat, "en-US", almost));
        await Send(conversation, Customer("the parcel for Rosalind", almost));

        var first = await conversation.GetSnapshot();
        Assert.Equal(["the parcel for Rosalind"], first!.Transcript.Select(t => t.Text));
        Assert.Equal(first.Version, (await conversation.GetSnapshot())!.Version);

        // Nothing happens in the conversation; the words go once the retention passes them.
        var later = await Eventually.ReturnsAsync(
            () => conversation.GetSnapshot(), s => s!.Transcript.Count == 0, TimeSpan.FromSeconds(15), "the words to go");
        Assert.Equal(first.Version, later!.Version);
        Assert.Equal(first.Disclosure.DisclosureId, later.Disclosure.DisclosureId);
    }

    private static bool Contains(ReadOnlyMemory<byte> bytes, string text) => bytes.Span.IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static DirectiveType[] Types(EventResult result) => [.. result.Directives.Select(d => d.Type)];
}
