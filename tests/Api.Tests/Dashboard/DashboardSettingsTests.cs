using CxCluster.Api.Tests.Infrastructure;
using CxCluster.Settings;
using Microsoft.Extensions.Configuration;

namespace CxCluster.Api.Tests.Dashboard;

/// <summary>Dashboard settings: off unless keys are given, keys checked, unknown keys refused, and no tenant key among them.</summary>
public sealed class DashboardSettingsTests
{
    private static CxClusterSettings Read(Dictionary<string, string?> values) =>
        CxClusterSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void Without_a_dashboard_section_there_is_no_dashboard()
    {
        var settings = Read([]);

        Assert.False(settings.Dashboard.Enabled);
        Assert.False(settings.Dashboard.Served);
        Assert.Empty(settings.Dashboard.Keys);
    }

    [Fact]
    public void Keys_turn_it_on_a_silo_may_be_told_enabled_without_keys_and_false_turns_it_off()
    {
        var withKeys = Read(new() { ["Dashboard:Keys:0"] = "operator-key-0123456789" });
        var siloOnly = Read(new() { ["Dashboard:Enabled"] = "true" });
        var off = Read(new() { ["Dashboard:Keys:0"] = "operator-key-0123456789", ["Dashboard:Enabled"] = "false" });

        Assert.True(withKeys.Dashboard.Served);
        Assert.True(siloOnly.Dashboard.Enabled);
        Assert.False(siloOnly.Dashboard.Served);
        Assert.False(off.Dashboard.Enabled);
        Assert.False(off.Dashboard.Served);
    }

    [Fact]
    public void Short_keys_tenant_keys_unknown_settings_and_a_bad_switch_are_refused_by_name_without_the_key()
    {
        var bad = Assert.Throws<SettingsException>(() => Read(new(ClusterFixture.TenantSettings)
        {
            ["Dashboard:Keys:0"] = "short",
            ["Dashboard:Keys:1"] = ClusterFixture.AcmeKey.PadRight(20, 'x'),
            ["Tenants:acme:ApiKeys:2"] = ClusterFixture.AcmeKey.PadRight(20, 'x'),
            ["Dashboard:Enabeld"] = "true",
            ["Dashboard:Enabled"] = "yes",
        }));

        Assert.Contains("Dashboard:Keys:0", bad.Message);
        Assert.Contains("Dashboard:Keys:1 is a tenant's API key", bad.Message);
        Assert.Contains("Dashboard:Enabeld", bad.Message);
        Assert.Contains("Dashboard:Enabled must be true or false", bad.Message);
        Assert.DoesNotContain(ClusterFixture.AcmeKey.PadRight(20, 'x'), bad.Message);
        Assert.DoesNotContain("short", bad.Message);
    }
}
