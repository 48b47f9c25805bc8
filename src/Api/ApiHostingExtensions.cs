using CxCluster.Api.Cluster;
using CxCluster.Api.Conversations;
using CxCluster.Api.Dashboard;
using CxCluster.Api.Health;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;

namespace CxCluster.Api;

/// <summary>The API's services and middleware, named for what they add.</summary>
public static class ApiHostingExtensions
{
    /// <summary>The longest request line (method, path and query) Kestrel reads, in bytes.</summary>
    public const int MaxRequestLine = 64 * 1024;

    /// <summary>
    /// Settings (read and checked once: a bad value throws a <see cref="SettingsException"/> naming its key), cluster
    /// client, tenants, rate limits, problem details, JSON, health checks and the OpenAPI document.
    /// </summary>
    /// <param name="builder">The application's builder.</param>
    /// <param name="cohosted">
    /// True when the application is also a silo (<c>src/Host</c>): the API then calls the grains through the silo's own
    /// client, in the same process, instead of connecting to the cluster's gateways.
    /// </param>
    public static WebApplicationBuilder AddCxClusterApi(this WebApplicationBuilder builder, bool cohosted = false)
    {
        var settings = builder.Services.AddCxClusterSettings(builder.Configuration);
        builder.Services.AddSingleton(new ApiHosting(cohosted));
        builder.Services.AddSingleton<ClusterConnectionGate>();
        if (!cohosted)
        {
            builder.AddCxClusterClient();
        }
        // Each endpoint enforces its own cap (a batch's is the largest). Kestrel allows twice that, so it can drain a
        // body the endpoint refused and the client reads the 413 instead of a reset connection.
        // A request line up to 64 KiB (Kestrel's default is 8 KiB): an id or a query far too long then reaches its
        // endpoint, whose 400 names the field, instead of Kestrel's bare 414 with no body.
        // No "Server: Kestrel" header: what serves the API is nobody's business outside it.
        // A header value with bytes beyond ASCII is read as Latin-1 rather than refused by Kestrel with a bare 400 and no
        // body: a key of such bytes is then an unknown key (a 401 problem), another header's value a problem naming it.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.RequestHeaderEncodingSelector = _ => System.Text.Encoding.Latin1;
            kestrel.Limits.MaxRequestBodySize = 2L * RequestBody.BatchLimit;
            kestrel.Limits.MaxRequestLineSize = MaxRequestLine;
        });

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddGrainReferences();
        services.AddSingleton(provider => new EventClock(provider.GetRequiredService<TimeProvider>(), settings.EventFutureTolerance));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => Problems.Complete(context.ProblemDetails));
        services.AddExceptionHandler<ClusterExceptionHandler>();
        services.Configure<ExceptionHandlerOptions>(options =>
            options.SuppressDiagnosticsCallback = context => ClusterFaults.IsUnavailable(context.Exception));
        services.ConfigureHttpJsonOptions(json => ApiJsonContext.Configure(json.SerializerOptions));
        services.AddTenantAuthentication(settings);
        services.AddTenantRateLimiting(settings);
        services.AddCxClusterHealthChecks();
        services.AddCxClusterOpenApi();
        builder.AddCxClusterDashboard(settings, cohosted);
        services.AddHostedService<StartupBanner>();
        return builder;
    }

    /// <summary>Errors as problems, then the key, then ids the path cannot hold, then conditions that cannot hold, then the tenant's rate limit, then whether the cluster was ever reached.</summary>
    public static WebApplication UseCxClusterApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        // An answer without a body (an unknown path, a method the path does not take, a body type no endpoint takes) is
        // a problem too, whatever the Accept header asks for: the framework's own would fall back to plain text.
        app.UseStatusCodePages(context => Problems.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode));
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(KeyFirst);
        app.Use(DotSegments.InvokeAsync);
        app.Use(Preconditions.InvokeAsync);
        app.UseRateLimiter();
        var gate = app.Services.GetRequiredService<ClusterConnectionGate>();
        app.Use(gate.InvokeAsync);
        return app;
    }

    /// <summary>
    /// Under <c>/v1</c> a caller without a tenant's key hears 401 and nothing else: a path no endpoint has, or a method
    /// or a body type the path does not take, would otherwise be told (404, 405, 415) before the key is asked for, since
    /// routing turns those away before any endpoint's authorization runs. A caller with a key hears them as before.
    /// </summary>
    private static Task KeyFirst(HttpContext context, RequestDelegate next) =>
        context.Request.Path.StartsWithSegments("/v1")
        && context.User.Identity?.IsAuthenticated != true
        && context.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is null
            ? context.ChallengeAsync()
            : next(context);

    private static IServiceCollection AddCxClusterOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // HEAD is GET without the body: the document names each such operation once, as GET.
            var include = options.ShouldInclude;
            options.ShouldInclude = description => !HttpMethods.IsHead(description.HttpMethod ?? "") && include(description);
            // The wire shapes are named ...Json in code; the document uses the contract's names.
            options.CreateSchemaReferenceId = type =>
                OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && id.EndsWith("Json", StringComparison.Ordinal)
                    ? id[..^"Json".Length]
                    : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "CxCluster API",
                    Version = "v1",
                    Description = "Disclosure, trust threshold and handoff for customer conversations, per tenant.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerKeyHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The tenant's API key.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(BearerKeyHandler.SchemeName, context.Document)] = [],
                    });
                }
                return Task.CompletedTask;
            });
        });
}
