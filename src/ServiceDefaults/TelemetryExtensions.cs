using CxCluster.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Resources;
using Orleans.Diagnostics;

namespace CxCluster.ServiceDefaults;

/// <summary>The telemetry every CxCluster process carries: Orleans' and our own meters and activity sources.</summary>
public static class TelemetryExtensions
{
    /// <summary>Meters and activity sources of ASP.NET Core, collected only by processes that serve HTTP.</summary>
    private static readonly string[] AspNetCoreMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    /// <summary>
    /// Wires OpenTelemetry metrics and tracing with an OTLP exporter when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is
    /// configured. Without it nothing is collected at all: a tracer with nowhere to send its spans would still create
    /// one for every request and every grain call, which measured as a large share of the CPU and the allocations of
    /// each event over HTTP.
    /// </summary>
    public static TBuilder AddCxClusterTelemetry<TBuilder>(this TBuilder builder, bool servesHttp = false)
        where TBuilder : IHostApplicationBuilder
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter("Microsoft.Orleans", CxTelemetry.MeterName);
                if (servesHttp)
                {
                    metrics.AddMeter(AspNetCoreMeters);
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(
                    ActivitySources.RuntimeActivitySourceName,
                    ActivitySources.ApplicationGrainActivitySourceName,
                    CxTelemetry.ActivitySourceName);
                if (servesHttp)
                {
                    tracing.AddSource("Microsoft.AspNetCore");
                }
            })
            .UseOtlpExporter();
        return builder;
    }
}
