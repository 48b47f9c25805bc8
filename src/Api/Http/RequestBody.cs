using System.Buffers;
using System.Collections.Frozen;
using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CxCluster.Api.Http;

/// <summary>Reads a JSON request body with a size cap, so oversized, non-JSON or malformed bodies get a precise problem.</summary>
public static class RequestBody
{
    /// <summary>The cap of a single-event body and of every other body but a batch.</summary>
    public const int SingleLimit = 256 * 1024;

    public const int BatchLimit = 8 * 1024 * 1024;

    /// <summary>The deepest nesting of objects and arrays a body may have (the parser's default).</summary>
    public const int MaxDepth = 64;

    /// <summary>The field name errors about the body as a whole are filed under.</summary>
    public const string Field = "body";

    private const int ChunkSize = 16 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Reads a body and turns it into a value with <paramref name="read"/>: the value, or the problem to answer instead
    /// (415, 413, malformed JSON, or the fields <paramref name="read"/> found invalid).
    /// </summary>
    public static Task<(T? Value, IResult? Problem)> ReadAsync<T>(
        HttpRequest request, int limit, Func<JsonElement, FieldErrors, T?> read, string invalidDetail, CancellationToken cancellationToken)
        where T : class =>
        ReadAsync(request, limit, optional: false, read, invalidDetail, cancellationToken);

    /// <summary>
    /// As <see cref="ReadAsync{T}(HttpRequest, int, Func{JsonElement, FieldErrors, T}, string, CancellationToken)"/>, for
    /// a body that may be left out: absent or empty (however it was framed), both are null.
    /// </summary>
    public static Task<(T? Value, IResult? Problem)> ReadOptionalAsync<T>(
        HttpRequest request, int limit, Func<JsonElement, FieldErrors, T?> read, string invalidDetail, CancellationToken cancellationToken)
        where T : class =>
        ReadAsync(request, limit, optional: true, read, invalidDetail, cancellationToken);

    private static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(
        HttpRequest request, int limit, bool optional, Func<JsonElement, FieldErrors, T?> read, string invalidDetail, CancellationToken cancellationToken)
        where T : class
    {
        var (document, problem) = await ReadJsonAsync(request, limit, optional, cancellationToken);
        if (document is null)
        {
            return (null, problem);
        }
        using (document)
        {
            var errors = new FieldErrors();
            return read(document.RootElement, errors) is { } value ? (value, null) : (null, Problems.Invalid(errors, invalidDetail));
        }
    }

    /// <summary>The parsed body, or the problem to answer instead; the caller disposes the document.</summary>
    public static Task<(JsonDocument? Document, IResult? Problem)> ReadJsonAsync(
        HttpRequest request, int limit, CancellationToken cancellationToken) =>
        ReadJsonAsync(request, limit, optional: false, cancellationToken);

    /// <summary>
    /// The parsed body, or the problem to answer instead; the caller disposes the document. An <paramref name="optional"/>
    /// body that is absent or empty (however it was framed: no length, <c>Content-Length: 0</c>, an empty chunked body)
    /// is neither: both are null.
    /// </summary>
    private static async Task<(JsonDocument? Document, IResult? Problem)> ReadJsonAsync(
        HttpRequest request, int limit, bool optional, CancellationToken cancellationToken)
    {
        if (optional && request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return (null, null);
        }
        // A body that must be there is refused for its type before it is read; an optional one only once it has bytes.
        if (!optional && UnsupportedType(request) is { } unsupported)
        {
            return (null, unsupported);
        }
        var (coding, unsupportedCoding) = ContentCoding(request);
        if (unsupportedCoding is not null)
        {
            return (null, unsupportedCoding);
        }
        // A compressed body is capped by what it decodes to, which its length does not tell.
        if (coding is null && request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        var body = new MemoryStream((int)Math.Min(coding is null ? request.ContentLength ?? ChunkSize : ChunkSize, limit));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var source = request.Body;
        MemoryStream? compressed = null;
        try
        {
            if (coding is { } decoded)
            {
                // The compressed bytes are kept whole, so that the body is known to end where its coding says it ends:
                // a gzip or zlib stream cut short or followed by other bytes decodes without complaint, but fails its check.
                compressed = new MemoryStream();
                int taken;
                while ((taken = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
                {
                    if (compressed.Length + taken > limit + CompressionSlack(limit))
                    {
                        return (null, TooLarge(limit));
                    }
                    compressed.Write(chunk, 0, taken);
                }
                compressed.Position = 0;
                source = decoded.Decode(compressed);
            }
            int read;
            while ((read = await source.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return (null, TooLarge(limit));
                }
                body.Write(chunk, 0, read);
            }
            if (compressed is not null && !ContentChecks.Hold(coding!.Value.Name, compressed.GetBuffer().AsSpan(0, (int)compressed.Length), body.GetBuffer().AsSpan(0, (int)body.Length)))
            {
                return (null, Invalid($"{Field} is not valid {coding.Value.Name} data, as its Content-Encoding says it is: it is cut short, followed by other bytes, or fails its check."));
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limit));
        }
        catch (BadHttpRequestException)
        {
            return (null, Invalid("The body could not be read completely."));
        }
        // gzip and deflate say so with InvalidDataException, brotli with InvalidOperationException.
        catch (Exception e) when (coding is not null && e is InvalidDataException or InvalidOperationException)
        {
            return (null, Invalid($"{Field} is not valid {coding.Value.Name} data, as its Content-Encoding says it is."));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            if (!ReferenceEquals(source, request.Body))
            {
                await source.DisposeAsync();
            }
        }

        if (body.Length == 0)
        {
            return optional ? (null, null) : (null, Invalid($"{Field} is required."));
        }
        if (optional && UnsupportedType(request) is { } unsupportedOptional)
        {
            return (null, unsupportedOptional);
        }
        var json = body.GetBuffer().AsMemory(0, (int)body.Length);
        // RFC 8259 lets a parser ignore a byte order mark, and some writers put one before UTF-8 JSON.
        if (json.Span.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }
        try
        {
            return (JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth }), null);
        }
        catch (JsonException e)
        {
            return (null, Invalid(NestedTooDeep(json.Span)
                ? $"{Field} is nested more than {MaxDepth} levels deep."
                : $"{Field} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
        }
    }

    /// <summary>How much a compressed body may exceed the decoded limit: compressing what does not compress adds a little.</summary>
    private static int CompressionSlack(int limit) => (limit / 64) + 1024;

    /// <summary>Whether JSON the parser refused is well formed but deeper than <see cref="MaxDepth"/>.</summary>
    private static bool NestedTooDeep(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = int.MaxValue });
        var deepest = 0;
        try
        {
            while (reader.Read())
            {
                deepest = Math.Max(deepest, reader.CurrentDepth);
            }
        }
        catch (JsonException)
        {
            return false;
        }
        return deepest >= MaxDepth;
    }

    /// <summary>The 415 for a body that is not JSON, or JSON declared in another encoding than UTF-8; null when it is fine.</summary>
    private static IResult? UnsupportedType(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            return Problems.Result(StatusCodes.Status415UnsupportedMediaType, "The body must be sent as application/json.");
        }
        // JSON between systems is UTF-8 (RFC 8259); a body declared as anything else would be read as garbage.
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && HeaderUtilities.RemoveQuotes(type.Charset) is { Length: > 0 } charset
            && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Result(StatusCodes.Status415UnsupportedMediaType,
                $"The body must be sent as application/json in UTF-8, not charset={Clip(charset.ToString())}.");
        }
        return null;
    }


    /// <summary>The content codings a body may be sent with, by their names in <c>Content-Encoding</c>, each with its decoder.</summary>
    private static readonly FrozenDictionary<string, (string Name, Func<System.IO.Stream, System.IO.Stream> Decode)> Codings =
        new Dictionary<string, (string, Func<System.IO.Stream, System.IO.Stream>)>(StringComparer.OrdinalIgnoreCase)
        {
            ["gzip"] = ("gzip", body => new GZipStream(body, CompressionMode.Decompress, leaveOpen: true)),
            ["x-gzip"] = ("gzip", body => new GZipStream(body, CompressionMode.Decompress, leaveOpen: true)),
            // HTTP's deflate is the zlib format (RFC 9110, 8.4.1.2).
            ["deflate"] = ("deflate", body => new ZLibStream(body, CompressionMode.Decompress, leaveOpen: true)),
            ["br"] = ("br", body => new BrotliStream(body, CompressionMode.Decompress, leaveOpen: true)),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The content coding a body was sent with (<c>gzip</c>, <c>deflate</c> or <c>br</c>, whose decoder leaves the
    /// request's own stream open), null when it is sent as it is (no <c>Content-Encoding</c>, or <c>identity</c>), or the
    /// 415 naming the header for any other or for several.
    /// </summary>
    private static ((string Name, Func<System.IO.Stream, System.IO.Stream> Decode)? Coding, IResult? Problem) ContentCoding(HttpRequest request)
    {
        var header = request.Headers.ContentEncoding;
        if (header.Count == 0)
        {
            // Most bodies: nothing to look at, nothing allocated.
            return (null, null);
        }
        var codings = header
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(c => !c.Equals("identity", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (codings.Count == 0)
        {
            return (null, null);
        }
        if (codings.Count == 1 && Codings.TryGetValue(codings[0], out var coding))
        {
            return (coding, null);
        }
        var detail = codings.Count == 1
            ? $"Content-Encoding {Clip(codings[0])} is not supported: send the body as it is, or compressed once with gzip, deflate or br."
            : "Content-Encoding names more than one coding: send the body as it is, or compressed once with gzip, deflate or br.";
        return (null, TypedResults.Problem(Problems.Create(StatusCodes.Status415UnsupportedMediaType, detail,
            new Dictionary<string, string[]> { [HeaderNames.ContentEncoding] = [detail] })));
    }

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static IResult TooLarge(int limit) => Problems.Result(
        StatusCodes.Status413PayloadTooLarge, $"The body must not be larger than {limit / 1024:N0} KiB.");

    private static IResult Invalid(string message)
    {
        var errors = new FieldErrors();
        errors.Add(Field, message);
        return Problems.Invalid(errors, "The body is not a JSON document the API can read.");
    }
}
