using CxCluster.Load;

// dotnet run -c Release --project tests/Load -- [--silos 2] [--conversations 2000] [--events-per-conversation 20]
//   [--concurrency 64 | --rate 20000] [--duration 30] [--storage memory|postgres [--postgres <server connection string>]]
//   [--agents 20] [--agent-capacity 3] [--handling-ms 200] [--handoff-share 0.1] [--trust-break-share 0.05] [--seed 7]
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception error) when (error is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"load: {error.Message}");
    return 2;
}

var report = await new InProcessLoad(options, Console.Out).RunAsync();
report.Print(Console.Out);
return report.Passed ? 0 : 1;
