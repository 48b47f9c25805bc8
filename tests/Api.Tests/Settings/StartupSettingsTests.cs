using CxCluster.Api.Tenants;
using CxCluster.Api.Tests.Infrastructure;
using CxCluster.Grains.Tenants;
using CxCluster.Settings;
using CxCluster.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxCluster.Api.Tests.Settings;

/// <summary>
/// The silo and the API read the same settings (<c>Tenants</c>, <c>Cluster</c>) into the same types, once each, and
/// refuse a bad value before they start, naming its full key.
/// </summary>
public sealed class StartupSettingsTests
{
    private const string Postgres = "Host=127.0.0.1;Port=1;Username=cx;Password=unused;Database=cxcluster";

    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Tenants:acme:Threshold", "140", "Tenants:acme:Threshold must be between 0 and 100, not 140" },
        { "Tenants:acme:WarningLevel", "30", "Tenants:acme:WarningLevel (30) must not be below Tenants:acme:Threshold (40)" },
        { "Tenants:acme:DefaultChannel", "fax", "Tenants:acme:DefaultChannel must be a channel" },
        { "Tenants:acme:ApiKeys:2", " ", "Tenants:acme:ApiKeys:2 must be an API key, not empty" },
        { "Tenants:acme:TrustHalfLife", "300", "Tenants:acme:TrustHalfLife is not a tenant setting" },
        { "Cluster:ResponseTimeoutSeconds", "soon", "Cluster:ResponseTimeoutSeconds must be a number of seconds above 0 and at most 86400, not 'soon'" },
        { "Cluster:GatewayRefreshSeconds", "-1", "Cluster:GatewayRefreshSeconds must be a number of seconds above 0 and at most 86400, not -1" },
        { "Cluster:SiloPort", "70000", "Cluster:SiloPort must be between 1 and 65535, not 70000" },
        { "Cluster:GatewayPorts:1", "http", "Cluster:GatewayPorts:1 must be a whole number between 1 and 65535, not 'http'" },
        { "Cluster:MaxProbeTimeoutSeconds", "0.5", "Cluster:MaxProbeTimeoutSeconds (0.5 s) must be at least Cluster:ProbeTimeoutSeconds (1 s)" },
        { "Cluster:MissedProbes", "4", "Cluster:MissedProbes is not a cluster setting" },
        { "Events:FutureToleranceSeconds", "-1", "Events:FutureToleranceSeconds must be a number of seconds from 0 to 86400, not -1" },
        { "RateLimiting:PermitsPerSecond", "-1", "RateLimiting:PermitsPerSecond must be between 0 and 2147483647, not -1" },
        { "RateLimiting:PermitPerSecond", "5", "RateLimiting:PermitPerSecond is not a rate-limiting setting" },
        { "Stream:KeepAliveSecond", "5", "Stream:KeepAliveSecond is not a live-stream setting" },
        { "Events:FutureTolerance", "60", "Events:FutureTolerance is not an event setting" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_stops_the_silo_before_it_starts_naming_the_key(string key, string value, string message)
    {
        var error = Assert.Throws<SettingsException>(() => BuildSilo(With(key, value)).Dispose());

        Assert.Equal(message, error.Message[..Math.Min(error.Message.Length, message.Length)]);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_stops_the_api_before_it_starts_naming_the_key(string key, string value, string message)
    {
        var error = Assert.Throws<SettingsException>(() => LocalCluster.BuildApi("cxcluster-settings", [30000], With(key, value)));

        Assert.Equal(message, error.Message[..Math.Min(error.Message.Length, message.Length)]);
    }

    [Fact]
    public void A_database_without_tenants_stops_both_hosts()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:CxCluster"] = Postgres };

        var silo = Assert.Throws<SettingsException>(() => BuildSilo(settings).Dispose());
        var api = Assert.Throws<SettingsException>(() => LocalCluster.BuildApi("cxcluster-settings", [30000], settings));

        Assert.All([silo.Message, api.Message], message => Assert.StartsWith("a database is configured but no tenant is", message));
    }

    [Fact]
    public async Task Both_hosts_see_the_same_tenants_and_cluster_settings()
    {
        var settings = With("Tenants:acme:Threshold", "35");
        settings["Tenants:acme:MessageRetentionDays"] = "30";
        settings["Cluster:ResponseTimeoutSeconds"] = "4.5";
        settings["Cluster:ClusterId"] = "cxcluster-settings";
        settings["Cluster:ServiceId"] = LocalCluster.ServiceId;

        using var silo = BuildSilo(settings);
        await using var api = LocalCluster.BuildApi("cxcluster-settings", [30000], settings);

        var onSilo = silo.Services.GetRequiredService<CxClusterSettings>();
        var onApi = api.Services.GetRequiredService<CxClusterSettings>();
        Assert.NotSame(onSilo, onApi);
        Assert.Equal(Describe(onSilo), Describe(onApi));
        Assert.Equal(["acme", "globex", "initech"], onApi.Tenants.Select(t => t.TenantId).Order());
        var acme = silo.Services.GetRequiredService<TenantDirectory>().Get("acme");
        Assert.Equal((35, TimeSpan.FromDays(30), "Acme"), (acme.Threshold, acme.MessageRetention, acme.BrandName));
        Assert.Equal("acme", api.Services.GetRequiredService<TenantKeyRing>().FindTenant(ClusterFixture.AcmeSecondKey));
        Assert.Equal(TimeSpan.FromSeconds(4.5), onApi.Cluster.ResponseTimeout);
        Assert.Same(onSilo.Cluster, silo.Services.GetRequiredService<ClusterSettings>());
        Assert.Same(onApi.Cluster, api.Services.GetRequiredService<ClusterSettings>());
    }

    [Fact]
    public async Task Each_host_reads_its_settings_once()
    {
        using var silo = BuildSilo(With("Tenants:acme:Threshold", "35"));
        await using var api = LocalCluster.BuildApi("cxcluster-settings", [30000], With("Tenants:acme:Threshold", "35"));

        Assert.Single(silo.Services.GetServices<CxClusterSettings>());
        Assert.Single(api.Services.GetServices<CxClusterSettings>());
        Assert.Same(silo.Services.GetRequiredService<CxClusterSettings>().Tenants.Single(t => t.TenantId == "acme"),
            silo.Services.GetRequiredService<TenantDirectory>().Get("acme"));
    }

    /// <summary>Everything a test compares: both tenants' keys and policies and the cluster's settings.</summary>
    private static string Describe(CxClusterSettings settings) => string.Join("\n",
        settings.Tenants.OrderBy(t => t.TenantId, StringComparer.Ordinal).Select(t =>
            $"{t.TenantId} [{string.Join(",", t.ApiKeys)}] {t.BrandName} {t.DefaultChannel} {t.DefaultLocale} {t.Threshold} {t.WarningLevel} " +
            $"{t.TrustHalfLife} {t.AverageHandlingTime} {t.MessageRetention} {t.Texts.Count}")
        .Append(System.Text.Json.JsonSerializer.Serialize(settings.Cluster))
        .Append($"{settings.IsEmbeddedDefault} {settings.ConnectionString} {settings.EventFutureTolerance} {settings.PermitsPerSecond}"));

    private static Dictionary<string, string?> With(string key, string value) =>
        new(ClusterFixture.TenantSettings, StringComparer.OrdinalIgnoreCase) { [key] = value };

    private static IHost BuildSilo(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCxClusterSilo();
        return builder.Build();
    }
}
