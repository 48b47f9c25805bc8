namespace CxCluster.Settings;

/// <summary>How webhooks are delivered and which receivers may be registered (configuration section <c>Webhooks</c>; silos).</summary>
public sealed class WebhookSettings
{
    public const string Section = "Webhooks";

    /// <summary>The retry schedule's default: about 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, then every 2 h.</summary>
    public static readonly IReadOnlyList<double> DefaultRetrySeconds = [5, 30, 120, 600, 1_800, 3_600, 7_200];

    /// <summary>Receivers may be <c>http</c> anywhere they may be reached (else <c>https</c> only).</summary>
    public bool AllowHttp { get; init; }

    /// <summary>Receivers may be on private, loopback, link-local, shared (CGNAT), unique-local and reserved (documentation, benchmarking) addresses.</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>Receivers may be on loopback, over <c>http</c> too; unset: allowed with state in memory (the embedded default, with tenants configured or not) only.</summary>
    public bool AllowLoopbackHttp { get; init; }

    /// <summary>
    /// <c>https</c> receivers are offered HTTP/2 in the TLS handshake (one that chooses HTTP/1.1 is sent HTTP/1.1), and the
    /// deliveries to one host share a connection: about half the CPU per delivery on both sides, but one endpoint's
    /// receiver that stops reading what it is sent can then hold back another endpoint's on the same host and port.
    /// </summary>
    public bool Http2 { get; init; }

    /// <summary>
    /// Deliveries to an <c>http</c> receiver use HTTP/2 without TLS (h2c, with prior knowledge) instead of HTTP/1.1: for
    /// receivers that speak it, such as a mesh's sidecar; one that speaks only HTTP/1.1 then fails every attempt.
    /// </summary>
    public bool CleartextHttp2 { get; init; }

    /// <summary>Seconds an attempt waits for the receiver's answer.</summary>
    public double TimeoutSeconds { get; init; } = 10;

    /// <summary>Seconds to wait before each retry; the last one repeats until <see cref="GiveUpSeconds"/>. Unset: <see cref="DefaultRetrySeconds"/>.</summary>
    public IReadOnlyList<double>? RetrySeconds { get; init; }

    /// <summary>Seconds after the first attempt when a fact that was never accepted goes to the failures.</summary>
    public double GiveUpSeconds { get; init; } = 86_400;

    /// <summary>Dispatchers per new endpoint, each serving the conversations and agents whose id hashes to it.</summary>
    public int Partitions { get; init; } = 4;

    /// <summary>Deliveries one dispatcher has in flight at once (to different conversations).</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>
    /// An attempt that has gone on this long stops holding one of the <see cref="Concurrency"/> slots, so a receiver slow
    /// for some conversations does not hold back the others; <see cref="MostInFlight"/> bounds the attempts under way.
    /// </summary>
    public int SlowAttemptMilliseconds { get; init; } = 1_000;

    /// <summary>
    /// Attempts one dispatcher has under way at most, slow ones included (never fewer than <see cref="Concurrency"/>). A
    /// hanging attempt holds only a socket until the 10 s timeout; with 64, a receiver that hung for a few hundred
    /// conversations held every healthy one back by one timeout per 64 of them.
    /// </summary>
    public int MostInFlight { get; init; } = 256;

    /// <summary>Facts ready to go one dispatcher holds before it stops reading more (the journal keeps the rest).</summary>
    public int QueueLimit { get; init; } = 1_000;

    /// <summary>
    /// Conversations (or agents) one dispatcher keeps waiting for a retry, one fact each, before it stops reading more:
    /// they do not count against <see cref="QueueLimit"/>, so refused conversations never hold back the others below it.
    /// </summary>
    public int RetryingLimit { get; init; } = 10_000;

    /// <summary>
    /// Facts of one conversation (or agent) a dispatcher holds in memory, and only the head while it waits for a retry;
    /// the line's later facts wait in the journal and are read back once it has gone out.
    /// </summary>
    public int LineLimit { get; init; } = 250;

    /// <summary>Endpoints one tenant may have at once (each runs <see cref="Partitions"/> dispatchers).</summary>
    public int MaxEndpoints { get; init; } = 20;

    /// <summary>Given-up facts kept per dispatcher; the oldest go first.</summary>
    public int FailuresKept { get; init; } = 1_000;

    /// <summary>Milliseconds between two saves of a dispatcher's progress while it changes.</summary>
    public int SaveMilliseconds { get; init; } = 1_000;

    /// <summary>Seconds between the durable reminders that restart dispatchers after a silo failed.</summary>
    public int ReminderSeconds { get; init; } = 10;

    public IReadOnlyList<TimeSpan> RetryDelays => (RetrySeconds is { Count: > 0 } given ? given : DefaultRetrySeconds).Select(TimeSpan.FromSeconds).ToArray();

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public TimeSpan GiveUpAfter => TimeSpan.FromSeconds(GiveUpSeconds);

    public TimeSpan SaveInterval => TimeSpan.FromMilliseconds(SaveMilliseconds);

    public TimeSpan SlowAttempt => TimeSpan.FromMilliseconds(SlowAttemptMilliseconds);

    public TimeSpan ReminderInterval => TimeSpan.FromSeconds(ReminderSeconds);

    /// <summary>The section as configured; <paramref name="inMemory"/>: no database is, so loopback receivers are allowed unless it says otherwise.</summary>
    internal static WebhookSettings Read(IConfiguration configuration, SettingsReader reader, bool inMemory)
    {
        var section = configuration.GetSection(Section);
        var defaults = new WebhookSettings();
        reader.OnlyKnown(section, "a webhook setting",
            nameof(AllowHttp), nameof(AllowPrivateNetworks), nameof(AllowLoopbackHttp), nameof(TimeoutSeconds), nameof(RetrySeconds),
            nameof(GiveUpSeconds), nameof(Partitions), nameof(Concurrency), nameof(SlowAttemptMilliseconds), nameof(MostInFlight),
            nameof(QueueLimit), nameof(RetryingLimit), nameof(LineLimit), nameof(MaxEndpoints), nameof(FailuresKept),
            nameof(SaveMilliseconds), nameof(ReminderSeconds), nameof(Http2), nameof(CleartextHttp2));
        return new WebhookSettings
        {
            AllowHttp = reader.OptionalBool(section, nameof(AllowHttp)) ?? defaults.AllowHttp,
            AllowPrivateNetworks = reader.OptionalBool(section, nameof(AllowPrivateNetworks)) ?? defaults.AllowPrivateNetworks,
            AllowLoopbackHttp = reader.OptionalBool(section, nameof(AllowLoopbackHttp)) ?? inMemory,
            Http2 = reader.OptionalBool(section, nameof(Http2)) ?? defaults.Http2,
            CleartextHttp2 = reader.OptionalBool(section, nameof(CleartextHttp2)) ?? defaults.CleartextHttp2,
            TimeoutSeconds = reader.Double(section, nameof(TimeoutSeconds), defaults.TimeoutSeconds, 0.01, 300),
            RetrySeconds = reader.Doubles(section, nameof(RetrySeconds), 0.01, 7 * 86_400),
            GiveUpSeconds = reader.Double(section, nameof(GiveUpSeconds), defaults.GiveUpSeconds, 0.01, 30 * 86_400),
            Partitions = reader.Int(section, nameof(Partitions), defaults.Partitions, 1, 256),
            Concurrency = reader.Int(section, nameof(Concurrency), defaults.Concurrency, 1, 1_000),
            SlowAttemptMilliseconds = reader.Int(section, nameof(SlowAttemptMilliseconds), defaults.SlowAttemptMilliseconds, 1, 600_000),
            MostInFlight = reader.Int(section, nameof(MostInFlight), defaults.MostInFlight, 1, 10_000),
            QueueLimit = reader.Int(section, nameof(QueueLimit), defaults.QueueLimit, 1, 1_000_000),
            RetryingLimit = reader.Int(section, nameof(RetryingLimit), defaults.RetryingLimit, 1, 10_000_000),
            LineLimit = reader.Int(section, nameof(LineLimit), defaults.LineLimit, 1, 1_000_000),
            MaxEndpoints = reader.Int(section, nameof(MaxEndpoints), defaults.MaxEndpoints, 1, 10_000),
            FailuresKept = reader.Int(section, nameof(FailuresKept), defaults.FailuresKept, 1, 100_000),
            SaveMilliseconds = reader.Int(section, nameof(SaveMilliseconds), defaults.SaveMilliseconds, 1, 600_000),
            ReminderSeconds = reader.Int(section, nameof(ReminderSeconds), defaults.ReminderSeconds, 1, 86_400),
        };
    }
}
