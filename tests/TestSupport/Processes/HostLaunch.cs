namespace CxCluster.TestSupport.Processes;

/// <summary>
/// What to start as a process of its own: a built host (<see cref="BuiltHosts"/>), its arguments, the settings it gets
/// as environment variables (configuration keys, <c>Section:Key</c> or <c>Section__Key</c>), where its output goes (a
/// temporary directory of its own when not named) and, to describe it, what it listens on.
/// </summary>
public sealed record HostLaunch(string Name, string Assembly)
{
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Where <c>{Name}.log</c> (standard output) and <c>{Name}.err.log</c> (standard error) are written.</summary>
    public string? LogDirectory { get; init; }

    /// <summary>Silo-to-silo port (silos only).</summary>
    public int? SiloPort { get; init; }

    /// <summary>The port API processes connect to (silos only).</summary>
    public int? GatewayPort { get; init; }

    /// <summary>Where the API answers HTTP (the API only).</summary>
    public Uri? Address { get; init; }

    /// <summary>The built silo, with <paramref name="settings"/>.</summary>
    public static HostLaunch Silo(string name, IReadOnlyDictionary<string, string?> settings) =>
        new(name, BuiltHosts.Silo) { Settings = settings };

    /// <summary>The built API on <paramref name="address"/>, with <paramref name="settings"/>.</summary>
    public static HostLaunch Api(string name, Uri address, IReadOnlyDictionary<string, string?> settings) =>
        new(name, BuiltHosts.Api) { Arguments = ["--urls", address.ToString().TrimEnd('/')], Settings = settings, Address = address };
}
