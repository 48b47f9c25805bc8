using Microsoft.AspNetCore.Mvc;

namespace CxCluster.Api.Http;

/// <summary>A problem (RFC 9457) inside another body, as a failed slot of a batch shows it.</summary>
public sealed record ProblemJson
{
    public required string Type { get; init; }
    public required string Title { get; init; }
    public required int Status { get; init; }
    public required string Detail { get; init; }
    /// <summary>For invalid input: field name to messages.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    public static ProblemJson Of(ProblemDetails problem) => new()
    {
        Type = problem.Type ?? "about:blank",
        Title = problem.Title ?? "",
        Status = problem.Status ?? StatusCodes.Status500InternalServerError,
        Detail = problem.Detail ?? "",
        Errors = problem is HttpValidationProblemDetails { Errors.Count: > 0 } invalid
            ? new Dictionary<string, string[]>(invalid.Errors)
            : null,
    };
}
