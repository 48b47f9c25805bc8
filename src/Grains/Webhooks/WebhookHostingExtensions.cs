using Microsoft.Extensions.DependencyInjection;

namespace CxCluster.Grains.Webhooks;

/// <summary>Registers webhook delivery on a silo.</summary>
public static class WebhookHostingExtensions
{
    /// <summary>The sender and the metrics; <paramref name="settings"/> were read and checked with the host's settings.</summary>
    public static ISiloBuilder AddCxClusterWebhooks(this ISiloBuilder silo, WebhookSettings settings)
    {
        silo.Services.AddSingleton<WebhookSender>();
        silo.Services.AddSingleton<WebhookMetrics>();
        // Dispatchers' reminders may tick more often than Orleans' default minimum (tests restart them in seconds).
        GrainsHostingExtensions.AllowReminderPeriod(silo.Services, settings.ReminderInterval);
        return silo;
    }
}
