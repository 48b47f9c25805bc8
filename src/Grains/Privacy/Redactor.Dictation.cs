using System.Buffers;

namespace CxCluster.Grains.Privacy;

/// <summary>Numbers said digit by digit, as voice transcripts write them: "0 8 1 2 ...", "zero eight one two ...".</summary>
public static partial class Redactor
{
    /// <summary>A number said digit by digit has at least this many single digits or digit words.</summary>
    private const int MinDictatedDigits = 4;

    /// <summary>The digit words of the supported languages, "double" and "triple" apart.</summary>
    private static readonly (string Word, char Digit)[] DigitWords =
    [
        ("zero", '0'), ("oh", '0'), ("one", '1'), ("two", '2'), ("three", '3'), ("four", '4'), ("five", '5'), ("six", '6'),
        ("seven", '7'), ("eight", '8'), ("nine", '9'),
        ("nol", '0'), ("kosong", '0'), ("satu", '1'), ("dua", '2'), ("tiga", '3'), ("empat", '4'), ("lima", '5'),
        ("enam", '6'), ("tujuh", '7'), ("delapan", '8'), ("sembilan", '9'),
    ];

    /// <summary><see cref="DigitWords"/> as <see cref="Key"/> reads them, in the same order.</summary>
    private static readonly ulong[] DigitWordKeys = [.. DigitWords.Select(w => Key(w.Word))];

    /// <summary>
    /// The digit words, "double" and "triple", found anywhere in a text, whatever their case; "oh" is left to
    /// <see cref="FirstTokenBefore"/>, since so short a word would slow the search down threefold.
    /// </summary>
    private static readonly SearchValues<string> DigitWordMarks = SearchValues.Create(
        [.. DigitWords.Select(w => w.Word).Where(w => w.Length > 2), "double", "triple"], StringComparison.OrdinalIgnoreCase);

    private static readonly ulong DoubleKey = Key("double");

    private static readonly ulong TripleKey = Key("triple");

    /// <summary>
    /// Numbers said digit by digit, as voice transcripts and careful typists write them: "0 8 1 2 3 4 5 6 7 8 9 0",
    /// "zero eight one two, three four five six, seven eight nine zero", "nol delapan satu dua ...", "oh seven seven double
    /// oh nine ...", perhaps with groups of up to four digits among them ("0 8 1 2 3456 7890") and "plus" or '+' before
    /// them. At least <see cref="MinDictatedDigits"/> single digits or digit words in a row, separated by spaces, commas or
    /// dashes, are read as the number written without them, and what it is (a phone number, NIK, NPWP or card, or what a
    /// word before it names: an account number, a security code, a social security number) as for a written number. A
    /// number a word turns into an amount ("Rp satu dua ...") or a count stays.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindDictated(string text)
    {
        List<(int Start, int End, string Placeholder)>? found = null;
        Span<char> digits = stackalloc char[MaxDigits + 4];
        int i = 0;
        while (i < text.Length)
        {
            // Only a word with a digit or a digit word in it may start a run: found by one vectorised search, then read from its start.
            ReadOnlySpan<char> rest = text.AsSpan(i);
            int digit = rest.IndexOfAnyInRange('0', '9');
            int hit = rest[..(digit < 0 ? rest.Length : digit)].IndexOfAny(DigitWordMarks);
            if (hit < 0 && (hit = digit) < 0)
            {
                break;
            }

            int word = i + hit;
            while (word > i && char.IsAsciiLetterOrDigit(text[word - 1]))
            {
                word--;
            }

            i = FirstTokenBefore(text, word, i, digits);
            if (i > 0 && char.IsLetterOrDigit(text[i - 1]))
            {
                i = WordEnd(text, i);
                continue;
            }

            int start = i;
            int count = 0;
            int singles = 0;
            int end = -1;
            int k = i;
            while (true)
            {
                int tokenEnd = DigitToken(text, k, digits[count..], out int read, out bool single);
                if (tokenEnd < 0)
                {
                    break;
                }

                count += read;
                singles += single ? read : 0;
                end = tokenEnd;
                int next = tokenEnd;
                while (next < text.Length && next - tokenEnd < 3 && IsDictationJoint(text[next]))
                {
                    next++;
                }

                if (next == tokenEnd || next >= text.Length)
                {
                    break;
                }

                k = next;
            }

            if (end < 0)
            {
                // Skip the word or number at i whole: only a run's first token starts a run.
                i = WordEnd(text, i);
                continue;
            }

            // A security code is three digits said after its word: "cvv one two three".
            bool said = singles >= MinDictatedDigits
                || (singles == count && count >= MinLabelledDigits && LabelBefore(text, start) == Label.SecurityCode);
            if (said && DictatedKind(text, start, digits[..count]) is { } placeholder)
            {
                int from = PlusBefore(text, start);
                (found ??= []).Add((from, end, placeholder));
            }

            i = end;
        }

        return found;
    }

    /// <summary>What may stand between the digits of a number said digit by digit (at most three of them in a row).</summary>
    private static bool IsDictationJoint(char c) => c is ' ' or ',' or '-' or '\u00A0';

    /// <summary>
    /// Where the tokens of a number said digit by digit that end just before the word at <paramref name="word"/> begin
    /// (the search skips "oh", too short for it), not before <paramref name="floor"/>.
    /// </summary>
    private static int FirstTokenBefore(string text, int word, int floor, Span<char> scratch)
    {
        while (true)
        {
            int k = word;
            while (k > floor && word - k < 3 && IsDictationJoint(text[k - 1]))
            {
                k--;
            }

            int start = k;
            while (start > floor && char.IsAsciiLetterOrDigit(text[start - 1]))
            {
                start--;
            }

            if (k == word || start == k || (start > 0 && char.IsLetterOrDigit(text[start - 1]))
                || DigitToken(text, start, scratch, out _, out _, repeat: false) != k)
            {
                return word;
            }

            word = start;
        }
    }

    /// <summary>
    /// Reads one token of a number said digit by digit at <paramref name="i"/> into <paramref name="into"/>: a digit word,
    /// "double" or "triple" and one, or a group of up to four digits (single when it is one). Returns where it ends, or -1
    /// when none is there, or it would make the number longer than any personal one.
    /// </summary>
    private static int DigitToken(string text, int i, Span<char> into, out int read, out bool single, bool repeat = true)
    {
        read = 0;
        single = false;
        int j = i;
        if (char.IsAsciiDigit(text[i]))
        {
            while (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                j++;
            }

            if (j - i > 4 || j - i > into.Length || (j < text.Length && char.IsLetter(text[j])))
            {
                return -1;
            }

            text.AsSpan(i, j - i).CopyTo(into);
            read = j - i;
            single = read == 1;
            return j;
        }

        j = LettersEnd(text, i);
        if (j - i is < 2 or > 8 || (j < text.Length && char.IsLetterOrDigit(text[j])))
        {
            return -1;
        }

        ulong key = Key(text.AsSpan(i, j - i));
        int times = !repeat ? 1 : key == DoubleKey ? 2 : key == TripleKey ? 3 : 1;
        if (times > 1)
        {
            int k = PastSpaces(text, j);

            // "double seven": one digit said twice; "double double" is no number.
            if (k == j || k >= text.Length || times > into.Length
                || DigitToken(text, k, into, out _, out bool one, repeat: false) is var end && end < 0 || !one)
            {
                return -1;
            }

            into[..times].Fill(into[0]);
            read = times;
            single = true;
            return end;
        }

        int found = Array.IndexOf(DigitWordKeys, key);
        if (found < 0 || into.IsEmpty)
        {
            return -1;
        }

        into[0] = DigitWords[found].Digit;
        read = 1;
        single = true;
        return j;
    }

    /// <summary>A word of two to eight ASCII letters as one number, lower case, a letter a byte.</summary>
    private static ulong Key(ReadOnlySpan<char> word)
    {
        ulong key = 0;
        foreach (char c in word)
        {
            key = (key << 8) | (byte)(c | 0x20);
        }

        return key;
    }

    /// <summary>Where a number said digit by digit begins, with the '+' or "plus" said before it.</summary>
    private static int PlusBefore(string text, int start)
    {
        if (start >= 1 && text[start - 1] == '+')
        {
            return start - 1;
        }

        int k = start;
        while (k > 0 && text[k - 1] == ' ')
        {
            k--;
        }

        return k >= 4 && k < start && text.AsSpan(k - 4, 4).Equals("plus", StringComparison.OrdinalIgnoreCase)
            && (k == 4 || !char.IsLetterOrDigit(text[k - 5])) ? k - 4 : start;
    }

    /// <summary>What a number said digit by digit is, read as written without spaces; null when it is nothing personal.</summary>
    private static string? DictatedKind(string text, int start, ReadOnlySpan<char> d)
    {
        if (IsCurrencyBefore(text, start))
        {
            return null;
        }

        switch (LabelBefore(text, start))
        {
            case Label.SecurityCode:
                return d.Length is 3 or 4 ? CvvPlaceholder : null;
            case Label.SocialSecurity:
                return d.Length == 9 ? SsnPlaceholder : null;
            case Label.Phone when d.Length is >= MinPhoneDigits and <= MaxPhoneDigits:
                return PhonePlaceholder;
            case Label.Account when d.Length is >= MinAccountDigits and <= MaxAccountDigits:
            case Label.BankAccount when d.Length is >= MinBankAccountDigits and <= MaxAccountDigits:
                return AccountPlaceholder;
        }

        bool plus = PlusBefore(text, start) != start;
        // Ten digits that start as a North American area code and exchange do are read as one ("four one five five five five ...").
        ReadOnlySpan<int> lengths = d.Length == 10 && d[0] is >= '2' and <= '9' && d[3] is >= '2' and <= '9' ? [3, 3, 4] : [d.Length];
        bool nikContext = KeywordBefore(text, start, "nik") || KeywordBefore(text, start, "ktp");
        bool referenceContext = !nikContext && d.Length >= 13 && ReferenceBefore(text, start);
        return Classify(d, lengths, wholeRun: true, plus, areaInParens: false, KeywordBefore(text, start, "npwp"), nikContext, referenceContext);
    }
}
