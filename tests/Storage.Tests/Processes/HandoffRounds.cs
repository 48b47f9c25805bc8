namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// Handoff work in small rounds, each on new grains: two new agents and four new customers who all ask for a person
/// in a language partition of the round's own (so its pool is a new grain too), then agents becoming available,
/// completing, going away, and customers leaving while queued or with an agent. Every step of a handoff happens in
/// every round; with new grains each round, some of them are placed on any silo that has just joined. With
/// <paramref name="offers"/> (the cluster makes offers), the agents answer them as an agent's desktop does: the first
/// agent accepts what it is offered, the second declines its first offer and accepts the next.
/// </summary>
public sealed class HandoffRounds(HttpPlatform platform, string prefix, bool offers = false)
{
    /// <summary>How long an agent waits for an offer it expects before the round goes on without it.</summary>
    private static readonly TimeSpan OfferWait = TimeSpan.FromSeconds(5);

    /// <summary>How often an agent's desktop asks for its open offers.</summary>
    private static readonly TimeSpan OfferPoll = TimeSpan.FromMilliseconds(100);

    private static int _languages;

    /// <summary>Plays rounds on <paramref name="workers"/> concurrent workers until <paramref name="stop"/>; no new request after it.</summary>
    public async Task<int> DriveAsync(int workers, CancellationToken stop)
    {
        var rounds = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                await PlayRoundAsync($"{prefix}-w{worker}-r{round}", stop);
                Interlocked.Increment(ref rounds);
            }
        })));
        return rounds;
    }

    private async Task PlayRoundAsync(string round, CancellationToken stop)
    {
        // ISO 639 keeps qaa–qtz for private use: a new partition (pool grain) per round without pretending to be a language.
        var n = Interlocked.Increment(ref _languages) % 520;
        var language = $"q{(char)('a' + (n / 26))}{(char)('a' + (n % 26))}";
        var (first, second) = ($"{round}-a1", $"{round}-a2");

        async Task<bool> Then(Func<Task> action)
        {
            if (stop.IsCancellationRequested)
            {
                return false;
            }
            await action();
            return true;
        }

        if (!await Then(() => platform.RegisterAgentAsync(first, capacity: 1, [language], ["chat"]))
            || !await Then(() => platform.RegisterAgentAsync(second, capacity: 1, [language], ["chat"]))
            || !await Then(() => platform.SetStatusAsync(first, "available")))
        {
            return;
        }

        var customers = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => AskForPersonAsync($"{round}-c{i}", language, stop)));
        if (customers.Any(c => c is null))
        {
            return;
        }

        _ = await Then(() => AnswerOffersAsync(first, declineFirst: false, stop))
            && await Then(() => platform.SetStatusAsync(second, "available"))
            && await Then(() => AnswerOffersAsync(second, declineFirst: true, stop))
            && await Then(() => CompleteAllAsync(first, stop))
            && await Then(() => AnswerOffersAsync(first, declineFirst: false, stop))
            && await Then(() => platform.EndAsync(customers[3]!))
            && await Then(() => platform.EndAsync(customers[1]!))
            && await Then(() => platform.SetStatusAsync(first, "away"))
            && await Then(() => CompleteAllAsync(second, stop))
            && await Then(() => platform.SetStatusAsync(second, "away"))
            && await Then(() => platform.SetStatusAsync(first, "available"));
    }

    /// <summary>A customer who is told about the AI, says what is wrong, and asks for a person; null if stopped first.</summary>
    private async Task<PlayedConversation?> AskForPersonAsync(string id, string language, CancellationToken stop)
    {
        if (stop.IsCancellationRequested)
        {
            return null;
        }
        var conversation = platform.Begin(id, language);
        await platform.EventAsync(conversation, "conversation.started", e => { e["channel"] = "chat"; e["locale"] = language; });
        Func<Task>[] steps =
        [
            () => platform.EventAsync(conversation, "ai.message", e => e["text"] = "Halo! Ada yang bisa saya bantu?"),
            () => platform.DeliverDisclosuresAsync(conversation),
            () => platform.EventAsync(conversation, "customer.message", e => e["text"] = $"pesanan {id} belum sampai"),
            () => platform.EventAsync(conversation, "customer.message", e => e["text"] = "saya mau bicara dengan CS dong"),
            () => platform.EventAsync(conversation, "ai.message", e => e["text"] = "Mohon tunggu sebentar ya."),
        ];
        foreach (var step in steps)
        {
            if (stop.IsCancellationRequested)
            {
                return null;
            }
            await step();
        }
        return conversation;
    }

    /// <summary>
    /// With offers on, waits (up to <see cref="OfferWait"/>) for the agent to be offered a conversation and accepts it;
    /// with <paramref name="declineFirst"/>, declines the first one and accepts the next. Nothing without offers.
    /// </summary>
    private async Task AnswerOffersAsync(string agentId, bool declineFirst, CancellationToken stop)
    {
        if (!offers)
        {
            return;
        }
        var decline = declineFirst;
        // A few offers at most: one that ended before its answer (409) is followed by the next, never forever.
        for (var tries = 0; tries < 4 && await NextOfferAsync(agentId, stop) is var (offerId, conversationId); tries++)
        {
            var answered = await platform.AnswerOfferAsync(agentId, offerId, conversationId, accept: !decline);
            if (!decline && answered)
            {
                return;
            }
            decline = false;
        }
    }

    /// <summary>An offer the agent has open, once it has one; null if none came in time or the rounds stop.</summary>
    private async Task<(string OfferId, string ConversationId)?> NextOfferAsync(string agentId, CancellationToken stop)
    {
        var until = DateTime.UtcNow + OfferWait;
        while (!stop.IsCancellationRequested)
        {
            if ((await platform.OffersAsync(agentId)) is [var offer, ..])
            {
                return offer;
            }
            if (DateTime.UtcNow >= until)
            {
                return null;
            }
            await Task.Delay(OfferPoll, CancellationToken.None);
        }
        return null;
    }

    private async Task CompleteAllAsync(string agentId, CancellationToken stop)
    {
        foreach (var held in await platform.HeldByAsync(agentId))
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }
            if (platform.Conversations.TryGetValue(held, out var conversation))
            {
                await platform.CompleteAsync(agentId, conversation);
            }
        }
    }
}
