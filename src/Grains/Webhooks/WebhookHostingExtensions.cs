using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Hosting;

namespace CxCluster.Grains.Webhooks;

/// <summary>Registers webhook delivery on a silo.</summary>
public static class WebhookHostingExtensions
{
    /// <summary>The <c>Webhooks</c> options (checked at start), the sender and the metrics.</summary>
    public static ISiloBuilder AddCxClusterWebhooks(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateOnStart();
        silo.Services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        silo.Services.AddSingleton<WebhookSender>();
        silo.Services.AddSingleton<WebhookMetrics>();
        // Dispatchers' reminders may tick more often than Orleans' default minimum (tests restart them in seconds).
        GrainsHostingExtensions.AllowReminderPeriod<WebhookOptions>(silo.Services, o => o.ReminderInterval);
        return silo;
    }
}
