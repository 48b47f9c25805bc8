using CxCluster.ServiceDefaults;
using System.Globalization;

namespace CxCluster.Api.Cluster;

/// <summary>Which cluster the API joins as a client (configuration section <c>Cluster</c>).</summary>
public sealed record ClusterConnectionOptions
{
    public const string Section = "Cluster";

    public string ClusterId { get; init; } = "cxcluster-dev";

    public string ServiceId { get; init; } = "cxcluster";

    /// <summary>The silos' gateway ports on this host (<c>Cluster:GatewayPorts:{n}</c>).</summary>
    public IReadOnlyList<int> GatewayPorts { get; init; } = [30000];

    /// <summary>How long the API keeps trying to reach the cluster at start-up before it gives up; null: for as long as it runs.</summary>
    public TimeSpan? ConnectRetryWindow { get; init; }

    /// <summary>
    /// <c>Cluster:ResponseTimeoutSeconds</c>, the same setting the silos read: how long a grain call waits for its answer.
    /// It bounds how long a request whose silo or gateway died can take before it is answered 503 (Orleans fails such
    /// calls only by this timeout on a client), while a healthy call takes milliseconds.
    /// </summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// <c>Cluster:GatewayRefreshSeconds</c>: how often the client re-reads the list of gateways (with PostgreSQL, the
    /// active silos in the membership table), so it finds new silos and drops dead ones it could not tell were gone.
    /// </summary>
    public TimeSpan GatewayRefreshPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>ConnectionStrings:CxCluster</c>: when set, the API finds the silos' gateways in the PostgreSQL membership table
    /// instead of on this host.
    /// </summary>
    public string? ConnectionString { get; init; }

    public static ClusterConnectionOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new ClusterConnectionOptions();
        var ports = section.GetSection("GatewayPorts").GetChildren()
            .Select(p => int.TryParse(p.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
                ? port
                : throw new InvalidOperationException($"Cluster:GatewayPorts:{p.Key} must be a TCP port, not '{p.Value}'."))
            .ToArray();
        return new ClusterConnectionOptions
        {
            ClusterId = NonEmpty(section["ClusterId"]) ?? defaults.ClusterId,
            ServiceId = NonEmpty(section["ServiceId"]) ?? defaults.ServiceId,
            GatewayPorts = ports.Length > 0 ? ports : defaults.GatewayPorts,
            ConnectRetryWindow = section.GetValue<int?>("ConnectRetrySeconds") is { } seconds
                ? TimeSpan.FromSeconds(Math.Max(0, seconds))
                : defaults.ConnectRetryWindow,
            ResponseTimeout = Seconds(section, "ResponseTimeoutSeconds") ?? defaults.ResponseTimeout,
            GatewayRefreshPeriod = Seconds(section, "GatewayRefreshSeconds") ?? defaults.GatewayRefreshPeriod,
            ConnectionString = DatabaseDefaults.ConnectionString(configuration),
        };
    }

    private static TimeSpan? Seconds(IConfigurationSection section, string key) =>
        section[key] is not { Length: > 0 } text
            ? null
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && double.IsFinite(seconds) && seconds > 0 && seconds <= TimeSpan.FromDays(1).TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : throw new InvalidOperationException($"{Section}:{key} must be a positive number of seconds (at most a day), not '{text}'.");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
