using System.Data.Common;

namespace CxCluster.Silo;

/// <summary>What stopped a silo's start, read from the exception the host threw.</summary>
public static class StartProblems
{
    /// <summary>The start failed on the database: a connection lost or refused (a <see cref="DbException"/> anywhere in the exception's chain).</summary>
    public static bool IsDatabaseLoss(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException)
            {
                return true;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsDatabaseLoss))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The database's words for it, in one line.</summary>
    public static string Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException db)
            {
                var inner = db.InnerException is { } cause ? $": {cause.Message}" : "";
                return $"{db.Message}{inner}".ReplaceLineEndings(" ");
            }
        }
        return exception.Message.ReplaceLineEndings(" ");
    }
}
