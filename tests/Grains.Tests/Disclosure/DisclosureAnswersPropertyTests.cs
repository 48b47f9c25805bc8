using CxCluster.Grains.Conversations;
using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Tenants;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Disclosure;

/// <summary>
/// What the platform is told, over random sequences of events and of the grain's own steps (placements, an agent
/// handing back): every <c>allow-ai</c> comes after a <c>disclose</c> for the channel the customer is on, in the
/// same answer or confirmed by a <c>disclosure.delivered</c> since, and never after a human had the conversation
/// unless a new notice was shown since.
/// </summary>
public sealed class DisclosureAnswersPropertyTests
{
    private static readonly DateTimeOffset Present = Now.AddYears(1);

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 100; seed < 160; seed++)
        {
            seeds.Add(seed);
        }
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_allowed_ai_message_follows_a_notice_shown_on_the_customers_channel(int seed)
    {
        var tenants = new TenantDirectory([new TenantPolicy { TenantId = "acme", BrandName = "Acme", DefaultLocale = "id-ID" }]);
        var state = new ConversationState();
        var decider = new ConversationDecider("c1", state, tenants.Get("acme"), new CustomerTexts(tenants), new ConversationSettings());
        var random = new Random(seed);
        var channels = Enum.GetValues<Channel>();

        // The platform's view: the channel it put the customer on, the last notice it was told to show, and whether
        // that notice is confirmed and still good (no human took over since it was shown).
        Channel? channel = null;
        DiscloseDirective? lastShown = null;
        var confirmed = false;
        var staleSinceHuman = false;
        var allowed = 0;

        for (var i = 0; i < 300 && state.Status != ConversationStatus.Ended; i++)
        {
            var at = Now.AddSeconds(i);
            if (state.Status == ConversationStatus.Queued && random.Next(4) == 0)
            {
                var assign = random.Next(2) == 0;
                decider.Place(state.Handoff!, assign
                    ? new HandoffPlacement { Status = HandoffStatus.Assigned, AgentId = "a1", AgentDisplayName = "Sari" }
                    : new HandoffPlacement { Status = HandoffStatus.Queued, QueuePosition = 1 }, at);
                decider.TakeFacts();
                continue;
            }
            if (state.Status == ConversationStatus.Human && random.Next(4) == 0)
            {
                decider.TakeOver(at);
                decider.TakeFacts();
                staleSinceHuman = true;
                continue;
            }

            ConversationEvent e = random.Next(10) switch
            {
                0 => Started(channels[random.Next(channels.Length)], random.Next(2) == 0 ? "id-ID" : "en-US", at),
                1 => Switched(channels[random.Next(channels.Length)], at),
                2 or 3 or 4 => Ai("reply", at),
                5 => Customer(random.Next(3) == 0 ? "saya mau bicara dengan CS" : "where is my order", at),
                6 => Signal("nlu.no_match", 1, at),
                7 or 8 when lastShown is not null => Delivered(lastShown.DisclosureId, at),
                9 when state.Status == ConversationStatus.Human => Agent("a1", "halo, saya Sari", at),
                _ => Customer("ok", at),
            };
            var decision = decider.Decide(e, Present);
            Assert.Null(decision.Refusal);
            decider.TakeFacts();

            switch (e)
            {
                case ConversationStartedEvent started:
                    channel = started.Channel;
                    break;
                case ChannelSwitchedEvent switched:
                    channel = switched.Channel;
                    break;
                case DisclosureDeliveredEvent delivered when delivered.DisclosureId == lastShown?.DisclosureId:
                    confirmed = true;
                    break;
            }
            // An event before any start starts the conversation on the tenant's default channel.
            channel ??= Channel.Chat;

            foreach (var directive in decision.Directives)
            {
                switch (directive)
                {
                    case DiscloseDirective shown:
                        if (shown.DisclosureId != lastShown?.DisclosureId)
                        {
                            confirmed = false;
                        }
                        lastShown = shown;
                        staleSinceHuman = false;
                        break;
                    case AllowAiDirective:
                        allowed++;
                        Assert.NotNull(lastShown);
                        Assert.Equal(channel, lastShown.Channel);
                        Assert.False(staleSinceHuman, "an AI message was allowed after a human without a new notice");
                        Assert.True(confirmed || decision.Directives.Contains(lastShown),
                            $"an AI message was allowed with notice {lastShown.DisclosureId} neither confirmed nor in the answer");
                        break;
                }
            }
        }
        Assert.True(allowed > 0, "the sequence never allowed an AI message: it proves nothing");
    }
}
