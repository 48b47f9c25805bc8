using Microsoft.OpenApi;

namespace CxCluster.Api.Http;

/// <summary>Conventions and OpenAPI metadata that many endpoints share.</summary>
public static class EndpointConventions
{
    /// <summary>
    /// Every endpoint under <paramref name="builder"/> that answers GET answers HEAD too (RFC 9110, 9.3.2): the same
    /// status and headers, and Kestrel sends no body with them. A 405 then lists HEAD in its <c>Allow</c> beside GET.
    /// </summary>
    public static TBuilder AnswerHeadWhereGet<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
                && !methods.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return builder;
    }

    /// <summary>
    /// Names in the OpenAPI document a query parameter or header that the endpoint reads from the request itself rather
    /// than binding it, so a client generated from the document can send it.
    /// </summary>
    public static RouteHandlerBuilder Reads(this RouteHandlerBuilder builder, ParameterLocation location, string name, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = location,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });

    /// <summary>The answers to a body the API cannot take: invalid (400), too large (413), not JSON (415).</summary>
    public static RouteHandlerBuilder ProducesInputProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
