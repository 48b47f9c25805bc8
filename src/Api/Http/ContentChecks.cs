using System.Buffers.Binary;

namespace CxCluster.Api.Http;

/// <summary>
/// The checks a gzip or zlib body ends with, recomputed over what it decoded to. A stream cut short before its end, or
/// with other bytes after it, still decodes without complaint; its last bytes then are no check of what was decoded.
/// </summary>
internal static class ContentChecks
{
    /// <summary>CRC-32 (the polynomial gzip uses, reflected), a byte at a time.</summary>
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>
    /// Whether <paramref name="compressed"/> ends with the check of <paramref name="decoded"/> its coding prescribes:
    /// gzip's CRC-32 and length of its last member (RFC 1952; a body of several members decodes to all of them, the last
    /// member's data being the end of it), zlib's Adler-32 (RFC 1950); brotli's decoder tells an incomplete stream itself.
    /// </summary>
    public static bool Hold(string coding, ReadOnlySpan<byte> compressed, ReadOnlySpan<byte> decoded)
    {
        switch (coding)
        {
            case "gzip":
                if (compressed.Length < 18)
                {
                    return false;
                }
                var length = BinaryPrimitives.ReadUInt32LittleEndian(compressed[^4..]);
                return length <= (uint)decoded.Length
                    && BinaryPrimitives.ReadUInt32LittleEndian(compressed[^8..]) == Crc32(decoded[^(int)length..]);
            case "deflate":
                return compressed.Length >= 6 && BinaryPrimitives.ReadUInt32BigEndian(compressed[^4..]) == Adler32(decoded);
            default:
                return true;
        }
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFF_FFFFu;
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return ~crc;
    }

    private static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint Modulus = 65521;
        uint a = 1, b = 0;
        // 5552 bytes at most between reductions keep b within 32 bits.
        while (data.Length > 0)
        {
            var block = data[..Math.Min(data.Length, 5552)];
            foreach (var x in block)
            {
                a += x;
                b += a;
            }
            a %= Modulus;
            b %= Modulus;
            data = data[block.Length..];
        }
        return (b << 16) | a;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB8_8320u ^ (c >> 1) : c >> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
