using System.Net.Sockets;
using Npgsql;

namespace CxCluster.Silo.Database;

/// <summary>Turns what Npgsql throws into one line an operator can act on, without a stack trace.</summary>
public static class DatabaseFailure
{
    /// <summary>Why talking to the PostgreSQL server named by <paramref name="connection"/> failed.</summary>
    public static string Describe(Exception exception, NpgsqlConnectionStringBuilder connection)
    {
        var server = $"{connection.Host}:{connection.Port}";
        var reason = exception switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } e =>
                $"PostgreSQL at {server} refused the login: {e.MessageText}",
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } e =>
                $"PostgreSQL at {server}: {e.MessageText}",
            PostgresException e =>
                $"PostgreSQL at {server} answered: {e.MessageText} ({e.SqlState})",
            NpgsqlException { InnerException: SocketException s } =>
                $"cannot reach PostgreSQL at {server}: {s.Message}",
            NpgsqlException { InnerException: TimeoutException } or TimeoutException =>
                $"cannot reach PostgreSQL at {server}: no answer within {connection.Timeout} s",
            NpgsqlException { InnerException: { InnerException: SocketException s } } =>
                $"cannot reach PostgreSQL at {server}: {s.Message}",
            NpgsqlException e when e.IsTransient =>
                $"cannot reach PostgreSQL at {server}: {e.Message}",
            OperationCanceledException => "cancelled",
            _ => exception.Message,
        };
        return OneLine(reason);
    }

    /// <summary>
    /// Whether <paramref name="exception"/> says the connection itself was lost (cut by the network, or its backend ended
    /// by a restart or an operator) rather than that the server refused the statement. A pooled connection lost while
    /// it sat idle fails this way on its next use, although the server is back: a statement that may be repeated is
    /// worth one more try on a new connection.
    /// </summary>
    public static bool IsLostConnection(Exception exception) => exception switch
    {
        PostgresException e => e.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown,
        NpgsqlException { InnerException: IOException or SocketException or EndOfStreamException } => true,
        _ => false,
    };

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
