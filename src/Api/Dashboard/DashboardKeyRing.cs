using System.Security.Cryptography;
using System.Text;

namespace CxCluster.Api.Dashboard;

/// <summary>
/// The operators' dashboard keys, held as SHA-256 digests only. A presented key is hashed and compared with every
/// digest in constant time, so neither the answer's timing nor the keys' lengths tell anything about them.
/// </summary>
public sealed class DashboardKeyRing
{
    private readonly byte[][] _digests;

    public DashboardKeyRing(DashboardSettings settings) =>
        _digests = [.. settings.Keys.Select(key => SHA256.HashData(Encoding.UTF8.GetBytes(key)))];

    /// <summary>True when <paramref name="presented"/> is one of the keys; every key is compared, whatever matched first.</summary>
    public bool Opens(ReadOnlySpan<char> presented)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var bytes = Encoding.UTF8.GetByteCount(presented) <= 1024 ? stackalloc byte[1024] : new byte[Encoding.UTF8.GetByteCount(presented)];
        var length = Encoding.UTF8.GetBytes(presented, bytes);
        SHA256.HashData(bytes[..length], digest);
        CryptographicOperations.ZeroMemory(bytes[..length]);
        var opens = false;
        foreach (var known in _digests)
        {
            opens |= CryptographicOperations.FixedTimeEquals(digest, known);
        }
        return opens;
    }
}
