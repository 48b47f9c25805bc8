namespace CxCluster.Api.Tests.Infrastructure;

/// <summary>Assertions on JSON answers: exact field names, problem details and directive lists.</summary>
public static class Json
{
    public static async Task<JsonNode> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Asserts a problem+json answer with <paramref name="status"/>, naming <paramref name="fields"/> in <c>errors</c>.</summary>
    public static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["type"]?.GetValue<string>()), "problem has no type");
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()), "problem has no title");
        Assert.False(string.IsNullOrEmpty(problem["detail"]?.GetValue<string>()), "problem has no detail");
        // The title names the status's kind: only a 400 is about fields that failed validation (a 409 naming a field is a conflict).
        Assert.True(status == HttpStatusCode.BadRequest || problem["title"]!.GetValue<string>() != "One or more validation errors occurred.",
            $"a {(int)status} titled as a validation failure: {text}");
        Assert.DoesNotContain("   at ", text); // no stack trace
        foreach (var field in fields)
        {
            var messages = problem["errors"]?[field]?.AsArray();
            Assert.True(messages is { Count: > 0 }, $"errors does not name '{field}': {text}");
        }
        return problem;
    }

    /// <summary>Asserts the object has exactly these fields, no more and no fewer.</summary>
    public static void HasFields(JsonNode? node, params string[] names)
    {
        var actual = node!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal).ToArray(), actual);
    }

    public static string Text(this JsonNode? node, string name) => node![name]!.GetValue<string>();

    public static IReadOnlyList<JsonNode> Directives(this JsonNode result) => [.. result["directives"]!.AsArray().Select(d => d!)];

    public static string[] DirectiveTypes(this JsonNode result) => [.. result.Directives().Select(d => d.Text("type"))];

    public static JsonNode Directive(this JsonNode result, string type) => Assert.Single(result.Directives(), d => d.Text("type") == type);

    /// <summary>An RFC 3339 UTC timestamp as the contract writes them.</summary>
    public static void IsUtcTimestamp(JsonNode? node)
    {
        var text = node!.GetValue<string>();
        Assert.EndsWith("Z", text);
        Assert.True(DateTimeOffset.TryParse(text, out _), $"'{text}' is not a timestamp");
    }

    /// <summary>The same JSON, property order aside.</summary>
    public static void Same(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected?.ToJsonString()} but got {actual?.ToJsonString()}");
}
