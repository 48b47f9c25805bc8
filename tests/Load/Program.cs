using CxCluster.Load;

// dotnet run -c Release --project tests/Load -- [--silos 2] [--conversations 2000] [--events-per-conversation 20]
//   [--concurrency 64 | --rate 20000] [--duration 30] [--warmup 20] [--client external|hosted] [--storage memory|postgres [--postgres <server connection string>]]
//   [--agents 20] [--agent-capacity 3] [--handling-ms 200] [--handoff-share 0.1] [--trust-break-share 0.05] [--seed 7] [--gc-log] [--alloc-types]
// dotnet run -c Release --project tests/Load -- http [--batch 50] [--warmup 20] [--alloc-types] [--conversations ...] [--concurrency ...] (over the real API; no agents)
var overHttp = args.Length > 0 && args[0] == "http";
// dotnet run -c Release --project tests/Load -- journal --postgres <server connection string> [--streams 1,16,256] [--duration 10] [--warmup 2]
if (args is ["journal", ..])
{
    return await JournalBench.RunAsync(args[1..], Console.Out);
}
// dotnet run -c Release --project tests/Load -- push [--only stream|webhooks|closed] [--receiver-http2] [--silos 1] [--rates 1000,5000] [--duration 15] [--warmup 10] [--clients 100] [--concurrency 64]
if (args is ["receiver"] or ["receiver", "h2c"])
{
    return await PushBench.ServeReceiverAsync(http2: args.Length == 2);
}
if (args is ["push", ..])
{
    return await PushBench.RunAsync(args[1..], Console.Out);
}
// dotnet run -c Release --project tests/Load -- offers [--silos 1] [--agents 1000] [--waiting 10000] [--duration 20] [--warmup 3] [--deadlines 10000] [--offer-timeout 15] [--concurrency 64]
if (args is ["offers", ..])
{
    return await OfferBench.RunAsync(args[1..], Console.Out);
}
// dotnet run -c Release --project tests/Load -- board [--silos 1] [--agents 1000] [--conversations 3000] [--reads 200] [--readers 8] [--duration 10]
if (args is ["board", ..])
{
    return await BoardBench.RunAsync(args[1..], Console.Out);
}
// dotnet run -c Release --project tests/Load -- memory [--conversations 20000] [--turns 10] [--storage memory|postgres] [--idle-seconds 30] [--hold seconds]
var memory = args is ["memory", ..];
LoadOptions options;
try
{
    // Over HTTP no agent takes handoffs, so by default no customer asks for one and no bot breaks trust.
    options = overHttp ? LoadOptions.Parse(["--handoff-share", "0", "--trust-break-share", "0", .. args[1..]])
        : LoadOptions.Parse(memory ? args[1..] : args);
    if (overHttp && (options.Rate > 0 || options.Storage != "memory" || options.Client != "external"))
    {
        throw new ArgumentException("http runs are closed loop (--concurrency) on memory storage, through the API's own cluster client");
    }
}
catch (Exception error) when (error is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"load: {error.Message}");
    return 2;
}

if (memory)
{
    var footprint = await new MemoryProbe(options, Console.Out).RunAsync();
    footprint.Print(Console.Out);
    return 0;
}

if (overHttp)
{
    var httpReport = await new HttpLoad(options, Console.Out).RunAsync();
    httpReport.Print(Console.Out);
    return httpReport.Passed ? 0 : 1;
}

var report = await new InProcessLoad(options, Console.Out).RunAsync();
report.Print(Console.Out);
return report.Passed ? 0 : 1;
