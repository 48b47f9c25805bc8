using CxCluster.Grains.Journal;
using Npgsql;

namespace CxCluster.Silo.Storage.Journal;

/// <summary>Writes one group of appends in one transaction, and finds out whether a commit whose answer was lost took place.</summary>
internal sealed class GroupWriter(NpgsqlDataSource dataSource, ILogger logger)
{
    /// <summary>How long finding out a lost commit's outcome may take before the group counts as failed.</summary>
    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Tests only: runs after a group's statements and before its commit, given the backend's process id and the group's appends.</summary>
    public Func<int, IReadOnlyList<JournalAppend>, ValueTask>? BeforeCommit { get; set; }

    /// <summary>Commits <paramref name="appends"/> together; throws what PostgreSQL or the connection threw when they were not committed.</summary>
    public async Task WriteAsync(IReadOnlyList<JournalAppend> appends)
    {
        // Nothing is committed before the commit below, so the group may be sent again on a new connection.
        var (connection, transaction, transactionId) = await dataSource.AgainOnLostConnection(logger, _ => StageAsync(appends));
        await using var disposeConnection = connection;
        await using var disposeTransaction = transaction;
        var backend = connection.ProcessID;
        if (BeforeCommit is { } hook)
        {
            await hook(backend, appends);
        }
        try
        {
            await transaction.CommitAsync();
        }
        catch (Exception failure) when (failure is not PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The commit may have taken place with only its answer lost (the connection broke, the backend was ended).
            if (await CommittedAsync(transactionId, backend) is true)
            {
                logger.LogInformation(failure, "A journal commit whose answer was lost had taken place ({Appends} appends)", appends.Count);
                return;
            }
            throw;
        }
    }

    /// <summary>Opens a connection, begins a transaction and runs the group's statements in it, short of the commit.</summary>
    private async Task<(NpgsqlConnection, NpgsqlTransaction, long)> StageAsync(IReadOnlyList<JournalAppend> appends)
    {
        var connection = await dataSource.OpenConnectionAsync();
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync();
            await using var batch = GroupBatch.Create(connection, transaction, appends);
            await using var reader = await batch.ExecuteReaderAsync();
            await reader.ReadAsync();
            var transactionId = reader.GetInt64(0);
            while (await reader.NextResultAsync())
            {
            }
            return (connection, transaction, transactionId);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether the transaction committed: true or false once its outcome is final, null when it cannot be found out.</summary>
    internal async Task<bool?> CommittedAsync(long transactionId, int backend)
    {
        try
        {
            using var deadline = new CancellationTokenSource(OutcomeTimeout);
            await using var connection = await dataSource.OpenConnectionAsync(deadline.Token);
            // A backend whose client is gone may still hold the transaction open: ending it makes the outcome final.
            await using (var end = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = $1 AND backend_xid = xid($2::text::xid8)", connection))
            {
                end.Parameters.Add(new NpgsqlParameter<int> { TypedValue = backend });
                end.Parameters.Add(new NpgsqlParameter<long> { TypedValue = transactionId });
                await end.ExecuteNonQueryAsync(deadline.Token);
            }
            await using var status = new NpgsqlCommand("SELECT pg_xact_status($1::text::xid8)", connection);
            status.Parameters.Add(new NpgsqlParameter<long> { TypedValue = transactionId });
            while (true)
            {
                switch (await status.ExecuteScalarAsync(deadline.Token) as string)
                {
                    case "committed":
                        return true;
                    case "in progress":
                        await Task.Delay(TimeSpan.FromMilliseconds(10), deadline.Token);
                        break;
                    default:
                        return false;
                }
            }
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            logger.LogWarning(e, "Could not find out whether a journal commit whose answer was lost took place");
            return null;
        }
    }
}
