using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CxCluster.Api.Tenants;

/// <summary>Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against the key ring; the key names the tenant.</summary>
public sealed class BearerKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TenantKeyRing keyRing)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private const string Prefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("The Authorization header is not a bearer key."));
        }
        if (keyRing.Find(header[Prefix.Length..].Trim()) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not known."));
        }
        var identity = new ClaimsIdentity(
            [new Claim(Tenant.ClaimType, key.TenantId), new Claim(SupervisorAccess.RoleClaimType, key.Role == TenantRole.Supervisor ? SupervisorAccess.SupervisorRole : SupervisorAccess.FullRole)],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>A known key that may not do this (a supervisor key asking to change something).</summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(
            Context,
            StatusCodes.Status403Forbidden,
            "A supervisor key can only read (the supervisor board, the live stream, queues, agents, conversations and the evidence export); use an API key of the tenant to do this.");

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var hasKey = !string.IsNullOrEmpty(Request.Headers.Authorization);
        Response.Headers.WWWAuthenticate = hasKey ? "Bearer error=\"invalid_token\"" : "Bearer";
        await Problems.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            hasKey
                ? "The API key is not known. Send a tenant's key as 'Authorization: Bearer <key>'."
                : "An API key is required. Send a tenant's key as 'Authorization: Bearer <key>'.");
    }
}
