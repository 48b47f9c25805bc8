using System.IO.Compression;
using System.Text;
using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Conversations;

/// <summary>
/// A body may come compressed (<c>Content-Encoding</c> gzip, deflate or br): it is read as it decodes, capped by what it
/// decodes to. Any other coding is a 415 naming the header, and data that does not decode is a 400 naming the body;
/// neither changes anything.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CompressedBodyTests(ClusterFixture cluster)
{
    [Theory]
    [InlineData("gzip")]
    [InlineData("x-gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    [InlineData("GZIP")]
    [InlineData("identity, gzip")]
    public async Task A_compressed_event_is_read_as_it_decodes(string coding)
    {
        var id = Ids.New("conv");
        var started = Events.Started("s1", "whatsapp", "id-ID");

        using var response = await PostAsync(ApiClient.Events(id), Compress(started.ToJsonString(), coding), coding);

        var result = await Json.OkAsync(response);
        Assert.Equal("s1", result.Text("eventId"));
        Assert.Equal(["disclose"], result.DirectiveTypes());
        var snapshot = await cluster.Acme.SnapshotAsync(id);
        Assert.Equal("whatsapp", snapshot.Text("channel"));
    }

    [Fact]
    public async Task A_compressed_batch_is_read_whole()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => Ids.New("conv")).ToArray();
        var events = new JsonArray();
        foreach (var id in ids)
        {
            var started = Events.Started("s1", "chat", "en-US");
            started["conversationId"] = id;
            events.Add(started);
        }
        var body = new JsonObject { ["events"] = events }.ToJsonString();

        using var response = await PostAsync(ApiClient.Batch, Compress(body, "gzip"), "gzip");

        var results = (await Json.OkAsync(response))["results"]!.AsArray();
        Assert.Equal(ids, results.Select(r => r.Text("conversationId")));
    }

    [Fact]
    public async Task A_body_sent_as_it_is_with_identity_is_read()
    {
        var id = Ids.New("conv");

        using var response = await PostAsync(ApiClient.Events(id), Encoding.UTF8.GetBytes(Events.Started("s1", "chat", "en-US").ToJsonString()), "identity");

        await Json.OkAsync(response);
    }

    [Theory]
    [InlineData("zstd")]
    [InlineData("compress")]
    [InlineData("gzip, br")]
    [InlineData("gzip, gzip")]
    public async Task A_coding_the_api_does_not_decode_is_415_naming_Content_Encoding_and_changes_nothing(string coding)
    {
        var id = await StartedConversationAsync();
        var before = await cluster.Acme.SnapshotAsync(id);

        using var response = await PostAsync(ApiClient.Events(id), Compress(Events.Customer("x1", "halo lagi").ToJsonString(), "gzip"), coding);

        var problem = await Json.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Encoding");
        Assert.Contains("gzip, deflate or br", problem.Text("detail"));
        Json.Same(before, await cluster.Acme.SnapshotAsync(id));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Data_that_does_not_decode_is_400_naming_the_body_and_changes_nothing(string coding)
    {
        var id = await StartedConversationAsync();
        var before = await cluster.Acme.SnapshotAsync(id);
        // Plain JSON, declared compressed.
        var plain = Encoding.UTF8.GetBytes(Events.Customer("x1", "halo lagi").ToJsonString());

        using var response = await PostAsync(ApiClient.Events(id), plain, coding);

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "body");
        Assert.Contains(coding, problem["errors"]!["body"]![0]!.GetValue<string>());
        Json.Same(before, await cluster.Acme.SnapshotAsync(id));
    }

    [Theory]
    [InlineData("gzip", "cut", 8)]
    [InlineData("gzip", "cut", 3)]
    [InlineData("deflate", "cut", 4)]
    [InlineData("br", "cut", 2)]
    [InlineData("gzip", "followed", 0)]
    [InlineData("deflate", "followed", 0)]
    public async Task A_stream_cut_short_or_followed_by_other_bytes_is_400_naming_the_body_and_changes_nothing(string coding, string how, int cut)
    {
        var id = await StartedConversationAsync();
        var before = await cluster.Acme.SnapshotAsync(id);
        var whole = Compress(Events.Customer("x1", "halo lagi, ini pesan yang cukup panjang untuk dipotong").ToJsonString(), coding);
        // Cut short: its check (or, for brotli, its last block) missing; or other bytes after its end.
        var sent = how == "cut" ? whole[..^cut] : [.. whole, 0x00, .. "garbage"u8.ToArray()];

        using var response = await PostAsync(ApiClient.Events(id), sent, coding);

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, "body");
        Json.Same(before, await cluster.Acme.SnapshotAsync(id));
    }

    [Fact]
    public async Task A_gzip_body_of_two_members_is_read_as_both()
    {
        var id = Ids.New("conv");
        var json = Encoding.UTF8.GetBytes(Events.Started("s1", "whatsapp", "id-ID").ToJsonString());
        // Two gzip members back to back (RFC 1952, 2.2): the body is what both decode to, one after the other.
        var half = json.Length / 2;
        byte[] two = [.. Gzip(json[..half]), .. Gzip(json[half..])];

        using var response = await PostAsync(ApiClient.Events(id), two, "gzip");

        Assert.Equal("s1", (await Json.OkAsync(response)).Text("eventId"));
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }
        return output.ToArray();
    }

    [Fact]
    public async Task A_small_body_that_decodes_beyond_the_cap_is_413_and_changes_nothing()
    {
        var id = await StartedConversationAsync();
        var before = await cluster.Acme.SnapshotAsync(id);
        // A few KiB on the wire that decode to 1 MiB: the cap is on what the body decodes to.
        var text = new string(' ', 1 << 20);
        var compressed = Compress($$"""{ "id": "x1", "type": "customer.message", "text": "{{text}}" }""", "gzip");
        Assert.True(compressed.Length < 16 * 1024, $"{compressed.Length} bytes compressed");

        using var response = await PostAsync(ApiClient.Events(id), compressed, "gzip");

        await Json.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Json.Same(before, await cluster.Acme.SnapshotAsync(id));
    }

    private Task<HttpResponseMessage> PostAsync(string path, byte[] body, string coding)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        content.Headers.TryAddWithoutValidation("Content-Encoding", coding);
        return cluster.Acme.Http.PostAsync(path, content);
    }

    private static byte[] Compress(string json, string coding)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        using var output = new MemoryStream();
        using (System.IO.Stream compressor = coding.Split(',').Last().Trim().ToLowerInvariant() switch
        {
            "gzip" or "x-gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "br" => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
            var other => throw new ArgumentOutOfRangeException(nameof(coding), other, null),
        })
        {
            compressor.Write(bytes);
        }
        return output.ToArray();
    }

    private async Task<string> StartedConversationAsync()
    {
        var id = Ids.New("conv");
        await cluster.Acme.SendAsync(id, Events.Started("s1", "whatsapp", "id-ID"));
        return id;
    }
}
