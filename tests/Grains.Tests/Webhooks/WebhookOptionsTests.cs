using CxCluster.Grains.Webhooks;
using Microsoft.Extensions.Configuration;

namespace CxCluster.Grains.Tests.Webhooks;

public sealed class WebhookOptionsTests
{
    private static WebhookOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
    }

    private static IEnumerable<string> Problems(WebhookOptions options) =>
        new WebhookOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void The_defaults_are_valid_and_follow_the_contract()
    {
        var options = Bind();

        Assert.Empty(Problems(options));
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        Assert.Equal(TimeSpan.FromHours(24), options.GiveUpAfter);
        Assert.Equal(4, options.Partitions);
        Assert.Equal(ReceiverPolicy.Strict, options.Policy(embeddedDefault: false));
        Assert.Equal(new ReceiverPolicy(false, false, true), options.Policy(embeddedDefault: true));
    }

    [Fact]
    public void A_configured_schedule_replaces_the_default_and_an_explicit_loopback_setting_wins()
    {
        var options = Bind(("Webhooks:RetrySeconds:0", "0.5"), ("Webhooks:RetrySeconds:1", "2"), ("Webhooks:AllowLoopbackHttp", "false"));

        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2)], options.RetryDelays);
        Assert.False(options.Policy(embeddedDefault: true).AllowLoopback);
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
        var options = Bind(("Webhooks:RetrySeconds:0", "5"), (key, value));

        Assert.Contains(problem, Problems(options));
    }
}
