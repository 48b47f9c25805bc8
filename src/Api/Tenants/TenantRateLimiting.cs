using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;

namespace CxCluster.Api.Tenants;

/// <summary>A token bucket per tenant (<c>RateLimiting:PermitsPerSecond</c>, 0 turns it off); over it: 429 with Retry-After.</summary>
public static class TenantRateLimiting
{
    public const string Policy = "per-tenant";

    public static IServiceCollection AddTenantRateLimiting(this IServiceCollection services, CxClusterSettings settings)
    {
        var permits = settings.PermitsPerSecond;
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.WriteAsync(
                    context.HttpContext,
                    StatusCodes.Status429TooManyRequests,
                    $"This tenant sent more than {permits} requests per second; retry after {seconds} s.");
            };
            limiter.AddPolicy(Policy, http =>
            {
                var tenantId = http.User.FindFirstValue(Tenant.ClaimType) ?? "";
                return permits == 0
                    ? RateLimitPartition.GetNoLimiter(tenantId)
                    : RateLimitPartition.GetTokenBucketLimiter(tenantId, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = permits,
                        TokensPerPeriod = permits,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
        });
        return services;
    }
}
