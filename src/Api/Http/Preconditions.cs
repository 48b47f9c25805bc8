namespace CxCluster.Api.Http;

/// <summary>
/// The API gives its resources no entity tags, so an <c>If-Match</c> naming one can never hold (RFC 9110 §13.1.1): a
/// write that carries one is refused with a 412 and changes nothing, rather than carried out as if unconditioned. A
/// caller that meant "only if it is still as I read it" learns that the API cannot promise it; <c>If-Match: *</c> and
/// reads are left to the endpoint. A create-or-update with <c>If-None-Match: *</c> creates only (<see cref="OnlyIfNew"/>),
/// which the resource's grain decides.
/// </summary>
public static class Preconditions
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !request.Headers.TryGetValue("If-Match", out var values))
        {
            return next(context);
        }
        foreach (var value in values)
        {
            if (value is not null && value.Trim() != "*")
            {
                return Problems.Result(StatusCodes.Status412PreconditionFailed,
                        "If-Match names an entity tag, and this API gives its resources none: the condition can never hold. Send the request without it.")
                    .ExecuteAsync(context);
            }
        }
        return next(context);
    }

    /// <summary>
    /// Whether a create-or-update asks to create only (<c>If-None-Match: *</c>, RFC 9110 §13.1.2): the resource's grain
    /// then refuses, with a 412 and changing nothing, if it exists. An <c>If-None-Match</c> naming entity tags always
    /// holds, the API giving its resources none.
    /// </summary>
    public static bool OnlyIfNew(HttpRequest request)
    {
        foreach (var value in request.Headers.IfNoneMatch)
        {
            if (value is not null && value.Split(',').Any(tag => tag.Trim() == "*"))
            {
                return true;
            }
        }
        return false;
    }
}
