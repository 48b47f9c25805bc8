using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CxCluster.Grains.Push;

/// <summary>
/// Turns the positions of a tenant's facts into the cursors its readers see (the live stream's <c>id:</c>, the
/// supervisor board's <c>cursor</c>), and back. A position tells how much the whole cluster wrote (with PostgreSQL it
/// grows with every transaction of every tenant), so it is never shown: a cursor is the position put through a
/// permutation keyed by the cluster's secret and the tenant, the same on every silo and after every restart. Cursors
/// of one tenant say nothing of another's, nor of the cluster's pace, and one tenant's cursor means nothing to another.
/// </summary>
/// <remarks>
/// The permutation is a four-round Feistel network over 52 bits (so a cursor is a whole number JavaScript holds
/// exactly), its round function HMAC-SHA256 under a key derived per tenant. Cursor 0 stands for "before the first
/// fact" and is its own cursor; every other cursor is 1 to 2^52.
/// </remarks>
public sealed class CursorCodec
{
    private const int HalfBits = 26;
    private const long HalfMask = (1L << HalfBits) - 1;
    private const int Rounds = 4;

    /// <summary>Positions below this have a cursor (2^52; a position is 2^16 per transaction with PostgreSQL, so 2^36 transactions).</summary>
    public const long Limit = 1L << (2 * HalfBits);

    private readonly byte[] _key;
    private readonly ConcurrentDictionary<string, byte[]> _tenantKeys = new(StringComparer.Ordinal);

    /// <param name="key">The cluster's secret (at least 16 bytes), the same for every silo: the journal keeps it.</param>
    public CursorCodec(ReadOnlySpan<byte> key)
    {
        if (key.Length < 16)
        {
            throw new ArgumentException("A cursor key has at least 16 bytes.", nameof(key));
        }
        _key = key.ToArray();
    }

    /// <summary>The cursor readers of <paramref name="tenantId"/> see for <paramref name="position"/> (0 for 0).</summary>
    public long Encode(string tenantId, long position)
    {
        if (position == 0)
        {
            return 0;
        }
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, Limit);
        var key = TenantKey(tenantId);
        long left = position >> HalfBits, right = position & HalfMask;
        for (var round = 0; round < Rounds; round++)
        {
            (left, right) = (right, left ^ Round(key, round, right));
        }
        return ((left << HalfBits) | right) + 1;
    }

    /// <summary>The position <paramref name="cursor"/> stands for, or null when no position of this tenant's has that cursor.</summary>
    public long? Decode(string tenantId, long cursor)
    {
        if (cursor == 0)
        {
            return 0;
        }
        if (cursor < 1 || cursor > Limit)
        {
            return null;
        }
        var key = TenantKey(tenantId);
        var value = cursor - 1;
        long left = value >> HalfBits, right = value & HalfMask;
        for (var round = Rounds - 1; round >= 0; round--)
        {
            (left, right) = (right ^ Round(key, round, left), left);
        }
        var position = (left << HalfBits) | right;
        // Position 0 has cursor 0 only: the permutation's image of 0 is no cursor.
        return position == 0 ? null : position;
    }

    private byte[] TenantKey(string tenantId) =>
        _tenantKeys.GetOrAdd(tenantId, static (id, key) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("cx-cursor/" + id)), _key);

    private static long Round(byte[] key, int round, long half)
    {
        Span<byte> input = stackalloc byte[5];
        input[0] = (byte)round;
        BinaryPrimitives.WriteUInt32BigEndian(input[1..], (uint)half);
        Span<byte> output = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, input, output);
        return BinaryPrimitives.ReadUInt32BigEndian(output) & HalfMask;
    }
}
