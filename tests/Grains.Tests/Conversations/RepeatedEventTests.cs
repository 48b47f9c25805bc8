using static CxCluster.Grains.Tests.Support.ConversationCalls;
using System.Text.Json;
using CxCluster.Grains.Journal;
using CxCluster.Grains.Tests.Support;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Conversations;

/// <summary>
/// A repeated event id answers its first result again: the same directives and the conversation as that result showed
/// it, however much happened since, from memory or from the journal alone; on a two-silo cluster.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RepeatedEventTests(ClusterFixture fixture)
{
    // Each test's conversations and agent live in a tenant no other test uses (its policy is the default one), and its
    // events happened from a minute ago on, in whole microseconds as the journal keeps them.
    private readonly string _tenant = $"t{Guid.NewGuid():N}";
    private readonly DateTimeOffset _now = JournalTime.Cut(DateTimeOffset.UtcNow.AddMinutes(-1));

    private IConversationGrain Conversation(string id) => fixture.Grains.Conversation(_tenant, id);

    private static string Json(object? value) => JsonSerializer.Serialize(value);

    private Task Forget(IConversationGrain conversation) => fixture.Cluster.DeactivateAsync((IAddressable)conversation);

    /// <summary>A conversation started in English on chat, its notice delivered a second later.</summary>
    private async Task<IConversationGrain> Told(string id)
    {
        var conversation = Conversation(id);
        var started = await Send(conversation, Started(Channel.Chat, "en-US", _now));
        await Send(conversation, Delivered(started.Directives[0].AsDisclose().DisclosureId!, _now.AddSeconds(1)));
        return conversation;
    }

    [Fact]
    public async Task A_repeat_shows_the_conversation_as_the_first_answer_did_from_memory_and_from_the_journal()
    {
        var conversation = await Told("c1");
        var question = Customer("is this a bot? my parcel 5521 is late", _now.AddSeconds(2));
        var first = await Send(conversation, question);
        var firstSummary = (await conversation.ApplyWithSummary(question)).Result!.Summary;
        for (var i = 0; i < 12; i++)
        {
            await Send(conversation, i % 3 == 0 ? Signal("nlu.no_match", 1, _now.AddSeconds(3 + i)) : Ai($"Checking ({i})", _now.AddSeconds(3 + i)));
        }
        var now = await conversation.GetSnapshot();
        Assert.True(now!.Version > first.Summary.Version);
        Assert.NotEqual(first.Conversation!.Trust.Score, now.Trust.Score);

        var again = await Send(conversation, question);
        var lean = (await conversation.ApplyWithSummary(question)).Result!;
        await Forget(conversation);
        var fromJournal = await Send(conversation, question);

        foreach (var repeat in new[] { again, fromJournal })
        {
            Assert.True(repeat.Duplicate);
            Assert.Equal(first.Directives, repeat.Directives);
            Assert.Equal(Json(first.Conversation), Json(repeat.Conversation));
            Assert.Equal(first.Summary, repeat.Summary);
        }
        Assert.True(lean.Duplicate);
        Assert.Null(lean.Conversation);
        Assert.Equal(firstSummary, lean.Summary);
        Assert.Equal(first.Summary, firstSummary);
        // Nothing changed: the conversation is where it was before the repeats.
        Assert.Equal(Json(now), Json(await conversation.GetSnapshot()));
    }

    [Fact]
    public async Task A_repeated_request_for_a_person_tells_its_first_placement_after_an_agent_took_the_customer()
    {
        var conversation = await Told("c2");
        var ask = Customer("agent please", _now.AddSeconds(2));
        var first = await Send(conversation, ask);
        var queued = first.Directives.Single(d => d.Type == DirectiveType.Handoff).AsHandoff();
        Assert.Equal((HandoffStatus.Queued, 1), (queued.Status, queued.QueuePosition));

        var agent = fixture.Grains.Agent(_tenant, "a1");
        await agent.Register(new AgentProfile { DisplayName = "Agent Sari", Languages = ["en"], Channels = [Channel.Chat], Capacity = 2 });
        Assert.Null((await agent.SetStatus(AgentStatus.Available)).Refusal);
        await Eventually.ReturnsAsync(async () => (await conversation.GetSnapshot())!.Status, s => s == ConversationStatus.Human, TimeSpan.FromSeconds(30),
            "the waiting customer to reach the agent");

        var again = await Send(conversation, ask);
        await Forget(conversation);
        var fromJournal = await Send(conversation, ask);

        foreach (var repeat in new[] { again, fromJournal })
        {
            Assert.True(repeat.Duplicate);
            Assert.Equal(Json(first.Directives), Json(repeat.Directives));
            Assert.Equal(Json(first.Conversation), Json(repeat.Conversation));
            Assert.Equal(ConversationStatus.Queued, repeat.Conversation!.Status);
        }
        // The conversation itself stays with the agent.
        var snapshot = await conversation.GetSnapshot();
        Assert.Equal((ConversationStatus.Human, "a1"), (snapshot!.Status, snapshot.Handoff.AgentId));
    }

    [Fact]
    public async Task A_batch_sent_again_after_its_answers_left_memory_answers_each_event_as_the_first_time()
    {
        var conversation = await Told("c4");
        var batch = Enumerable.Range(0, 60)
            .Select(i => (ConversationEvent)(i % 5 == 0
                ? Customer($"still waiting on order {i}, honestly this is getting silly", _now.AddSeconds(2 + i))
                : Ai($"Checking that for you ({i})", _now.AddSeconds(2 + i))))
            .ToList();
        var first = await conversation.ApplyAll(batch, AnswerShape.Full);
        await conversation.ApplyAll([Ai("Anything else?", _now.AddSeconds(90))], AnswerShape.Full);
        await Forget(conversation);

        // Sent again as a platform does when the answer was lost: the journal alone knows them now. A new event amid them
        // is decided as any other.
        var again = await conversation.ApplyAll([.. batch.Take(30), Ai("One more", _now.AddSeconds(91)), .. batch.Skip(30)], AnswerShape.Full);
        var lean = await conversation.ApplyAll(batch, AnswerShape.Summary);

        var repeats = again.Where((_, i) => i != 30).ToList();
        Assert.All(repeats.Concat(lean), o => Assert.True(o.Result!.Duplicate));
        Assert.False(again[30].Result!.Duplicate);
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.Equal(first[i].Result!.Directives, repeats[i].Result!.Directives);
            Assert.Equal(Json(first[i].Result!.Conversation), Json(repeats[i].Result!.Conversation));
            Assert.Equal(Json(first[i].Result!.Summary), Json(lean[i].Result!.Summary));
        }
    }

    [Fact]
    public async Task A_repeat_after_an_erasure_shows_none_of_the_words_erased()
    {
        var conversation = Conversation("c3");
        await Send(conversation, Started(Channel.Chat, "en-US", _now) with { CustomerId = "cust-42" });
        var told = Customer("the teal jacket I ordered never came", _now.AddSeconds(1));
        var first = await Send(conversation, told);
        await Send(conversation, Ai("Let me check.", _now.AddSeconds(2)));
        Assert.Contains("teal jacket", Json(first.Conversation));

        Assert.True(await conversation.Erase());
        var outcome = await conversation.Apply(told);

        Assert.Null(outcome.Refusal);
        Assert.True(outcome.Result!.Duplicate);
        Assert.Equal(first.Directives, outcome.Result.Directives);
        Assert.Equal(first.Summary.Version, outcome.Result.Summary.Version);
        Assert.DoesNotContain("teal jacket", Json(outcome.Result.Conversation));
        Assert.Equal(Json(await conversation.GetSnapshot() is { } erased ? erased.Transcript : null), Json(outcome.Result.Conversation!.Transcript));
    }
}
