using System.Buffers;

namespace CxCluster.Grains.Privacy;

/// <summary>
/// Rows of comma-, semicolon- or tab-separated values pasted into a message under a header line that names a personal
/// column ("name,email,phone", "nama;no hp;kota"): the values in those columns are replaced, the other columns kept.
/// </summary>
public static partial class Redactor
{
    /// <summary>The longest line read as a header: a header is a few short keys.</summary>
    private const int MaxCsvHeaderLength = 256;

    /// <summary>The most columns a header is read with.</summary>
    private const int MaxCsvColumns = 32;

    /// <summary>The longest key read as a column's name.</summary>
    private const int MaxCsvKeyLength = 40;

    /// <summary>
    /// A bare "name" column of a table of things: replaced (as a name read less surely) only where its value opens with a
    /// common given name. The same text as the name-or-thing placeholder, told apart by reference.
    /// </summary>
    private static readonly string PersonAmongThingsPlaceholder = new(NameOrThingPlaceholder.AsSpan());

    /// <summary>Columns of a table of things, beside which a bare "name" or "nama" column names the things, not people.</summary>
    private static readonly string[] ThingColumns =
    [
        "item", "items", "sku", "qty", "quantity", "price", "harga", "product", "produk", "barang", "size", "ukuran", "stock", "stok",
        "colour", "color", "warna", "brand", "merek", "merk", "category", "kategori", "variant", "varian", "model", "jumlah", "total",
        "subtotal", "amount", "unit", "satuan", "weight", "berat", "type", "tipe", "jenis",
    ];

    /// <summary>Whether a column's name has a word of <see cref="ThingColumns"/> ("qty", "unit price", "nama_produk").</summary>
    private static bool IsThingColumn(ReadOnlySpan<char> key)
    {
        foreach (var range in key.SplitAny(" _-."))
        {
            if (IsOneOf(key[range], ThingColumns))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>What separates the values of a row: a comma, a semicolon or a tab.</summary>
    private static readonly SearchValues<char> CsvSeparators = SearchValues.Create(",;\t");

    /// <summary>
    /// The values of personal columns in rows of separated values: a header line of two to <see cref="MaxCsvColumns"/>
    /// short keys apart by one separator (',', ';' or a tab), at least one of them naming a personal field as a structured
    /// key does ("name", "email", "no hp", "alamat"), and after it the lines with as many values, each value in such a
    /// column replaced when it can be what the field holds (<see cref="FitsField"/>: under "name" or "nama" only a
    /// person's name). A line with another number of values, or an empty one, ends the rows. Each line is read once, as a
    /// header or as a row; null when there are none.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindCsvRows(string text)
    {
        if (text.IndexOf('\n') < 0 || text.AsSpan().IndexOfAny(CsvSeparators) < 0)
        {
            return null;
        }

        List<(int Start, int End, string Placeholder)>? found = null;
        string?[]? columns = null;
        int columnCount = 0;
        char separator = '\0';
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int newline = text.IndexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.Length : newline;
            int next = newline < 0 ? text.Length : newline + 1;
            if (lineEnd > lineStart && text[lineEnd - 1] == '\r')
            {
                lineEnd--;
            }

            if (columns is not null && !CsvRow(text, lineStart, lineEnd, separator, columns, columnCount, ref found))
            {
                columns = null;
            }

            if (columns is null)
            {
                columnCount = CsvHeader(text, lineStart, lineEnd, out separator, ref columns);
                if (columnCount == 0)
                {
                    columns = null;
                }
            }

            lineStart = next;
        }

        return found;
    }

    /// <summary>
    /// How many columns the line [<paramref name="start"/>, <paramref name="end"/>) names when it is a header with a personal
    /// column, its separator and each column's placeholder (null for a column that names nothing personal); 0 when it is none.
    /// </summary>
    private static int CsvHeader(string text, int start, int end, out char separator, ref string?[]? columns)
    {
        separator = '\0';
        ReadOnlySpan<char> line = text.AsSpan(start, end - start);
        if (line.Length > MaxCsvHeaderLength || line.Length < 3)
        {
            return 0;
        }

        separator = line.Contains('\t') ? '\t' : line.Contains(';') ? ';' : line.Contains(',') ? ',' : '\0';
        if (separator == '\0')
        {
            return 0;
        }

        string?[] found = new string?[MaxCsvColumns];
        int count = 0;
        bool personal = false;
        bool things = false;
        int k = 0;
        while (true)
        {
            int cut = line[k..].IndexOf(separator);
            ReadOnlySpan<char> key = (cut < 0 ? line[k..] : line.Slice(k, cut)).Trim().Trim('"').Trim();
            if (count == MaxCsvColumns || !IsCsvKey(key))
            {
                return 0;
            }

            string? placeholder = PersonalKey(key);
            found[count++] = placeholder;
            personal |= placeholder is not null;
            things |= IsThingColumn(key);
            if (cut < 0)
            {
                break;
            }

            k += cut + 1;
        }

        if (things)
        {
            // A table of things (an item, a price, a quantity): its bare "name" column names the things, unless a value
            // opens with a person's given name ("Rina Wijaya" among "iPhone 15" and "Nike Air Max").
            for (int column = 0; column < count; column++)
            {
                if (ReferenceEquals(found[column], NameOrThingPlaceholder))
                {
                    found[column] = PersonAmongThingsPlaceholder;
                }
            }
        }

        if (count < 2 || !personal)
        {
            return 0;
        }

        columns = found;
        return count;
    }

    /// <summary>A column's name: a letter, then up to <see cref="MaxCsvKeyLength"/> letters, digits, spaces, '_', '-' or '.' ("no hp", "first_name", "E-mail").</summary>
    private static bool IsCsvKey(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty || key.Length > MaxCsvKeyLength || !char.IsLetter(key[0]))
        {
            return false;
        }

        foreach (char c in key)
        {
            if (!(char.IsLetterOrDigit(c) || c is ' ' or '_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads the line [<paramref name="start"/>, <paramref name="end"/>) as a row under a header of <paramref name="count"/>
    /// <paramref name="columns"/>, adding the values of its personal columns to <paramref name="found"/>; false (and
    /// nothing added) when it has another number of values or is empty. A value in quotation marks may hold the separator.
    /// </summary>
    private static bool CsvRow(string text, int start, int end, char separator, string?[] columns, int count, ref List<(int Start, int End, string Placeholder)>? found)
    {
        if (end <= start || text.AsSpan(start, end - start).IsWhiteSpace())
        {
            return false;
        }

        Span<(int Start, int End)> cells = stackalloc (int, int)[MaxCsvColumns];
        int n = 0;
        int k = start;
        while (true)
        {
            if (n == count)
            {
                return false;
            }

            int p = k;
            while (p < end && text[p] == ' ')
            {
                p++;
            }

            int valueStart;
            int valueEnd;
            int after;
            if (p < end && text[p] == '"')
            {
                // A quoted value runs to its closing mark ("" inside is a quotation mark in it).
                int q = p + 1;
                while (q < end && !(text[q] == '"' && (q + 1 >= end || text[q + 1] != '"')))
                {
                    q += text[q] == '"' ? 2 : 1;
                }

                if (q >= end)
                {
                    return false;
                }

                valueStart = p + 1;
                valueEnd = q;
                after = q + 1;
                while (after < end && text[after] == ' ')
                {
                    after++;
                }

                if (after < end && text[after] != separator)
                {
                    return false;
                }
            }
            else
            {
                int cut = text.AsSpan(k, end - k).IndexOf(separator);
                after = cut < 0 ? end : k + cut;
                valueStart = p;
                valueEnd = after;
                while (valueEnd > valueStart && text[valueEnd - 1] == ' ')
                {
                    valueEnd--;
                }
            }

            cells[n++] = (valueStart, valueEnd);
            if (after >= end)
            {
                break;
            }

            k = after + 1;
        }

        if (n != count)
        {
            return false;
        }

        for (int c = 0; c < n; c++)
        {
            (int valueStart, int valueEnd) = cells[c];
            ReadOnlySpan<char> value = text.AsSpan(valueStart, valueEnd - valueStart);
            if (columns[c] is { } placeholder && valueEnd > valueStart
                && (ReferenceEquals(placeholder, PersonAmongThingsPlaceholder)
                    ? FitsField(value, NameOrThingPlaceholder) && OpensWithAGivenName(value.Trim().Trim('"'))
                    : FitsField(value, placeholder)))
            {
                AddField(ref found, valueStart, valueEnd, placeholder);
            }
        }

        return true;
    }
}
