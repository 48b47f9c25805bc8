namespace CxCluster.Abstractions;

/// <summary>
/// One evidence export of one tenant (key: <c>{tenant}/{exportId}</c>, a new export id for each export): reads the
/// tenant's facts of the period page by page and hands out the export's NDJSON lines, already encoded, the last page
/// ending with the summary line and its hash. The pages of one export are asked for in order, 0, 1, 2, ….
/// </summary>
[Alias("cx.IEvidenceExportGrain")]
public interface IEvidenceExportGrain : IGrainWithStringKey
{
    /// <summary>Page <paramref name="page"/> of the export of <paramref name="query"/>.</summary>
    /// <exception cref="ArgumentException">The query is not one the export takes (see <see cref="EvidenceQuery.Problem"/>).</exception>
    /// <exception cref="InvalidOperationException">The page is not the next one of this export (its activation was lost): the export must start over.</exception>
    [Alias("Read")]
    Task<EvidencePage> Read(EvidenceQuery query, int page);
}

/// <summary>What an evidence export covers: the conversations with facts in [From, To), or only the one named.</summary>
[GenerateSerializer, Immutable, Alias("cx.EvidenceQuery")]
public sealed record EvidenceQuery
{
    /// <summary>The longest period one export covers.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(366);

    [Id(0)] public required DateTimeOffset From { get; init; }
    [Id(1)] public required DateTimeOffset To { get; init; }
    [Id(2)] public string? ConversationId { get; init; }

    /// <summary>Why the export cannot be made, naming the field, or null when it can.</summary>
    public (string Field, string Message)? Problem() =>
        To <= From ? ("to", "to must be later than from.")
        : To - From > MaxSpan ? ("to", $"The period from 'from' to 'to' must be at most {MaxSpan.TotalDays:0} days.")
        : ConversationId is { } id && !GrainKeys.IsValidId(id) ? ("conversationId", "conversationId must be 1–128 letters, digits, '-', '_', '.' and ':'.")
        : null;
}

/// <summary>A page of an evidence export: whole NDJSON lines, each ending with <c>\n</c>.</summary>
[GenerateSerializer, Immutable, Alias("cx.EvidencePage")]
public sealed record EvidencePage
{
    /// <summary>The UTF-8 bytes of the page's lines, exactly as they are to be written.</summary>
    [Id(0)] public required byte[] Lines { get; init; }

    /// <summary>The page ends with the summary line: the export is complete.</summary>
    [Id(1)] public required bool Last { get; init; }
}
