using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;

namespace CxCluster.Grains.Journal;

/// <summary>
/// JSON writers with their buffers, shared by every grain of a silo: a grain rents one to encode what it appends and
/// gives it back once it no longer needs the bytes (at the latest when its append is done, since a journal copies what
/// it keeps), so an idle grain holds none. At most a few hundred are kept: one for each append in flight.
/// </summary>
public sealed class JsonEncoders
{
    private const int Kept = 256;
    /// <summary>A buffer that grew beyond this (a very long message) is not kept.</summary>
    private const int LargestKept = 64 * 1024;

    private readonly ConcurrentQueue<JsonEncoder> _free = new();

    private JsonEncoder Rent() => _free.TryDequeue(out var encoder) ? encoder : new JsonEncoder();

    /// <summary>
    /// Rents an encoder, its buffer emptied; disposing the lease gives it back, and with it the bytes written into it.
    /// </summary>
    public Lease Lend()
    {
        var encoder = Rent();
        encoder.Buffer.ResetWrittenCount();
        return new Lease(this, encoder);
    }

    /// <summary>
    /// Encodes <paramref name="items"/> as the facts of one append, the last with seq <paramref name="lastSeq"/>,
    /// through one rented encoder (each fact's bytes are copied out of it, and it goes back before anything awaits).
    /// </summary>
    public JournalFact[] Encode<T>(IReadOnlyList<T> items, long lastSeq, Func<T, long, JsonEncoder, JournalFact> encode)
    {
        var facts = new JournalFact[items.Count];
        var first = lastSeq - items.Count + 1;
        var encoder = Rent();
        try
        {
            for (var i = 0; i < facts.Length; i++)
            {
                facts[i] = encode(items[i], first + i, encoder);
            }
        }
        finally
        {
            Return(encoder);
        }
        return facts;
    }

    private void Return(JsonEncoder encoder)
    {
        if (encoder.Buffer.Capacity <= LargestKept && _free.Count < Kept)
        {
            _free.Enqueue(encoder);
        }
    }

    /// <summary>A rented encoder; disposing it gives it back.</summary>
    public readonly struct Lease(JsonEncoders pool, JsonEncoder encoder) : IDisposable
    {
        public JsonEncoder Encoder => encoder;

        public void Dispose() => pool.Return(encoder);
    }
}

/// <summary>A JSON writer and the buffer it writes into.</summary>
public sealed class JsonEncoder
{
    public ArrayBufferWriter<byte> Buffer { get; } = new(512);

    public Utf8JsonWriter Writer { get; }

    public JsonEncoder() => Writer = new Utf8JsonWriter(Buffer);

    /// <summary>
    /// Writes <paramref name="value"/> as one JSON object whose members <paramref name="members"/> writes, into the
    /// emptied buffer, and returns a copy of the bytes.
    /// </summary>
    public byte[] WriteObject<T>(T value, Action<Utf8JsonWriter, T> members)
    {
        Buffer.ResetWrittenCount();
        Writer.Reset(Buffer);
        Writer.WriteStartObject();
        members(Writer, value);
        Writer.WriteEndObject();
        Writer.Flush();
        return Buffer.WrittenSpan.ToArray();
    }
}

/// <summary>Reading the members of stored JSON records.</summary>
internal static class JsonMembers
{
    /// <summary>The string member <paramref name="name"/>; a missing one throws <see cref="KeyNotFoundException"/>.</summary>
    /// <exception cref="FormatException">The member is null.</exception>
    public static string Text(JsonElement e, string name) =>
        e.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null.");
}
