namespace CxCluster.Abstractions;

/// <summary>The names under which CxCluster publishes its own metrics and traces.</summary>
public static class CxTelemetry
{
    public const string MeterName = "CxCluster";

    public const string ActivitySourceName = "CxCluster";
}
