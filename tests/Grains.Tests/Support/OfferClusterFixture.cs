using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace CxCluster.Grains.Tests.Support;

/// <summary>
/// Two silos whose tenants get offers, with deadlines short enough for tests to see them pass: an agent has
/// <see cref="OfferSeconds"/> to answer an offer and <see cref="FirstReplySeconds"/> to write first once assigned.
/// </summary>
public sealed class OfferClusterFixture() : TwoSiloFixture(Configuration, silo => silo.AddIncomingGrainCallFilter<LostAgentWords>())
{
    public const double OfferSeconds = 4;
    public const double FirstReplySeconds = 4;
    /// <summary>A tenant whose waiting conversations may go to agents of their language on any channel after one second.</summary>
    public const string WideningTenant = "widening-offers";
    /// <summary>
    /// Conversations whose id starts with this never hear an agent's one-way word of how its offer ended or that it went
    /// offline (see <see cref="LostAgentWords"/>).
    /// </summary>
    public const string DeafToOfferEnds = "deaf-";
    /// <summary>Conversations whose id starts with this never hear an agent's one-way word of an offer at all: neither its making nor its end.</summary>
    public const string DeafToOffers = "mute-";
    /// <summary>
    /// Conversations whose id starts with this never hear from an agent or a pool that the agent took them (the call
    /// fails, as with a silo that died): they learn it from the queue they ask.
    /// </summary>
    public const string DeafToAssignments = "unassigned-";
    /// <summary>
    /// Conversations whose id starts with this have their pool forget an agent's word that it accepted an offer of them,
    /// once the pool has answered it (as a pool whose silo died before it stored the word): the pool still shows the offer.
    /// </summary>
    public const string ForgottenAccepts = "forgotten-";
    /// <summary>
    /// Conversations whose id starts with this have moved on by the time their pool hears an agent accepted one of their
    /// offers: the pool answers that it no longer waits, the first time 0.3 s late (a pool slow to answer).
    /// </summary>
    public const string MovedOnAccepts = "moved-on-";

    /// <summary>Whether a pool of <paramref name="tenantId"/> was asked about an accepted offer of <paramref name="conversationId"/>, one of <see cref="MovedOnAccepts"/>.</summary>
    public bool PoolAskedOfAcceptance(string tenantId, string conversationId) =>
        Cluster.Silos.SelectMany(silo => silo.ServiceProvider.GetServices<IIncomingGrainCallFilter>()).OfType<LostAgentWords>().Any(words => words.Heard(tenantId, conversationId));
    /// <summary>A tenant whose agents have ten minutes to write first, so no first-reply deadline comes within a test.</summary>
    public const string PatientTenant = "patient-replies";
    /// <summary>A tenant whose agents have ten minutes to write first, for one test alone (its queues hold nobody else's customers).</summary>
    public const string PatientAloneTenant = "patient-alone";
    /// <summary>Two more such tenants, each for one test alone.</summary>
    public const string PatientAloneTenant2 = "patient-alone-2";
    public const string PatientAloneTenant3 = "patient-alone-3";
    /// <summary>A tenant whose agents who let an offer expire go offline, and have ten minutes to write first.</summary>
    public const string OfflineWhenSilentTenant = "offline-when-silent";

    public static IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Routing:OfferTimeoutSeconds"] = OfferSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Routing:FirstReplySeconds"] = FirstReplySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Handoffs:ReconcileSeconds"] = "1",
            [$"Tenants:{PatientTenant}:Routing:FirstReplySeconds"] = "600",
            [$"Tenants:{PatientAloneTenant}:Routing:FirstReplySeconds"] = "600",
            [$"Tenants:{PatientAloneTenant2}:Routing:FirstReplySeconds"] = "600",
            [$"Tenants:{PatientAloneTenant3}:Routing:FirstReplySeconds"] = "600",
            [$"Tenants:{OfflineWhenSilentTenant}:Routing:FirstReplySeconds"] = "600",
            [$"Tenants:{OfflineWhenSilentTenant}:Routing:NotRespondingStatus"] = "offline",
            [$"Tenants:{WideningTenant}:Routing:Steps:0:after"] = "0",
            [$"Tenants:{WideningTenant}:Routing:Steps:0:match"] = "language+channel",
            [$"Tenants:{WideningTenant}:Routing:Steps:1:after"] = "1",
            [$"Tenants:{WideningTenant}:Routing:Steps:1:match"] = "language",
        })
        .Build();

}

/// <summary>
/// Drops every agent's one-way word of how an offer ended, or that it went offline, on its way to a conversation whose
/// id starts with <see cref="OfferClusterFixture.DeafToOfferEnds"/>, and every word of an offer to one whose id starts
/// with <see cref="OfferClusterFixture.DeafToOffers"/>, as a silo that died with that message would; fails every word of
/// an assignment to one whose id starts with <see cref="OfferClusterFixture.DeafToAssignments"/>; and answers a pool's
/// word of an accepted offer of one whose id starts with <see cref="OfferClusterFixture.ForgottenAccepts"/> without the pool,
/// and of one whose id starts with <see cref="OfferClusterFixture.MovedOnAccepts"/> as no longer waiting.
/// </summary>
public sealed class LostAgentWords : IIncomingGrainCallFilter
{
    /// <summary>How many words of an acceptance each pool heard of each conversation, by tenant and conversation id.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Tenant, string Conversation), int> _movedOnWords = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.MethodName == nameof(IAgentPoolGrain.SettleOffer)
            && context.Request.GetArgument(0) is OfferSettlement { Outcome: OfferOutcome.Accepted } movedOn
            && movedOn.ConversationId.StartsWith(OfferClusterFixture.MovedOnAccepts, StringComparison.Ordinal))
        {
            var tenant = context.TargetId.Key.ToString()!.Split(GrainKeys.Separator)[0];
            if (_movedOnWords.AddOrUpdate((tenant, movedOn.ConversationId), 1, (_, words) => words + 1) == 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300));
            }
            context.Result = false;
            return;
        }
        await Lose(context);
    }

    public bool Heard(string tenantId, string conversationId) => _movedOnWords.ContainsKey((tenantId, conversationId));

    private static Task Lose(IIncomingGrainCallContext context)
    {
        if (context.MethodName == nameof(IAgentPoolGrain.SettleOffer)
            && context.Request.GetArgument(0) is OfferSettlement { Outcome: OfferOutcome.Accepted } accepted
            && accepted.ConversationId.StartsWith(OfferClusterFixture.ForgottenAccepts, StringComparison.Ordinal))
        {
            context.Result = true;
            return Task.CompletedTask;
        }
        if (context.MethodName is nameof(IConversationGrain.OnAgentAssigned) or nameof(IConversationGrain.CheckAssignment)
            && context.TargetId.Key.ToString()!.Split(GrainKeys.Separator)[^1].StartsWith(OfferClusterFixture.DeafToAssignments, StringComparison.Ordinal))
        {
            return Task.FromException(new TimeoutException("The conversation's silo did not answer."));
        }
        if (context.MethodName is not (nameof(IConversationGrain.OnAgentOffline) or nameof(IConversationGrain.OnOfferChanged)))
        {
            return context.Invoke();
        }
        var conversationId = context.TargetId.Key.ToString()!.Split(GrainKeys.Separator)[^1];
        bool lost = conversationId.StartsWith(OfferClusterFixture.DeafToOffers, StringComparison.Ordinal) && context.MethodName == nameof(IConversationGrain.OnOfferChanged)
            || (conversationId.StartsWith(OfferClusterFixture.DeafToOfferEnds, StringComparison.Ordinal)
                && (context.MethodName == nameof(IConversationGrain.OnAgentOffline) || context.Request.GetArgument(0) is HandoffOfferNotice { Outcome: not null }));
        return lost ? Task.CompletedTask : context.Invoke();
    }
}

[CollectionDefinition(Name)]
public sealed class OfferClusterCollection : ICollectionFixture<OfferClusterFixture>
{
    public const string Name = "offer-cluster";
}
