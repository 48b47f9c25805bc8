using System.Security.Cryptography;
using System.Text;

namespace CxCluster.Api.Tenants;

/// <summary>
/// Every tenant's API keys (<see cref="TenantPolicy.ApiKeys"/>, configuration <c>Tenants:{tenantId}:ApiKeys:{n}</c>)
/// and read-only supervisor keys (<see cref="TenantPolicy.SupervisorKeys"/>), held as SHA-256 digests and compared in
/// constant time; without any tenant, the embedded demo tenant's key.
/// </summary>
public sealed class TenantKeyRing
{
    private readonly (string TenantId, TenantRole Role, byte[] Digest)[] keys;

    /// <summary>The keys of the tenants the host was configured with; the settings checked them at start (unique, not empty).</summary>
    public TenantKeyRing(CxClusterSettings settings)
    {
        keys = settings.Tenants
            .SelectMany(t => t.ApiKeys.Select(key => (t.TenantId, TenantRole.Full, Digest(key)))
                .Concat(t.SupervisorKeys.Select(key => (t.TenantId, TenantRole.Supervisor, Digest(key)))))
            .ToArray();
        TenantIds = settings.Tenants.Select(t => t.TenantId).Order(StringComparer.Ordinal).ToArray();
        TenantsWithoutKeys = settings.Tenants.Where(t => t.ApiKeys.Count == 0).Select(t => t.TenantId).Order(StringComparer.Ordinal).ToArray();
        IsEmbeddedDemo = settings.IsEmbeddedDefault;
    }

    public IReadOnlyList<string> TenantIds { get; }

    /// <summary>Tenants configured with a policy but no key: nobody can call as them.</summary>
    public IReadOnlyList<string> TenantsWithoutKeys { get; }

    /// <summary>True when no tenant was configured and the demo tenant stands in.</summary>
    public bool IsEmbeddedDemo { get; }

    /// <summary>The tenant whose key this is, or null; compares against every key without stopping early.</summary>
    public string? FindTenant(string presentedKey) => Find(presentedKey)?.TenantId;

    /// <summary>The tenant and role of the key, or null; compares against every key without stopping early.</summary>
    public TenantKey? Find(string presentedKey)
    {
        var presented = Digest(presentedKey);
        TenantKey? found = null;
        foreach (var (candidate, role, digest) in keys)
        {
            var same = CryptographicOperations.FixedTimeEquals(presented, digest);
            found = same ? new TenantKey(candidate, role) : found;
        }
        return found;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
