using CxCluster.Api.Agents;
using CxCluster.Api.Conversations;
using CxCluster.Api.Dashboard;
using CxCluster.Api.Evidence;
using CxCluster.Api.Health;
using CxCluster.Api.Queues;
using CxCluster.Api.Stream;
using CxCluster.Api.Supervision;
using CxCluster.Api.Webhooks;
using CxCluster.ServiceDefaults;

namespace CxCluster.Api;

/// <summary>Builds the CxCluster HTTP front door: an Orleans client that turns v1 requests into grain calls.</summary>
public static class CxClusterApi
{
    /// <summary>Builds the application; <paramref name="configure"/> runs first, so it can add configuration (tests do).</summary>
    public static WebApplication CreateApp(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.AddCxClusterTelemetry(servesHttp: true);
        builder.AddCxClusterApi();

        return builder.Build().MapCxClusterApi();
    }

    /// <summary>The middleware and every endpoint of the API, for an application built with <see cref="ApiHostingExtensions.AddCxClusterApi"/>.</summary>
    public static WebApplication MapCxClusterApi(this WebApplication app)
    {
        app.UseCxClusterApi();

        var endpoints = app.MapGroup("").AnswerHeadWhereGet();
        endpoints.MapHealthEndpoints();
        endpoints.MapOpenApi();
        endpoints.MapConversationEndpoints();
        endpoints.MapAgentEndpoints();
        endpoints.MapOfferEndpoints();
        endpoints.MapQueueEndpoints();
        endpoints.MapStreamEndpoints();
        endpoints.MapEvidenceEndpoints();
        endpoints.MapWebhookEndpoints();
        endpoints.MapCxClusterDashboard();
        endpoints.MapSupervisorEndpoints();
        return app;
    }
}
