using CxCluster.Api;

var app = CxClusterApi.CreateApp(args);
app.Run();
