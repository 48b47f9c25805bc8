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
builder.AddCxClusterSilo();
using var host = builder.Build();

// A silo without its database cannot join the cluster: say why in one line instead of failing deep in Orleans.
var database = host.Services.GetRequiredService<CxClusterDatabase>();
if (database.IsConfigured && host.Services.GetRequiredService<CxCluster.Grains.Tenants.TenantDirectory>().IsEmbeddedDefault)
{
    await Console.Error.WriteLineAsync("CxCluster silo cannot start: a database is configured but no tenant is (Tenants:{id}:…); the demo tenant is for the embedded default only.");
    return 1;
}
var wait = TimeSpan.FromSeconds(host.Services.GetRequiredService<IOptions<SiloOptions>>().Value.DatabaseWaitSeconds);
if (await database.WaitUntilReadyAsync(wait, host.Services.GetRequiredService<ILogger<Program>>(), CancellationToken.None) is { } problem)
{
    await Console.Error.WriteLineAsync($"CxCluster silo cannot start: {problem}");
    return 1;
}
await host.RunAsync();
return 0;
