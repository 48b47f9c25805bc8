namespace CxCluster.Grains.Privacy;

/// <summary>Numbers named by a word of a script the other readings do not read: Chinese, Japanese, Korean, Hindi.</summary>
public static partial class Redactor
{
    /// <summary>
    /// Words for a phone number or a national identity number in Chinese, Japanese, Korean and Hindi ("电话", "手机号",
    /// "電話番号", "携帯", "전화", "身份证号", "マイナンバー", "주민등록번호", "फोन", "मेरा नंबर"), each with what the number after it is:
    /// "नंबर" alone names an order's number as often ("ऑर्डर नंबर"), so only "my number" names a phone.
    /// </summary>
    private static readonly (string Word, string Placeholder)[] OtherScriptNumberWords =
    [
        ("电话", PhonePlaceholder), ("電話", PhonePlaceholder), ("手机", PhonePlaceholder), ("手機", PhonePlaceholder), ("携帯", PhonePlaceholder),
        ("ケータイ", PhonePlaceholder), ("联系方式", PhonePlaceholder), ("전화", PhonePlaceholder), ("핸드폰", PhonePlaceholder),
        ("휴대폰", PhonePlaceholder), ("연락처", PhonePlaceholder), ("फोन", PhonePlaceholder), ("फ़ोन", PhonePlaceholder),
        ("मोबाइल", PhonePlaceholder), ("मेरा नंबर", PhonePlaceholder),
        ("身份证", NationalIdPlaceholder), ("身份證", NationalIdPlaceholder), ("マイナンバー", NationalIdPlaceholder),
        ("주민등록번호", NationalIdPlaceholder), ("आधार", NationalIdPlaceholder),
    ];

    /// <summary>How many characters may stand between such a word and its number ("号码是", "番号は", "번호는", ": ").</summary>
    private const int MaxOtherScriptGap = 6;

    /// <summary>
    /// The numbers the words of <see cref="OtherScriptNumberWords"/> name, within <see cref="MaxOtherScriptGap"/> characters
    /// after them ("电话 138 0013 8000", "我的手机号是13800138000", "電話番号は03-1234-5678です", "身份证号 11010119900307457X"):
    /// a phone number of 7 to 15 digits, an identity number of 10 to 18 (with the check letter "X"), its groups joined by a
    /// space, '-' or '.'. Null when there is none.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindNumbersNamedInOtherScripts(string text)
    {
        List<(int Start, int End, string Placeholder)>? found = null;
        foreach ((string word, string placeholder) in OtherScriptNumberWords)
        {
            for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                int k = at + word.Length;
                int gapEnd = Math.Min(text.Length, k + MaxOtherScriptGap);
                while (k < gapEnd && !char.IsAsciiDigit(text[k]) && text[k] is not ('+' or '\n' or '。' or '.' or '!' or '?'))
                {
                    k++;
                }

                int start = k < text.Length && text[k] == '+' ? k + 1 : k;
                int end = start;
                int digits = 0;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    int run = DigitsAt(text, end, text.Length);
                    digits += run;
                    end += run;
                    if (end + 1 < text.Length && text[end] is ' ' or '-' or '.' && char.IsAsciiDigit(text[end + 1]))
                    {
                        end++;
                    }
                }

                bool id = placeholder == NationalIdPlaceholder;
                end = id && end < text.Length && text[end] is 'X' or 'x' ? end + 1 : end;
                bool fits = id ? digits is >= 10 and <= 18 : digits is >= 7 and <= 15;
                if (fits && (found is null || !found.Exists(s => s.Start < end && k < s.End)))
                {
                    (found ??= []).Add((k, end, placeholder));
                }
            }
        }

        if (found is { Count: > 1 })
        {
            found.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        return found;
    }

    /// <summary>Whether the text has a letter of the scripts <see cref="FindNumbersNamedInOtherScripts"/> reads (Devanagari, kana, CJK ideographs, Hangul).</summary>
    private static bool HasOtherScriptLetters(string text) =>
        text.AsSpan().IndexOfAnyInRange('\u0900', '\u097F') >= 0 || text.AsSpan().IndexOfAnyInRange('\u3040', '\u9FFF') >= 0
        || text.AsSpan().IndexOfAnyInRange('\uAC00', '\uD7AF') >= 0;
}
