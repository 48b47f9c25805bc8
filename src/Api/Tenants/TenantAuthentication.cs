using Microsoft.AspNetCore.Authentication;

namespace CxCluster.Api.Tenants;

/// <summary>Who may call: the bearer key names the tenant.</summary>
public static class TenantAuthentication
{
    /// <summary>Adds the key ring, the bearer-key scheme and authorization.</summary>
    public static IServiceCollection AddTenantAuthentication(this IServiceCollection services, CxClusterSettings settings)
    {
        services.AddSingleton(new TenantKeyRing(settings));
        services.AddAuthentication(BearerKeyHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerKeyHandler>(BearerKeyHandler.SchemeName, configureOptions: null);
        services.AddAuthorization();
        return services;
    }
}
