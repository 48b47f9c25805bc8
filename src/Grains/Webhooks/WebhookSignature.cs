using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CxCluster.Grains.Webhooks;

/// <summary>
/// Standard Webhooks 1.0 signatures: <c>v1,</c> and the base64 HMAC-SHA256 of <c>{webhook-id}.{webhook-timestamp}.{body}</c>,
/// keyed with the bytes the secret's base64 (after <c>whsec_</c>) stands for.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    /// <summary>The bytes a secret may stand for: the specification asks for 24 to 64.</summary>
    public const int MinSecretBytes = 24, MaxSecretBytes = 64;

    /// <summary>Bytes of a secret the cluster generates.</summary>
    public const int GeneratedSecretBytes = 32;

    private const string Version = "v1,";

    /// <summary>A new secret: <c>whsec_</c> and the base64 of 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedSecretBytes));

    /// <summary>The key a secret stands for, or null when it is not <c>whsec_</c> and the base64 of 24 to 64 bytes.</summary>
    public static byte[]? KeyOf(string? secret)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var text = secret.AsSpan(SecretPrefix.Length);
        var key = new byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
        if (!Convert.TryFromBase64Chars(text, key, out var written) || text.ContainsAny(" \t\r\n") || written is < MinSecretBytes or > MaxSecretBytes)
        {
            return null;
        }
        return key[..written];
    }

    /// <summary>The <c>webhook-signature</c> header's value for one attempt.</summary>
    public static string Sign(ReadOnlySpan<byte> key, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Mac(key, webhookId, timestamp, body, mac);
        return Version + Convert.ToBase64String(mac);
    }

    /// <summary>
    /// Whether one of the space-separated signatures of <paramref name="header"/> is the <c>v1</c> signature of the
    /// message, compared in constant time, and the timestamp is within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> key, string webhookId, string timestamp, ReadOnlySpan<byte> body, string header, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Mac(key, webhookId, seconds, body, expected);
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes + 2];
        foreach (var part in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith(Version, StringComparison.Ordinal)
                && Convert.TryFromBase64String(part[Version.Length..], given, out var written)
                && written == expected.Length
                && CryptographicOperations.FixedTimeEquals(given[..written], expected))
            {
                return true;
            }
        }
        return false;
    }

    private static void Mac(ReadOnlySpan<byte> key, string webhookId, long timestamp, ReadOnlySpan<byte> body, Span<byte> mac)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{webhookId}.{timestamp}.");
        var length = Encoding.UTF8.GetByteCount(prefix) + body.Length;
        var content = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(prefix, content);
            body.CopyTo(content.AsSpan(written));
            HMACSHA256.HashData(key, content.AsSpan(0, length), mac);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(content);
        }
    }
}
