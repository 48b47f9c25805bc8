using CxCluster.Grains.Tests.Support;
using static CxCluster.TestSupport.ConversationEvents;

namespace CxCluster.Grains.Tests.Conversations;

/// <summary>References made from the types taken once are the references <c>GetGrain</c> makes, and reach the same grains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainReferencesTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_first_and_every_later_reference_equal_GetGrains_and_reach_the_same_grain()
    {
        var references = new GrainReferences<IConversationGrain>(fixture.Grains);
        var keys = Enumerable.Range(0, 3).Select(_ => GrainKeys.Conversation(ClusterFixture.Tenant, $"c-{Guid.NewGuid():N}")).ToArray();

        foreach (var key in keys)
        {
            var made = references.Get(key);
            var expected = fixture.Grains.GetGrain<IConversationGrain>(key);

            Assert.Equal(expected, made);
            Assert.Equal(((GrainReference)(object)expected).GrainId, ((GrainReference)(object)made).GrainId);
            Assert.Equal(((GrainReference)(object)expected).InterfaceType, ((GrainReference)(object)made).InterfaceType);
            Assert.Null(await made.GetSnapshot());
            await made.Apply(Started(Channel.Chat, "en-US"));
            Assert.NotNull(await expected.GetSnapshot());
        }
    }

    [Fact]
    public void Keys_of_other_tenants_give_other_grains()
    {
        var references = new GrainReferences<IConversationGrain>(fixture.Grains);

        var first = references.Get(GrainKeys.Conversation("t1", "c-1"));
        var second = references.Get(GrainKeys.Conversation("t2", "c-1"));

        Assert.NotEqual(((GrainReference)(object)first).GrainId, ((GrainReference)(object)second).GrainId);
        Assert.Equal(fixture.Grains.Conversation("t2", "c-1"), second);
    }
}
