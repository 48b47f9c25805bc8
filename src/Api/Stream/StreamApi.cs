using System.Net.ServerSentEvents;
using System.Security.Claims;
using System.Text;
using CxCluster.Abstractions.Push;
using CxCluster.Api.Cluster;
using CxCluster.Api.Validation;
using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;

namespace CxCluster.Api.Stream;

/// <summary>The live stream of the tenant's facts (<c>GET /v1/stream</c>), as Server-Sent Events.</summary>
public static class StreamApi
{
    /// <summary>Facts asked for per read.</summary>
    private const int PageSize = 256;

    /// <summary>Unknown types a problem names at most.</summary>
    private const int MaxUnknownTypesNamed = 5;

    public static IEndpointRouteBuilder MapStreamEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapTenantApi("Stream")
            .MapGet("/stream", Stream)
            .WithName("StreamFacts")
            .WithSummary("The tenant's facts as they happen, as Server-Sent Events; Last-Event-ID resumes after a cursor.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem()
            .Reads(ParameterLocation.Query, "types", "Only facts of these types, comma-separated or repeated.")
            .Reads(ParameterLocation.Query, "conversationId", "Only this conversation's facts.")
            .Reads(ParameterLocation.Query, "agentId", "Only this agent's own facts and the conversation facts that name it.")
            .Reads(ParameterLocation.Header, "Last-Event-ID", "Resume after this cursor, the id: of a fact the stream sent; 0 reads from the tenant's first fact.");
        return app;
    }

    private static readonly string[] QueryNames = ["types", "conversationId", "agentId"];

    private static async Task<IResult> Stream(HttpContext context, Tenant tenant, IClusterClient cluster, CxClusterSettings settings, TimeProvider time)
    {
        var errors = new FieldErrors();
        var query = context.Request.Query;
        NearMisses.CheckNames(query.Keys, errors, QueryNames, "the stream's query");
        var types = query.ContainsKey("types") ? Types(errors, query["types"]) : null;
        var conversationId = Single(errors, "conversationId", query["conversationId"]);
        var agentId = Single(errors, "agentId", query["agentId"]);
        var after = Cursor(errors, context.Request.Headers["Last-Event-ID"]);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        var filter = new FeedFilter(types, conversationId, agentId);
        var feed = cluster.FactFeed(tenant.Id);
        if (after > 0 && !await feed.Sent(after))
        {
            // Another tenant's, another cluster's or a journal's started anew: going on from it would tell the wrong facts or none.
            errors.Add("Last-Event-ID", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{after} is not the id of an event this tenant's stream sent. Reconnect without Last-Event-ID to read from now."));
            return Problems.Invalid(errors);
        }
        if (HttpMethods.IsHead(context.Request.Method))
        {
            // What a GET would start, with the headers the framework's event-stream result sets, told without holding a
            // connection open for facts nobody will read.
            context.Response.Headers.CacheControl = "no-cache,no-store";
            context.Response.Headers.Pragma = "no-cache";
            context.Response.Headers.ContentEncoding = "identity";
            context.Response.ContentType = "text/event-stream";
            return TypedResults.Ok();
        }
        // An offer's context packet is for the tenant's own systems; a supervisor key reads the facts without it.
        var personal = context.User.FindFirstValue(SupervisorAccess.RoleClaimType) == SupervisorAccess.FullRole;
        return TypedResults.ServerSentEvents(Facts(context, feed, filter, after, settings, personal, time));
    }

    /// <summary>
    /// The facts, read as they come. A comment line keeps the connection alive while none does
    /// (<see cref="CxClusterSettings.StreamKeepAlive"/>); a client that stops
    /// reading is cut off once a fact could not be written to it for <see cref="CxClusterSettings.StreamSlowClientCutOff"/>,
    /// so the stream never holds more for it than the server's output buffer.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> Facts(
        HttpContext context, IFactFeedGrain feed, FeedFilter filter, long after, CxClusterSettings settings, bool personal,
        TimeProvider time)
    {
        var ct = context.RequestAborted;
        using var watchdog = new CancellationTokenSource();
        await using var cutOff = watchdog.Token.Register(static state => ((HttpContext)state!).Abort(), context);
        var cursor = after;
        if (cursor < 0)
        {
            // "From now" is fixed before anything else, and the client is told the stream is live.
            var now = await ReadPatiently(feed, -1, 1, filter, TimeSpan.Zero, settings.StreamKeepAlive, time, ct);
            cursor = now.Cursor;
            foreach (var fact in now.Facts)
            {
                yield return Item(fact, personal);
            }
        }
        // A comment is cut off like a fact: a client that reads nothing may leave no room for either.
        watchdog.CancelAfter(settings.StreamSlowClientCutOff);
        await CommentAsync(context.Response, ": ready\n\n"u8.ToArray(), ct);
        var quietSince = time.GetTimestamp();
        var lastRead = quietSince;
        while (!ct.IsCancellationRequested)
        {
            // Back here only once the last item was written and flushed: the client is keeping up.
            watchdog.CancelAfter(Timeout.InfiniteTimeSpan);
            FeedPage page;
            try
            {
                page = await ReadPatiently(feed, cursor, PageSize, filter,
                    NextReadWait(settings.StreamKeepAlive, settings.Cluster.ResponseTimeout, time.GetElapsedTime(quietSince)),
                    settings.StreamKeepAlive, time, ct);
                lastRead = time.GetTimestamp();
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                yield break;
            }
            catch (Exception e) when (ClusterFaults.IsUnavailable(e) && time.GetElapsedTime(lastRead) < UnreachablePatience)
            {
                // A cluster busy past its calls' timeout for a while (a collection, a silo joining): the stream stays
                // open, its keep-alives go on, and the read is tried again.
                page = new FeedPage([], cursor);
            }
            catch (Exception e) when (ClusterFaults.IsUnavailable(e))
            {
                // Unreachable for longer: the stream ends; the client reconnects with the last id it got and misses nothing.
                yield break;
            }
            cursor = page.Cursor;
            if (page.Facts.Count == 0)
            {
                if (time.GetElapsedTime(quietSince) >= settings.StreamKeepAlive - TimeSpan.FromMilliseconds(100))
                {
                    watchdog.CancelAfter(settings.StreamSlowClientCutOff);
                    await CommentAsync(context.Response, ": keep-alive\n\n"u8.ToArray(), ct);
                    quietSince = time.GetTimestamp();
                }
                continue;
            }
            foreach (var fact in page.Facts)
            {
                watchdog.CancelAfter(settings.StreamSlowClientCutOff);
                yield return Item(fact, personal);
            }
            quietSince = time.GetTimestamp();
        }
    }

    /// <summary>
    /// How long the next read may wait for a fact: well inside the cluster's response timeout, which a read waiting out a
    /// whole keep-alive would overrun (3 s by default against 10 s), ending a quiet stream; and no longer than until the
    /// next keep-alive is due, so it comes on time whatever the two settings are.
    /// </summary>
    internal static TimeSpan NextReadWait(TimeSpan keepAlive, TimeSpan responseTimeout, TimeSpan quietFor)
    {
        var longest = keepAlive < responseTimeout / 2 ? keepAlive : responseTimeout / 2;
        var untilKeepAlive = keepAlive - quietFor;
        return untilKeepAlive <= TimeSpan.Zero ? TimeSpan.Zero : untilKeepAlive < longest ? untilKeepAlive : longest;
    }

    /// <summary>How long a stream stays open while the cluster cannot answer its reads before it ends.</summary>
    private static readonly TimeSpan UnreachablePatience = TimeSpan.FromSeconds(30);

    /// <summary>Between two tries of a read the cluster could not answer.</summary>
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Reads a page of the feed. A read the cluster could not answer (a silo busy past the call's timeout, a grain
    /// being placed) is tried again, so one slow call does not end the stream; one still failing after
    /// <paramref name="patience"/> throws, and the stream ends for the client to reconnect from its last id.
    /// </summary>
    private static async Task<FeedPage> ReadPatiently(IFactFeedGrain feed, long cursor, int size, FeedFilter filter, TimeSpan wait,
        TimeSpan patience, TimeProvider time, CancellationToken ct)
    {
        var since = time.GetTimestamp();
        while (true)
        {
            try
            {
                return await feed.Read(cursor, size, filter, wait);
            }
            catch (Exception e) when (ClusterFaults.IsUnavailable(e) && !ct.IsCancellationRequested && time.GetElapsedTime(since) < patience)
            {
                await Task.Delay(RetryPause, time, ct);
            }
        }
    }

    private static SseItem<string> Item(PushedFact fact, bool personal) =>
        new(Encoding.UTF8.GetString((personal ? fact : fact.WithoutPersonal(erased: false)).Json), fact.Type) { EventId = fact.Cursor.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>A comment line, written between two events (the formatter has flushed the last one).</summary>
    private static async Task CommentAsync(HttpResponse response, byte[] comment, CancellationToken ct)
    {
        try
        {
            await response.Body.WriteAsync(comment, ct);
            await response.Body.FlushAsync(ct);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string[]? Types(FieldErrors errors, StringValues values)
    {
        var types = new List<string>();
        var unknown = new List<string>();
        foreach (var value in values)
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries))
            {
                if (part.Length == 0)
                {
                    // "a,,b", "a,", ",a": a list cut or joined wrong, refused as "types=" alone is.
                    if ((value!.Contains(',') || values.Count > 1) && !errors.Has("types"))
                    {
                        errors.Add("types", "types must be fact types separated by commas, with none empty.");
                    }
                }
                else if (!FactTypes.IsKnown(part))
                {
                    unknown.Add(part);
                }
                else if (!types.Contains(part))
                {
                    types.Add(part);
                }
            }
        }
        if (unknown.Count > 0)
        {
            // One message, naming the first few: a URL full of unknown types gets a problem of bounded size.
            var named = string.Join(", ", unknown.Take(MaxUnknownTypesNamed).Select(t => $"'{Clip(t)}'"));
            var more = unknown.Count > MaxUnknownTypesNamed ? $" and {unknown.Count - MaxUnknownTypesNamed} more" : "";
            errors.Add("types", $"{named}{more} {(unknown.Count == 1 ? "is not a fact type" : "are not fact types")}; known types include conversation.started, disclosure.issued, handoff.assigned.");
        }
        if (types.Count == 0 && !errors.Has("types"))
        {
            errors.Add("types", "Name at least one fact type, or leave types out for all of them.");
        }
        return [.. types];
    }

    private static string? Single(FieldErrors errors, string field, StringValues values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        if (values.Count > 1)
        {
            errors.Add(field, $"Give {field} once.");
            return null;
        }
        FieldRules.Id(errors, field, values[0]);
        return values[0];
    }

    private static long Cursor(FieldErrors errors, StringValues values)
    {
        if (values.Count == 0)
        {
            return -1;
        }
        if (values.Count == 1 && long.TryParse(values[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cursor))
        {
            return cursor;
        }
        errors.Add("Last-Event-ID", "Must be the id of an event this stream sent (a whole number).");
        return -1;
    }

    private static string Clip(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
