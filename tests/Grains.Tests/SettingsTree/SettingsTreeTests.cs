using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxCluster.Grains.Tests.SettingsTree;

/// <summary>One tree of settings for both hosts: every section read and checked at once, each registered for the services that use it.</summary>
public sealed class SettingsTreeTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) => TestConfiguration.From(settings);

    [Fact]
    public void Every_section_is_read_from_the_one_tree_and_registered_as_itself()
    {
        var services = new ServiceCollection();
        var settings = services.AddCxClusterSettings(Configuration(
            ("Conversations:TranscriptTurns", "20"), ("Conversations:IdleSeconds", "30"),
            ("Handoffs:ReconcileSeconds", "2"), ("Push:PollMilliseconds", "5"), ("Webhooks:Partitions", "2"),
            ("Journal:GroupLinger", "00:00:00.001"), ("Testing:CrashMode", "THROW"),
            ("Testing:CrashAt", " agent.complete.stored ,conversation.facts.appended")));
        using var provider = services.BuildServiceProvider();

        Assert.Equal((20, 30, 16), (settings.Conversations.TranscriptTurns, settings.Conversations.IdleSeconds, settings.Conversations.RecentAnswers));
        Assert.Equal(TimeSpan.FromSeconds(2), settings.Handoffs.ReconcileInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(5), settings.Push.PollInterval);
        Assert.Equal(2, settings.Webhooks.Partitions);
        Assert.Equal(TimeSpan.FromMilliseconds(1), settings.Journal.GroupLinger);
        Assert.Equal(CrashPointSettings.Throw, settings.Testing.CrashMode);
        Assert.Equal([CrashPoint.AgentCompleteStored, CrashPoint.ConversationFactsAppended], settings.Testing.Armed);
        Assert.Same(settings.Conversations, provider.GetRequiredService<ConversationSettings>());
        Assert.Same(settings.Handoffs, provider.GetRequiredService<HandoffSettings>());
        Assert.Same(settings.Push, provider.GetRequiredService<PushSettings>());
        Assert.Same(settings.Webhooks, provider.GetRequiredService<WebhookSettings>());
        Assert.Same(settings.Journal, provider.GetRequiredService<JournalSettings>());
        Assert.Same(settings.Testing, provider.GetRequiredService<CrashPointSettings>());
    }

    [Fact]
    public void Bad_values_of_every_section_are_named_together_by_their_full_keys()
    {
        var failure = Assert.Throws<SettingsException>(() => CxClusterSettings.Read(Configuration(
            ("Tenants:acme:Threshold", "140"),
            ("Conversations:TranscriptTurns", "0"), ("Conversations:IdleSeconds", "1"), ("Conversations:TranscriptTurn", "5"),
            ("Handoffs:ReconcileSeconds", "soon"), ("Push:RecentFacts", "8"), ("Testing:CrashMode", "explode"),
            ("Testing:CrashAt", "agent.complete.stored, agent.lunch"))));

        Assert.Contains("Tenants:acme:Threshold must be between 0 and 100, not 140", failure.Problems);
        Assert.Contains("Conversations:TranscriptTurns must be between 1 and 10000, not 0", failure.Problems);
        Assert.Contains("Conversations:IdleSeconds must be between 2 and 604800, not 1", failure.Problems);
        Assert.Contains(failure.Problems, p => p.StartsWith("Conversations:TranscriptTurn is not a conversation setting (known: TranscriptTurns,", StringComparison.Ordinal));
        Assert.Contains("Handoffs:ReconcileSeconds must be a whole number between 1 and 3600, not 'soon'", failure.Problems);
        Assert.Contains("Push:RecentFacts must be between 16 and 10000000, not 8", failure.Problems);
        Assert.Contains("Testing:CrashMode must be kill or throw, not 'explode'", failure.Problems);
        Assert.Contains(failure.Problems, p => p.StartsWith("Testing:CrashAt names unknown steps: agent.lunch (known: agent.complete.stored,", StringComparison.Ordinal));
        Assert.Equal(8, failure.Problems.Count);
    }

    [Fact]
    public void A_host_reads_its_settings_once_and_refuses_a_second_configuration_rather_than_ignore_it()
    {
        var services = new ServiceCollection();
        var configuration = Configuration(("Handoffs:ReconcileSeconds", "2"));

        var first = services.AddCxClusterSettings(configuration);

        Assert.Same(first, services.AddCxClusterSettings(configuration));
        Assert.Throws<InvalidOperationException>(() => services.AddCxClusterSettings(Configuration(("Handoffs:ReconcileSeconds", "5"))));
        Assert.Single(services, d => d.ServiceType == typeof(HandoffSettings));
    }
}
