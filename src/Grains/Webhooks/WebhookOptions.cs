using System.Globalization;
using Microsoft.Extensions.Options;

namespace CxCluster.Grains.Webhooks;

/// <summary>How webhooks are delivered and which receivers may be registered (configuration section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The retry schedule's default: about 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, then every 2 h.</summary>
    public static readonly IReadOnlyList<double> DefaultRetrySeconds = [5, 30, 120, 600, 1_800, 3_600, 7_200];

    /// <summary>Receivers may be <c>http</c> anywhere they may be reached (else <c>https</c> only).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Receivers may be on private, loopback, link-local, shared (CGNAT), unique-local and reserved (documentation, benchmarking) addresses.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Receivers may be on loopback, over <c>http</c> too; unset: allowed on the embedded default only.</summary>
    public bool? AllowLoopbackHttp { get; set; }

    /// <summary>Seconds an attempt waits for the receiver's answer.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Seconds to wait before each retry; the last one repeats until <see cref="GiveUpSeconds"/>. Unset: <see cref="DefaultRetrySeconds"/>.</summary>
    public double[]? RetrySeconds { get; set; }

    /// <summary>Seconds after the first attempt when a fact that was never accepted goes to the failures.</summary>
    public double GiveUpSeconds { get; set; } = 86_400;

    /// <summary>Dispatchers per new endpoint, each serving the conversations and agents whose id hashes to it.</summary>
    public int Partitions { get; set; } = 4;

    /// <summary>Deliveries one dispatcher has in flight at once (to different conversations).</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// An attempt that has gone on this long stops holding one of the <see cref="Concurrency"/> slots, so a receiver slow
    /// for some conversations does not hold back the others; <see cref="MostInFlight"/> bounds the attempts under way.
    /// </summary>
    public int SlowAttemptMilliseconds { get; set; } = 1_000;

    /// <summary>Attempts one dispatcher has under way at most, slow ones included (never fewer than <see cref="Concurrency"/>).</summary>
    public int MostInFlight { get; set; } = 64;

    /// <summary>Facts ready to go one dispatcher holds before it stops reading more (the journal keeps the rest).</summary>
    public int QueueLimit { get; set; } = 1_000;

    /// <summary>
    /// Conversations (or agents) one dispatcher keeps waiting for a retry, one fact each, before it stops reading more:
    /// they do not count against <see cref="QueueLimit"/>, so refused conversations never hold back the others below it.
    /// </summary>
    public int RetryingLimit { get; set; } = 10_000;

    /// <summary>
    /// Facts of one conversation (or agent) a dispatcher holds in memory, and only the head while it waits for a retry;
    /// the line's later facts wait in the journal and are read back once it has gone out.
    /// </summary>
    public int LineLimit { get; set; } = 250;

    /// <summary>Endpoints one tenant may have at once (each runs <see cref="Partitions"/> dispatchers).</summary>
    public int MaxEndpoints { get; set; } = 20;

    /// <summary>Given-up facts kept per dispatcher; the oldest go first.</summary>
    public int FailuresKept { get; set; } = 1_000;

    /// <summary>Milliseconds between two saves of a dispatcher's progress while it changes.</summary>
    public int SaveMilliseconds { get; set; } = 1_000;

    /// <summary>Seconds between the durable reminders that restart dispatchers after a silo failed.</summary>
    public int ReminderSeconds { get; set; } = 10;

    internal IReadOnlyList<TimeSpan> RetryDelays => (RetrySeconds is { Length: > 0 } given ? given : DefaultRetrySeconds).Select(TimeSpan.FromSeconds).ToArray();

    internal TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    internal TimeSpan GiveUpAfter => TimeSpan.FromSeconds(GiveUpSeconds);

    internal TimeSpan SaveInterval => TimeSpan.FromMilliseconds(SaveMilliseconds);

    internal TimeSpan SlowAttempt => TimeSpan.FromMilliseconds(SlowAttemptMilliseconds);

    internal TimeSpan ReminderInterval => TimeSpan.FromSeconds(ReminderSeconds);

    /// <summary>The address rules receivers are held to, with the embedded default's loopback allowance applied.</summary>
    internal ReceiverPolicy Policy(bool embeddedDefault) => new(AllowHttp, AllowPrivateNetworks, AllowLoopbackHttp ?? embeddedDefault);
}

/// <summary>Names every <c>Webhooks</c> setting out of its range, by its full key.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions o)
    {
        var problems = new List<string>();
        Range(problems, nameof(o.TimeoutSeconds), o.TimeoutSeconds, 0.01, 300);
        Range(problems, nameof(o.GiveUpSeconds), o.GiveUpSeconds, 0.01, 30 * 86_400);
        if (o.RetrySeconds is { } retries)
        {
            for (var i = 0; i < retries.Length; i++)
            {
                Range(problems, $"{nameof(o.RetrySeconds)}:{i}", retries[i], 0.01, 7 * 86_400);
            }
        }
        Range(problems, nameof(o.Partitions), o.Partitions, 1, 256);
        Range(problems, nameof(o.Concurrency), o.Concurrency, 1, 1_000);
        Range(problems, nameof(o.SlowAttemptMilliseconds), o.SlowAttemptMilliseconds, 1, 600_000);
        Range(problems, nameof(o.MostInFlight), o.MostInFlight, 1, 10_000);
        Range(problems, nameof(o.QueueLimit), o.QueueLimit, 1, 1_000_000);
        Range(problems, nameof(o.RetryingLimit), o.RetryingLimit, 1, 10_000_000);
        Range(problems, nameof(o.LineLimit), o.LineLimit, 1, 1_000_000);
        Range(problems, nameof(o.MaxEndpoints), o.MaxEndpoints, 1, 10_000);
        Range(problems, nameof(o.FailuresKept), o.FailuresKept, 1, 100_000);
        Range(problems, nameof(o.SaveMilliseconds), o.SaveMilliseconds, 1, 600_000);
        Range(problems, nameof(o.ReminderSeconds), o.ReminderSeconds, 1, 86_400);
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }

    private static void Range(List<string> problems, string name, double value, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{WebhookOptions.Section}:{name} must be between {min} and {max}, not {value}"));
        }
    }
}
