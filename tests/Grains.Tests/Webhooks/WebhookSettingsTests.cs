using CxCluster.Grains.Webhooks;
using Microsoft.Extensions.Configuration;

namespace CxCluster.Grains.Tests.Webhooks;

/// <summary>The <c>Webhooks</c> section as the host's settings read it.</summary>
public sealed class WebhookSettingsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) => TestConfiguration.From(settings);

    private static WebhookSettings Bind(params (string Key, string Value)[] settings) => CxClusterSettings.Read(Configuration(settings)).Webhooks;

    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] settings) =>
        Assert.Throws<SettingsException>(() => CxClusterSettings.Read(Configuration(settings))).Problems;

    [Fact]
    public void The_defaults_are_valid_and_follow_the_contract()
    {
        var options = Bind();

        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        Assert.Equal(TimeSpan.FromHours(24), options.GiveUpAfter);
        Assert.Equal(4, options.Partitions);
        Assert.False(options.Http2);
        Assert.False(options.CleartextHttp2);
        Assert.True(Bind(("Webhooks:Http2", "true")).Http2);
        Assert.True(Bind(("Webhooks:CleartextHttp2", "true")).CleartextHttp2);
        // State in memory (no database): receivers on loopback are allowed, with tenants configured or not.
        Assert.Equal(new ReceiverPolicy(false, false, true), ReceiverPolicy.For(options));
        Assert.Equal(new ReceiverPolicy(false, false, true), ReceiverPolicy.For(Bind(("Tenants:acme:ApiKeys:0", "acme-key"))));
        // On a database: https to public addresses only.
        var onDatabase = Bind(("ConnectionStrings:CxCluster", "Host=db.internal;Database=cx"), ("Tenants:acme:ApiKeys:0", "acme-key"));
        Assert.Equal(ReceiverPolicy.Strict, ReceiverPolicy.For(onDatabase));
    }

    [Fact]
    public void A_configured_schedule_replaces_the_default_and_an_explicit_loopback_setting_wins()
    {
        var options = Bind(("Webhooks:RetrySeconds:0", "0.5"), ("Webhooks:RetrySeconds:1", "2"), ("Webhooks:AllowLoopbackHttp", "false"));

        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2)], options.RetryDelays);
        Assert.False(ReceiverPolicy.For(options).AllowLoopback);
    }

    [Theory]
    [InlineData("Webhooks:TimeoutSeconds", "0", "Webhooks:TimeoutSeconds must be between 0.01 and 300, not 0")]
    [InlineData("Webhooks:GiveUpSeconds", "-1", "Webhooks:GiveUpSeconds must be between 0.01 and 2592000, not -1")]
    [InlineData("Webhooks:RetrySeconds:1", "0", "Webhooks:RetrySeconds:1 must be between 0.01 and 604800, not 0")]
    [InlineData("Webhooks:Partitions", "0", "Webhooks:Partitions must be between 1 and 256, not 0")]
    [InlineData("Webhooks:Concurrency", "5000", "Webhooks:Concurrency must be between 1 and 1000, not 5000")]
    [InlineData("Webhooks:QueueLimit", "0", "Webhooks:QueueLimit must be between 1 and 1000000, not 0")]
    [InlineData("Webhooks:LineLimit", "0", "Webhooks:LineLimit must be between 1 and 1000000, not 0")]
    [InlineData("Webhooks:RetryingLimit", "0", "Webhooks:RetryingLimit must be between 1 and 10000000, not 0")]
    [InlineData("Webhooks:SlowAttemptMilliseconds", "0", "Webhooks:SlowAttemptMilliseconds must be between 1 and 600000, not 0")]
    [InlineData("Webhooks:MostInFlight", "20000", "Webhooks:MostInFlight must be between 1 and 10000, not 20000")]
    [InlineData("Webhooks:MaxEndpoints", "0", "Webhooks:MaxEndpoints must be between 1 and 10000, not 0")]
    [InlineData("Webhooks:ReminderSeconds", "0", "Webhooks:ReminderSeconds must be between 1 and 86400, not 0")]
    public void A_setting_out_of_range_is_named_by_its_full_key(string key, string value, string problem)
    {
        Assert.Contains(problem, Problems(("Webhooks:RetrySeconds:0", "5"), (key, value)));
    }

    [Fact]
    public void Every_bad_setting_is_named_at_once_with_a_word_that_is_no_number_a_flag_that_is_no_flag_and_a_misspelt_key()
    {
        var problems = Problems(
            ("Webhooks:TimeoutSeconds", "ten"), ("Webhooks:AllowHttp", "yes"), ("Webhooks:Partitons", "8"),
            ("Webhooks:RetrySeconds:first", "5"), ("Webhooks:RetrySeconds:1", "soon"));

        Assert.Contains("Webhooks:TimeoutSeconds must be a number between 0.01 and 300, not 'ten'", problems);
        Assert.Contains("Webhooks:AllowHttp must be true or false, not 'yes'", problems);
        Assert.Contains(problems, p => p.StartsWith("Webhooks:Partitons is not a webhook setting (known: ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Webhooks:RetrySeconds:first is not an item of a list", StringComparison.Ordinal));
        Assert.Contains("Webhooks:RetrySeconds:1 must be a number between 0.01 and 604800, not 'soon'", problems);
        Assert.Equal(5, problems.Count);
    }

    [Fact]
    public void A_schedule_is_taken_in_the_order_of_its_items_not_of_their_keys()
    {
        var options = Bind(("Webhooks:RetrySeconds:10", "60"), ("Webhooks:RetrySeconds:2", "1"), ("Webhooks:RetrySeconds:0", "0.5"));

        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)], options.RetryDelays);
    }
}
