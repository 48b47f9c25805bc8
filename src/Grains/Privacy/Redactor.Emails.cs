namespace CxCluster.Grains.Privacy;

/// <summary>E-mail addresses as written, inside text of any script.</summary>
public static partial class Redactor
{
    private static List<(int Start, int End)>? FindEmails(string text)
    {
        List<(int Start, int End)>? found = null;
        int floor = 0;
        int at = text.IndexOf('@');
        while (at >= 0)
        {
            int start = at;
            while (start > floor && IsLocalChar(text[start - 1]) && !IsUnspacedScript(text[start - 1]))
            {
                start--;
            }

            while (start < at && text[start] == '.')
            {
                start++;
            }

            int end = at + 1;
            while (end < text.Length && IsDomainChar(text[end]))
            {
                end++;
            }

            // "メールはbudi@example.comです": words of a script written without spaces go on after the address.
            int lastLabel = text.LastIndexOf('.', end - 1, end - at - 1) + 1;
            if (lastLabel > at)
            {
                for (int k = lastLabel; k < end; k++)
                {
                    if (IsUnspacedScript(text[k]))
                    {
                        end = k;
                        break;
                    }
                }
            }

            // "... budi@mail.com." ends a sentence, not the domain.
            while (end > at + 1 && text[end - 1] is '.' or '-')
            {
                end--;
            }

            if (start < at && IsDomain(text.AsSpan(at + 1, end - at - 1)))
            {
                (found ??= []).Add((start, end));
                floor = end;
                at = text.IndexOf('@', end);
            }
            else
            {
                at = text.IndexOf('@', at + 1);
            }
        }

        return found;
    }

    /// <summary>Letters of scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, Japanese kana, CJK ideographs, Hangul).</summary>
    private static bool IsUnspacedScript(char c) =>
        c is (>= '\u0E00' and <= '\u0EFF') or (>= '\u1000' and <= '\u109F') or (>= '\u1780' and <= '\u17FF')
            or (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF');

    private static bool IsLocalChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static bool IsDomainChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '-';

    /// <summary>At least two labels, none empty or edged with '-', and a top-level label of two or more letters.</summary>
    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        int labels = 0;
        int labelStart = 0;
        for (int i = 0; i <= domain.Length; i++)
        {
            if (i < domain.Length && domain[i] != '.')
            {
                continue;
            }

            ReadOnlySpan<char> label = domain[labelStart..i];
            if (label.IsEmpty || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            labels++;
            labelStart = i + 1;
            if (i == domain.Length)
            {
                if (labels < 2 || label.Length < 2)
                {
                    return false;
                }

                foreach (char c in label)
                {
                    if (!char.IsLetter(c))
                    {
                        return false;
                    }
                }
            }
        }

        return labels >= 2;
    }
}
