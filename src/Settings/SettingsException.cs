namespace CxCluster.Settings;

/// <summary>A host was configured with values it cannot start with; the message names each setting by its full key.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems)
    : InvalidOperationException(string.Join("; ", problems))
{
    /// <summary>One sentence per bad setting, each naming its full key (<c>Tenants:acme:Threshold must be …</c>).</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
