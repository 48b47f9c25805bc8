using CxCluster.Api.Tests.Infrastructure;

namespace CxCluster.Api.Tests.Supervision;

/// <summary>The page's files: served without a key, with a policy that allows only this origin.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SupervisorPageTests(ClusterFixture cluster)
{
    [Theory]
    [InlineData("/supervisor", "text/html")]
    [InlineData("/supervisor/supervisor.js", "text/javascript")]
    [InlineData("/supervisor/supervisor.css", "text/css")]
    public async Task Page_files_are_served_without_a_key_under_a_self_only_content_security_policy(string path, string mediaType)
    {
        using var response = await cluster.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Page_loads_only_its_own_files_and_never_asks_for_the_key_in_the_url()
    {
        using var response = await cluster.Anonymous.GetAsync("/supervisor");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<script src=\"/supervisor/supervisor.js\"", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain(" style=", html);
        Assert.Contains("type=\"password\"", html);
    }
}
