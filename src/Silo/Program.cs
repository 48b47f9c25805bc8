using CxCluster.ServiceDefaults;
using CxCluster.Silo;

var builder = Host.CreateApplicationBuilder(args);
builder.AddCxClusterTelemetry();
builder.AddCxClusterSilo();
await builder.Build().RunAsync();
