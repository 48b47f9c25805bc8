using CxCluster.ServiceDefaults;
using CxCluster.Silo;
using CxCluster.Silo.Database;
using CxCluster.Silo.Storage;
using Microsoft.Extensions.Options;

// `migrate`: create the database and apply the schema, then exit (see deploy/sql).
if (args is [MigrateCommand.Verb, ..])
{
    return await MigrateCommand.RunAsync(args[1..]);
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddCxClusterTelemetry();
try
{
    builder.AddCxClusterSilo();
}
catch (SettingsException bad)
{
    // A bad setting (or a database without tenants) stops the silo in one line naming the key, before it starts.
    await Console.Error.WriteLineAsync($"CxCluster silo cannot start: {bad.Message}");
    return 1;
}
using var host = builder.Build();
try
{
    // The silo-only sections (Conversations, Handoffs, Journal) are options checked at start: check them now, before
    // waiting for the database, and say what is wrong (a value out of range, or one that is not a number) in one line.
    host.Services.GetService<IStartupValidator>()?.Validate();
}
catch (Exception bad) when (bad is OptionsValidationException or InvalidOperationException)
{
    await Console.Error.WriteLineAsync($"CxCluster silo cannot start: {bad.Message}");
    return 1;
}

// A silo without its database cannot join the cluster: say why in one line instead of failing deep in Orleans.
var database = host.Services.GetRequiredService<CxClusterDatabase>();
var wait = host.Services.GetRequiredService<ClusterSettings>().DatabaseWait;
if (await database.WaitUntilReadyAsync(wait, host.Services.GetRequiredService<ILogger<Program>>(), CancellationToken.None) is { } problem)
{
    await Console.Error.WriteLineAsync($"CxCluster silo cannot start: {problem}");
    return 1;
}
await host.RunAsync();
return 0;
