namespace CxCluster.Api.Http;

/// <summary>OpenAPI metadata that many endpoints share.</summary>
public static class EndpointConventions
{
    /// <summary>The answers to a body the API cannot take: invalid (400), too large (413), not JSON (415).</summary>
    public static RouteHandlerBuilder ProducesInputProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
