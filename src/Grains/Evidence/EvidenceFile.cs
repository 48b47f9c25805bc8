using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace CxCluster.Grains.Evidence;

/// <summary>Whether an evidence file is intact, and if not, why.</summary>
public sealed record EvidenceVerdict(bool Intact, string Reason);

/// <summary>
/// Checks a saved evidence export: the SHA-256 of the exact bytes of every line before the last (each with its
/// <c>\n</c>) must be the <c>sha256</c> of the last line; the last line, which the hash does not cover, must hold the
/// summary's fields and its own, each once, and no other; the summary's figures that the lines determine
/// (conversations, disclosedBeforeFirstAi, identityQuestions, handoffsByReason, erasures) must agree with them, and
/// aiMessagesAllowed, which they only bound, must be within that bound (at least one for each line with a
/// firstAiAllowedAt; none when no line has one). The file is read as a stream, one line at a time.
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

    /// <summary>The fields of the last line, and of its summary, as the export writes them (<see cref="EvidenceLines.WriteSummary"/>).</summary>
    private static readonly string[] LastLineFields = ["summary", "sha256"];

    private static readonly string[] SummaryFields =
        ["conversations", "disclosedBeforeFirstAi", "aiMessagesAllowed", "identityQuestions", "handoffsByReason", "erasures"];

    private static EvidenceVerdict Check(ReadOnlySpan<byte> last, string sha256, Counted counted)
    {
        try
        {
            using var document = JsonDocument.Parse(last.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("summary", out var summary)
                || summary.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("sha256", out var stated) || stated.ValueKind != JsonValueKind.String)
            {
                return new EvidenceVerdict(false, "the last line is not the summary line with its sha256");
            }
            // The summary line is not covered by the hash: a field added to it, or one given twice (a reader may take
            // either), would pass unnoticed.
            if (Fields(root, LastLineFields) is { } lineProblem)
            {
                return new EvidenceVerdict(false, $"the summary line {lineProblem}");
            }
            if (Fields(summary, SummaryFields) is { } summaryProblem)
            {
                return new EvidenceVerdict(false, $"the summary {summaryProblem}");
            }
            if (!string.Equals(stated.GetString(), sha256, StringComparison.Ordinal))
            {
                return new EvidenceVerdict(false, $"the lines before the summary hash to {sha256}, not to the {stated.GetString()} the summary states: they were changed");
            }
            var mismatch = counted.Against(summary);
            return mismatch is null
                ? new EvidenceVerdict(true, $"intact: {counted.Conversations} conversations, sha256 {sha256}")
                : new EvidenceVerdict(false, mismatch);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            return new EvidenceVerdict(false, $"the summary line is not valid: {e.Message}");
        }
    }

    /// <summary>What is wrong with the fields of <paramref name="json"/> against <paramref name="known"/> (each once, no other), or null.</summary>
    private static string? Fields(JsonElement json, string[] known)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                return $"has a field the export does not write: '{(property.Name.Length <= 64 ? property.Name : property.Name[..64] + "…")}'";
            }
            if (!seen.Add(property.Name))
            {
                return $"gives the field '{property.Name}' twice";
            }
        }
        return known.FirstOrDefault(name => !seen.Contains(name)) is { } missing ? $"lacks the field '{missing}'" : null;
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
            counted.WithAi += root.TryGetProperty("firstAiAllowedAt", out var firstAi) && firstAi.ValueKind != JsonValueKind.Null ? 1 : 0;
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

        /// <summary>
        /// Lines with a <c>firstAiAllowedAt</c>. A line shows when its first AI message was allowed, not how many were,
        /// so the lines bound <c>aiMessagesAllowed</c> rather than give it: at least one for each such line, none without one.
        /// </summary>
        public int WithAi;

        /// <summary>Why the figures of <paramref name="summary"/> do not agree with the lines (naming the first that does not), or null.</summary>
        public string? Against(JsonElement summary)
        {
            (string Name, int Counted)[] exact =
                [("conversations", Conversations), ("disclosedBeforeFirstAi", DisclosedBeforeFirstAi), ("identityQuestions", IdentityQuestions), ("erasures", Erasures)];
            foreach (var (name, counted) in exact)
            {
                var figure = summary.GetProperty(name).GetInt32();
                if (figure != counted)
                {
                    return $"the summary's {name} ({figure}) does not match the lines ({counted})";
                }
            }
            var aiMessages = summary.GetProperty("aiMessagesAllowed").GetInt64();
            if (aiMessages < WithAi)
            {
                return $"the summary's aiMessagesAllowed ({aiMessages}) does not match the lines: it is fewer than the {WithAi} lines with a firstAiAllowedAt, each of which had at least one";
            }
            if (WithAi == 0 && aiMessages != 0)
            {
                return $"the summary's aiMessagesAllowed ({aiMessages}) does not match the lines: no line has a firstAiAllowedAt, so none was allowed";
            }
            var stated = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var reason in summary.GetProperty("handoffsByReason").EnumerateObject())
            {
                if (!stated.TryAdd(reason.Name, reason.Value.GetInt32()))
                {
                    return $"the summary's handoffsByReason gives the reason '{reason.Name}' twice";
                }
            }
            return stated.Count == HandoffsByReason.Count && stated.All(s => HandoffsByReason.GetValueOrDefault(s.Key) == s.Value)
                ? null
                : "the summary's handoffsByReason does not match the lines";
        }
    }
}
