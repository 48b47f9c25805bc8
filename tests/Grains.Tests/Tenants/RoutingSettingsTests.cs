using CxCluster.Grains.Tenants;

namespace CxCluster.Grains.Tests.Tenants;

/// <summary>The <c>Routing</c> settings: offers, first reply, not-responding status and steps, for every tenant and per tenant.</summary>
public sealed class RoutingSettingsTests
{
    private static CxClusterSettings Settings(params (string Key, string Value)[] settings) => CxClusterSettings.Read(TestConfiguration.From(settings));

    private static TenantDirectory Read(params (string Key, string Value)[] settings) => new(Settings(settings));

    [Fact]
    public void Defaults_are_the_contracts_offer_first_reply_away_and_two_steps()
    {
        var routing = Read(("Tenants:acme:BrandName", "Acme")).Get("acme").Routing;

        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120), AgentStatus.Away), (routing.OfferTimeout, routing.FirstReply, routing.NotRespondingStatus));
        Assert.True(routing.OffersOn);
        Assert.Equal([new RoutingStep(TimeSpan.Zero, RoutingMatch.LanguageAndChannel), new RoutingStep(TimeSpan.FromSeconds(60), RoutingMatch.Language)], routing.Steps);
        Assert.Equal(routing.OfferTimeout, Read().Get("demo").Routing.OfferTimeout);
    }

    [Fact]
    public void The_top_level_section_is_every_tenants_default_and_a_tenant_overrides_it_key_by_key()
    {
        var directory = Read(
            ("Routing:OfferTimeoutSeconds", "0"), ("Routing:FirstReplySeconds", "45"),
            ("Tenants:acme:Routing:OfferTimeoutSeconds", "12.5"), ("Tenants:globex:BrandName", "Globex"));

        Assert.Equal((TimeSpan.FromSeconds(12.5), TimeSpan.FromSeconds(45)), (directory.Get("acme").Routing.OfferTimeout, directory.Get("acme").Routing.FirstReply));
        Assert.False(directory.Get("globex").Routing.OffersOn);
        Assert.False(directory.Get("a-tenant-nobody-configured").Routing.OffersOn);
    }

    [Fact]
    public void Steps_are_read_in_order_and_a_first_step_by_language_starts_wide()
    {
        var routing = Read(
            ("Tenants:acme:Routing:Steps:0:after", "0"), ("Tenants:acme:Routing:Steps:0:match", "language"),
            ("Tenants:globex:Routing:Steps:1:match", "language"), ("Tenants:globex:Routing:Steps:1:after", "20"),
            ("Tenants:globex:Routing:Steps:0:match", "Language+Channel"), ("Tenants:globex:Routing:Steps:0:after", "0"));

        // A list set from its first step is the whole list.
        Assert.Equal([new RoutingStep(TimeSpan.Zero, RoutingMatch.Language)], routing.Get("acme").Routing.Steps);
        Assert.Equal(TimeSpan.FromSeconds(20), routing.Get("globex").Routing.Steps[1].After);
        Assert.Equal(1, routing.Get("globex").Routing.WideningStep);
        Assert.Equal(0, routing.Get("acme").Routing.WideningStep);
    }

    [Theory]
    [InlineData("Tenants:acme:Routing:OfferTimeoutSeconds", "-1", "Tenants:acme:Routing:OfferTimeoutSeconds must be a number of seconds from 0 to 3600, not -1")]
    [InlineData("Routing:FirstReplySeconds", "soon", "Routing:FirstReplySeconds must be a number of seconds from 0 to 86400, not 'soon'")]
    [InlineData("Tenants:acme:Routing:NotRespondingStatus", "available", "Tenants:acme:Routing:NotRespondingStatus must be away or offline, not 'available'")]
    [InlineData("Tenants:acme:Routing:Steps:0:match", "skills", "Tenants:acme:Routing:Steps:0:match must be language+channel or language, not 'skills'")]
    [InlineData("Tenants:acme:Routing:Steps:0:after", "30", "Tenants:acme:Routing:Steps:0:after must be 0: the first step matches a conversation from the moment it waits")]
    [InlineData("Tenants:acme:Routing:Steps:2:match", "language", "Tenants:acme:Routing:Steps:2:after must be set: the default routing has no step 2 to take it from")]
    [InlineData("Tenants:acme:Routing:Steps:1:match", "language", "Tenants:acme:Routing:Steps:1:after must be set: a list set from its first step takes nothing from the default steps")]
    [InlineData("Tenants:acme:Routing:Steps:3:after", "600", "Tenants:acme:Routing:Steps:2 is missing: steps are numbered from 0 without gaps")]
    [InlineData("Tenants:acme:Routing:Steps:first:after", "0", "Tenants:acme:Routing:Steps must be a list of steps numbered from 0")]
    [InlineData("Tenants:acme:Routing:Offers", "30", "Tenants:acme:Routing:Offers is not a routing setting")]
    public void A_bad_routing_setting_fails_the_start_naming_its_key(string key, string value, string problem)
    {
        var settings = new List<(string, string)> { (key, value) };
        if (key.Contains(":Steps:0:after", StringComparison.Ordinal) || key.EndsWith(":Steps:1:match", StringComparison.Ordinal))
        {
            settings.Add(("Tenants:acme:Routing:Steps:0:match", "language"));
        }
        var error = Assert.Throws<SettingsException>(() => Settings([.. settings]));

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_step_set_key_by_key_overrides_that_key_of_the_default_step_as_the_contract_shows()
    {
        var routing = Read(
            ("Tenants:acme:Routing:Steps:1:after", "90"),
            ("Tenants:globex:Routing:Steps:1:match", "language+channel"),
            ("Tenants:initech:Routing:Steps:1:after", "60"), ("Tenants:initech:Routing:Steps:1:match", "language"),
            ("Tenants:initech:Routing:Steps:2:after", "300"), ("Tenants:initech:Routing:Steps:2:match", "language"));

        Assert.Equal([new RoutingStep(TimeSpan.Zero, RoutingMatch.LanguageAndChannel), new RoutingStep(TimeSpan.FromSeconds(90), RoutingMatch.Language)],
            routing.Get("acme").Routing.Steps);
        // Never widened: the second step matches as the first does.
        Assert.Equal([new RoutingStep(TimeSpan.Zero, RoutingMatch.LanguageAndChannel), new RoutingStep(TimeSpan.FromSeconds(60), RoutingMatch.LanguageAndChannel)],
            routing.Get("globex").Routing.Steps);
        Assert.Equal(3, routing.Get("initech").Routing.Steps.Count);
        Assert.Equal(RoutingPolicy.DefaultSteps, routing.Get("a-tenant-nobody-configured").Routing.Steps);
    }

    [Fact]
    public void Steps_that_narrow_or_do_not_wait_longer_are_refused()
    {
        var error = Assert.Throws<SettingsException>(() => Settings(
            ("Tenants:acme:Routing:Steps:0:after", "0"), ("Tenants:acme:Routing:Steps:0:match", "language"),
            ("Tenants:acme:Routing:Steps:1:after", "0"), ("Tenants:acme:Routing:Steps:1:match", "language+channel")));

        Assert.Contains("Tenants:acme:Routing:Steps:1 must wait longer than the step before it (0 s) and match at least as many agents", error.Message);
    }
}
