using System.Buffers;
using System.Text.Json;
using CxCluster.Api.Agents;
using CxCluster.Api.Http;
using CxCluster.Grains.Handoffs;
using CxCluster.TestSupport.Handoffs;

namespace CxCluster.Api.Tests.Agents;

/// <summary>The context told in an offer's fact is the same packet, written the same way, as the API's context answers.</summary>
public sealed class ContextShapeTests
{
    public static TheoryData<string> Samples => new() { "full", "sparse" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_context_in_an_offer_fact_is_written_as_the_API_writes_it(string sample)
    {
        var context = sample == "full" ? ContextSamples.Full() : ContextSamples.Sparse();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            HandoffContextJson.Write(writer, context);
        }

        var inFact = JsonNode.Parse(buffer.WrittenSpan);
        var answered = JsonNode.Parse(JsonSerializer.Serialize(ContextJson.Of(context), ApiJsonContext.Default.ContextJson));

        Assert.True(JsonNode.DeepEquals(answered, inFact), $"API:  {answered!.ToJsonString()}\nfact: {inFact!.ToJsonString()}");
    }
}
