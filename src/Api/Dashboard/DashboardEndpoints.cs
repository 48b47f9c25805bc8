using Microsoft.AspNetCore.Authentication;
using Orleans.Dashboard;

namespace CxCluster.Api.Dashboard;

/// <summary>
/// The Orleans Dashboard at <c>/dashboard</c>, for operators holding one of <c>Dashboard:Keys</c>; README "Observability".
/// Served only when keys are configured (and <c>Dashboard:Enabled</c> is not false): without keys there is nothing to
/// check a visitor against, so there is no dashboard. The silos run its grain side (<c>Dashboard:Enabled</c>).
/// </summary>
public static class DashboardEndpoints
{
    public const string PolicyName = "cx-dashboard";

    /// <summary>
    /// The dashboard's services: its client side on the cluster client (when the API is apart from the silos; a process
    /// that is also a silo has them from its silo), the operators' key ring, the Basic scheme and the policy.
    /// </summary>
    public static WebApplicationBuilder AddCxClusterDashboard(this WebApplicationBuilder builder, CxClusterSettings settings, bool cohosted)
    {
        var dashboard = settings.Dashboard;
        if (!dashboard.Served)
        {
            return builder;
        }
        if (!cohosted)
        {
            new ClientServices(builder.Services, builder.Configuration).AddDashboard();
        }
        builder.Services.AddSingleton(new DashboardKeyRing(dashboard));
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, DashboardBasicHandler>(DashboardBasicHandler.SchemeName, configureOptions: null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy => policy
            .AddAuthenticationSchemes(DashboardBasicHandler.SchemeName)
            .RequireClaim(DashboardBasicHandler.OperatorClaim));
        return builder;
    }

    /// <summary>Maps the dashboard's page and data under <see cref="DashboardSettings.Path"/>, every route behind the operators' keys.</summary>
    public static IEndpointRouteBuilder MapCxClusterDashboard(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<CxClusterSettings>().Dashboard.Served)
        {
            app.MapOrleansDashboard(DashboardSettings.Path)
                .RequireAuthorization(PolicyName)
                .ExcludeFromDescription();
        }
        return app;
    }

    /// <summary>The cluster client's services, to add the dashboard's client side to the client the API already has.</summary>
    private sealed class ClientServices(IServiceCollection services, IConfiguration configuration) : IClientBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IConfiguration Configuration { get; } = configuration;
    }
}
