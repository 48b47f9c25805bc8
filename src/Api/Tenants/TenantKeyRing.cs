using CxCluster.ServiceDefaults;
using System.Security.Cryptography;
using System.Text;

namespace CxCluster.Api.Tenants;

/// <summary>
/// Every tenant's API keys (configuration <c>Tenants:{tenantId}:ApiKeys:{n}</c>), held as SHA-256 digests and
/// compared in constant time; without a <c>Tenants</c> section, the embedded demo tenant.
/// </summary>
public sealed class TenantKeyRing
{
    public const string Section = "Tenants";
    public const string DemoTenantId = EmbeddedDefault.TenantId;
    public const string DemoKey = EmbeddedDefault.ApiKey;

    private readonly (string TenantId, byte[] Digest)[] keys;

    private TenantKeyRing(IReadOnlyDictionary<string, IReadOnlyList<string>> keysByTenant, bool isEmbeddedDemo)
    {
        keys = keysByTenant.SelectMany(t => t.Value.Select(key => (t.Key, Digest(key)))).ToArray();
        TenantIds = keysByTenant.Keys.Order(StringComparer.Ordinal).ToArray();
        TenantsWithoutKeys = keysByTenant.Where(t => t.Value.Count == 0).Select(t => t.Key).Order(StringComparer.Ordinal).ToArray();
        IsEmbeddedDemo = isEmbeddedDemo;
    }

    public IReadOnlyList<string> TenantIds { get; }

    /// <summary>Tenants configured with a policy but no key: nobody can call as them.</summary>
    public IReadOnlyList<string> TenantsWithoutKeys { get; }

    /// <summary>True when no tenant was configured and the demo tenant stands in.</summary>
    public bool IsEmbeddedDemo { get; }

    public static TenantKeyRing FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (!section.Exists())
        {
            if (DatabaseDefaults.ConnectionString(configuration) is not null)
            {
                throw new InvalidOperationException(
                    "A database is configured but no tenant is (Tenants:{id}:ApiKeys:{n}); the demo tenant is for the embedded default only.");
            }
            return new(new Dictionary<string, IReadOnlyList<string>> { [DemoTenantId] = [DemoKey] }, isEmbeddedDemo: true);
        }

        var keysByTenant = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var tenant in section.GetChildren())
        {
            if (!FieldRules.IsValidId(tenant.Key))
            {
                throw new InvalidOperationException(
                    $"Tenant id '{tenant.Key}' is invalid: use 1–128 letters, digits, '-', '_', '.' or ':'.");
            }
            var tenantKeys = tenant.GetSection("ApiKeys").GetChildren().Select(k => k.Value).ToList();
            if (tenantKeys.Any(string.IsNullOrWhiteSpace))
            {
                throw new InvalidOperationException($"Tenant '{tenant.Key}' has an empty API key.");
            }
            keysByTenant[tenant.Key] = tenantKeys!;
        }

        var allKeys = keysByTenant.Values.SelectMany(k => k).ToList();
        if (allKeys.Distinct(StringComparer.Ordinal).Count() != allKeys.Count)
        {
            // Never name the key: the message may end up in a log.
            throw new InvalidOperationException("An API key is configured more than once; every key must name one tenant.");
        }
        return new(keysByTenant, isEmbeddedDemo: false);
    }

    /// <summary>The tenant whose key this is, or null; compares against every key without stopping early.</summary>
    public string? FindTenant(string presentedKey)
    {
        var presented = Digest(presentedKey);
        string? tenantId = null;
        foreach (var (candidate, digest) in keys)
        {
            var same = CryptographicOperations.FixedTimeEquals(presented, digest);
            tenantId = same ? candidate : tenantId;
        }
        return tenantId;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
