using System.Collections.Concurrent;
using CxCluster.Grains.Tenants;

namespace CxCluster.Grains.Disclosure;

/// <summary>
/// Finds each customer-facing text for a tenant and locale: the locale, then its language, then the tenant's default
/// locale and its language; at each step the tenant's own text before the built-in one.
/// </summary>
public sealed class CustomerTexts(TenantDirectory tenants)
{
    private readonly ConcurrentDictionary<(string Tenant, string Locale), LocalizedTexts> _resolved = new();

    public LocalizedTexts For(string tenantId, string locale) =>
        _resolved.GetOrAdd((tenantId, locale), key => Resolve(tenants.Get(key.Tenant), key.Locale));

    internal static LocalizedTexts Resolve(TenantPolicy policy, string locale)
    {
        var steps = new[] { locale, GrainKeys.Language(locale), policy.DefaultLocale, GrainKeys.Language(policy.DefaultLocale), BuiltInTexts.LastResortLanguage }
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        var sets = steps
            .SelectMany(step => new[] { policy.Texts.GetValueOrDefault(step), BuiltInTexts.ByLocale.GetValueOrDefault(step) }
                .OfType<CustomerTextSet>()
                .Select(set => (Step: step, Set: set)))
            .ToArray();

        (string Step, string Text) Find(Func<CustomerTextSet, string?> field)
        {
            foreach (var (step, set) in sets)
            {
                if (field(set) is { } text && !string.IsNullOrWhiteSpace(text))
                {
                    return (step, text);
                }
            }

            throw new InvalidOperationException("The built-in texts lack a field.");
        }

        string Pick(Func<CustomerTextSet, string?> field) => Find(field).Text;

        var disclosures = Enum.GetValues<Channel>().ToDictionary(
            channel => channel,
            channel => Find(set => set.DisclosureByChannel.GetValueOrDefault(channel.Name()) ?? set.Disclosure));

        return new LocalizedTexts(
            policy.BrandName,
            disclosures.ToDictionary(kv => kv.Key, kv => kv.Value.Text),
            disclosures.ToDictionary(kv => kv.Key, kv => WrittenFor(locale, policy.DefaultLocale, kv.Value.Step)),
            Pick(s => s.IdentityAi),
            Pick(s => s.IdentityHuman),
            Pick(s => s.IdentityWaiting),
            Pick(s => s.OfferHuman),
            Pick(s => s.HandoffAssigned),
            Pick(s => s.HandoffQueued),
            Pick(s => s.HandoffQueuedSoon),
            Pick(s => s.HandoffQueuedNoEstimate),
            Pick(s => s.HandoffReclaimed));
    }

    /// <summary>
    /// The locale a text found at <paramref name="step"/> speaks to the customer in: the customer's own locale while the
    /// text is in their language ("en-GB" told with the "en" text); otherwise the tenant's default locale when the text is
    /// in its language ("fr-FR" told with the "id" text of a tenant whose default is "id-ID" is told in "id-ID"), or the
    /// locale the text was found for. So the record of a disclosure says the language it was given in.
    /// </summary>
    private static string WrittenFor(string locale, string defaultLocale, string step) =>
        SameLanguage(step, locale) ? locale
        : SameLanguage(step, defaultLocale) ? defaultLocale
        : step;

    private static bool SameLanguage(string a, string b) =>
        string.Equals(GrainKeys.Language(a), GrainKeys.Language(b), StringComparison.OrdinalIgnoreCase);
}

/// <summary>The texts for one tenant and locale, with their placeholders filled in on request.</summary>
public sealed class LocalizedTexts(
    string brand,
    IReadOnlyDictionary<Channel, string> disclosures,
    IReadOnlyDictionary<Channel, string> disclosureLocales,
    string identityAi,
    string identityHuman,
    string identityWaiting,
    string offerHuman,
    string handoffAssigned,
    string handoffQueued,
    string handoffQueuedSoon,
    string handoffQueuedNoEstimate,
    string handoffReclaimed)
{
    private readonly Dictionary<Channel, string> _disclosures = disclosures.ToDictionary(kv => kv.Key, kv => Fill(kv.Value, brand));
    private readonly string _identityAi = Fill(identityAi, brand);
    private readonly string _identityWaiting = Fill(identityWaiting, brand);
    private readonly string _offerHuman = Fill(offerHuman, brand);
    private readonly string _handoffReclaimed = Fill(handoffReclaimed, brand);

    private readonly Dictionary<Channel, string> _disclosureLocales = disclosureLocales.ToDictionary();

    /// <summary>The same string instance every time, so conversations in memory share it.</summary>
    public string Disclosure(Channel channel) => _disclosures[channel];

    /// <summary>The locale the disclosure of <paramref name="channel"/> is written in: the conversation's own, or the one it fell back to in another language.</summary>
    public string DisclosureLocale(Channel channel) => _disclosureLocales[channel];

    public string OfferHuman => _offerHuman;

    public string Identity(ConversationStatus status, string? agentName) => status switch
    {
        ConversationStatus.Human => Fill(identityHuman, brand, agentName),
        ConversationStatus.Queued => _identityWaiting,
        _ => _identityAi,
    };

    /// <summary>The agent who had the conversation did not answer in time: another is being found.</summary>
    public string HandoffReclaimed => _handoffReclaimed;

    public string HandoffAssigned(string agentName) => Fill(handoffAssigned, brand, agentName);

    /// <summary>
    /// Where the customer is in the queue and how long they may wait: an agent in a moment when the estimate is a minute
    /// or less, the estimate in whole minutes (two or more) when longer, no estimate when none can be made.
    /// </summary>
    public string HandoffQueued(int position, int? estimatedWaitSeconds) => estimatedWaitSeconds switch
    {
        null => Fill(handoffQueuedNoEstimate, brand, position: position),
        <= 60 => Fill(handoffQueuedSoon, brand, position: position),
        { } wait => Fill(handoffQueued, brand, position: position, minutes: (int)Math.Ceiling(wait / 60.0)),
    };

    /// <summary>
    /// The template with its placeholders filled in one pass over the template only, so a value that holds a
    /// placeholder's name (an agent called "Rina {minutes}") is written as it is. An unknown name in braces stays.
    /// </summary>
    private static string Fill(string template, string brand, string? agent = null, int? position = null, int? minutes = null)
    {
        if (!template.Contains('{'))
        {
            return template;
        }

        var text = new System.Text.StringBuilder(template.Length + 32);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            if (open < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }

            text.Append(template, at, open - at);
            var close = template.IndexOf('}', open + 1);
            string? value = close < 0 ? null : template.AsSpan(open + 1, close - open - 1) switch
            {
                "brand" => brand,
                "agent" => agent ?? "",
                "position" => position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                "minutes" => minutes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                _ => null,
            };
            if (value is null)
            {
                text.Append('{');
                at = open + 1;
                continue;
            }

            text.Append(value);
            at = close + 1;
        }

        return text.ToString();
    }
}
