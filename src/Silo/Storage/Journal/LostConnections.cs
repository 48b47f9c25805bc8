using CxCluster.Silo.Database;
using Npgsql;

namespace CxCluster.Silo.Storage.Journal;

/// <summary>One more try on a new connection for work whose pooled connection turned out to be lost.</summary>
internal static class LostConnections
{
    /// <summary>
    /// Runs <paramref name="run"/> (given 0), and once more (given 1) on a new connection when the first try lost its
    /// connection (<see cref="DatabaseFailure.IsLostConnection"/>). Only for work that commits nothing or changes nothing
    /// more when it runs twice. A connection lost while it sat in the pool (the database restarted, the network cut it)
    /// fails on its first use; the pool's other idle connections were most likely lost with it, so they go too.
    /// </summary>
    public static async Task<T> AgainOnLostConnection<T>(this NpgsqlDataSource dataSource, ILogger logger, Func<int, Task<T>> run)
    {
        try
        {
            return await run(0);
        }
        catch (Exception lost) when (DatabaseFailure.IsLostConnection(lost))
        {
            logger.LogInformation(lost, "A pooled connection to the journal was lost; the work goes again on a new one");
            dataSource.Clear();
            return await run(1);
        }
    }
}
