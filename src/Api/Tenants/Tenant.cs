using System.Security.Claims;

namespace CxCluster.Api.Tenants;

/// <summary>The tenant the caller's API key names; an endpoint takes it as a parameter.</summary>
public sealed record Tenant(string Id)
{
    /// <summary>The claim the bearer-key handler puts the tenant id in.</summary>
    public const string ClaimType = "cx:tenant";

    /// <summary>Binds from the authenticated caller, never from the request's own data.</summary>
    public static ValueTask<Tenant?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.User.FindFirstValue(ClaimType) is { } id ? new Tenant(id) : null);
}
