using CxCluster.Grains.Tenants;
using Microsoft.Extensions.Configuration;

namespace CxCluster.Grains.Tests.Tenants;

public sealed class TenantDirectoryTests
{
    private static TenantDirectory Read(params (string Key, string Value)[] settings) => TenantDirectory.FromConfiguration(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public void Without_tenants_the_embedded_demo_tenant_stands_in()
    {
        var directory = Read();

        Assert.True(directory.IsEmbeddedDefault);
        Assert.Equal(["demo"], directory.TenantIds);
    }

    [Fact]
    public void A_tenant_policy_is_read_with_its_defaults()
    {
        var directory = Read(("Tenants:acme:Threshold", "30"), ("Tenants:acme:WarningLevel", "50"), ("Tenants:acme:DefaultChannel", "voice"));

        var policy = directory.Get("acme");
        Assert.False(directory.IsEmbeddedDefault);
        Assert.Equal((30, 50, Channel.Voice, "id-ID"), (policy.Threshold, policy.WarningLevel, policy.DefaultChannel, policy.DefaultLocale));
    }

    [Fact]
    public void A_message_retention_is_read_in_days_and_absent_means_kept_until_erasure()
    {
        var directory = Read(("Tenants:acme:MessageRetentionDays", "30"), ("Tenants:globex:BrandName", "Globex"));
        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromDays(30), directory.Get("acme").MessageRetention);
        Assert.Equal(now.AddDays(-30), directory.Get("acme").RetainedSince(now));
        Assert.Null(directory.Get("globex").RetainedSince(now));
    }

    [Theory]
    [InlineData("Tenants:acme:Threshold", "70", "Threshold")]
    [InlineData("Tenants:acme:DefaultChannel", "fax", "DefaultChannel")]
    [InlineData("Tenants:acme:TrustHalfLifeSeconds", "0", "TrustHalfLifeSeconds")]
    [InlineData("Tenants:ac/me:Threshold", "30", "ac/me")]
    [InlineData("Tenants:acme:MessageRetentionDays", "0", "MessageRetentionDays")]
    [InlineData("Tenants:acme:MessageRetentionDays", "-3", "MessageRetentionDays")]
    public void A_bad_setting_stops_the_start_naming_it(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read((key, value)));

        Assert.Contains(named, error.Message);
    }
}
