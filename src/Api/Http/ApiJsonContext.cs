using System.Text.Json.Serialization;
using CxCluster.Api.Agents;
using CxCluster.Api.Conversations;
using CxCluster.Api.Queues;
using CxCluster.Api.Supervision;
using CxCluster.Api.Webhooks;

namespace CxCluster.Api.Http;

/// <summary>Source-generated JSON for every shape the API writes: camelCase, null optional fields left out.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(EventResultJson))]
[JsonSerializable(typeof(BatchResultJson))]
[JsonSerializable(typeof(SnapshotJson))]
[JsonSerializable(typeof(SummaryJson))]
[JsonSerializable(typeof(AgentJson))]
[JsonSerializable(typeof(ContextJson))]
[JsonSerializable(typeof(QueueListJson))]
[JsonSerializable(typeof(ProblemJson))]
[JsonSerializable(typeof(EventJson))]
[JsonSerializable(typeof(EventBatchJson))]
[JsonSerializable(typeof(AgentProfileJson))]
[JsonSerializable(typeof(AgentStatusJson))]
[JsonSerializable(typeof(OfferListJson))]
[JsonSerializable(typeof(OfferAcceptedJson))]
[JsonSerializable(typeof(OfferDeclineJson))]
[JsonSerializable(typeof(WebhookJson))]
[JsonSerializable(typeof(WebhookListJson))]
[JsonSerializable(typeof(BoardJson))]
[JsonSerializable(typeof(WebhookFailureListJson))]
[JsonSerializable(typeof(WebhookSpecJson))]
[JsonSerializable(typeof(WebhookReplayJson))]
public sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>Puts the generated shapes first in the HTTP JSON options, keeping the framework's own after them.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Numbers are numbers on the wire (the web default would also read them from strings, and document that).
        options.NumberHandling = JsonNumberHandling.Strict;
        options.TypeInfoResolverChain.Insert(0, Default);
    }
}
