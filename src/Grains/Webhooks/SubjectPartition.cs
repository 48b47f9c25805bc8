using System.Text;

namespace CxCluster.Grains.Webhooks;

/// <summary>
/// Which dispatcher of an endpoint serves a conversation or agent: FNV-1a (32 bit) of the id's UTF-8 bytes, modulo the
/// partitions. The same on every silo and after every restart, unlike <see cref="string.GetHashCode()"/>.
/// </summary>
public static class SubjectPartition
{
    private const uint OffsetBasis = 2_166_136_261, Prime = 16_777_619;

    public static int Of(string subject, int partitions) => Of(subject.AsSpan(), partitions);

    public static int Of(ReadOnlySpan<char> subject, int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partitions);
        return (int)(Fnv1a(subject) % (uint)partitions);
    }

    public static uint Fnv1a(ReadOnlySpan<char> text)
    {
        var count = Encoding.UTF8.GetByteCount(text);
        Span<byte> bytes = count <= 256 ? stackalloc byte[256] : new byte[count];
        bytes = bytes[..Encoding.UTF8.GetBytes(text, bytes)];
        var hash = OffsetBasis;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }
        return hash;
    }
}

/// <summary>The conversations and agents one partition of <see cref="Partitions"/> serves; <see cref="All"/> serves every one.</summary>
public readonly record struct SubjectShare(int Partition, int Partitions)
{
    public static readonly SubjectShare All = new(0, 1);

    public bool Holds(ReadOnlySpan<char> subject) => Partitions <= 1 || SubjectPartition.Of(subject, Partitions) == Partition;
}
