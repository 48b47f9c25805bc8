using CxCluster.Abstractions;
using CxCluster.Grains.Disclosure;
using CxCluster.Grains.Tenants;

namespace CxCluster.Grains.Tests.Disclosure;

/// <summary>
/// A customer text is filled from its template in one pass: an agent's name or a brand that holds a placeholder's name
/// ("Rina {minutes}") is written as it is, never filled in again.
/// </summary>
public sealed class CustomerTextPlaceholderTests
{
    private static LocalizedTexts Texts(string brand = "Acme") =>
        new CustomerTexts(new TenantDirectory([new TenantPolicy { TenantId = "acme", BrandName = brand, DefaultLocale = "en-US" }])).For("acme", "en-US");

    [Theory]
    [InlineData("Rina {minutes}{position} Putri")]
    [InlineData("{agent}")]
    [InlineData("{brand} desk")]
    [InlineData("Ana {")]
    public void An_agent_name_with_a_placeholder_in_it_is_written_as_it_is(string name)
    {
        var texts = Texts();

        Assert.Contains(name, texts.HandoffAssigned(name), StringComparison.Ordinal);
        Assert.Contains(name, texts.Identity(ConversationStatus.Human, name), StringComparison.Ordinal);
    }

    [Fact]
    public void A_brand_with_a_placeholder_in_it_is_written_as_it_is()
    {
        var texts = Texts("Acme {agent}");

        Assert.Contains("Acme {agent}", texts.Identity(ConversationStatus.Ai, null), StringComparison.Ordinal);
        Assert.Contains("Acme {agent}", texts.HandoffAssigned("Sari"), StringComparison.Ordinal);
        Assert.Contains("Sari", texts.HandoffAssigned("Sari"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_wait_is_filled_in()
    {
        var queued = Texts().HandoffQueued(3, 600);

        Assert.Contains("10", queued, StringComparison.Ordinal);
        Assert.DoesNotContain("{", queued, StringComparison.Ordinal);
    }
}
