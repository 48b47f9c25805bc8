using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxCluster.ServiceDefaults;

/// <summary>How every CxCluster process names and reaches the PostgreSQL database the cluster lives in.</summary>
public static class DatabaseDefaults
{
    /// <summary><c>ConnectionStrings:CxCluster</c>: set, the cluster lives in PostgreSQL; unset, the embedded default.</summary>
    public const string ConnectionStringName = Settings.CxClusterSettings.ConnectionStringName;

    /// <summary>The ADO.NET invariant of the Npgsql provider, as the Orleans ADO.NET providers want it.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>The configured connection string, or null when the process runs on the embedded default.</summary>
    public static string? ConnectionString(IConfiguration configuration) => Settings.CxClusterSettings.ConnectionStringFrom(configuration);

    /// <summary>
    /// Lets database failures cross grain calls as what they are (Orleans only carries exceptions of known
    /// namespaces), so a caller can tell "the database is away, retry" from a fault in the code.
    /// </summary>
    public static IServiceCollection AddDatabaseFailureTransport(this IServiceCollection services) =>
        services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add(Invariant));
}
