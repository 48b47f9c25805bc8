using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CxCluster.Abstractions;

namespace CxCluster.Grains.Agents;

/// <summary>
/// The id of an offer: <c>ofr-{n}-{agentId}</c>, where <c>n</c> is the number of the agent's record that made it. Unique
/// within a tenant, since an agent's records are numbered once and its id is in the offer's (the number has no dash, so
/// the first dash after it ends it). An agent id too long for that to fit within an id's length stands for itself as
/// the first 24 hex digits of its SHA-256, after a colon instead of the dash: <c>ofr-{n}:{digest}</c>.
/// </summary>
public static class OfferIds
{
    public static string For(string agentId, long number)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"ofr-{number}-");
        if (prefix.Length + agentId.Length <= GrainKeys.MaxIdLength)
        {
            return prefix + agentId;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(agentId));
        return string.Create(CultureInfo.InvariantCulture, $"ofr-{number}:{Convert.ToHexStringLower(digest.AsSpan(0, 12))}");
    }
}
