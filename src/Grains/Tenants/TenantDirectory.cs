using System.Collections.Frozen;
using Microsoft.Extensions.Configuration;

namespace CxCluster.Grains.Tenants;

/// <summary>Every configured tenant's policy; the embedded default is the single tenant <c>demo</c>.</summary>
public sealed class TenantDirectory
{
    public const string Section = "Tenants";

    public const string DemoTenantId = EmbeddedDefault.TenantId;

    private readonly FrozenDictionary<string, TenantPolicy> _policies;

    public TenantDirectory(IEnumerable<TenantPolicy> policies)
    {
        _policies = policies.ToFrozenDictionary(p => p.TenantId, StringComparer.Ordinal);
        IsEmbeddedDefault = false;
    }

    private TenantDirectory(TenantPolicy demo, bool embedded) : this([demo]) => IsEmbeddedDefault = embedded;

    /// <summary>True when no tenant was configured and the demo tenant stands in.</summary>
    public bool IsEmbeddedDefault { get; }

    public IEnumerable<string> TenantIds => _policies.Keys;

    /// <summary>The tenant's policy; a tenant the silo was not told of gets the default rules under its own name.</summary>
    public TenantPolicy Get(string tenantId) =>
        _policies.TryGetValue(tenantId, out var policy) ? policy : new TenantPolicy { TenantId = tenantId, BrandName = tenantId };

    /// <summary>Reads <c>Tenants:{tenantId}:…</c>; throws naming the setting when a value is out of range.</summary>
    public static TenantDirectory FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var tenants = section.GetChildren().ToList();
        if (tenants.Count == 0)
        {
            return new TenantDirectory(new TenantPolicy { TenantId = DemoTenantId, BrandName = "CxCluster Demo" }, embedded: true);
        }
        return new TenantDirectory(tenants.Select(ReadPolicy));
    }

    private static TenantPolicy ReadPolicy(IConfigurationSection tenant)
    {
        var id = tenant.Key;
        string Setting(string name) => $"{Section}:{id}:{name}";
        // The tenant id leads every grain key, so it may not contain the key separator or anything an id may not.
        if (!GrainKeys.IsValidId(id))
        {
            throw new InvalidOperationException($"{Section}:{id}: a tenant id is 1-128 letters, digits, '-', '_', '.' or ':'.");
        }
        var defaults = new TenantPolicy { TenantId = id, BrandName = id };

        var channel = defaults.DefaultChannel;
        var channelText = tenant["DefaultChannel"];
        if (channelText is not null && !WireNames.TryParseChannel(channelText, out channel))
        {
            throw new InvalidOperationException($"{Setting("DefaultChannel")}: '{channelText}' is not a channel ({string.Join(", ", WireNames.ChannelValues)}).");
        }

        var threshold = tenant.GetValue("Threshold", defaults.Threshold);
        var warning = tenant.GetValue("WarningLevel", defaults.WarningLevel);
        if (threshold is < 0 or > 100 || warning is < 0 or > 100 || warning < threshold)
        {
            throw new InvalidOperationException(
                $"{Setting("Threshold")} ({threshold}) and {Setting("WarningLevel")} ({warning}) must lie in 0..100 with the threshold not above the warning level.");
        }

        var halfLife = tenant.GetValue("TrustHalfLifeSeconds", defaults.TrustHalfLife.TotalSeconds);
        var handling = tenant.GetValue("AverageHandlingSeconds", defaults.AverageHandlingTime.TotalSeconds);
        if (halfLife <= 0 || handling <= 0)
        {
            throw new InvalidOperationException($"{Setting("TrustHalfLifeSeconds")} and {Setting("AverageHandlingSeconds")} must be positive.");
        }

        var retentionDays = tenant.GetValue<int?>("MessageRetentionDays");
        if (retentionDays is < 1 or > 36_500)
        {
            throw new InvalidOperationException($"{Setting("MessageRetentionDays")} ({retentionDays}) must be a whole number of days in 1..36500, or left out to keep messages until erasure.");
        }

        var texts = new Dictionary<string, CustomerTextSet>(StringComparer.OrdinalIgnoreCase);
        foreach (var locale in tenant.GetSection("Texts").GetChildren())
        {
            texts[locale.Key] = locale.Get<CustomerTextSet>() ?? new CustomerTextSet();
        }

        return new TenantPolicy
        {
            TenantId = id,
            BrandName = tenant["BrandName"] ?? id,
            DefaultChannel = channel,
            DefaultLocale = tenant["DefaultLocale"] ?? defaults.DefaultLocale,
            Threshold = threshold,
            WarningLevel = warning,
            TrustHalfLife = TimeSpan.FromSeconds(halfLife),
            AverageHandlingTime = TimeSpan.FromSeconds(handling),
            MessageRetention = retentionDays is { } days ? TimeSpan.FromDays(days) : null,
            Texts = texts,
        };
    }
}
