using Microsoft.Net.Http.Headers;
using System.Collections.Frozen;
using Microsoft.AspNetCore.Mvc;

namespace CxCluster.Api.Http;

/// <summary>Problem details (RFC 9457) with the same type, title and detail for every error the API answers.</summary>
public static class Problems
{
    /// <summary>Seconds a client should wait before trying again when the cluster does not answer.</summary>
    public const int ClusterRetryAfterSeconds = 5;

    private static readonly FrozenDictionary<int, (string Type, string Title, string Detail)> Kinds = new Dictionary<int, (string, string, string)>
    {
        [StatusCodes.Status400BadRequest] = ("https://tools.ietf.org/html/rfc9110#section-15.5.1", "Bad Request", "The request is invalid."),
        [StatusCodes.Status401Unauthorized] = ("https://tools.ietf.org/html/rfc9110#section-15.5.2", "Unauthorized", "An API key is required."),
        [StatusCodes.Status403Forbidden] = ("https://tools.ietf.org/html/rfc9110#section-15.5.4", "Forbidden", "This key may not do that."),
        [StatusCodes.Status404NotFound] = ("https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not Found", "There is no such resource."),
        [StatusCodes.Status405MethodNotAllowed] = ("https://tools.ietf.org/html/rfc9110#section-15.5.6", "Method Not Allowed", "The resource does not take this method."),
        [StatusCodes.Status409Conflict] = ("https://tools.ietf.org/html/rfc9110#section-15.5.10", "Conflict", "The resource's state does not allow this."),
        [StatusCodes.Status412PreconditionFailed] = ("https://tools.ietf.org/html/rfc9110#section-15.5.13", "Precondition Failed", "A condition of the request does not hold."),
        [StatusCodes.Status413PayloadTooLarge] = ("https://tools.ietf.org/html/rfc9110#section-15.5.14", "Content Too Large", "The body is too large."),
        [StatusCodes.Status415UnsupportedMediaType] = ("https://tools.ietf.org/html/rfc9110#section-15.5.16", "Unsupported Media Type", "The body must be sent as application/json."),
        [StatusCodes.Status429TooManyRequests] = ("https://tools.ietf.org/html/rfc6585#section-4", "Too Many Requests", "Too many requests; retry later."),
        [StatusCodes.Status500InternalServerError] = ("https://tools.ietf.org/html/rfc9110#section-15.6.1", "Internal Server Error", "An unexpected error occurred."),
        [StatusCodes.Status503ServiceUnavailable] = ("https://tools.ietf.org/html/rfc9110#section-15.6.4", "Service Unavailable", "The service is not available right now; retry later."),
    }.ToFrozenDictionary();

    /// <summary>A problem for <paramref name="status"/>; with <paramref name="errors"/> it names the offending fields.</summary>
    public static ProblemDetails Create(int status, string detail, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null ? new ProblemDetails() : new HttpValidationProblemDetails(errors);
        if (errors is not null && status != StatusCodes.Status400BadRequest)
        {
            // Its own title speaks of validation: right for a 400 only; any other status takes its kind's (a 409 naming a field is a conflict).
            problem.Title = null;
        }
        problem.Status = status;
        problem.Detail = detail;
        return Complete(problem);
    }

    /// <summary>Fills in the type, title and detail the API always shows, where they are missing.</summary>
    public static ProblemDetails Complete(ProblemDetails problem)
    {
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (Kinds.TryGetValue(status, out var kind))
        {
            problem.Type ??= kind.Type;
            problem.Title ??= kind.Title;
            problem.Detail ??= kind.Detail;
        }
        problem.Detail ??= problem.Title;
        if (status == StatusCodes.Status415UnsupportedMediaType && problem is not HttpValidationProblemDetails && !problem.Extensions.ContainsKey("errors"))
        {
            // A body refused for its media type (by the endpoint's routing or by the body's reader): the header that
            // declared it is what to fix. A 415 that names another header (Content-Encoding) keeps its own errors.
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [HeaderNames.ContentType] = [problem.Detail ?? "The body must be sent as application/json."] };
        }
        return problem;
    }

    public static IResult Result(int status, string detail) => TypedResults.Problem(Create(status, detail));

    public static IResult Invalid(FieldErrors errors, string detail = "The request has invalid fields; see errors.") =>
        TypedResults.Problem(Create(StatusCodes.Status400BadRequest, errors.Detail(detail), errors.ToDictionary()));

    public static IResult NotFound(string detail) => Result(StatusCodes.Status404NotFound, detail);

    /// <summary>Maps a grain's refusal to 400, 404, 409 or 412, naming the field when the grain named one.</summary>
    public static ProblemDetails FromRefusal(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Invalid => Create(
            StatusCodes.Status400BadRequest,
            refusal.Detail,
            refusal.Field is null ? null : new Dictionary<string, string[]> { [refusal.Field] = [refusal.Detail] }),
        RefusalKind.NotFound => Create(StatusCodes.Status404NotFound, refusal.Detail),
        RefusalKind.Conflict => Create(
            StatusCodes.Status409Conflict,
            refusal.Detail,
            refusal.Field is null ? null : new Dictionary<string, string[]> { [refusal.Field] = [refusal.Detail] }),
        RefusalKind.PreconditionFailed => Create(StatusCodes.Status412PreconditionFailed, refusal.Detail),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Kind, "Unknown refusal kind."),
    };

    public static IResult Refused(Refusal refusal) => TypedResults.Problem(FromRefusal(refusal));

    /// <summary>Writes the problem the API always shows for <paramref name="status"/>, for a response that has none.</summary>
    public static Task WriteAsync(HttpContext context, int status) =>
        TypedResults.Problem(Complete(new ProblemDetails { Status = status })).ExecuteAsync(context);

    /// <summary>Writes a problem straight to the response, for middleware that runs outside an endpoint.</summary>
    public static Task WriteAsync(HttpContext context, int status, string detail) =>
        // A problem result falls back to plain JSON when the problem details service declines (e.g. by Accept header).
        TypedResults.Problem(Create(status, detail)).ExecuteAsync(context);
}
