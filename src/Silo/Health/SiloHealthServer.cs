using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CxCluster.Silo.Health;

/// <summary>
/// The silo's own HTTP listener on <c>Cluster:HealthPort</c> (all addresses, so Kubernetes' probes reach it on the pod
/// IP): <c>/health/live</c>, <c>/health/startup</c> and <c>/health/ready</c> as small JSON, no key. It starts before the
/// silo waits for its database and stays up until the process ends, so probes see the whole start-up and shutdown.
/// </summary>
public sealed class SiloHealthServer(SiloHealth health, ClusterSettings settings) : IHostedService, IAsyncDisposable, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly SemaphoreSlim _starting = new(1, 1);
    private WebApplication? _listener;

    /// <summary>The port it listens on; 0: none.</summary>
    public int Port => settings.HealthPort;

    /// <summary>Starts listening, once; later calls (the host starting after the start-up check did) do nothing.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Port == 0)
        {
            return;
        }
        await _starting.WaitAsync(cancellationToken);
        try
        {
            if (_listener is not null)
            {
                return;
            }
            // An empty builder: no configuration, logging or URLs of the host leak into this listener.
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.ListenAnyIP(Port));
            var listener = builder.Build();
            listener.Run(AnswerAsync);
            try
            {
                await listener.StartAsync(cancellationToken);
            }
            catch
            {
                await listener.DisposeAsync();
                throw;
            }
            _listener = listener;
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>Nothing: the listener keeps answering (ready: 503) while the silo shuts down, and closes with the process.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_listener is { } listener)
        {
            _listener = null;
            await listener.DisposeAsync();
        }
        _starting.Dispose();
    }

    public void Dispose()
    {
        if (_listener is { } listener)
        {
            _listener = null;
            ((IDisposable)listener).Dispose();
        }
        _starting.Dispose();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var answer = context.Request.Path.Value switch
        {
            "/health/live" => SiloHealth.Live(),
            "/health/startup" => health.Startup(),
            "/health/ready" => health.Ready(),
            _ => null,
        };
        if (answer is null || !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            // A problem document as the API's own answers are, and for 405 the methods that are allowed (RFC 9110 §15.5.6).
            var problem = answer is null
                ? new SiloProblem("https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not Found", StatusCodes.Status404NotFound,
                    "The health port answers /health/live, /health/startup and /health/ready.")
                : new SiloProblem("https://tools.ietf.org/html/rfc9110#section-15.5.6", "Method Not Allowed", StatusCodes.Status405MethodNotAllowed,
                    $"{context.Request.Path.Value} answers GET and HEAD only.");
            context.Response.StatusCode = problem.Status;
            context.Response.Headers.CacheControl = "no-store";
            if (answer is not null)
            {
                context.Response.Headers.Allow = "GET, HEAD";
            }
            await context.Response.WriteAsJsonAsync(problem, Json, "application/problem+json", context.RequestAborted);
            return;
        }
        context.Response.StatusCode = answer.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(answer, Json, context.RequestAborted);
    }
}

/// <summary>An RFC 9457 problem document of the health port: what was refused and why.</summary>
internal sealed record SiloProblem(string Type, string Title, int Status, string Detail);
