namespace CxCluster.Api.Tenants;

/// <summary>What a key may do for its tenant.</summary>
public enum TenantRole
{
    /// <summary>An API key: everything the tenant may do.</summary>
    Full,

    /// <summary>A supervisor key: reads what <see cref="SupervisorAccess"/> lists, changes nothing.</summary>
    Supervisor,
}

/// <summary>The tenant a key names and the role it gives.</summary>
public sealed record TenantKey(string TenantId, TenantRole Role);
