namespace CxCluster.TestSupport.Hosting;

/// <summary>The API's <c>GET /health/ready</c>, asked as a load balancer asks it.</summary>
public static class Readiness
{
    /// <summary>Whether it answers 200 now; no answer at all counts as not ready.</summary>
    public static async Task<bool> IsReadyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/health/ready");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Polls until the API at <paramref name="address"/> is ready; fails after <paramref name="timeout"/>.</summary>
    public static async Task WaitAsync(Uri address, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        await Eventually.HoldsAsync(() => IsReadyAsync(http), timeout, "the API to become ready");
    }
}
