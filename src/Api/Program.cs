using CxCluster.Api;

WebApplication app;
try
{
    app = CxClusterApi.CreateApp(args);
}
catch (SettingsException bad)
{
    // A bad setting (or a database without tenants) stops the API in one line naming the key, before it starts.
    await Console.Error.WriteLineAsync($"CxCluster API cannot start: {bad.Message}");
    return 1;
}
await app.RunAsync();
return 0;
