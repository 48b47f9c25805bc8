namespace CxCluster.Settings;

/// <summary>How a tenant's conversations reach its human agents (<c>Tenants:{tenantId}:Routing</c>).</summary>
public sealed class RoutingPolicy
{
    /// <summary>Default steps: the customer's language and channel at once, any channel of their language after a minute.</summary>
    public static IReadOnlyList<RoutingStep> DefaultSteps { get; } =
    [
        new(TimeSpan.Zero, RoutingMatch.LanguageAndChannel),
        new(TimeSpan.FromSeconds(60), RoutingMatch.Language),
    ];

    /// <summary>How long an agent has to accept an offer; zero assigns without an offer.</summary>
    public TimeSpan OfferTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an assigned agent has to send a first message before the conversation is reclaimed; zero: no limit.</summary>
    public TimeSpan FirstReply { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The status an agent is moved to when an offer or a first reply timed out.</summary>
    public AgentStatus NotRespondingStatus { get; init; } = AgentStatus.Away;

    /// <summary>How a waiting conversation widens, first step first: each comes after a longer wait and matches more agents.</summary>
    public IReadOnlyList<RoutingStep> Steps { get; init; } = DefaultSteps;

    public bool OffersOn => OfferTimeout > TimeSpan.Zero;

    /// <summary>The index of the last step a wait of <paramref name="waited"/> has reached (0 before any widening).</summary>
    public int StepReachedAfter(TimeSpan waited)
    {
        var reached = 0;
        for (var i = 1; i < Steps.Count && Steps[i].After <= waited; i++)
        {
            reached = i;
        }
        return reached;
    }

    /// <summary>The index of the first step that matches any channel of the customer's language; null when the steps never widen so.</summary>
    public int? WideningStep
    {
        get
        {
            for (var i = 0; i < Steps.Count; i++)
            {
                if (Steps[i].Match == RoutingMatch.Language)
                {
                    return i;
                }
            }
            return null;
        }
    }
}

/// <summary>From <see cref="After"/> of waiting on, agents that match <see cref="Match"/> may take the conversation.</summary>
public sealed record RoutingStep(TimeSpan After, RoutingMatch Match);

/// <summary>Which agents a waiting conversation may go to. The customer's language is never widened away.</summary>
public enum RoutingMatch
{
    /// <summary><c>language+channel</c>: agents who speak the language and serve the channel.</summary>
    LanguageAndChannel,
    /// <summary><c>language</c>: agents who speak the language, on any channel.</summary>
    Language,
}
