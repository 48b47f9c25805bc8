namespace CxCluster.Settings;

/// <summary>
/// Reads the <c>Tenants</c> tree: per tenant its API keys and its policy. Without any tenant, the embedded default's
/// single tenant <c>demo</c> (key <c>demo-key</c>) stands in.
/// </summary>
internal static class TenantSettings
{
    public const string Section = "Tenants";

    /// <summary>The tenant that stands in when none is configured: for demos on the embedded default only.</summary>
    public static TenantPolicy Demo(RoutingPolicy routing) => new()
    {
        TenantId = EmbeddedDefault.TenantId,
        BrandName = "CxCluster Demo",
        ApiKeys = [EmbeddedDefault.ApiKey],
        Routing = routing,
    };

    private static readonly string[] Known =
    [
        "ApiKeys", "SupervisorKeys", "BrandName", "DefaultChannel", "DefaultLocale", "Threshold", "WarningLevel",
        "TrustHalfLifeSeconds", "TrustFullWeightSeconds", "AverageHandlingSeconds", "MessageRetentionDays", "Texts", "Routing",
    ];

    private static readonly string[] KnownRouting = ["OfferTimeoutSeconds", "FirstReplySeconds", "NotRespondingStatus", "Steps"];

    private static readonly string[] KnownTexts =
    [
        nameof(CustomerTextSet.Disclosure), nameof(CustomerTextSet.DisclosureByChannel), nameof(CustomerTextSet.IdentityAi),
        nameof(CustomerTextSet.IdentityHuman), nameof(CustomerTextSet.IdentityWaiting), nameof(CustomerTextSet.OfferHuman),
        nameof(CustomerTextSet.HandoffAssigned), nameof(CustomerTextSet.HandoffQueued), nameof(CustomerTextSet.HandoffQueuedSoon),
        nameof(CustomerTextSet.HandoffQueuedNoEstimate), nameof(CustomerTextSet.HandoffReclaimed),
    ];

    private static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(365);

    /// <summary>Every configured tenant, in configuration order; empty when there is no <c>Tenants</c> section.</summary>
    public static IReadOnlyList<TenantPolicy> Read(IConfiguration configuration, SettingsReader reader, RoutingPolicy routing)
    {
        var tenants = configuration.GetSection(Section).GetChildren().Select(tenant => ReadTenant(tenant, reader, routing)).ToList();
        CheckKeysAreUnique(tenants, reader);
        return tenants;
    }

    private static TenantPolicy ReadTenant(IConfigurationSection tenant, SettingsReader reader, RoutingPolicy routing)
    {
        var id = tenant.Key;
        // The tenant id leads every grain key, so it may not contain the key separator or anything an id may not.
        if (!GrainKeys.IsValidId(id))
        {
            reader.Problem($"{tenant.Path}: a tenant id is 1-128 letters, digits, '-', '_', '.' or ':', not '{id}'");
        }
        reader.OnlyKnown(tenant, "a tenant setting", Known);
        var defaults = new TenantPolicy { TenantId = id, BrandName = id };

        var channel = defaults.DefaultChannel;
        if (SettingsReader.Text(tenant, "DefaultChannel") is { } channelText && !WireNames.TryParseChannel(channelText, out channel))
        {
            reader.Problem($"{SettingsReader.Key(tenant, "DefaultChannel")} must be a channel ({string.Join(", ", WireNames.ChannelValues)}), not '{channelText}'");
        }

        var threshold = reader.Int(tenant, "Threshold", defaults.Threshold, 0, 100);
        var warning = reader.Int(tenant, "WarningLevel", defaults.WarningLevel, 0, 100);
        if (warning < threshold)
        {
            reader.Problem($"{SettingsReader.Key(tenant, "WarningLevel")} ({warning}) must not be below {SettingsReader.Key(tenant, "Threshold")} ({threshold})");
        }

        return new TenantPolicy
        {
            TenantId = id,
            ApiKeys = ReadKeys(tenant.GetSection("ApiKeys"), reader, "an API key"),
            SupervisorKeys = ReadKeys(tenant.GetSection("SupervisorKeys"), reader, "a supervisor key"),
            BrandName = SettingsReader.Text(tenant, "BrandName") ?? id,
            DefaultChannel = channel,
            DefaultLocale = SettingsReader.Text(tenant, "DefaultLocale") ?? defaults.DefaultLocale,
            Threshold = threshold,
            WarningLevel = warning,
            TrustHalfLife = reader.Seconds(tenant, "TrustHalfLifeSeconds", defaults.TrustHalfLife, 0, LongestPeriod),
            TrustFullWeight = reader.Seconds(tenant, "TrustFullWeightSeconds", defaults.TrustFullWeight, 0, LongestPeriod, minIncluded: true),
            AverageHandlingTime = reader.Seconds(tenant, "AverageHandlingSeconds", defaults.AverageHandlingTime, 0, LongestPeriod),
            MessageRetention = reader.OptionalInt(tenant, "MessageRetentionDays", 1, 36_500) is { } days ? TimeSpan.FromDays(days) : null,
            Texts = ReadTexts(tenant.GetSection("Texts"), reader),
            Routing = ReadRouting(tenant.GetSection("Routing"), reader, routing),
        };
    }

    /// <summary>A routing section, each key falling back on <paramref name="defaults"/>.</summary>
    public static RoutingPolicy ReadRouting(IConfigurationSection routing, SettingsReader reader, RoutingPolicy defaults)
    {
        reader.OnlyKnown(routing, "a routing setting", KnownRouting);
        var notResponding = defaults.NotRespondingStatus;
        if (SettingsReader.Text(routing, "NotRespondingStatus") is { } statusText
            && !(WireNames.TryParseAgentStatus(statusText, out notResponding) && notResponding != AgentStatus.Available))
        {
            reader.Problem($"{SettingsReader.Key(routing, "NotRespondingStatus")} must be away or offline, not '{statusText}'");
            notResponding = defaults.NotRespondingStatus;
        }
        return new RoutingPolicy
        {
            OfferTimeout = reader.Seconds(routing, "OfferTimeoutSeconds", defaults.OfferTimeout, 0, TimeSpan.FromHours(1), minIncluded: true),
            FirstReply = reader.Seconds(routing, "FirstReplySeconds", defaults.FirstReply, 0, TimeSpan.FromDays(1), minIncluded: true),
            NotRespondingStatus = notResponding,
            Steps = ReadSteps(routing.GetSection("Steps"), reader, defaults.Steps) ?? defaults.Steps,
        };
    }

    /// <summary>
    /// The steps in order; each waits longer than the one before and never narrows what the one before matched. A list
    /// whose first step names its <c>match</c> is the whole list. Otherwise a step set key by key overrides that key of
    /// the step of the same number in <paramref name="defaults"/> (so <c>Steps:1:after=90</c> alone only makes the
    /// default second step wait longer), a step beyond the defaults names both keys, and the list is as long as the
    /// defaults or the highest step set, whichever is longer.
    /// </summary>
    private static List<RoutingStep>? ReadSteps(IConfigurationSection section, SettingsReader reader, IReadOnlyList<RoutingStep> defaults)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return null;
        }
        var numbered = new SortedDictionary<int, IConfigurationSection>();
        foreach (var child in children)
        {
            if (!int.TryParse(child.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) || index > 99)
            {
                reader.Problem($"{section.Path} must be a list of steps numbered from 0 ({section.Path}:0:after, {section.Path}:0:match, ...), not '{child.Path}'");
                return null;
            }
            numbered[index] = child;
        }
        // A list whose first step names its match is the whole list, as it always was ("Steps:0:match=language+channel"
        // alone never widens); otherwise each key set overrides that key of the default step of the same number.
        var whole = numbered.TryGetValue(0, out var first) && SettingsReader.Text(first, "match") is not null;
        var count = whole ? numbered.Keys.Max() + 1 : Math.Max(defaults.Count, numbered.Keys.Max() + 1);
        var steps = new List<RoutingStep>();
        for (var index = 0; index < count; index++)
        {
            var fallback = whole ? (index == 0 ? new RoutingStep(TimeSpan.Zero, RoutingMatch.LanguageAndChannel) : null)
                : index < defaults.Count ? defaults[index] : null;
            if (!numbered.TryGetValue(index, out var step))
            {
                if (fallback is null)
                {
                    reader.Problem($"{section.Path}:{index} is missing: steps are numbered from 0 without gaps ({section.Path}:{index}:after and {section.Path}:{index}:match)");
                    return null;
                }
                steps.Add(fallback);
                continue;
            }
            reader.OnlyKnown(step, "a routing step setting", "after", "match");
            if (fallback is null && SettingsReader.Text(step, "after") is null)
            {
                reader.Problem($"{SettingsReader.Key(step, "after")} must be set: {(whole ? "a list set from its first step takes nothing from the default steps" : $"the default routing has no step {index} to take it from")}");
            }
            var after = reader.Seconds(step, "after", fallback?.After ?? TimeSpan.Zero, 0, TimeSpan.FromDays(1), minIncluded: true);
            var matchText = SettingsReader.Text(step, "match");
            RoutingMatch match;
            if (matchText is null && fallback is not null)
            {
                match = fallback.Match;
            }
            else if (!TryParseMatch(matchText, out match))
            {
                reader.Problem($"{SettingsReader.Key(step, "match")} must be language+channel or language, not '{matchText}'");
                continue;
            }
            if (steps.Count == 0 && after != TimeSpan.Zero)
            {
                reader.Problem($"{SettingsReader.Key(step, "after")} must be 0: the first step matches a conversation from the moment it waits");
            }
            if (steps.Count > 0 && (after <= steps[^1].After || match < steps[^1].Match))
            {
                reader.Problem($"{step.Path} must wait longer than the step before it ({steps[^1].After.TotalSeconds:0.###} s) and match at least as many agents");
            }
            steps.Add(new RoutingStep(after, match));
        }
        return steps;
    }

    private static bool TryParseMatch(string? text, out RoutingMatch match)
    {
        match = text?.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "language+channel" => RoutingMatch.LanguageAndChannel,
            "language" => RoutingMatch.Language,
            _ => (RoutingMatch)(-1),
        };
        return Enum.IsDefined(match);
    }

    private static List<string> ReadKeys(IConfigurationSection keys, SettingsReader reader, string what)
    {
        var read = new List<string>();
        foreach (var key in keys.GetChildren())
        {
            if (string.IsNullOrWhiteSpace(key.Value))
            {
                reader.Problem($"{key.Path} must be {what}, not empty");
                continue;
            }
            read.Add(key.Value);
        }
        return read;
    }

    private static Dictionary<string, CustomerTextSet> ReadTexts(IConfigurationSection texts, SettingsReader reader)
    {
        var byLocale = new Dictionary<string, CustomerTextSet>(StringComparer.OrdinalIgnoreCase);
        foreach (var locale in texts.GetChildren())
        {
            reader.OnlyKnown(locale, "a customer text", KnownTexts);
            foreach (var channel in locale.GetSection(nameof(CustomerTextSet.DisclosureByChannel)).GetChildren())
            {
                if (!WireNames.TryParseChannel(channel.Key, out _))
                {
                    reader.Problem($"{channel.Path}: '{channel.Key}' is not a channel ({string.Join(", ", WireNames.ChannelValues)})");
                }
            }
            byLocale[locale.Key] = locale.Get<CustomerTextSet>() ?? new CustomerTextSet();
        }
        return byLocale;
    }

    /// <summary>Every key, API or supervisor, names one tenant and one role. The message names where the key repeats, never the key: it may reach a log.</summary>
    private static void CheckKeysAreUnique(IReadOnlyList<TenantPolicy> tenants, SettingsReader reader)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            foreach (var (kind, keys) in new[] { ("ApiKeys", tenant.ApiKeys), ("SupervisorKeys", tenant.SupervisorKeys) })
            {
                var where = $"{Section}:{tenant.TenantId}:{kind}";
                foreach (var key in keys)
                {
                    if (!first.TryAdd(key, where))
                    {
                        reader.Problem($"{where} repeats an API key of {first[key]}; every key must name one tenant and one role");
                    }
                }
            }
        }
    }
}
