using System.Diagnostics;
using CxCluster.Grains.Privacy;
using CxCluster.Grains.Trust;
using CxCluster.Silo.Storage;
using Npgsql;

namespace CxCluster.Silo;

/// <summary>
/// What a silo does before it joins the cluster so that the first conversations placed on it are not the ones to pay
/// for its start: the recogniser's lexicon and model loaded and its code compiled, the redactor's likewise, and a few
/// connections to the database opened in each pool the silo writes through (the journal's and the Orleans providers').
/// A silo that joins cold takes grains at once (a stopping silo hands its grains over the moment another is there), and
/// its first seconds of answers were the slowest of a rolling restart. Nothing here can keep the silo from starting: a
/// failure is logged and the silo goes on.
/// </summary>
internal static class SiloWarmUp
{
    /// <summary>How many connections are opened in each pool: what a busy silo's group commits and providers use at once.</summary>
    private const int Connections = 4;

    /// <summary>Messages that take the recogniser and the redactor down their main paths, in both languages.</summary>
    private static readonly string[] Messages =
    [
        "hi, my order #48213 has not arrived yet, can you check it?",
        "are you a bot or a real person?",
        "I want to talk to a human agent please, this is useless",
        "my name is Dewi, call me on +62 812 3456 7890 or email dewi@example.com",
        "halo kak, saya mau bicara dengan cs manusia aja",
        "kamu robot ya? pesanan saya belum sampai dari kemarin",
        "thanks, that was quick!",
        "card 4111 1111 1111 1111 was charged twice, I want a refund",
    ];

    public static async Task RunAsync(IServiceProvider services, ILogger logger)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            foreach (var message in Messages)
            {
                MessageSignals.Analyze(message);
                Redactor.Redact(message);
            }
            var reading = Stopwatch.GetElapsedTime(started);
            var opened = 0;
            var database = services.GetRequiredService<CxClusterDatabase>();
            if (database.IsConfigured)
            {
                var journal = services.GetService<NpgsqlDataSource>();
                var providers = database.ProvidersConnectionString;
                var opening = new List<Task>();
                for (var i = 0; i < Connections; i++)
                {
                    if (journal is not null)
                    {
                        opening.Add(PingAsync(journal.CreateConnection()));
                    }
                    opening.Add(PingAsync(new NpgsqlConnection(providers)));
                }
                await Task.WhenAll(opening);
                opened = opening.Count;
            }
            logger.LogInformation("Warmed up in {Elapsed:0} ms: recogniser and redactor {Reading:0} ms, {Connections} database connections opened",
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, reading.TotalMilliseconds, opened);
        }
        catch (Exception e)
        {
            logger.LogWarning("Warming up did not finish ({Reason}); the silo starts all the same", e.GetBaseException().Message);
        }
    }

    /// <summary>Opens the connection, has it answer once and gives it back to its pool, where it stays open.</summary>
    private static async Task PingAsync(NpgsqlConnection connection)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync();
        }
    }
}
