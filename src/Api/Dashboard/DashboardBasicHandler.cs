using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CxCluster.Api.Dashboard;

/// <summary>
/// HTTP Basic for the dashboard: any user name, and one of the operators' keys as the password. A browser asks for
/// them itself on the 401's <c>WWW-Authenticate</c> and sends them with every request of the page after. Tenant keys
/// (bearer) never open it: this scheme reads only Basic credentials, and the dashboard's policy asks only this scheme.
/// The header is never logged; a failure says only that the credentials are wrong.
/// </summary>
public sealed class DashboardBasicHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DashboardKeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DashboardBasic";

    /// <summary>The claim an operator who opened the dashboard carries.</summary>
    public const string OperatorClaim = "cx.operator";

    public const string Challenge = "Basic realm=\"CxCluster dashboard\", charset=\"UTF-8\"";

    private const string Prefix = "Basic ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (Password(header.AsSpan(Prefix.Length).Trim()) is not { } password || !keys.Opens(password))
        {
            return Task.FromResult(AuthenticateResult.Fail("The dashboard's credentials are not known."));
        }
        var identity = new ClaimsIdentity([new Claim(OperatorClaim, "dashboard")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = Challenge;
        await Problems.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            "The dashboard needs an operator's key: HTTP Basic, any user name, the key as the password.");
    }

    /// <summary>The password of <c>base64(user:password)</c>, or null when the credentials are not of that form.</summary>
    private static string? Password(ReadOnlySpan<char> encoded)
    {
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var written))
        {
            return null;
        }
        try
        {
            var text = Encoding.UTF8.GetString(buffer, 0, written);
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : text[(colon + 1)..];
        }
        catch (ArgumentException)
        {
            return null;
        }
        finally
        {
            Array.Clear(buffer);
        }
    }
}
