using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace CxCluster.Silo.Storage;

/// <summary>The silo's one <see cref="NpgsqlDataSource"/>: a single connection pool for everything it does in PostgreSQL itself.</summary>
public static class CxClusterDataSource
{
    /// <summary>
    /// Registers the data source for <paramref name="connectionString"/>, with the Orleans providers' connection settings
    /// (<see cref="CxClusterDatabase.ForProviders"/>), unless one is registered already.
    /// </summary>
    public static IServiceCollection AddCxClusterDataSource(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(provider => new NpgsqlDataSourceBuilder(CxClusterDatabase.ForProviders(connectionString))
            .UseLoggerFactory(provider.GetService<ILoggerFactory>())
            .Build());
        return services;
    }
}
