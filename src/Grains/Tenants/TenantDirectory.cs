using System.Collections.Frozen;

namespace CxCluster.Grains.Tenants;

/// <summary>Every configured tenant's policy, by tenant id; the embedded default is the single tenant <c>demo</c>.</summary>
public sealed class TenantDirectory
{
    private readonly FrozenDictionary<string, TenantPolicy> _policies;
    private readonly RoutingPolicy _defaultRouting = new();

    public TenantDirectory(IEnumerable<TenantPolicy> policies) =>
        _policies = policies.ToFrozenDictionary(p => p.TenantId, StringComparer.Ordinal);

    /// <summary>The tenants the host was configured with (<see cref="CxClusterSettings.Tenants"/>).</summary>
    public TenantDirectory(CxClusterSettings settings) : this(settings.Tenants)
    {
        IsEmbeddedDefault = settings.IsEmbeddedDefault;
        _defaultRouting = settings.DefaultRouting;
    }

    /// <summary>True when no tenant was configured and the demo tenant stands in.</summary>
    public bool IsEmbeddedDefault { get; }

    public IEnumerable<string> TenantIds => _policies.Keys;

    /// <summary>The tenant's policy; a tenant the silo was not told of gets the default rules under its own name.</summary>
    public TenantPolicy Get(string tenantId) =>
        _policies.TryGetValue(tenantId, out var policy) ? policy : new TenantPolicy { TenantId = tenantId, BrandName = tenantId, Routing = _defaultRouting };
}
