using System.Globalization;

namespace CxCluster.Grains.Privacy;

/// <summary>Runs of digit groups, read and classified by their shape and what stands around them.</summary>
public static partial class Redactor
{
    /// <summary>A digit, '+' or '(' before a digit, not glued to a preceding word or number ("INV2026...", "Rp150" start no run; words of scripts written without spaces do not glue).</summary>
    private static bool IsRunStart(string text, int i)
    {
        char c = text[i];
        if (i > 0 && char.IsLetterOrDigit(text[i - 1]) && !IsUnspacedScript(text[i - 1]) && !AfterPhoneLabel(text, i)
            && !AfterSecurityCodeWord(text, i) && !AfterIdentityWord(text, i))
        {
            return false;
        }

        return char.IsAsciiDigit(c) || (c is '+' or '(' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]));
    }

    /// <summary>The words of a card or identity number that a number may be glued to ("kartu4111...", "NIK3171...").</summary>
    private static readonly string[] IdentityWords = ["kartu", "card", "nik", "ktp", "npwp"];

    /// <summary>A card, NIK or NPWP number glued to the word that names it ("kartu4111111111111111", "nik3171234567890001").</summary>
    private static bool AfterIdentityWord(string text, int i)
    {
        if (!char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        int k = i;
        while (k > 0 && char.IsAsciiLetter(text[k - 1]) && i - k <= 5)
        {
            k--;
        }

        return (k == 0 || !char.IsLetterOrDigit(text[k - 1])) && IsOneOf(text.AsSpan(k, i - k), IdentityWords);
    }

    /// <summary>A security code glued to its word ("cvv123", "CVC:" is read anyway): digits after "cvv", "cvc", "csc" or "cvn".</summary>
    private static bool AfterSecurityCodeWord(string text, int i)
    {
        if (i < 3 || !char.IsAsciiDigit(text[i]) || (text[i - 1] | 0x20) is not ('v' or 'c' or 'n') || (i > 3 && char.IsLetterOrDigit(text[i - 4])))
        {
            return false;
        }

        return IsOneOf(text.AsSpan(i - 3, 3), SecurityCodeWords);
    }

    /// <summary>
    /// A mobile number glued to the word that names it ("hp081234567890", "WA+6281234567890"): the word is one of
    /// <see cref="IsPhoneLabel"/>'s and the number starts as an Indonesian mobile number does (08, 628, +628).
    /// </summary>
    private static bool AfterPhoneLabel(string text, int i)
    {
        ReadOnlySpan<char> rest = text.AsSpan(i);
        if (!(rest.StartsWith("08") || rest.StartsWith("628") || rest.StartsWith("+628")))
        {
            return false;
        }

        int start = i;
        while (start > 0 && char.IsAsciiLetter(text[start - 1]))
        {
            start--;
        }

        if (start > 0 && char.IsLetterOrDigit(text[start - 1]))
        {
            return false;
        }

        return IsPhoneLabel(text.AsSpan(start, i - start));
    }

    /// <summary>Words a phone number is written right after, without a space.</summary>
    private static readonly string[] PhoneLabels = ["hp", "wa", "telp", "tlp", "telepon", "nomor", "nomer", "no", "phone", "mobile", "tel"];

    private static bool IsPhoneLabel(ReadOnlySpan<char> word) => IsOneOf(word, PhoneLabels);

    /// <summary>Reads the run of digit groups at <paramref name="p"/>, classifies its longest fitting prefix and returns where to continue.</summary>
    private static int ScanNumber(string text, int p, int limit, out int from, out int to, out string? placeholder)
    {
        from = to = 0;
        placeholder = null;

        Span<int> starts = stackalloc int[MaxGroups];
        Span<int> ends = stackalloc int[MaxGroups];
        bool plus = text[p] == '+';
        bool paren = text[p] == '(';
        int pos = plus || paren ? p + 1 : p;
        int groups = 0;
        int digits = 0;
        bool phoneLike = plus || paren;
        int slashes = 0;
        bool slashed = false;

        while (groups < MaxGroups)
        {
            int groupStart = pos;
            while (pos < limit && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }

            int length = pos - groupStart;
            if (length == 0)
            {
                break;
            }

            if (digits + length > MaxDigits + 4)
            {
                if (groups == 0)
                {
                    return pos; // a long number, not personal data
                }

                pos = groupStart;
                break;
            }

            // "14:30": a time, not part of a number.
            if (pos + 1 < limit && text[pos] == ':' && char.IsAsciiDigit(text[pos + 1]))
            {
                if (groups == 0)
                {
                    return pos;
                }

                break;
            }

            starts[groups] = groupStart;
            ends[groups] = pos;
            groups++;
            digits += length;
            if (groups == 1)
            {
                phoneLike |= text[groupStart] == '0'
                    || (length >= 2 && text[groupStart] == '6' && text[groupStart + 1] == '2' && (length == 2 || text[groupStart + 2] == '8'))
                    || (length == 3 && text[groupStart] is >= '2' and <= '9' && SpacedThreeFour(text, pos, limit));
            }

            int q = pos;
            int spaces = 0;
            int marks = 0;
            int opens = 0;
            int closes = 0;
            slashes = 0;
            while (q < limit && q - pos < 3)
            {
                char c = text[q];
                if (c is ' ' or '\u00A0')
                {
                    spaces++;
                }
                else if (c is '-' or '.' || IsDash(c))
                {
                    marks++;
                }
                else if (c is '/' or '_' or '*')
                {
                    marks++;
                    slashes++;
                }
                else if (c == '\n' && length == 4 && groups <= 3 && CardWordBefore(text, starts[0]))
                {
                    // A card typed over two lines after its word ("card 4532 0151\n6307 4187"): the break joins blocks of four.
                    spaces++;
                }
                else if (c == '(')
                {
                    opens++;
                }
                else if (c == ')')
                {
                    closes++;
                }
                else
                {
                    break;
                }

                q++;
            }

            if (q == pos || q >= limit || !char.IsAsciiDigit(text[q]) || marks > 1 || opens > 1 || closes > 1)
            {
                break;
            }

            // A slash or an underscore joins only blocks of four digits, as a card or a NIK is grouped ("4111/1111/1111/1111",
            // "3171_0123_4567_8901"); dates, fractions and references ("12/05/2024", "1/2", "INV_2024_17") stay apart.
            if (slashes > 0 && !(length == 4 && DigitsAt(text, q, limit) == 4))
            {
                break;
            }

            slashed |= slashes > 0;

            // Spaces and parentheses join groups only in phone numbers and in card-like blocks ("4111 1111 ...", and the
            // last two digits of a 14-digit Diners card, "3056 9309 0259 04").
            bool loose = spaces > 0 || opens > 0 || closes > 0;
            int nextDigits = loose && !phoneLike ? DigitsAt(text, q, limit) : 0;
            bool dinersTail = nextDigits == 2 && groups == 3 && ends[0] - starts[0] == 4 && ends[1] - starts[1] == 4;
            if (loose && !phoneLike && !(length >= 4 && (nextDigits >= 3 || dinersTail)))
            {
                break;
            }

            pos = q;
        }

        if (groups == 0)
        {
            return Math.Max(pos, p + 1);
        }

        int runEnd = ends[groups - 1];

        // Amounts: "Rp 1.500.000", "IDR 2500000", "$1,250.50", "150.000.000".
        if (!plus && (IsCurrencyBefore(text, paren ? p : starts[0]) || IsThousands(text, starts, ends, groups)))
        {
            return runEnd;
        }

        // "(021) 5550123" has its area code in parentheses; "(0812-3456-7890)" is a number in brackets; "(+62) 812 3456
        // 7890" has its country code in them, and goes with its brackets.
        bool firstClosed = groups >= 2 && text.AsSpan(ends[0], starts[1] - ends[0]).Contains(')');
        bool areaInParens = paren && firstClosed;
        int runStart = plus && firstClosed && p > 0 && text[p - 1] == '(' ? p - 1 : plus || areaInParens ? p : starts[0];

        Span<char> all = stackalloc char[MaxDigits + 4];
        int total = 0;
        Span<int> lengths = stackalloc int[MaxGroups];
        for (int g = 0; g < groups; g++)
        {
            lengths[g] = ends[g] - starts[g];
            text.AsSpan(starts[g], lengths[g]).CopyTo(all[total..]);
            total += lengths[g];
        }

        // The rest of a longer number whose first group was not personal data ("9400 1000 0000 0000 0000 00").
        bool tail = runStart >= 2 && !char.IsAsciiDigit(text[runStart - 1]) && char.IsAsciiDigit(text[runStart - 2]);
        bool npwpContext = KeywordBefore(text, runStart, "npwp");
        bool nikContext = KeywordBefore(text, runStart, "nik") || KeywordBefore(text, runStart, "ktp");
        // The rest of a longer number is no one's NIK or card either. Only numbers of a card's length ask what they are called.
        bool referenceContext = !nikContext && total >= 13 && (tail || ReferenceBefore(text, runStart));
        if (slashed && !nikContext && !IsCard(all[..total]))
        {
            // Blocks joined by '/' or '_' are a card's or, where the NIK is named, a NIK's; else a reference or a list
            // ("INV_2024_0512_0001_2345", "2019/2020/2021/2022"): each group is read on its own.
            return ends[0];
        }

        int count = total;
        for (int k = groups; k >= 1; k--)
        {
            int end = ends[k - 1];
            if (k < groups)
            {
                count -= lengths[k];
            }

            // "0812345678AB" is a code, not a number.
            if (end < text.Length && char.IsLetter(text[end]) && !IsUnspacedScript(text[end]))
            {
                continue;
            }

            string? kind = Classify(all[..count], lengths[..k], k == groups && !tail, plus, areaInParens, npwpContext, nikContext, referenceContext);
            // "card 4111 11111111 1111": after a card's word, a card's number however its blocks are split.
            kind = kind is null or NpwpPlaceholder && count is >= 13 and <= MaxDigits && !plus && IsCard(all[..count]) && CardWordBefore(text, runStart) ? CardPlaceholder : kind;
            if (kind == NikPlaceholder && !nikContext && count == 16 && !IsNikShaped(all[..count]) && VirtualAccountBefore(text, runStart))
            {
                return end; // "VA 8808 1234 5678 9012": a virtual account, written in fours as banks print it, is a payment reference
            }

            if (kind == PhonePlaceholder && !plus && !areaInParens && (IsNorthAmerican(all[..count], lengths[..k]) || IsAirWaybill(lengths[..k], all[..count])) && ReferenceBefore(text, runStart))
            {
                return end; // "order number 555-123-4567": a reference written as a phone number is, unless a word calls it one
            }

            if (kind is not null)
            {
                from = runStart;
                to = end;
                placeholder = kind;
                return end;
            }
        }

        return groups >= 2 ? starts[1] : ends[0];
    }

    private static string? Classify(ReadOnlySpan<char> d, ReadOnlySpan<int> lengths, bool wholeRun, bool plus, bool areaInParens, bool npwpContext, bool nikContext, bool referenceContext)
    {
        int n = d.Length;
        int groups = lengths.Length;
        if (n < 9)
        {
            return null; // no phone, NIK, NPWP or card is this short
        }

        if (plus)
        {
            return n is >= 9 and <= 15 ? PhonePlaceholder : null;
        }

        if (areaInParens)
        {
            return n is >= 10 and <= 12 ? PhonePlaceholder : null;
        }

        if (npwpContext && n is 15 or 16)
        {
            return NpwpPlaceholder;
        }

        if (lengths.SequenceEqual([2, 3, 3, 1, 3, 3]))
        {
            return NpwpPlaceholder; // 09.254.294.3-407.000
        }

        if (d[0] == '0' && d[1] == '0' && d[2] != '0' && IsDialledAbroad(d, lengths))
        {
            return PhonePlaceholder; // 0062 812 3456 7890: "00" dialled instead of "+"
        }

        if (d[0] == '0')
        {
            if (d[1] == '8')
            {
                // Mobile: 08xx, 10 to 13 digits; "08" may stand apart when groups of three or four follow ("08-123-456-789").
                return n is >= 10 and <= 13 && (groups == 1 || lengths[0] >= 3 || (lengths[0] == 2 && groups >= 3 && RestInThreesOrFours(lengths)))
                    ? PhonePlaceholder : null;
            }

            if (d[1] != '0' && n is >= 10 and <= 12 && (groups == 1 || lengths[0] is >= 3 and <= 5))
            {
                return PhonePlaceholder; // landline with its area code: 021-5550123; 07700 900123
            }

            return n == 15 && groups == 1 ? NpwpPlaceholder : null;
        }

        if (d[0] == '6' && d[1] == '2' && n is >= 11 and <= 14 && (lengths[0] == 2 ? groups >= 2 : d[2] == '8'))
        {
            return PhonePlaceholder; // 62 812 3456 7890, 6281234567890
        }

        if (IsNorthAmerican(d, lengths))
        {
            return PhonePlaceholder; // 415-555-0100, 1-415-555-0100
        }

        if (!IsRegularGrouping(lengths))
        {
            return null;
        }

        switch (n)
        {
            case 16:
                // A NIK names a province and a birth date; a 16-digit order or transfer reference does not. Blocks of
                // four that fail Luhn are taken for a mistyped card, so they are kept out too. Privacy first: a number
                // that is neither stays only when a word before it calls it a reference ("pesanan", "resi", "invoice").
                return nikContext ? NikPlaceholder
                    : IsCard(d) ? CardPlaceholder
                    : IsNikShaped(d) || (wholeRun && groups == 4) || !referenceContext ? NikPlaceholder
                    : null;
            case 15:
                // Of 15-digit cards only American Express (34, 37) is common; other 15-digit numbers are NPWP.
                return PassesLuhn(d) && d[0] == '3' && d[1] is '4' or '7' ? CardPlaceholder : NpwpPlaceholder;
            case >= 13 and <= MaxDigits when IsCard(d) || (PassesLuhn(d) && !referenceContext):
                // A number that passes Luhn but starts as no card network's does is a card still, unless a word before
                // it calls it a reference.
                return CardPlaceholder;
            default:
                return null;
        }
    }

    /// <summary>Whether every group after the first has three or four digits.</summary>
    private static bool RestInThreesOrFours(ReadOnlySpan<int> lengths)
    {
        foreach (int length in lengths[1..])
        {
            if (length is not (3 or 4))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A number dialled with the international prefix "00" instead of "+": the country code written as its own group
    /// ("0062 812 3456 7890", "0060-12-345-6789") and 9 to 15 digits after the prefix, or an Indonesian mobile number in
    /// one block ("006281234567890"). A single block of other digits after "00" is a reference, not a number.
    /// </summary>
    private static bool IsDialledAbroad(ReadOnlySpan<char> d, ReadOnlySpan<int> lengths)
    {
        int national = d.Length - 2;
        if (national is < 9 or > 15)
        {
            return false;
        }

        return lengths.Length >= 2
            ? lengths[0] is >= 3 and <= 5
            : d.Length is >= 12 and <= 16 && d[2] == '6' && d[3] == '2' && d[4] == '8';
    }

    /// <summary>A North American number written 3-3-4 ("415-555-0100", "555-123-4567"), perhaps after its country code 1; the area code starts 2 to 9 ("123-456-7890" is read as a reference unless a word calls it a phone number).</summary>
    private static bool IsNorthAmerican(ReadOnlySpan<char> d, ReadOnlySpan<int> lengths)
    {
        int skip = lengths.SequenceEqual([1, 3, 3, 4]) && d[0] == '1' ? 1 : 0;
        if (skip == 0 && !lengths.SequenceEqual([3, 3, 4]))
        {
            return false;
        }

        return d[skip] is >= '2' and <= '9';
    }

    /// <summary>The dashes people and phones put between digit groups: en dash, hyphen, non-breaking hyphen, figure dash, minus, full-width hyphen-minus.</summary>
    private static bool IsDash(char c) => c is '\u2013' or '\u2010' or '\u2011' or '\u2012' or '\u2212' or '\uFF0D';

    /// <summary>
    /// Whether 16 digits read as a NIK: a province code (11-19, 21, 31-36, 51-53, 61-65, 71-76, 81-82, 91-97) and, in
    /// digits 7 to 10, a birth day (1-31, or 41-71 for women) and month.
    /// </summary>
    private static bool IsNikShaped(ReadOnlySpan<char> d)
    {
        int province = ((d[0] - '0') * 10) + (d[1] - '0');
        int day = ((d[6] - '0') * 10) + (d[7] - '0');
        int month = ((d[8] - '0') * 10) + (d[9] - '0');
        bool knownProvince = province is (>= 11 and <= 19) or 21 or (>= 31 and <= 36) or (>= 51 and <= 53)
            or (>= 61 and <= 65) or (>= 71 and <= 76) or 81 or 82 or (>= 91 and <= 97);
        return knownProvince && day is (>= 1 and <= 31) or (>= 41 and <= 71) && month is >= 1 and <= 12;
    }

    /// <summary>One block, blocks of four (the last may be shorter), or the 4-6-5, 4-6-4 and 6-6-4 layouts.</summary>
    private static bool IsRegularGrouping(ReadOnlySpan<int> lengths)
    {
        if (lengths.Length == 1
            || lengths.SequenceEqual([4, 6, 5])
            || lengths.SequenceEqual([4, 6, 4])
            || lengths.SequenceEqual([6, 6, 4]))
        {
            return true;
        }

        for (int i = 0; i < lengths.Length - 1; i++)
        {
            if (lengths[i] != 4)
            {
                return false;
            }
        }

        return lengths[^1] is >= 1 and <= 4;
    }

    /// <summary>
    /// A card number: it passes Luhn and starts as the card networks' numbers do (Mastercard 2221-2720 and 51-55, American
    /// Express, Diners and JCB 30 and 34-39, Visa 4, Maestro 50 and 56-59, Discover, UnionPay and RuPay 6), so a
    /// reference that passes Luhn by chance (one in ten do), such as one that starts with its year, stays.
    /// </summary>
    private static bool IsCard(ReadOnlySpan<char> d)
    {
        int two = ((d[0] - '0') * 10) + (d[1] - '0');
        int four = (two * 100) + ((d[2] - '0') * 10) + (d[3] - '0');
        bool network = d[0] switch
        {
            '2' => four is >= 2221 and <= 2720,
            '3' => two is 30 or (>= 34 and <= 39),
            '4' or '5' or '6' => true,
            _ => false,
        };
        return network && PassesLuhn(d);
    }

    private static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        int sum = 0;
        bool twice = false;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int d = digits[i] - '0';
            if (twice)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            twice = !twice;
        }

        return sum % 10 == 0;
    }

    /// <summary>1 to 3 digits (not starting with 0), then groups of exactly 3, all joined by single dots: "1.500.000".</summary>
    private static bool IsThousands(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, int groups)
    {
        int first = ends[0] - starts[0];
        if (groups < 2 || first > 3 || text[starts[0]] == '0')
        {
            return false;
        }

        for (int g = 1; g < groups; g++)
        {
            if (ends[g] - starts[g] != 3 || starts[g] - ends[g - 1] != 1 || text[ends[g - 1]] != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A currency symbol or code right before the number: "Rp 150.000", "Rp. 1.500.000", "IDR 2500000", "$1,250.50".</summary>
    private static bool IsCurrencyBefore(string text, int start)
    {
        int k = start - 1;
        for (int skipped = 0; k >= 0 && skipped < 3 && text[k] is ' ' or '\u00A0' or '.'; skipped++)
        {
            k--;
        }

        if (k < 0)
        {
            return false;
        }

        if (char.GetUnicodeCategory(text[k]) == UnicodeCategory.CurrencySymbol)
        {
            return true;
        }

        int end = k + 1;
        while (k >= 0 && end - k <= 4 && char.IsAsciiLetter(text[k]))
        {
            k--;
        }

        if (k >= 0 && char.IsLetter(text[k]))
        {
            return false;
        }

        ReadOnlySpan<char> code = text.AsSpan(k + 1, end - k - 1);
        return code.Equals("rp", StringComparison.OrdinalIgnoreCase)
            || code.Equals("idr", StringComparison.OrdinalIgnoreCase)
            || code.Equals("usd", StringComparison.OrdinalIgnoreCase)
            || code.Equals("sgd", StringComparison.OrdinalIgnoreCase)
            || code.Equals("eur", StringComparison.OrdinalIgnoreCase)
            || code.Equals("gbp", StringComparison.OrdinalIgnoreCase)
            || code.Equals("jpy", StringComparison.OrdinalIgnoreCase)
            || code.Equals("aud", StringComparison.OrdinalIgnoreCase)
            || code.Equals("myr", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The word (e.g. "NPWP") appears shortly before the number as a whole word, with no other digits in between.</summary>
    /// <summary>Words that name the number after them as an order, payment, booking or tracking reference.</summary>
    private static readonly string[] ReferenceWords =
    [
        "order", "pesanan", "ref", "reference", "referensi", "resi", "tracking", "invoice", "inv", "transaksi",
        "transaction", "trx", "booking", "tiket", "ticket", "awb", "va", "virtual account", "tagihan", "bill", "waybill", "mawb", "hawb",
    ];

    /// <summary>An air waybill's shape: an airline's three digits, then eight whose last is the first seven's remainder by 7 ("020-12345675").</summary>
    private static bool IsAirWaybill(ReadOnlySpan<int> lengths, ReadOnlySpan<char> d)
    {
        if (lengths.Length != 2 || lengths[0] != 3 || lengths[1] != 8)
        {
            return false;
        }

        int serial = int.Parse(d.Slice(3, 7), CultureInfo.InvariantCulture);
        return serial % 7 == d[10] - '0';
    }

    /// <summary>Whether a card's word stands among the three words before <paramref name="start"/> ("card", "kartu", "visa", "my card number is").</summary>
    private static bool CardWordBefore(string text, int start)
    {
        int k = PastLineBreakBefore(text, start);
        int floor = Math.Max(0, start - 32);
        for (int w = 0; w < 3; w++)
        {
            ReadOnlySpan<char> word = WordBefore(text, ref k, floor);
            if (word.IsEmpty)
            {
                return false;
            }

            if (IsOneOf(word, ["card", "kartu", "visa", "mastercard", "amex", "jcb", "cc", "pan"]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a word just before <paramref name="start"/> calls the number there a reference (see <see cref="ReferenceWords"/>).</summary>
    /// <summary>"VA" or "virtual account" shortly before the number (a bank's name may stand between).</summary>
    private static bool VirtualAccountBefore(string text, int start) =>
        KeywordBefore(text, start, "va") || KeywordBefore(text, start, "virtual account");

    private static bool ReferenceBefore(string text, int start)
    {
        foreach (string word in ReferenceWords)
        {
            if (KeywordBefore(text, start, word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool KeywordBefore(string text, int start, string keyword)
    {
        int from = Math.Max(0, start - ContextWindow);
        ReadOnlySpan<char> window = text.AsSpan(from, start - from);
        int at = window.LastIndexOf(keyword, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return false;
        }

        int after = at + keyword.Length;
        if ((at > 0 && char.IsLetter(window[at - 1])) || (after < window.Length && char.IsLetter(window[after])))
        {
            return false;
        }

        foreach (char c in window[after..])
        {
            if (char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
