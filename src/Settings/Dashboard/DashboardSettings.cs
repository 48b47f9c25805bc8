namespace CxCluster.Settings;

/// <summary>
/// The Orleans Dashboard (configuration section <c>Dashboard</c>): operators' keys in the API, the dashboard's grain side
/// in the silos. Off unless configured: its grain side times every grain call and collects Orleans' meters every
/// second, and its page shows every grain type and silo of the cluster, so it only runs where someone asked for it.
/// </summary>
public sealed class DashboardSettings
{
    public const string Section = "Dashboard";

    /// <summary>Where the API serves the dashboard.</summary>
    public const string Path = "/dashboard";

    /// <summary>The shortest operator key accepted: a key is a password that opens the whole cluster's view.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>
    /// <c>Dashboard:Keys:{n}</c> (API): the operators' keys; HTTP Basic with one of them as the password (any user
    /// name) opens <see cref="Path"/>. None: the API serves no dashboard. Never a tenant's API key.
    /// </summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>
    /// <c>Dashboard:Enabled</c>: a silo runs the dashboard's grain side (and the API serves the page, given keys).
    /// Unset: true exactly when keys are configured, so a process given keys (the API, or one process that is silo and
    /// API) needs nothing else, and a silo apart is told <c>Dashboard:Enabled=true</c>.
    /// </summary>
    public bool Enabled { get; init; }

    /// <summary>The API serves the dashboard: it is enabled and has keys to check.</summary>
    public bool Served => Enabled && Keys.Count > 0;

    private static readonly string[] Known = ["Enabled", "Keys"];

    internal static DashboardSettings Read(IConfiguration configuration, SettingsReader reader, IReadOnlyList<TenantPolicy> tenants)
    {
        var section = configuration.GetSection(Section);
        reader.OnlyKnown(section, "a dashboard setting", Known);
        var keys = new List<string>();
        foreach (var key in section.GetSection("Keys").GetChildren())
        {
            // Messages name where a key is, never the key: they may reach a log.
            if (string.IsNullOrWhiteSpace(key.Value) || key.Value.Trim().Length < MinimumKeyLength)
            {
                reader.Problem($"{key.Path} must be an operator key of at least {MinimumKeyLength} characters");
                continue;
            }
            var value = key.Value.Trim();
            if (tenants.Any(t => t.ApiKeys.Contains(value, StringComparer.Ordinal)))
            {
                reader.Problem($"{key.Path} is a tenant's API key; the dashboard's keys must be the operators' own");
                continue;
            }
            keys.Add(value);
        }
        bool? enabled = null;
        if (SettingsReader.Text(section, "Enabled") is { } text)
        {
            if (bool.TryParse(text, out var value))
            {
                enabled = value;
            }
            else
            {
                reader.Problem($"{SettingsReader.Key(section, "Enabled")} must be true or false, not '{text}'");
            }
        }
        return new DashboardSettings { Keys = keys, Enabled = enabled ?? keys.Count > 0 };
    }
}
