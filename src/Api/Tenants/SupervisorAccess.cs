using System.Collections.Frozen;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace CxCluster.Api.Tenants;

/// <summary>
/// What a supervisor key may call: the reads a supervisor page needs, and the evidence export (proof of disclosure with
/// no personal data in it, which a compliance officer holding a read-only key asks for), listed here by endpoint name.
/// Anything else (every change, and reads of customer detail or configuration such as offers, contexts and webhooks)
/// is <c>403</c>.
/// </summary>
public static class SupervisorAccess
{
    /// <summary>The claim that holds the key's role.</summary>
    public const string RoleClaimType = "cx:role";

    public const string FullRole = "full";

    public const string SupervisorRole = "supervisor";

    /// <summary>The endpoints a supervisor key may call, by name.</summary>
    public static FrozenSet<string> Readable { get; } = new[]
    {
        "GetSupervisorBoard",
        "StreamFacts",
        "ListQueues",
        "GetAgent",
        "GetConversation",
        "ExportEvidence",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The policy every tenant endpoint requires: a known key, and for a supervisor key one of <see cref="Readable"/>.</summary>
    public static AuthorizationPolicy Policy { get; } = new AuthorizationPolicyBuilder(BearerKeyHandler.SchemeName)
        .RequireAuthenticatedUser()
        .AddRequirements(new RoleRequirement())
        .Build();

    /// <summary>Whether a caller with this role may call the endpoint of this name.</summary>
    public static bool Allows(ClaimsPrincipal user, string? endpointName) =>
        user.FindFirstValue(RoleClaimType) switch
        {
            FullRole => true,
            SupervisorRole => endpointName is not null && Readable.Contains(endpointName),
            _ => false,
        };

    /// <summary>Met when the caller's role allows the endpoint being called.</summary>
    public sealed class RoleRequirement : AuthorizationHandler<RoleRequirement>, IAuthorizationRequirement
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
        {
            var endpoint = context.Resource switch
            {
                HttpContext http => http.GetEndpoint(),
                Endpoint e => e,
                _ => null,
            };
            if (Allows(context.User, endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName))
            {
                context.Succeed(requirement);
            }
            return Task.CompletedTask;
        }
    }
}
