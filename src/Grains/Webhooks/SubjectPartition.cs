using System.Text;

namespace CxCluster.Grains.Webhooks;

/// <summary>
/// Which dispatcher of an endpoint serves a conversation or agent: FNV-1a (32 bit) of the id's UTF-8 bytes, modulo the
/// partitions. The same on every silo and after every restart, unlike <see cref="string.GetHashCode()"/>.
/// </summary>
public static class SubjectPartition
{
    private const uint OffsetBasis = 2_166_136_261, Prime = 16_777_619;

    public static int Of(string subject, int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partitions);
        return (int)(Fnv1a(subject) % (uint)partitions);
    }

    public static uint Fnv1a(string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(text) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(text, buffer)] : Encoding.UTF8.GetBytes(text);
        var hash = OffsetBasis;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }
        return hash;
    }
}
