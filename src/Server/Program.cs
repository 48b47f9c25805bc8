using CxCluster.Server;
using CxCluster.Settings;
using CxCluster.Silo;
using CxCluster.Silo.Database;

// One process that is both a silo and the API: the API calls the grains through the silo's own client, without a
// gateway hop. The embedded default runs this way (deploy/run-embedded.sh); a cluster of several silos may run it on
// each, or run the silo and the API apart (src/Silo, src/Api). `migrate` works as on the silo.
if (args is [MigrateCommand.Verb, ..])
{
    return await MigrateCommand.RunAsync(args[1..]);
}

WebApplication app;
try
{
    app = CxClusterServer.CreateApp(args);
}
catch (SettingsException bad)
{
    await Console.Error.WriteLineAsync($"CxCluster cannot start: {bad.Message}");
    return 1;
}
await using (app)
{
    if (await app.Services.CheckCxClusterSiloStartAsync() is { } problem)
    {
        await Console.Error.WriteLineAsync($"CxCluster cannot start: {problem}");
        return 1;
    }
    try
    {
        await app.StartAsync();
    }
    catch (Exception lost) when (StartProblems.IsDatabaseLoss(lost))
    {
        // As a silo does (src/Silo/Program.cs): one line and a failed exit for the orchestrator to start it again.
        await Console.Error.WriteLineAsync($"CxCluster cannot start: the database went away while it started ({StartProblems.Describe(lost)})");
        return 1;
    }
    await app.WaitForShutdownAsync();
}
return 0;
