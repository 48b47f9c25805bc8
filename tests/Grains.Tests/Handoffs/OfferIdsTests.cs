using CxCluster.Abstractions;
using CxCluster.Grains.Agents;

namespace CxCluster.Grains.Tests.Handoffs;

public sealed class OfferIdsTests
{
    [Fact]
    public void Two_agents_first_offers_have_different_ids_and_one_agents_offers_differ_by_their_number()
    {
        Assert.Equal("ofr-4-ana", OfferIds.For("ana", 4));
        Assert.NotEqual(OfferIds.For("ana", 4), OfferIds.For("budi", 4));
        Assert.NotEqual(OfferIds.For("ana", 4), OfferIds.For("ana", 5));
        // The number has no dash of its own: agent "2-3"'s first offer is not agent "3"'s twelfth.
        Assert.NotEqual(OfferIds.For("2-3", 1), OfferIds.For("3", 12));
    }

    [Fact]
    public void An_offer_id_is_never_longer_than_an_id_may_be_and_stays_the_same_for_the_same_agent_and_number()
    {
        var longest = new string('a', GrainKeys.MaxIdLength);
        var other = new string('a', GrainKeys.MaxIdLength - 1) + "b";

        var id = OfferIds.For(longest, long.MaxValue);

        Assert.True(id.Length <= GrainKeys.MaxIdLength, id);
        Assert.Equal(id, OfferIds.For(longest, long.MaxValue));
        Assert.NotEqual(id, OfferIds.For(other, long.MaxValue));
        // A digest stands after a colon, so no agent id written out reads the same.
        Assert.StartsWith($"ofr-{long.MaxValue}:", id);
        Assert.Matches("^[A-Za-z0-9_.:-]+$", id);
    }
}
