using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Webhooks;

/// <summary>
/// Webhook endpoints over HTTP. The silos here have tenants configured, so only https to public hosts is allowed; the
/// endpoints created point at a public name and are deleted again at the end of each test.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WebhookEndpointsTests(ClusterFixture cluster)
{
    private const string Receiver = "https://hooks.example.com/cx";

    private ApiClient Acme => cluster.Acme;

    private static string Path(string webhookId) => $"/v1/webhooks/{webhookId}";

    private static JsonObject Spec(string url = Receiver, JsonNode? types = null, string? secret = null)
    {
        var spec = new JsonObject { ["url"] = url };
        if (types is not null)
        {
            spec["types"] = types;
        }
        if (secret is not null)
        {
            spec["secret"] = secret;
        }
        return spec;
    }

    private async Task<JsonNode> PutAsync(string webhookId, JsonObject spec)
    {
        using var response = await Acme.PutAsync(Path(webhookId), spec);
        return await Json.OkAsync(response);
    }

    private async Task DeleteAsync(string webhookId)
    {
        using var response = await Acme.DeleteAsync(Path(webhookId));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Put_creates_an_endpoint_and_shows_its_generated_secret_only_then()
    {
        var id = Ids.New("hook");

        var created = await PutAsync(id, Spec(types: new JsonArray("handoff.assigned", "conversation.started")));
        try
        {
            Json.HasFields(created, "webhookId", "url", "types", "status", "createdAt", "secret");
            Assert.Equal((id, Receiver, "active"), (created.Text("webhookId"), created.Text("url"), created.Text("status")));
            Assert.Equal(["handoff.assigned", "conversation.started"], created["types"]!.AsArray().Select(t => t!.GetValue<string>()));
            Json.IsUtcTimestamp(created["createdAt"]);
            var secret = created.Text("secret");
            Assert.StartsWith("whsec_", secret);
            Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);

            using var get = await Acme.GetAsync(Path(id));
            var read = await Json.OkAsync(get);
            Json.HasFields(read, "webhookId", "url", "types", "status", "createdAt");

            var updated = await PutAsync(id, Spec(url: "https://hooks.example.com/other"));
            Json.HasFields(updated, "webhookId", "url", "types", "status", "createdAt");
            Assert.Null(updated["types"]); // every type
            Assert.Equal("https://hooks.example.com/other", updated.Text("url"));
            Assert.Equal(created.Text("createdAt"), updated.Text("createdAt"));

            using var list = await Acme.GetAsync("/v1/webhooks");
            var listed = Assert.Single((await Json.OkAsync(list))["webhooks"]!.AsArray(), w => w!.Text("webhookId") == id);
            Json.Same(updated, listed);
        }
        finally
        {
            await DeleteAsync(id);
        }
        using var gone = await Acme.GetAsync(Path(id));
        await Json.ProblemAsync(gone, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_secret_given_is_the_one_used()
    {
        var id = Ids.New("hook");
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

        var created = await PutAsync(id, Spec(secret: secret));
        await DeleteAsync(id);

        Assert.Equal(secret, created.Text("secret"));
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{}""", "url" },
        { """{ "url": 7 }""", "url" },
        { """{ "url": "hooks.example.com/cx" }""", "url" },
        { """{ "url": "ftp://hooks.example.com/cx" }""", "url" },
        { """{ "url": "http://hooks.example.com/cx" }""", "url" },
        { """{ "url": "https://127.0.0.1/cx" }""", "url" },
        { """{ "url": "http://localhost:8080/cx" }""", "url" },
        { """{ "url": "https://10.1.2.3/cx" }""", "url" },
        { """{ "url": "https://169.254.169.254/latest/meta-data" }""", "url" },
        { """{ "url": "https://[fd00::1]/cx" }""", "url" },
        { """{ "url": "https://[::ffff:192.168.1.1]/cx" }""", "url" },
        { """{ "url": " https://hooks.example.com/cx " }""", "url" },
        { """{ "url": "https://hooks.example.com:0/cx" }""", "url" },
        { """{ "url": "https://hooks.example.com/cx#crm" }""", "url" },
        { """{ "url": "https://hooks.example.com/cx#" }""", "url" },
        // Called at another address than the one kept: a bad escape is sent as "%25", dot segments are resolved away.
        { """{ "url": "https://hooks.example.com/%zz" }""", "url" },
        { """{ "url": "https://hooks.example.com/cx?discount=50%" }""", "url" },
        { """{ "url": "https://hooks.example.com/a/../b" }""", "url" },
        { """{ "url": "https://hooks.example.com/a/./b" }""", "url" },
        { """{ "url": "https://hooks.example.com/a/%2E%2E/b" }""", "url" },
        { """{ "url": "https://hooks.example.com/c\nx" }""", "url" },
        { """{ "url": "https://hooks.example.com/c\u0000x" }""", "url" },
        { """{ "url": "https://hooks.example.com/cx\r" }""", "url" },
        { """{ "url": "https://hooks.example.com/a b" }""", "url" },
        { """{ "url": "https://hooks.example.com/cx?x={id}" }""", "url" },
        // Sent percent-encoded, or its host in punycode: another address than the one kept.
        { """{ "url": "https://hooks.example.com/café" }""", "url" },
        { """{ "url": "https://bücher.example/cx" }""", "url" },
        { """{ "url": "https://@hooks.example.com/cx" }""", "url" },
        { """{ "url": "https://crm:pw@hooks.example.com/cx" }""", "url" },
        { """{ "url": "https://hooks.example.com/cx", "secret": "hunter2" }""", "secret" },
        { """{ "url": "https://hooks.example.com/cx", "secret": "whsec_AAAA" }""", "secret" },
        { """{ "url": "https://hooks.example.com/cx", "types": [] }""", "types" },
        { """{ "url": "https://hooks.example.com/cx", "types": ["conversation.started", "nope"] }""", "types" },
        { """{ "url": "https://hooks.example.com/cx", "types": "conversation.started" }""", "types" },
        // A field the body does not have is named, never ignored.
        { """{ "url": "https://hooks.example.com/cx", "status": "disabled" }""", "status" },
        { """{ "url": "https://hooks.example.com/cx", "typ": ["conversation.started"] }""", "typ" },
        { """[]""", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_endpoint_is_refused_naming_the_field_and_nothing_is_created(string body, string field)
    {
        var id = Ids.New("hook");

        using var response = await Acme.Http.PutAsync(Path(id), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        using var get = await Acme.GetAsync(Path(id));
        await Json.ProblemAsync(get, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_create_only_put_creates_a_new_endpoint_and_leaves_an_existing_one_as_it_is()
    {
        var id = Ids.New("hook");
        try
        {
            using var create = new HttpRequestMessage(HttpMethod.Put, Path(id)) { Content = JsonContent(Spec()) };
            create.Headers.TryAddWithoutValidation("If-None-Match", "*");
            using var created = await Acme.Http.SendAsync(create);
            Assert.Equal("https://hooks.example.com/cx", (await Json.OkAsync(created)).Text("url"));

            using var again = new HttpRequestMessage(HttpMethod.Put, Path(id)) { Content = JsonContent(Spec("https://hooks.example.com/other")) };
            again.Headers.TryAddWithoutValidation("If-None-Match", "*");
            using var refused = await Acme.Http.SendAsync(again);
            await Json.ProblemAsync(refused, HttpStatusCode.PreconditionFailed);

            using var get = await Acme.GetAsync(Path(id));
            Assert.Equal("https://hooks.example.com/cx", (await Json.OkAsync(get)).Text("url"));
        }
        finally
        {
            await DeleteAsync(id);
        }
    }

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("GET", "")]
    [InlineData("DELETE", "")]
    [InlineData("GET", "/failures")]
    [InlineData("POST", "/replay")]
    public async Task An_unknown_endpoint_is_404(string method, string suffix)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Path(Ids.New("nohook")) + suffix);

        using var response = await Acme.Http.SendAsync(request);

        await Json.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_tenants_endpoint_is_404()
    {
        var id = Ids.New("hook");
        await PutAsync(id, Spec());
        try
        {
            using var response = await cluster.Globex.GetAsync(Path(id));
            await Json.ProblemAsync(response, HttpStatusCode.NotFound);
            using var list = await cluster.Globex.GetAsync("/v1/webhooks");
            Assert.DoesNotContain((await Json.OkAsync(list))["webhooks"]!.AsArray(), w => w!.Text("webhookId") == id);
        }
        finally
        {
            await DeleteAsync(id);
        }
    }

    [Fact]
    public async Task Without_a_key_every_webhook_request_is_401()
    {
        using var list = await cluster.Anonymous.GetAsync("/v1/webhooks");
        using var put = await cluster.Anonymous.PutAsync(Path("any"), Spec());

        await Json.ProblemAsync(list, HttpStatusCode.Unauthorized);
        await Json.ProblemAsync(put, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_invalid_webhook_id_is_400_naming_it()
    {
        using var response = await Acme.GetAsync(Path("not%20valid"));

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "webhookId");
    }

    [Fact]
    public async Task A_new_endpoint_has_no_failures_and_a_replay_is_accepted_with_or_without_a_start()
    {
        var id = Ids.New("hook");
        await PutAsync(id, Spec());
        try
        {
            using var failures = await Acme.GetAsync($"{Path(id)}/failures");
            var body = await Json.OkAsync(failures);
            Json.HasFields(body, "failures");
            Assert.Empty(body["failures"]!.AsArray());

            using var replay = await Acme.PostAsync($"{Path(id)}/replay", null);
            Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
            using var since = await Acme.PostAsync($"{Path(id)}/replay", new JsonObject { ["from"] = "2026-11-24T09:00:00Z" });
            Assert.Equal(HttpStatusCode.Accepted, since.StatusCode);
            using var bad = await Acme.PostAsync($"{Path(id)}/replay", new JsonObject { ["from"] = "yesterday" });
            await Json.ProblemAsync(bad, HttpStatusCode.BadRequest, "from");
            // A misspelt start would replay only the given-up facts: it is named instead.
            using var misspelt = await Acme.PostAsync($"{Path(id)}/replay", new JsonObject { ["form"] = "2026-11-24T09:00:00Z" });
            await Json.ProblemAsync(misspelt, HttpStatusCode.BadRequest, "form");
        }
        finally
        {
            await DeleteAsync(id);
        }
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    public async Task A_replay_from_before_2000_or_ahead_of_now_is_400_naming_from_and_replays_still_work(string from)
    {
        var id = Ids.New("hook");
        await PutAsync(id, Spec());
        try
        {
            using var bad = await Acme.PostAsync($"{Path(id)}/replay", new JsonObject { ["from"] = from });
            await Json.ProblemAsync(bad, HttpStatusCode.BadRequest, "from");

            using var since = await Acme.PostAsync($"{Path(id)}/replay", new JsonObject { ["from"] = "2026-11-24T09:00:00Z" });
            Assert.Equal(HttpStatusCode.Accepted, since.StatusCode);
            using var given = await Acme.PostAsync($"{Path(id)}/replay", null);
            Assert.Equal(HttpStatusCode.Accepted, given.StatusCode);
        }
        finally
        {
            await DeleteAsync(id);
        }
    }

    [Fact]
    public async Task A_replay_with_an_empty_chunked_body_is_a_replay_without_a_start()
    {
        var id = Ids.New("hook");
        await PutAsync(id, Spec());
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Path(id)}/replay") { Content = new StreamContent(new MemoryStream()) };
            request.Headers.TransferEncodingChunked = true;

            using var replay = await Acme.Http.SendAsync(request);

            Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        }
        finally
        {
            await DeleteAsync(id);
        }
    }

    [Fact]
    public async Task The_openapi_document_names_every_webhook_path_and_shape()
    {
        using var response = await cluster.Anonymous.GetAsync("/openapi/v1.json");

        var document = await Json.OkAsync(response);
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/v1/webhooks", "/v1/webhooks/{webhookId}", "/v1/webhooks/{webhookId}/failures", "/v1/webhooks/{webhookId}/replay" })
        {
            Assert.True(paths.ContainsKey(path), $"the document does not name {path}");
        }
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var schema in new[] { "Webhook", "WebhookList", "WebhookSpec", "WebhookFailureList" })
        {
            Assert.True(schemas.ContainsKey(schema), $"the document has no {schema} schema");
        }
    }
}
