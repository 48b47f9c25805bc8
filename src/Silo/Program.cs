using CxCluster.ServiceDefaults;
using CxCluster.Silo;
using CxCluster.Silo.Storage;
using Microsoft.Extensions.Options;

var builder = Host.CreateApplicationBuilder(args);
builder.AddCxClusterTelemetry();
builder.AddCxClusterSilo();
using var host = builder.Build();

// A silo without its database cannot join the cluster: say why in one line instead of failing deep in Orleans.
var database = host.Services.GetRequiredService<CxClusterDatabase>();
var wait = TimeSpan.FromSeconds(host.Services.GetRequiredService<IOptions<SiloOptions>>().Value.DatabaseWaitSeconds);
if (await database.WaitUntilReadyAsync(wait, host.Services.GetRequiredService<ILogger<Program>>(), CancellationToken.None) is { } problem)
{
    await Console.Error.WriteLineAsync($"CxCluster silo cannot start: {problem}");
    return 1;
}
await host.RunAsync();
return 0;
