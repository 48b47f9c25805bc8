using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using CxCluster.Abstractions;
using CxCluster.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace CxCluster.Api.Tests.Telemetry;

/// <summary>
/// OTLP export: with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> a host registers the tracer and meter providers and sends
/// CxCluster's, Orleans' and ASP.NET Core's spans and CxCluster's metrics to the endpoint (a real OTLP/HTTP receiver on
/// loopback here); without it, no provider at all.
/// </summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private WebApplication _receiver = null!;
    private Uri _endpoint = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            _received.Enqueue(($"/v1/{signal}", body.ToArray()));
            return Results.Ok();
        });
        await _receiver.StartAsync();
        _endpoint = CxCluster.TestSupport.Hosting.LocalCluster.AddressOf(_receiver);
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private static IHost Build(IReadOnlyDictionary<string, string?> settings, bool servesHttp)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCxClusterTelemetry(servesHttp);
        return builder.Build();
    }

    [Fact]
    public void Without_an_endpoint_no_provider_is_registered()
    {
        using var host = Build(new Dictionary<string, string?>(), servesHttp: true);

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void With_an_endpoint_our_orleans_and_aspnetcore_spans_and_our_metrics_reach_it()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }, servesHttp: true);
        var tracer = host.Services.GetService<TracerProvider>();
        var meters = host.Services.GetService<MeterProvider>();
        Assert.NotNull(tracer);
        Assert.NotNull(meters);

        var mark = Guid.NewGuid().ToString("N");
        var sources = new[]
        {
            CxTelemetry.ActivitySourceName,
            ActivitySources.RuntimeActivitySourceName,
            ActivitySources.ApplicationGrainActivitySourceName,
            "Microsoft.AspNetCore",
        };
        using var meter = new Meter(CxTelemetry.MeterName);
        var counter = meter.CreateCounter<long>($"cx.check.{mark}");
        // The exporter listens to every span of these sources in this process, where other tests' silos make many: a
        // full export queue drops spans, so the marked ones are made and flushed again until the receiver has them.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string traces, metrics;
        do
        {
            foreach (var name in sources)
            {
                using var source = new ActivitySource(name);
                using var span = source.StartActivity($"{name}-{mark}");
                Assert.NotNull(span);
            }
            counter.Add(1);
            Assert.True(meters.ForceFlush(10_000));
            Assert.True(tracer.ForceFlush(10_000));
            traces = Encoding.UTF8.GetString([.. _received.Where(r => r.Path == "/v1/traces").SelectMany(r => r.Body)]);
            metrics = Encoding.UTF8.GetString([.. _received.Where(r => r.Path == "/v1/metrics").SelectMany(r => r.Body)]);
        }
        while (DateTime.UtcNow < deadline && !(sources.All(name => traces.Contains($"{name}-{mark}", StringComparison.Ordinal)) && metrics.Contains($"cx.check.{mark}", StringComparison.Ordinal)));

        foreach (var name in sources)
        {
            Assert.Contains($"{name}-{mark}", traces);
        }
        Assert.Contains($"cx.check.{mark}", metrics);
    }
}
