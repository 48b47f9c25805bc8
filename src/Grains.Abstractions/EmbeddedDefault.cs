namespace CxCluster.Abstractions;

/// <summary>The single tenant of the embedded default (no <c>Tenants</c> configured, no database): for demos only.</summary>
public static class EmbeddedDefault
{
    public const string TenantId = "demo";

    public const string ApiKey = "demo-key";
}
