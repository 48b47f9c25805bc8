using CxCluster.Grains.Tenants;

namespace CxCluster.Grains.Tests.Tenants;

/// <summary>The <c>Tenants</c> tree as the silo's grains see it, read once and checked before the silo starts.</summary>
public sealed class TenantSettingsTests
{
    private static CxClusterSettings Settings(params (string Key, string Value)[] settings) => CxClusterSettings.Read(TestConfiguration.From(settings));

    private static TenantDirectory Read(params (string Key, string Value)[] settings) => new(Settings(settings));

    [Fact]
    public void Without_tenants_the_embedded_demo_tenant_stands_in()
    {
        var directory = Read();

        Assert.True(directory.IsEmbeddedDefault);
        Assert.Equal(["demo"], directory.TenantIds);
        Assert.Equal("CxCluster Demo", directory.Get("demo").BrandName);
        Assert.Equal(["demo-key"], Settings().Tenants.Single().ApiKeys);
    }

    [Fact]
    public void A_tenant_policy_is_read_with_its_defaults()
    {
        var directory = Read(("Tenants:acme:Threshold", "30"), ("Tenants:acme:WarningLevel", "50"), ("Tenants:acme:DefaultChannel", "voice"));

        var policy = directory.Get("acme");
        Assert.False(directory.IsEmbeddedDefault);
        Assert.Equal((30, 50, Channel.Voice, "id-ID", "acme"), (policy.Threshold, policy.WarningLevel, policy.DefaultChannel, policy.DefaultLocale, policy.BrandName));
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(4)), (policy.TrustHalfLife, policy.AverageHandlingTime));
        Assert.Empty(policy.ApiKeys);
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

    [Fact]
    public void Customer_texts_are_read_per_locale_and_channel()
    {
        var policy = Read(
            ("Tenants:acme:Texts:en-US:Disclosure", "Hi, I am Acme's AI."),
            ("Tenants:acme:Texts:en-US:DisclosureByChannel:voice", "You are speaking with Acme's AI.")).Get("acme");

        Assert.Equal("Hi, I am Acme's AI.", policy.Texts["en-us"].Disclosure);
        Assert.Equal("You are speaking with Acme's AI.", policy.Texts["en-US"].DisclosureByChannel["voice"]);
    }

    [Theory]
    [InlineData("Tenants:acme:Threshold", "140", "Tenants:acme:Threshold must be between 0 and 100, not 140")]
    [InlineData("Tenants:acme:Threshold", "high", "Tenants:acme:Threshold must be a whole number between 0 and 100, not 'high'")]
    [InlineData("Tenants:acme:Threshold", "70", "Tenants:acme:WarningLevel (60) must not be below Tenants:acme:Threshold (70)")]
    [InlineData("Tenants:acme:DefaultChannel", "fax", "Tenants:acme:DefaultChannel must be a channel")]
    [InlineData("Tenants:acme:TrustHalfLifeSeconds", "0", "Tenants:acme:TrustHalfLifeSeconds must be a number of seconds above 0")]
    [InlineData("Tenants:acme:AverageHandlingSeconds", "-5", "Tenants:acme:AverageHandlingSeconds must be a number of seconds above 0")]
    [InlineData("Tenants:ac/me:Threshold", "30", "Tenants:ac/me: a tenant id is")]
    [InlineData("Tenants:acme:MessageRetentionDays", "0", "Tenants:acme:MessageRetentionDays must be between 1 and 36500, not 0")]
    [InlineData("Tenants:acme:MessageRetentionDays", "-3", "Tenants:acme:MessageRetentionDays must be between 1 and 36500, not -3")]
    [InlineData("Tenants:acme:Treshold", "30", "Tenants:acme:Treshold is not a tenant setting")]
    [InlineData("Tenants:acme:Texts:en:Disclosur", "Hi", "Tenants:acme:Texts:en:Disclosur is not a customer text")]
    [InlineData("Tenants:acme:Texts:en:DisclosureByChannel:fax", "Hi", "Tenants:acme:Texts:en:DisclosureByChannel:fax: 'fax' is not a channel")]
    public void A_bad_setting_stops_the_start_naming_its_full_key(string key, string value, string message)
    {
        var error = Assert.Throws<SettingsException>(() => Read((key, value)));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Every_bad_setting_is_named_at_once()
    {
        var error = Assert.Throws<SettingsException>(() => Read(
            ("Tenants:acme:Threshold", "140"), ("Tenants:globex:MessageRetentionDays", "0"), ("Cluster:SiloPort", "70000")));

        Assert.Equal(
            [
                "Tenants:acme:Threshold must be between 0 and 100, not 140",
                "Tenants:globex:MessageRetentionDays must be between 1 and 36500, not 0",
                "Cluster:SiloPort must be between 1 and 65535, not 70000",
            ],
            error.Problems);
    }

    [Fact]
    public void A_database_without_tenants_is_refused_so_the_demo_key_never_reaches_production()
    {
        var error = Assert.Throws<SettingsException>(() => Read(("ConnectionStrings:CxCluster", "Host=db;Database=cxcluster")));

        Assert.Contains("a database is configured but no tenant is", error.Message);
    }
}
