using Xunit;
using CxCluster.Grains.Journal;
using static CxCluster.TestSupport.Journal.JournalSamples;

namespace CxCluster.TestSupport.Journal;

/// <summary>
/// What every <see cref="IFactJournal"/> does, run against each implementation (the memory journal in Grains.Tests, PostgreSQL in
/// Storage.Tests). Each test works in tenants of its own, so a journal may be shared.
/// </summary>
public abstract class FactJournalContract
{
    protected abstract IFactJournal Journal { get; }

    [Fact]
    public async Task The_cursor_key_is_32_bytes_and_the_same_every_time_it_is_asked()
    {
        var first = await Journal.CursorKeyAsync();
        var again = await Journal.CursorKeyAsync();

        Assert.Equal(32, first.Length);
        Assert.Equal(first.ToArray(), again.ToArray());
        Assert.Contains(first.ToArray(), b => b != 0);
    }

    [Fact]
    public async Task Appended_facts_are_read_back_in_seq_order_with_their_bytes()
    {
        var stream = NewStream();
        await Journal.AppendAsync(Append(stream, "e1", Fact(1, "conversation.started", personal: null), Fact(2, "disclosure.issued", personal: "{\"text\":\"Halo\"}")));
        await Journal.AppendAsync(Append(stream, "e2", Fact(3, "ai.allowed")));

        var facts = await Journal.ReadStreamAsync(stream, 0, 100);

        Assert.Equal([1L, 2, 3], facts.Select(f => f.Seq));
        Assert.Equal(["conversation.started", "disclosure.issued", "ai.allowed"], facts.Select(f => f.Type));
        Assert.All(facts, f => Assert.Equal(Noon.AddSeconds(f.Seq), f.At));
        Assert.Equal("{\"n\":2}", Text(facts[1].Data));
        Assert.Null(facts[0].Personal);
        Assert.Equal("{\"text\":\"Halo\"}", Text(facts[1].Personal!.Value));
    }

    [Fact]
    public async Task The_caller_may_reuse_the_memory_of_an_append_once_it_is_done()
    {
        var stream = NewStream();
        // One buffer for every part, as a conversation encodes them: overwritten after the append, as when it is lent again.
        var buffer = System.Text.Encoding.UTF8.GetBytes("{\"n\":1}{\"text\":\"Halo\"}{\"answer\":1}");
        var memory = buffer.AsMemory();
        await Journal.AppendAsync(new JournalAppend(stream, "e1", [new JournalFact(1, "message.recorded", Noon, memory[..7], memory[7..22])], memory[22..]));
        buffer.AsSpan().Fill((byte)'x');

        var fact = Assert.Single(await Journal.ReadStreamAsync(stream, 0, 10));

        Assert.Equal("{\"n\":1}", Text(fact.Data));
        Assert.Equal("{\"text\":\"Halo\"}", Text(fact.Personal!.Value));
        Assert.Equal("{\"answer\":1}", Text((await Journal.FindAnswerAsync(stream, "e1"))!.Answer));
    }

    [Fact]
    public async Task A_stream_is_read_after_a_seq_and_at_most_max_facts_at_a_time()
    {
        var stream = NewStream();
        for (var seq = 1; seq <= 10; seq++)
        {
            await Journal.AppendAsync(Append(stream, $"e{seq}", Fact(seq)));
        }

        Assert.Equal([4L, 5, 6], (await Journal.ReadStreamAsync(stream, 3, 3)).Select(f => f.Seq));
        Assert.Equal([10L], (await Journal.ReadStreamAsync(stream, 9, 100)).Select(f => f.Seq));
        Assert.Empty(await Journal.ReadStreamAsync(stream, 10, 100));
        Assert.Empty(await Journal.ReadStreamAsync(NewStream(), 0, 100));
    }

    [Fact]
    public async Task An_append_whose_seq_exists_conflicts_and_stores_nothing_of_itself()
    {
        var stream = NewStream();
        await Journal.AppendAsync(Append(stream, "e1", Fact(1), Fact(2)));

        var conflict = await Assert.ThrowsAsync<JournalConflictException>(async () => await Journal.AppendAsync(Append(stream, "e2", Fact(2), Fact(3))));
        Assert.Null(conflict.AnsweredEventId);

        Assert.Equal([1L, 2], (await Journal.ReadStreamAsync(stream, 0, 100)).Select(f => f.Seq));
        Assert.Null(await Journal.FindAnswerAsync(stream, "e2"));
        Assert.Equal(2, (await Journal.ReadTenantSettledAsync(stream.TenantId)).Count);
    }

    [Fact]
    public async Task An_event_id_that_has_an_answer_conflicts_and_stores_nothing_of_the_append()
    {
        var stream = NewStream();
        await Journal.AppendAsync(Append(stream, "e1", Fact(1)));

        // The conflict names the event id, so a conversation knows the event was a repeat.
        Assert.Equal("e1", (await Assert.ThrowsAsync<JournalConflictException>(async () => await Journal.AppendAsync(Append(stream, "e1", Fact(2))))).AnsweredEventId);
        Assert.Equal("e1", (await Assert.ThrowsAsync<JournalConflictException>(async () => await Journal.AppendAsync(Append(stream, "e1")))).AnsweredEventId);

        Assert.Equal([1L], (await Journal.ReadStreamAsync(stream, 0, 100)).Select(f => f.Seq));
        Assert.Equal("answer e1", Text((await Journal.FindAnswerAsync(stream, "e1"))!.Answer));
    }

    [Fact]
    public async Task Answers_are_found_however_old()
    {
        var stream = NewStream();
        for (var seq = 1; seq <= 300; seq++)
        {
            await Journal.AppendAsync(Append(stream, $"e{seq}", Fact(seq)));
        }

        var first = await Journal.FindAnswerAsync(stream, "e1");
        var last = await Journal.FindAnswerAsync(stream, "e300");

        Assert.Equal(1, first!.LastSeq);
        Assert.Equal("answer e1", Text(first.Answer));
        Assert.Equal(300, last!.LastSeq);
        Assert.Null(await Journal.FindAnswerAsync(stream, "e301"));
    }

    [Fact]
    public async Task An_event_that_added_no_fact_is_found_by_its_id_with_the_streams_last_seq()
    {
        var stream = NewStream();
        await Journal.AppendAsync(Append(stream, "nothing-yet"));
        await Journal.AppendAsync(Append(stream, "e1", Fact(1), Fact(2)));
        await Journal.AppendAsync(Append(stream, "nothing-changed"));

        Assert.Equal(0, (await Journal.FindAnswerAsync(stream, "nothing-yet"))!.LastSeq);
        Assert.Equal(2, (await Journal.FindAnswerAsync(stream, "e1"))!.LastSeq);
        var unchanged = await Journal.FindAnswerAsync(stream, "nothing-changed");
        Assert.Equal(2, unchanged!.LastSeq);
        Assert.Equal("answer nothing-changed", Text(unchanged.Answer));
        Assert.Equal(2, (await Journal.ReadStreamAsync(stream, 0, 100)).Count);
    }

    [Fact]
    public async Task An_append_without_facts_or_event_id_changes_nothing()
    {
        var stream = NewStream();

        await Journal.AppendAsync(new JournalAppend(stream, null, [], ReadOnlyMemory<byte>.Empty));

        Assert.Empty(await Journal.ReadStreamAsync(stream, 0, 100));
        Assert.Empty(await Journal.ReadTenantSettledAsync(stream.TenantId));
    }

    [Fact]
    public async Task An_event_id_belongs_to_its_stream()
    {
        var stream = NewStream();
        var sibling = stream with { StreamId = "c/other" };
        var otherTenant = stream with { TenantId = NewTenant() };

        await Journal.AppendAsync(Append(stream, "e1", Fact(1)));
        await Journal.AppendAsync(Append(sibling, "e1", Fact(1)));
        await Journal.AppendAsync(Append(otherTenant, "e1", Fact(1)));

        Assert.NotNull(await Journal.FindAnswerAsync(sibling, "e1"));
        Assert.NotNull(await Journal.FindAnswerAsync(otherTenant, "e1"));
        Assert.Single(await Journal.ReadStreamAsync(otherTenant, 0, 100));
    }

    [Fact]
    public async Task Seqs_that_are_not_positive_and_consecutive_or_missing_ids_are_refused()
    {
        var stream = NewStream();

        await Assert.ThrowsAsync<ArgumentException>(async () => await Journal.AppendAsync(Append(stream, "e", Fact(0))));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Journal.AppendAsync(Append(stream, "e", Fact(1), Fact(3))));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Journal.AppendAsync(Append(stream, "e", Fact(2), Fact(1))));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Journal.AppendAsync(Append(stream with { TenantId = "" }, "e", Fact(1))));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Journal.AppendAsync(Append(stream, "", Fact(1))));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Journal.AppendAsync(Append(stream, "e", Fact(1) with { Type = "a\0b" })));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Journal.AppendAsync(
            Append(stream, "e", Enumerable.Range(1, JournalAppend.MaxFacts + 1).Select(seq => Fact(seq)).ToArray())));

        Assert.Empty(await Journal.ReadStreamAsync(stream, 0, 100));
    }

    [Fact]
    public async Task Tenant_positions_are_unique_and_increasing_and_miss_no_fact_under_concurrent_appends_from_many_streams()
    {
        var tenant = NewTenant();
        const int Streams = 40;
        const int Appends = 15;
        // Each stream appends one to three facts at a time, after its previous append completed; the streams run at once.
        await Task.WhenAll(Enumerable.Range(0, Streams).Select(s => Task.Run(async () =>
        {
            var stream = new StreamKey(tenant, $"c/{s}");
            var seq = 0L;
            for (var i = 0; i < Appends; i++)
            {
                var facts = Enumerable.Range(1, 1 + (s + i) % 3).Select(_ => Fact(++seq)).ToArray();
                await Journal.AppendAsync(Append(stream, $"e{i}", facts));
            }
        })));

        var all = await Journal.ReadTenantSettledAsync(tenant);

        var expected = Enumerable.Range(0, Streams).Sum(s => Enumerable.Range(0, Appends).Sum(i => 1 + (s + i) % 3));
        Assert.Equal(expected, all.Count);
        AssertIncreasing(all);
        Assert.Equal(expected, all.Select(f => (f.Stream, f.Fact.Seq)).Distinct().Count());
        foreach (var stream in all.GroupBy(f => f.Stream))
        {
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(s => (long)s), stream.Select(f => f.Fact.Seq));
        }
    }

    [Fact]
    public async Task A_tenant_reader_sees_only_its_tenants_facts_in_the_order_they_were_appended()
    {
        var acme = new StreamKey(NewTenant(), "c/1");
        var globex = new StreamKey(NewTenant(), "c/1");
        await Journal.AppendAsync(Append(acme, "e1", Fact(1), Fact(2)));
        await Journal.AppendAsync(Append(globex, "e1", Fact(1)));
        await Journal.AppendAsync(Append(acme, "e2", Fact(3)));

        var acmeFacts = await Journal.ReadTenantSettledAsync(acme.TenantId);
        var globexFacts = await Journal.ReadTenantSettledAsync(globex.TenantId);

        Assert.Equal([1L, 2, 3], acmeFacts.Select(f => f.Fact.Seq));
        AssertIncreasing(acmeFacts);
        Assert.All(acmeFacts, f => Assert.Equal(acme, f.Stream));
        Assert.Equal(globex, Assert.Single(globexFacts).Stream);
        Assert.Empty(await Journal.ReadTenantAsync(NewTenant(), 0, 100));
    }

    [Fact]
    public async Task A_tenant_reader_resumes_after_its_last_position_in_pages()
    {
        var tenant = NewTenant();
        for (var i = 1; i <= 25; i++)
        {
            await Journal.AppendAsync(Append(new StreamKey(tenant, $"c/{i % 4}"), $"e{i}", Fact(1 + (i - 1) / 4)));
        }

        var whole = await Journal.ReadTenantSettledAsync(tenant);
        var paged = new List<TenantFact>();
        for (var page = await Journal.ReadTenantAsync(tenant, 0, 7); page.Count > 0; page = await Journal.ReadTenantAsync(tenant, paged[^1].Position, 7))
        {
            Assert.True(page.Count <= 7);
            paged.AddRange(page);
        }
        paged.RemoveAll(IsMarker);

        Assert.Equal(25, paged.Count);
        Assert.Equal(whole.Select(f => (f.Position, f.Stream, f.Fact.Seq)), paged.Select(f => (f.Position, f.Stream, f.Fact.Seq)));
        AssertIncreasing(paged);
        Assert.Equal(
            whole.Skip(23).Select(f => f.Position),
            (await Journal.ReadTenantAsync(tenant, whole[22].Position, 100)).Where(f => !IsMarker(f)).Select(f => f.Position));
    }

    [Fact]
    public async Task A_streams_facts_from_a_position_on_are_read_with_their_positions_in_seq_order_and_no_other_streams()
    {
        var tenant = NewTenant();
        var mine = new StreamKey(tenant, "c/mine");
        for (var i = 1; i <= 12; i++)
        {
            // Another stream's facts between each of mine.
            await Journal.AppendAsync(Append(mine, $"m{i}", Fact(i)));
            await Journal.AppendAsync(Append(new StreamKey(tenant, $"c/other{i % 3}"), $"o{i}", Fact(1 + (i - 1) / 3)));
        }
        var whole = (await Journal.ReadTenantSettledAsync(tenant)).Where(f => f.Stream == mine).ToList();
        Assert.Equal(12, whole.Count);

        var from = await Journal.ReadStreamFromAsync(mine, whole[4].Position, 100);
        var limited = await Journal.ReadStreamFromAsync(mine, whole[4].Position, 3);
        var all = await Journal.ReadStreamFromAsync(mine, 0, 100);

        Assert.Equal(whole.Skip(4).Select(f => (f.Position, f.Fact.Seq)), from.Select(f => (f.Position, f.Fact.Seq)));
        Assert.All(from, f => Assert.Equal(mine, f.Stream));
        Assert.Equal(whole[4].Fact.Data.ToArray(), from[0].Fact.Data.ToArray());
        Assert.Equal([5L, 6L, 7L], limited.Select(f => f.Fact.Seq));
        Assert.Equal(whole.Select(f => f.Position), all.Select(f => f.Position));
        Assert.Empty(await Journal.ReadStreamFromAsync(mine, whole[^1].Position + 1, 100));
        Assert.Empty(await Journal.ReadStreamFromAsync(new StreamKey(tenant, "c/none"), 0, 100));
        Assert.Empty(await Journal.ReadStreamFromAsync(new StreamKey(NewTenant(), "c/mine"), 0, 100));
    }

    [Fact]
    public async Task A_tenants_head_is_its_last_readable_position_and_a_reader_after_it_reads_only_later_facts()
    {
        var stream = NewStream();
        Assert.Equal(0, await Journal.TenantHeadAsync(stream.TenantId));
        await Journal.AppendAsync(Append(stream, "e1", Fact(1), Fact(2)));
        var before = await Journal.ReadTenantSettledAsync(stream.TenantId);

        var head = await Journal.TenantHeadAsync(stream.TenantId);

        Assert.True(head >= before.Max(f => f.Position), $"head {head} is before a fact that was read");
        await Journal.AppendAsync(Append(stream, "e2", Fact(3)));
        var after = await Journal.ReadTenantSettledAsync(stream.TenantId, head);
        Assert.Equal([3L], after.Select(f => f.Fact.Seq));
        Assert.Equal(0, await Journal.TenantHeadAsync(NewTenant()));
    }

    [Fact]
    public async Task A_tenant_has_facts_once_any_of_its_streams_has_one_whenever_they_happened_and_its_id_is_matched_exactly()
    {
        var stream = new StreamKey(NewTenant(), "a/agent-1");
        Assert.False(await Journal.TenantHasFactsAsync(stream.TenantId));
        await Journal.SaveCheckpointAsync(stream, 0, new byte[] { 1 });
        Assert.False(await Journal.TenantHasFactsAsync(stream.TenantId));

        await Journal.AppendAsync(Append(stream, "e1", Fact(1, at: Noon.AddYears(-3))));

        Assert.True(await Journal.TenantHasFactsAsync(stream.TenantId));
        Assert.False(await Journal.TenantHasFactsAsync(stream.TenantId.ToUpperInvariant()));
        Assert.False(await Journal.TenantHasFactsAsync(stream.TenantId[..^1]));
        Assert.False(await Journal.TenantHasFactsAsync(NewTenant()));
    }

    [Fact]
    public async Task An_append_with_facts_tells_its_tenant_once_it_is_stored()
    {
        var stream = NewStream();
        var told = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Heard(string tenant)
        {
            if (tenant == stream.TenantId)
            {
                told.Enqueue(tenant);
            }
        }
        Journal.TenantAppended += Heard;
        try
        {
            await Journal.AppendAsync(Append(stream, "e1", Fact(1)));
            Assert.Single(told);
            // The append is readable by the time its tenant is told.
            Assert.Equal([1L], (await Journal.ReadStreamAsync(stream, 0, 10)).Select(f => f.Seq));
            await Journal.AppendAsync(new JournalAppend(stream, "e2", [], Bytes("no facts")));
            Assert.Single(told);
        }
        finally
        {
            Journal.TenantAppended -= Heard;
        }
    }

    [Fact]
    public async Task A_checkpoint_only_moves_forward()
    {
        var stream = NewStream();
        Assert.Null(await Journal.LoadCheckpointAsync(stream));

        await Journal.SaveCheckpointAsync(stream, 5, Bytes("state 5"));
        await Journal.SaveCheckpointAsync(stream, 3, Bytes("state 3"));
        var afterOlder = await Journal.LoadCheckpointAsync(stream);
        await Journal.SaveCheckpointAsync(stream, 8, Bytes("state 8"));
        var afterNewer = await Journal.LoadCheckpointAsync(stream);

        Assert.Equal(5, afterOlder!.Seq);
        Assert.Equal("state 5", Text(afterOlder.State));
        Assert.Equal(8, afterNewer!.Seq);
        Assert.Equal("state 8", Text(afterNewer.State));
        Assert.InRange(afterNewer.SavedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Null(await Journal.LoadCheckpointAsync(stream with { StreamId = "c/other" }));
    }

    [Fact]
    public async Task A_stream_is_loaded_as_its_latest_checkpoint_and_the_facts_after_it_in_one_read()
    {
        var stream = NewStream();
        await Journal.AppendAsync(Append(stream, "e1", Fact(1), Fact(2, personal: "{\"text\":\"Halo\"}")));
        await Journal.AppendAsync(Append(stream, "e2", Fact(3), Fact(4)));
        await Journal.AppendAsync(Append(stream, "e3", Fact(5)));

        var fresh = await Journal.LoadStreamAsync(stream, 100);
        var firstPage = await Journal.LoadStreamAsync(stream, 3);
        await Journal.SaveCheckpointAsync(stream, 2, Bytes("state 2"));
        var afterCheckpoint = await Journal.LoadStreamAsync(stream, 100);
        await Journal.SaveCheckpointAsync(stream, 5, Bytes("state 5"));
        var upToDate = await Journal.LoadStreamAsync(stream, 100);

        Assert.Null(fresh.Checkpoint);
        Assert.Equal([1L, 2, 3, 4, 5], fresh.Facts.Select(f => f.Seq));
        Assert.Equal("{\"text\":\"Halo\"}", Text(fresh.Facts[1].Personal!.Value));
        Assert.Equal("{\"n\":4}", Text(fresh.Facts[3].Data));
        Assert.Equal([1L, 2, 3], firstPage.Facts.Select(f => f.Seq));
        Assert.Equal(2, afterCheckpoint.Checkpoint!.Seq);
        Assert.Equal("state 2", Text(afterCheckpoint.Checkpoint.State));
        Assert.Equal([3L, 4, 5], afterCheckpoint.Facts.Select(f => f.Seq));
        Assert.Equal(5, upToDate.Checkpoint!.Seq);
        Assert.Empty(upToDate.Facts);
        var unknown = await Journal.LoadStreamAsync(stream with { StreamId = "c/other" }, 100);
        Assert.Null(unknown.Checkpoint);
        Assert.Empty(unknown.Facts);
    }

    [Fact]
    public async Task Erasing_a_stream_removes_its_personal_parts_and_checkpoint_for_good_and_keeps_the_rest()
    {
        var stream = NewStream();
        var neighbour = stream with { StreamId = "c/neighbour" };
        await Journal.AppendAsync(Append(stream, "e1", Fact(1, personal: "{\"text\":\"nomor saya 0812\"}"), Fact(2)));
        await Journal.AppendAsync(Append(stream, "e2", Fact(3, personal: "{\"customerId\":\"cust-9\"}")));
        await Journal.AppendAsync(Append(neighbour, "e1", Fact(1, personal: "{\"text\":\"tetangga\"}")));
        await Journal.SaveCheckpointAsync(stream, 3, Bytes("state with personal data"));
        await Journal.SaveCheckpointAsync(neighbour, 1, Bytes("neighbour state"));

        var erased = await Journal.ErasePersonalAsync(stream);
        var again = await Journal.ErasePersonalAsync(stream);

        Assert.Equal(2, erased);
        Assert.Equal(0, again);
        var facts = await Journal.ReadStreamAsync(stream, 0, 100);
        Assert.All(facts, f => Assert.Null(f.Personal));
        Assert.Equal(["{\"n\":1}", "{\"n\":2}", "{\"n\":3}"], facts.Select(f => Text(f.Data)));
        Assert.All(await Journal.ReadTenantSettledAsync(stream.TenantId), f => Assert.Equal(f.Stream == neighbour, f.Fact.Personal is not null));
        Assert.Null(await Journal.LoadCheckpointAsync(stream));
        Assert.NotNull(await Journal.LoadCheckpointAsync(neighbour));
        Assert.NotNull(await Journal.FindAnswerAsync(stream, "e2"));
    }

    [Fact]
    public async Task Retention_erases_the_personal_parts_of_the_tenants_older_facts_only()
    {
        var old = NewStream();
        var recent = old with { StreamId = "c/recent" };
        var otherTenant = new StreamKey(NewTenant(), "c/1");
        await Journal.AppendAsync(Append(old, "e1", Fact(1, personal: "\"a\"", at: Noon.AddDays(-40)), Fact(2, at: Noon.AddDays(-40))));
        await Journal.AppendAsync(Append(old, "e2", Fact(3, personal: "\"b\"", at: Noon.AddDays(-1))));
        await Journal.AppendAsync(Append(recent, "e1", Fact(1, personal: "\"c\"", at: Noon)));
        await Journal.AppendAsync(Append(otherTenant, "e1", Fact(1, personal: "\"d\"", at: Noon.AddDays(-40))));
        await Journal.SaveCheckpointAsync(old, 3, Bytes("old state"));
        await Journal.SaveCheckpointAsync(recent, 1, Bytes("recent state"));

        var erased = await Journal.ErasePersonalBeforeAsync(old.TenantId, Noon.AddDays(-30));

        Assert.Equal(1, erased);
        var oldFacts = await Journal.ReadStreamAsync(old, 0, 100);
        Assert.Null(oldFacts[0].Personal);
        Assert.Equal("{\"n\":1}", Text(oldFacts[0].Data));
        Assert.Equal("\"b\"", Text(oldFacts[2].Personal!.Value));
        Assert.Equal("\"c\"", Text((await Journal.ReadStreamAsync(recent, 0, 100))[0].Personal!.Value));
        Assert.Equal("\"d\"", Text((await Journal.ReadStreamAsync(otherTenant, 0, 100))[0].Personal!.Value));
        Assert.Null(await Journal.LoadCheckpointAsync(old));
        Assert.NotNull(await Journal.LoadCheckpointAsync(recent));
        Assert.Equal(0, await Journal.ErasePersonalBeforeAsync(old.TenantId, Noon.AddDays(-30)));
    }

    /// <summary>Each position greater than the one before: a reader's cursor only ever moves forward.</summary>
    protected static void AssertIncreasing(IReadOnlyList<TenantFact> facts)
    {
        for (var i = 1; i < facts.Count; i++)
        {
            Assert.True(facts[i].Position > facts[i - 1].Position, $"position {facts[i].Position} follows {facts[i - 1].Position}");
        }
    }

    [Fact]
    public async Task The_streams_active_in_a_period_are_found_each_once_in_the_order_of_their_first_fact_in_it_and_paged()
    {
        var tenant = NewTenant();
        StreamKey Stream(string id) => new(tenant, id);
        // c/old started before the period and speaks in it; c/late only after it; c/gone only before it.
        await Journal.AppendAsync(Append(Stream("c/old"), "e1", Fact(1, at: Noon.AddHours(-5))));
        await Journal.AppendAsync(Append(Stream("c/b"), "e1", Fact(1, at: Noon.AddMinutes(2)), Fact(2, at: Noon.AddMinutes(3))));
        await Journal.AppendAsync(Append(Stream("c/a"), "e1", Fact(1, at: Noon.AddMinutes(1))));
        await Journal.AppendAsync(Append(Stream("c/old"), "e2", Fact(2, at: Noon.AddMinutes(4))));
        await Journal.AppendAsync(Append(Stream("c/b"), "e2", Fact(3, at: Noon.AddMinutes(5))));
        await Journal.AppendAsync(Append(Stream("c/same"), "e1", Fact(1, at: Noon.AddMinutes(5))));
        await Journal.AppendAsync(Append(Stream("a/agent"), "e1", Fact(1, at: Noon.AddMinutes(1))));
        await Journal.AppendAsync(Append(Stream("c/late"), "e1", Fact(1, at: Noon.AddHours(2))));
        await Journal.AppendAsync(Append(Stream("c/gone"), "e1", Fact(1, at: Noon.AddHours(-3))));
        await Journal.AppendAsync(Append(Stream("c/edge"), "e1", Fact(1, at: Noon)));
        await Journal.AppendAsync(Append(new StreamKey(NewTenant(), "c/foreign"), "e1", Fact(1, at: Noon.AddMinutes(1))));
        await Journal.ReadTenantSettledAsync(tenant);

        var all = await Journal.ReadActiveStreamsAsync(tenant, "c/", Noon, Noon.AddHours(1), null, 100);
        var paged = new List<ActiveStream>();
        for (var page = await Journal.ReadActiveStreamsAsync(tenant, "c/", Noon, Noon.AddHours(1), null, 2);
             page.Count > 0;
             page = await Journal.ReadActiveStreamsAsync(tenant, "c/", Noon, Noon.AddHours(1), paged[^1], 2))
        {
            Assert.True(page.Count <= 2);
            paged.AddRange(page);
        }

        Assert.Equal(["c/edge", "c/a", "c/b", "c/old", "c/same"], all.Select(s => s.StreamId));
        Assert.Equal([Noon, Noon.AddMinutes(1), Noon.AddMinutes(2), Noon.AddMinutes(4), Noon.AddMinutes(5)], all.Select(s => s.FirstAt));
        Assert.Equal(all.Select(s => (s.StreamId, s.FirstAt, s.Position)), paged.Select(s => (s.StreamId, s.FirstAt, s.Position)));
        Assert.Equal(["a/agent"], (await Journal.ReadActiveStreamsAsync(tenant, "a/", Noon, Noon.AddHours(1), null, 100)).Select(s => s.StreamId));
        Assert.Empty(await Journal.ReadActiveStreamsAsync(tenant, "c/", Noon.AddHours(3), Noon.AddHours(4), null, 100));
    }

    [Fact]
    public async Task A_period_bound_between_two_microseconds_finds_a_stream_active_on_the_microsecond_before_in_the_period_it_ends_and_not_in_the_one_it_starts()
    {
        var tenant = NewTenant();
        await Journal.AppendAsync(Append(new StreamKey(tenant, "c/on-noon"), "e1", Fact(1, at: Noon)));
        await Journal.ReadTenantSettledAsync(tenant);

        var starting = await Journal.ReadActiveStreamsAsync(tenant, "c/", Noon.AddTicks(1), Noon.AddHours(1), null, 100);
        var ending = await Journal.ReadActiveStreamsAsync(tenant, "c/", Noon.AddHours(-1), Noon.AddTicks(1), null, 100);
        var endingOnIt = await Journal.ReadActiveStreamsAsync(tenant, "c/", Noon.AddHours(-1), Noon, null, 100);

        Assert.Empty(starting);
        Assert.Equal(["c/on-noon"], ending.Select(s => s.StreamId));
        Assert.Empty(endingOnIt);
    }
}
