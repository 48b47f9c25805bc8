using Microsoft.AspNetCore.Authentication;

namespace CxCluster.Api.Tenants;

/// <summary>Who may call: the bearer key names the tenant and the role (an API key, or a read-only supervisor key).</summary>
public static class TenantAuthentication
{
    /// <summary>Adds the key ring, the bearer-key scheme and authorization.</summary>
    public static IServiceCollection AddTenantAuthentication(this IServiceCollection services, CxClusterSettings settings)
    {
        services.AddSingleton(new TenantKeyRing(settings));
        services.AddAuthentication(BearerKeyHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerKeyHandler>(BearerKeyHandler.SchemeName, configureOptions: null);
        // Every tenant endpoint asks for the default policy: a supervisor key passes only for the reads it may do (the
        // requirement is its own handler).
        services.AddAuthorization(options => options.DefaultPolicy = SupervisorAccess.Policy);
        return services;
    }
}
