using System.Globalization;

namespace CxCluster.Load;

/// <summary>What a load run does; every option is <c>--name value</c> on the command line.</summary>
public sealed record LoadOptions
{
    public int Silos { get; init; } = 2;
    public int Conversations { get; init; } = 2_000;
    /// <summary>Events each conversation sends, at least the start, the disclosure round and the end.</summary>
    public int EventsPerConversation { get; init; } = 20;
    /// <summary>Share of conversations whose customer asks for a person.</summary>
    public double HandoffShare { get; init; } = 0.10;
    /// <summary>Share of conversations whose bot keeps failing until trust breaks.</summary>
    public double TrustBreakShare { get; init; } = 0.05;
    /// <summary>Closed loop: this many conversations in flight, each sending its next event once answered.</summary>
    public int Concurrency { get; init; } = 64;
    /// <summary>Open loop: events started per second regardless of answers (0: closed loop).</summary>
    public int Rate { get; init; }
    /// <summary>Stop starting events after this long (0: when every conversation is done).</summary>
    public TimeSpan Duration { get; init; }
    /// <summary>In-process runs: play conversations of their own for at least this long first, unmeasured, and on until the JIT has settled.</summary>
    public TimeSpan Warmup { get; init; }
    /// <summary><c>memory</c> or <c>postgres</c>.</summary>
    public string Storage { get; init; } = "memory";
    /// <summary>With <c>postgres</c>: a server connection string; a fresh database is created and migrated on it.</summary>
    public string? Postgres { get; init; }
    public int Agents { get; init; } = 20;
    public int AgentCapacity { get; init; } = 3;
    /// <summary>How long a simulated agent keeps a conversation before completing it.</summary>
    public TimeSpan HandlingTime { get; init; } = TimeSpan.FromMilliseconds(200);
    public int Seed { get; init; } = 7;
    /// <summary>HTTP runs: up to this many events per <c>POST /v1/events:batch</c> (0: one event per request).</summary>
    public int Batch { get; init; }
    /// <summary>
    /// In-process runs: <c>external</c> calls the grains through a cluster client connected to a gateway (as the API
    /// does); <c>hosted</c> calls them from inside the first silo, as an application co-hosted with its silo does.
    /// </summary>
    public string Client { get; init; } = "external";
    /// <summary>Memory probe: customer turns added to each conversation after it started.</summary>
    public int Turns { get; init; } = 10;

    /// <summary>Seconds the memory probe waits once the conversations are started and measured, so a heap dump can be taken of them.</summary>
    public int HoldSeconds { get; init; }

    /// <summary>
    /// Memory probe: the conversations' idle time (<c>Conversations:IdleSeconds</c>); when given, the probe also measures
    /// once the idle conversations have left memory.
    /// </summary>
    public int? IdleSeconds { get; init; }
    /// <summary>
    /// What each answer carries: <c>summary</c> (the lean answer a platform asks for with <c>Prefer: return=minimal</c>)
    /// or <c>full</c> (the whole snapshot).
    /// </summary>
    public string Answers { get; init; } = "summary";
    /// <summary>In-process runs: list every collection of the measured part (generation, pause, survivors, sizes).</summary>
    public bool GcLog { get; init; }
    /// <summary>In-process runs: what the measured part allocated, by type, from the runtime's allocation ticks.</summary>
    public bool AllocationTypes { get; init; }

    public AnswerShape AnswerShape => Answers == "full" ? AnswerShape.Full : AnswerShape.Summary;

    /// <summary>How report titles mention the warm-up: empty without one.</summary>
    public string WarmupNote => Warmup > TimeSpan.Zero ? $", after {Warmup.TotalSeconds:0} s of warm-up" : "";

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            double Double() => double.Parse(Value(), CultureInfo.InvariantCulture);
            options = name switch
            {
                "--silos" => options with { Silos = Int() },
                "--conversations" => options with { Conversations = Int() },
                "--events-per-conversation" => options with { EventsPerConversation = Int() },
                "--handoff-share" => options with { HandoffShare = Double() },
                "--trust-break-share" => options with { TrustBreakShare = Double() },
                "--concurrency" => options with { Concurrency = Int() },
                "--rate" => options with { Rate = Int() },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Double()) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(Double()) },
                "--storage" => options with { Storage = Value() },
                "--postgres" => options with { Postgres = Value() },
                "--agents" => options with { Agents = Int() },
                "--agent-capacity" => options with { AgentCapacity = Int() },
                "--handling-ms" => options with { HandlingTime = TimeSpan.FromMilliseconds(Double()) },
                "--seed" => options with { Seed = Int() },
                "--batch" => options with { Batch = Int() },
                "--turns" => options with { Turns = Int() },
                "--hold" => options with { HoldSeconds = Int() },
                "--idle-seconds" => options with { IdleSeconds = Int() },
                "--client" => options with { Client = Value() },
                "--answers" => options with { Answers = Value() },
                "--gc-log" => options with { GcLog = true },
                "--alloc-types" => options with { AllocationTypes = true },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        if (options.Storage is not ("memory" or "postgres"))
        {
            throw new ArgumentException("--storage is memory or postgres");
        }
        if (options.Answers is not ("summary" or "full"))
        {
            throw new ArgumentException("--answers is summary or full");
        }
        if (options.Client is not ("external" or "hosted"))
        {
            throw new ArgumentException("--client is external or hosted");
        }
        if (options.EventsPerConversation < 5 || options.Silos < 1 || options.Conversations < 1 || options.Concurrency < 1)
        {
            throw new ArgumentException("--events-per-conversation is at least 5; --silos, --conversations and --concurrency at least 1");
        }
        if (options.Batch is < 0 or > 1000)
        {
            throw new ArgumentException("--batch is 0 (single events) to 1000");
        }
        return options;
    }
}
