using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace CxCluster.Grains.Evidence;

/// <summary>Whether an evidence file is intact, and if not, why.</summary>
public sealed record EvidenceVerdict(bool Intact, string Reason);

/// <summary>
/// Checks a saved evidence export: the SHA-256 of the exact bytes of every line before the last (each with its
/// <c>\n</c>) must be the <c>sha256</c> of the last line, and the summary's figures that the lines determine
/// (conversations, disclosedBeforeFirstAi, identityQuestions, handoffsByReason, erasures) must agree with them. The
/// file is read as a stream, one line at a time.
/// </summary>
public static class EvidenceFile
{
    public static async Task<EvidenceVerdict> VerifyAsync(Stream file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var counted = new Counted();
        var pending = new ArrayBufferWriter<byte>(4096);   // the line read last: a conversation's, unless it is the last
        var current = new ArrayBufferWriter<byte>(4096);
        var lines = 0;
        var buffer = new byte[64 * 1024];
        int read;
        var endsWithNewLine = false;
        while ((read = await file.ReadAsync(buffer, ct)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            while (!chunk.IsEmpty)
            {
                var newLine = chunk.IndexOf((byte)'\n');
                if (newLine < 0)
                {
                    current.Write(chunk);
                    endsWithNewLine = false;
                    break;
                }
                current.Write(chunk[..(newLine + 1)]);
                chunk = chunk[(newLine + 1)..];
                endsWithNewLine = true;
                if (lines++ > 0 && Count(pending.WrittenSpan, counted) is { } bad)
                {
                    return new EvidenceVerdict(false, $"line {lines - 1} is not a conversation's evidence: {bad}");
                }
                hash.AppendData(pending.WrittenSpan);
                (pending, current) = (current, pending);
                current.ResetWrittenCount();
            }
        }
        if (!endsWithNewLine || lines == 0)
        {
            return new EvidenceVerdict(false, lines == 0 && current.WrittenCount == 0
                ? "the file is empty"
                : "the file does not end with a complete line: it was cut short");
        }
        // Every complete line but the last was counted and hashed; the last is still pending.
        return Check(pending.WrittenSpan[..^1], Convert.ToHexStringLower(hash.GetHashAndReset()), counted);
    }

    private static EvidenceVerdict Check(ReadOnlySpan<byte> last, string sha256, Counted counted)
    {
        try
        {
            using var document = JsonDocument.Parse(last.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("summary", out var summary)
                || !root.TryGetProperty("sha256", out var stated) || stated.ValueKind != JsonValueKind.String)
            {
                return new EvidenceVerdict(false, "the last line is not the summary line with its sha256");
            }
            if (!string.Equals(stated.GetString(), sha256, StringComparison.Ordinal))
            {
                return new EvidenceVerdict(false, $"the lines before the summary hash to {sha256}, not to the {stated.GetString()} the summary states: they were changed");
            }
            var mismatch = counted.Against(summary);
            return mismatch is null
                ? new EvidenceVerdict(true, $"intact: {counted.Conversations} conversations, sha256 {sha256}")
                : new EvidenceVerdict(false, $"the summary's {mismatch} does not match the lines");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return new EvidenceVerdict(false, $"the summary line is not valid: {e.Message}");
        }
    }

    /// <summary>Counts one conversation's line; returns what is wrong with it, or null.</summary>
    private static string? Count(ReadOnlySpan<byte> line, Counted counted)
    {
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("conversationId", out _))
            {
                return "it has no conversationId";
            }
            counted.Conversations++;
            counted.DisclosedBeforeFirstAi += root.GetProperty("disclosedBeforeFirstAi").GetBoolean() ? 1 : 0;
            counted.IdentityQuestions += root.GetProperty("identityAnswers").GetArrayLength();
            foreach (var handoff in root.GetProperty("handoffs").EnumerateArray())
            {
                var reason = handoff.GetProperty("reason").GetString()!;
                counted.HandoffsByReason[reason] = counted.HandoffsByReason.GetValueOrDefault(reason) + 1;
            }
            counted.Erasures += root.TryGetProperty("erasedAt", out _) ? 1 : 0;
            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return e.Message;
        }
    }

    /// <summary>The summary's figures as the lines give them.</summary>
    private sealed class Counted
    {
        public int Conversations;
        public int DisclosedBeforeFirstAi;
        public int IdentityQuestions;
        public int Erasures;
        public readonly Dictionary<string, int> HandoffsByReason = new(StringComparer.Ordinal);

        /// <summary>The name of the first figure of <paramref name="summary"/> that differs, or null.</summary>
        public string? Against(JsonElement summary)
        {
            if (summary.GetProperty("conversations").GetInt32() != Conversations)
            {
                return "conversations";
            }
            if (summary.GetProperty("disclosedBeforeFirstAi").GetInt32() != DisclosedBeforeFirstAi)
            {
                return "disclosedBeforeFirstAi";
            }
            if (summary.GetProperty("identityQuestions").GetInt32() != IdentityQuestions)
            {
                return "identityQuestions";
            }
            if (summary.GetProperty("erasures").GetInt32() != Erasures)
            {
                return "erasures";
            }
            var stated = summary.GetProperty("handoffsByReason").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
            return stated.Count == HandoffsByReason.Count && stated.All(s => HandoffsByReason.GetValueOrDefault(s.Key) == s.Value)
                ? null
                : "handoffsByReason";
        }
    }
}
