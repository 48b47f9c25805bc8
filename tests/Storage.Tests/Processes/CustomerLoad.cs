namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// Customers in Indonesian and English chatting with the AI at a customer's pace, some asking for a person, some
/// breaking the bot's trust, some leaving; and agents answering the offers made to them and completing, now and then, a
/// conversation they hold. Each lane
/// plays one conversation after another until the load is wound down, then finishes the one it is in.
/// </summary>
public sealed class CustomerLoad(HttpPlatform platform, string prefix, int seed)
{
    private static readonly string[] IndonesianQuestions =
    [
        "saldo saya belum masuk, pesanan nomor {0}", "paket saya belum sampai, resi {0}", "bagaimana cara ganti alamat pengiriman {0}",
        "kenapa tagihan bulan ini lebih mahal {0}", "promo ongkir masih berlaku tidak {0}", "aplikasi error terus waktu bayar {0}",
    ];

    private static readonly string[] EnglishQuestions =
    [
        "my refund has not arrived yet, order {0}", "where is my parcel, tracking {0}", "how do I change my delivery address {0}",
        "why is this month's bill higher {0}", "is the free shipping promo still on {0}", "the app keeps failing at checkout {0}",
    ];

    public async Task PlayAsync(int lanes, CancellationToken windDown) =>
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(lane => Task.Run(async () =>
        {
            var random = new Random(HashCode.Combine(seed, lane));
            for (var n = 0; !windDown.IsCancellationRequested; n++)
            {
                await PlayOneAsync($"{prefix}-{lane}-{n}", random, windDown);
            }
        })));

    /// <summary>Now and then an agent completes one of the conversations it holds, until <paramref name="stop"/>.</summary>
    public async Task CompleteNowAndThenAsync(CancellationToken stop)
    {
        var random = new Random(seed);
        var agents = platform.Agents.Keys.Order().ToArray();
        while (!stop.IsCancellationRequested)
        {
            await Pace(random, 100, 300);
            var agent = agents[random.Next(agents.Length)];
            var held = await platform.HeldByAsync(agent);
            if (held.Count > 0 && platform.Conversations.TryGetValue(held[random.Next(held.Count)], out var conversation))
            {
                await platform.CompleteAsync(agent, conversation);
            }
        }
    }

    /// <summary>
    /// With offers on, agents answer the offers made to them, one agent's desktop after another, until
    /// <paramref name="stop"/>: nine in ten accepted, the others declined.
    /// </summary>
    public async Task AnswerOffersAsync(CancellationToken stop)
    {
        var random = new Random(seed + 1);
        var agents = platform.Agents.Keys.Order().ToArray();
        while (!stop.IsCancellationRequested)
        {
            await Pace(random, 50, 150);
            var agent = agents[random.Next(agents.Length)];
            foreach (var (offerId, conversationId) in await platform.OffersAsync(agent))
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }
                await platform.AnswerOfferAsync(agent, offerId, conversationId, accept: random.Next(10) > 0);
            }
        }
    }

    private async Task PlayOneAsync(string id, Random random, CancellationToken windDown)
    {
        var indonesian = random.Next(2) == 0;
        var conversation = platform.Begin(id, indonesian ? "id-ID" : "en-US");
        await platform.EventAsync(conversation, "conversation.started", e => { e["channel"] = "chat"; e["locale"] = conversation.Locale; });
        // The AI greets before the platform confirmed the notice: the answer puts the disclosure first.
        await Ai(conversation, indonesian ? "Halo! Ada yang bisa saya bantu?" : "Hi! How can I help you today?");

        var exchanges = random.Next(6, 13);
        var askForPersonAt = random.Next(100) < 35 ? random.Next(1, exchanges + 1) : 0;
        var breakTrustAt = askForPersonAt == 0 && random.Next(100) < 10 ? random.Next(1, exchanges + 1) : 0;
        var questions = indonesian ? IndonesianQuestions : EnglishQuestions;
        for (var k = 1; k <= exchanges && !windDown.IsCancellationRequested; k++)
        {
            await Pace(random, 100, 400);
            var text = k == askForPersonAt
                ? indonesian ? "saya mau bicara dengan CS dong" : "I want to talk to a human agent please"
                : string.Format(questions[random.Next(questions.Length)], $"{k}{random.Next(10, 99)}");
            await platform.EventAsync(conversation, "customer.message", e => e["text"] = text);
            if (k == breakTrustAt)
            {
                for (var i = 0; i < 3; i++)
                {
                    await platform.EventAsync(conversation, "signal", e => { e["name"] = "nlu.no_match"; e["value"] = 1; });
                }
            }
            await Pace(random, 50, 200);
            await Ai(conversation, indonesian ? $"Baik, saya bantu cek ya ({k})." : $"Sure, let me check that for you ({k}).");
        }
        if (random.Next(100) < 30)
        {
            await platform.EndAsync(conversation);
        }
    }

    private async Task Ai(PlayedConversation conversation, string text)
    {
        await platform.EventAsync(conversation, "ai.message", e => e["text"] = text);
        await platform.DeliverDisclosuresAsync(conversation);
    }

    /// <summary>A customer's (or an agent's) pace between two actions; it shapes the load, it waits for nothing.</summary>
    private static Task Pace(Random random, int minMs, int maxMs) => Task.Delay(random.Next(minMs, maxMs));
}
