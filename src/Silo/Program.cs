using CxCluster.ServiceDefaults;
using CxCluster.Silo;
using CxCluster.Silo.Database;
using CxCluster.Silo.Evidence;
using CxCluster.Silo.Health;

// `migrate`: create the database and apply the schema, then exit (see deploy/sql).
if (args is [MigrateCommand.Verb, ..])
{
    return await MigrateCommand.RunAsync(args[1..]);
}

// `evidence`: export a tenant's evidence from the journal, or verify a saved export, then exit.
if (args is [EvidenceCommand.Verb, ..])
{
    return await EvidenceCommand.RunAsync(args[1..]);
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddCxClusterTelemetry();
try
{
    builder.AddCxClusterSilo();
    builder.AddCxClusterSiloHealth();
}
catch (SettingsException bad)
{
    // A bad setting (or a database without tenants) stops the silo in one line naming the key, before it starts.
    await Console.Error.WriteLineAsync($"CxCluster silo cannot start: {bad.Message}");
    return 1;
}
using var host = builder.Build();
if (await host.Services.CheckCxClusterSiloStartAsync() is { } problem)
{
    await Console.Error.WriteLineAsync($"CxCluster silo cannot start: {problem}");
    return 1;
}
try
{
    await host.StartAsync();
}
catch (Exception lost) when (StartProblems.IsDatabaseLoss(lost))
{
    // The database went away while the silo started, after the wait for it and before it joined (the Orleans providers
    // read their queries then): one line and a failed exit for the orchestrator to start it again, not a stack trace.
    await Console.Error.WriteLineAsync($"CxCluster silo cannot start: the database went away while the silo started ({StartProblems.Describe(lost)})");
    return 1;
}
await host.WaitForShutdownAsync();
return 0;
