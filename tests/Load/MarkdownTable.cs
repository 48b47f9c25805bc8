namespace CxCluster.Load;

/// <summary>A bench's figures as a Markdown table: the first column left-aligned, the figures right-aligned.</summary>
public static class MarkdownTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        output.WriteLine();
        output.WriteLine($"| {string.Join(" | ", header)} |");
        output.WriteLine($"| --- | {string.Join(" | ", header.Skip(1).Select(_ => "---:"))} |");
        foreach (var row in rows)
        {
            output.WriteLine($"| {string.Join(" | ", row)} |");
        }
    }
}
