using CxCluster.Api.Tenants;
using CxCluster.Settings;
using Microsoft.Extensions.Configuration;

namespace CxCluster.Api.Tests.Tenants;

public sealed class TenantKeyRingTests
{
    [Fact]
    public void Without_a_Tenants_section_the_embedded_demo_tenant_answers_to_demo_key()
    {
        var ring = Ring(Configuration([]));

        Assert.True(ring.IsEmbeddedDemo);
        Assert.Equal(["demo"], ring.TenantIds);
        Assert.Equal("demo", ring.FindTenant("demo-key"));
        Assert.Null(ring.FindTenant("demo-key "));
    }

    [Fact]
    public void Each_key_names_its_tenant_and_unknown_keys_name_none()
    {
        var ring = Ring(Configuration(new()
        {
            ["Tenants:acme:ApiKeys:0"] = "k1",
            ["Tenants:acme:ApiKeys:1"] = "k2",
            ["Tenants:globex:ApiKeys:0"] = "k3",
            ["Tenants:initech:DefaultLocale"] = "en-US",
        }));

        Assert.False(ring.IsEmbeddedDemo);
        Assert.Equal(("acme", "acme", "globex"), (ring.FindTenant("k1"), ring.FindTenant("k2"), ring.FindTenant("k3")));
        Assert.Null(ring.FindTenant("k4"));
        Assert.Null(ring.FindTenant(""));
        Assert.Equal(["initech"], ring.TenantsWithoutKeys);
    }

    [Theory]
    [InlineData("Tenants:a/b:ApiKeys:0", "k1")]
    [InlineData("Tenants:has space:ApiKeys:0", "k1")]
    [InlineData("Tenants:acme:ApiKeys:0", " ")]
    public void Invalid_tenant_id_or_empty_key_stops_the_start_naming_the_setting(string setting, string value)
    {
        var error = Assert.Throws<SettingsException>(() => Ring(Configuration(new() { [setting] = value })));

        Assert.Contains(setting[..setting.IndexOf(":ApiKeys", StringComparison.Ordinal)], error.Message);
    }

    [Fact]
    public void A_key_shared_by_two_tenants_stops_the_start_without_naming_the_key()
    {
        var error = Assert.Throws<SettingsException>(() => Ring(Configuration(new()
        {
            ["Tenants:acme:ApiKeys:0"] = "shared-secret",
            ["Tenants:globex:ApiKeys:0"] = "shared-secret",
        })));

        Assert.DoesNotContain("shared-secret", error.Message);
        Assert.Contains("Tenants:globex:ApiKeys repeats an API key of Tenants:acme:ApiKeys", error.Message);
    }

    private static TenantKeyRing Ring(IConfiguration configuration) => new(CxClusterSettings.Read(configuration));

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
