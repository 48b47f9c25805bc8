using System.Collections.Frozen;
using System.Reflection;

namespace CxCluster.Api.Supervision;

/// <summary>
/// The supervisor page's files, embedded in this assembly and served as they are: no key to fetch them, only this
/// origin's scripts and styles allowed (Content-Security-Policy), nothing cached across versions.
/// </summary>
internal static class SupervisorPage
{
    /// <summary>Only this origin's own files and calls; no inline script or style, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    private static readonly FrozenDictionary<string, (string Resource, string ContentType)> Files =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["/supervisor"] = ("supervisor.html", "text/html; charset=utf-8"),
            ["/supervisor/supervisor.css"] = ("supervisor.css", "text/css; charset=utf-8"),
            ["/supervisor/supervisor.js"] = ("supervisor.js", "text/javascript; charset=utf-8"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Contents = new(Load);

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var path in Files.Keys)
        {
            app.MapGet(path, (HttpContext context) => Serve(context, path))
                .ExcludeFromDescription();
        }
    }

    private static IResult Serve(HttpContext context, string path)
    {
        var (resource, contentType) = Files[path];
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return TypedResults.Bytes(Contents.Value[resource], contentType);
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(SupervisorPage).Assembly;
        return Files.Values.ToFrozenDictionary(f => f.Resource, f => Read(assembly, f.Resource), StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream($"CxCluster.Api.Supervision.Page.{name}")
            ?? throw new InvalidOperationException($"The supervisor page's file {name} is not embedded in {assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
