using System.Runtime.ExceptionServices;
using CxCluster.Api.Cluster;

namespace CxCluster.Api.Conversations;

/// <summary>Events in, snapshots out, erasure: <c>/v1/conversations</c> and <c>/v1/events:batch</c>.</summary>
public static partial class ConversationApi
{
    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapTenantApi("Conversations");

        api.MapPost("/conversations/{conversationId}/events", PostEvent)
            .WithName("PostEvent")
            .WithSummary("Applies one event to a conversation and answers the directives to carry out.")
            .Accepts<EventJson>("application/json")
            .Produces<EventResultJson>()
            .ProducesInputProblems()
            .ProducesProblem(StatusCodes.Status409Conflict);

        // A literal ':' in a segment routes as written; only '{...}' holds parameters.
        api.MapPost("/events:batch", PostBatch)
            .WithName("PostEventBatch")
            .WithSummary("Applies 1 to 1000 events; each fails alone, events of one conversation apply in order.")
            .Accepts<EventBatchJson>("application/json")
            .Produces<BatchResultJson>()
            .ProducesInputProblems();

        api.MapGet("/conversations/{conversationId}", GetConversation)
            .WithName("GetConversation")
            .WithSummary("The conversation as it stands, personal data redacted.")
            .Produces<SnapshotJson>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/conversations/{conversationId}", DeleteConversation)
            .WithName("EraseConversation")
            .WithSummary("Erases the conversation's personal data for good and ends it; the proof of disclosure stays.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    /// <summary>
    /// The event read, unless its body names another conversation than its path: a platform that mixed up its URL would
    /// have one customer's message decided for another. A <c>conversationId</c> equal to the path's is allowed.
    /// </summary>
    private static ConversationEvent? WithThePathsConversation(ConversationEvent? read, JsonElement body, string conversationId, FieldErrors errors)
    {
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("conversationId", out var named)
            && !(JsonFields.TryGetText(named, out var namedId) && namedId == conversationId))
        {
            errors.Add("conversationId", $"conversationId must be left out or be '{conversationId}', the conversation of the path; to send events of several conversations, use POST /v1/events:batch.");
            return null;
        }
        return read;
    }

    private static async Task<IResult> PostEvent(
        string conversationId, Tenant tenant, HttpRequest request, GrainReferences<IConversationGrain> conversations, EventClock clock,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (PathIds.Check(("conversationId", conversationId)) is { } badPath)
        {
            return badPath;
        }
        var (@event, problem) = await RequestBody.ReadAsync(request, RequestBody.SingleLimit,
            (body, errors) => WithThePathsConversation(EventReader.Read(body, clock.Now(), errors, RequestBody.Field), body, conversationId, errors),
            "The event has invalid fields; see errors.", cancellationToken);
        if (@event is null)
        {
            return problem!;
        }

        // The event's span: the grain call carries its context to the conversation's silo. No listener, no span, no tags.
        using var span = CxTelemetry.Source.StartActivity(CxTelemetry.EventSpan);
        if (span is not null)
        {
            span.SetTag(CxTelemetry.TenantTag, tenant.Id);
            span.SetTag(CxTelemetry.ConversationTag, conversationId);
            span.SetTag(CxTelemetry.EventTypeTag, @event.Type.Name());
        }
        var shape = ReturnPreference.Read(request);
        EventOutcome outcome;
        try
        {
            outcome = await Conversation(conversations, tenant, conversationId).Apply(@event, shape);
        }
        catch (Exception e) when (span.Failed(e))
        {
            throw;
        }
        span?.SetTag(CxTelemetry.OutcomeTag, outcome.Refusal is null ? "accepted" : "refused");
        if (outcome.Refusal is { } refusal)
        {
            LogRefused(Logger(loggers), tenant.Id, conversationId, @event.Id, @event.Type.Name(), refusal.Kind);
            return Problems.Refused(refusal);
        }
        ReturnPreference.Apply(request.HttpContext.Response, shape);
        // Written with the generated context's own options, which lets it use its generated writer (the HTTP options'
        // resolver chain would take the slower metadata path); the options are the same, and so are the bytes.
        return TypedResults.Json(EventResultJson.Of(outcome.Result!), ApiJsonContext.Default.EventResultJson);
    }

    private static async Task<IResult> PostBatch(
        Tenant tenant, HttpRequest request, GrainReferences<IConversationGrain> conversations, EventClock clock,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (batch, problem) = await RequestBody.ReadAsync(request, RequestBody.BatchLimit,
            (body, errors) => EventBatch.Read(body, clock.Now(), errors),
            "The batch has invalid fields; see errors.", cancellationToken);
        if (batch is null)
        {
            return problem!;
        }

        using var span = CxTelemetry.Source.StartActivity(CxTelemetry.BatchSpan);
        if (span is not null)
        {
            span.SetTag(CxTelemetry.TenantTag, tenant.Id);
            span.SetTag(CxTelemetry.EventCountTag, batch.EventCount);
        }
        // Each conversation's events go to it in order (in calls of at most EventsPerCall); the conversations go concurrently.
        var shape = ReturnPreference.Read(request);
        var applied = await Task.WhenAll(batch.ByConversation.Select(c => ApplyInOrder(conversations, tenant, c.ConversationId, c.Events, shape)));
        if (applied.Length > 0 && applied.All(a => a.Unavailable is not null && a.Outcomes.Count == 0))
        {
            span.Failed(applied[0].Unavailable!);
            ExceptionDispatchInfo.Throw(applied[0].Unavailable!);
        }
        foreach (var (conversationId, outcomes, unavailable) in applied)
        {
            batch.Answer(conversationId, outcomes, unavailable is null ? null : ClusterFaults.DetailFor(unavailable));
        }

        LogBatch(Logger(loggers), tenant.Id, batch.EventCount, applied.Length, batch.FailedCount);
        ReturnPreference.Apply(request.HttpContext.Response, shape);
        return TypedResults.Ok(batch.ToJson());
    }

    private static async Task<IResult> GetConversation(string conversationId, Tenant tenant, GrainReferences<IConversationGrain> conversations)
    {
        if (PathIds.Check(("conversationId", conversationId)) is { } badPath)
        {
            return badPath;
        }
        var snapshot = await Conversation(conversations, tenant, conversationId).GetSnapshot();
        return snapshot is null
            ? Problems.NotFound($"There is no conversation '{conversationId}'.")
            : TypedResults.Json(SnapshotJson.Of(snapshot), ApiJsonContext.Default.SnapshotJson);
    }

    private static async Task<IResult> DeleteConversation(string conversationId, Tenant tenant, GrainReferences<IConversationGrain> conversations)
    {
        if (PathIds.Check(("conversationId", conversationId)) is { } badPath)
        {
            return badPath;
        }
        return await Conversation(conversations, tenant, conversationId).Erase()
            ? TypedResults.NoContent()
            : Problems.NotFound($"There is no conversation '{conversationId}'.");
    }

    /// <summary>
    /// The most events of one conversation given to it in one call. Each event is answered only once its facts are
    /// durable, so a call's time grows with its events: a thousand of them in one call would outlast the response
    /// timeout on a database that commits in a millisecond or two, and the batch would fail although every event was
    /// stored. In calls of this many, one after the other, each stays far inside it and the order stays the one given.
    /// </summary>
    internal const int EventsPerCall = 100;

    /// <summary>
    /// The conversation's events applied in the order given, in calls of at most <see cref="EventsPerCall"/>: the outcomes
    /// of the calls answered, and the failure that ended the rest (the events after it are not sent: a later event must
    /// not be decided before an earlier one).
    /// </summary>
    private static async Task<(string ConversationId, IReadOnlyList<EventOutcome> Outcomes, Exception? Unavailable)> ApplyInOrder(
        GrainReferences<IConversationGrain> conversations, Tenant tenant, string conversationId, IReadOnlyList<ConversationEvent> events, AnswerShape shape)
    {
        var conversation = Conversation(conversations, tenant, conversationId);
        List<EventOutcome>? outcomes = null;
        for (var start = 0; start < events.Count; start += EventsPerCall)
        {
            var count = Math.Min(EventsPerCall, events.Count - start);
            IReadOnlyList<EventOutcome> answered;
            try
            {
                answered = await conversation.ApplyAll(count == events.Count ? events : events.Skip(start).Take(count).ToArray(), shape);
            }
            catch (Exception e) when (ClusterFaults.IsUnavailable(e))
            {
                return (conversationId, (IReadOnlyList<EventOutcome>?)outcomes ?? [], e);
            }
            if (answered.Count != count)
            {
                throw new InvalidOperationException($"The conversation answered {answered.Count} outcomes for {count} events.");
            }
            if (count == events.Count)
            {
                return (conversationId, answered, null);
            }
            (outcomes ??= new List<EventOutcome>(events.Count)).AddRange(answered);
        }
        return (conversationId, outcomes ?? [], null);
    }

    private static IConversationGrain Conversation(GrainReferences<IConversationGrain> conversations, Tenant tenant, string conversationId) =>
        conversations.Get(GrainKeys.Conversation(tenant.Id, conversationId));

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger("CxCluster.Api.Conversations");

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Tenant {TenantId}: conversation {ConversationId} refused {EventType} event {EventId} ({RefusalKind})")]
    private static partial void LogRefused(
        ILogger logger, string tenantId, string conversationId, string eventId, string eventType, RefusalKind refusalKind);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Tenant {TenantId}: batch of {EventCount} events for {ConversationCount} conversations, {FailedCount} failed")]
    private static partial void LogBatch(ILogger logger, string tenantId, int eventCount, int conversationCount, int failedCount);
}
