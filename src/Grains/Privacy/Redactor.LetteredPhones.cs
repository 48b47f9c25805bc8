namespace CxCluster.Grains.Privacy;

/// <summary>Phone numbers typed with a letter for a digit: "08l2 3456 7890", "O812-3456-7890", "0812345678O".</summary>
public static partial class Redactor
{
    /// <summary>The most letters read as digits in one number: more makes it a word or a code.</summary>
    private const int MaxLetteredDigits = 3;

    /// <summary>
    /// Words that call what follows them a code or a reference, not a phone number ("kode promo", "voucher code", "order
    /// id", "nomor pesanan", "resi", "SKU").
    /// </summary>
    private static readonly string[] CodeLabels =
    [
        "code", "kode", "voucher", "vocer", "promo", "coupon", "kupon", "order", "pesanan", "invoice", "inv", "faktur", "resi",
        "sku", "ref", "reference", "referensi", "booking", "tracking", "transaksi", "transaction", "trx", "tiket", "ticket",
        "serial", "redeem", "gift", "diskon", "discount", "referral", "member", "membership", "produk", "product", "barang", "item",
    ];

    /// <summary>Words that may stand between a code's label and the code ("order id", "nomor pesanan", "promo code is", "kode voucher saya").</summary>
    private static readonly string[] BetweenACodeLabelAndItsCode =
    [
        "id", "no", "nomor", "nomer", "nmr", "number", "num", "nr", "is", "adalah", "saya", "my", "your", "the", "nya", "kamu", "anda", "ku",
    ];

    /// <summary>Words that call what follows them a phone number even after a code's label ("kode promo, hubungi ...").</summary>
    private static readonly string[] PhoneVerbs = ["hubungi", "call", "telpon", "telfon", "nelpon", "dihubungi", "ditelepon", "text"];

    /// <summary>The digit a letter that looks like one is read as ('O' and 'o' as 0, 'l' and 'I' as 1), or '\0' when it is none.</summary>
    private static char LookalikeDigit(char c) => c switch
    {
        'O' or 'o' => '0',
        'l' or 'I' => '1',
        _ => '\0',
    };

    /// <summary>
    /// Phone numbers written with one to <see cref="MaxLetteredDigits"/> letters that look like digits among their digits
    /// ('O' or 'o' for 0, 'l' or 'I' for 1): "08l2 3456 7890", "O812-3456-7890", "+62 8l2 3456 7890", "0812345678O", or after
    /// a phone word ("call me at 555-l23-4567"). Read as groups of digits and such letters (each with a digit in it) apart by
    /// one space, '-' or '.', the number they make is a phone number when it starts as an Indonesian mobile number does
    /// (08, 628, +628) with 10 to 14 digits, or a phone word names it and it has 7 to 15. A word glued to it, a group of
    /// letters alone and a number with no such letter are left (the last to the reading of numbers as written), so "order
    /// ABC-IO12", "lol" and "O2 Arena" stay. One pass, each character read a bounded number of times.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindLetteredPhones(string text)
    {
        List<(int Start, int End, string Placeholder)>? found = null;
        Span<char> digits = stackalloc char[MaxPhoneDigits + 1];
        int i = 0;
        while (i < text.Length)
        {
            int hit = text.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (hit < 0)
            {
                break;
            }

            int digit = i + hit;
            // The run starts at the letters glued before its first digit ("O812"), at most the letters a number may hold.
            int start = digit;
            while (start > i && digit - start < MaxLetteredDigits && LookalikeDigit(text[start - 1]) != '\0')
            {
                start--;
            }

            if (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '@' or '/' or '#'))
            {
                // Glued to a word or a code ("ABC12", "v2", "Model08l2"): skip the whole word.
                i = Math.Max(digit + 1, PastWordAndDigits(text, digit));
                continue;
            }

            int count = 0;
            int letters = 0;
            int end = start;
            int k = start;
            bool whole = true;
            for (int groups = 0; groups < MaxGroups; groups++)
            {
                int groupEnd = k;
                int groupDigits = 0;
                int groupLetters = 0;
                while (groupEnd < text.Length && groupEnd - k <= MaxPhoneDigits)
                {
                    char c = text[groupEnd];
                    if (char.IsAsciiDigit(c))
                    {
                        groupDigits++;
                    }
                    else if (LookalikeDigit(c) != '\0')
                    {
                        groupLetters++;
                    }
                    else
                    {
                        break;
                    }

                    groupEnd++;
                }

                // A group glued to more letters ("2nd", "12Oak") or with no digit of its own ends the number before it; the
                // first group so is no number at all.
                bool glued = groupEnd < text.Length && (char.IsLetter(text[groupEnd]) || text[groupEnd] == '_');
                if (groupEnd == k || groupDigits == 0 || glued || count + groupDigits + groupLetters > MaxPhoneDigits
                    || letters + groupLetters > MaxLetteredDigits)
                {
                    whole = groups > 0;
                    break;
                }

                for (int c = k; c < groupEnd; c++)
                {
                    digits[count++] = char.IsAsciiDigit(text[c]) ? text[c] : LookalikeDigit(text[c]);
                }

                letters += groupLetters;
                end = groupEnd;
                if (groupEnd + 1 >= text.Length || text[groupEnd] is not (' ' or '-' or '.'))
                {
                    break;
                }

                k = groupEnd + 1;
            }

            i = Math.Max(end, digit + 1);
            if (letters == 0 || !whole || count < MinPhoneDigits)
            {
                continue;
            }

            int from = start > 0 && text[start - 1] == '+' ? start - 1 : start;
            if (IsLetteredPhone(text, from, digits[..count]) && !IsCurrencyBefore(text, from) && !CodeLabelBefore(text, from))
            {
                (found ??= []).Add((from, end, PhonePlaceholder));
            }
        }

        return found;
    }

    /// <summary>Whether the digits a run starting at <paramref name="from"/> makes are a phone number: an Indonesian mobile's start, or a phone word before it.</summary>
    private static bool IsLetteredPhone(string text, int from, ReadOnlySpan<char> d)
    {
        bool mobile = (d.StartsWith("08") && d.Length is >= 10 and <= 13)
            || (d.StartsWith("628") && d.Length is >= 11 and <= 14);
        return mobile || (d.Length is >= MinPhoneDigits and <= MaxPhoneDigits && LabelBefore(text, from) == Label.Phone);
    }

    /// <summary>
    /// Whether a code's or a reference's label ends right before the run at <paramref name="from"/>, perhaps with "id",
    /// "nomor", "is" or "saya" between ("Kode promo O812345678", "voucher code: O812...", "order id O812...", "nomor pesanan
    /// O812..."), and no phone word among those words. At most four words are read, back to 40 characters.
    /// </summary>
    private static bool CodeLabelBefore(string text, int from)
    {
        if (LabelBefore(text, from) == Label.Phone)
        {
            return false;
        }

        int k = from;
        int floor = Math.Max(0, from - 40);
        bool code = false;
        for (int w = 0; w < 4; w++)
        {
            ReadOnlySpan<char> word = WordBefore(text, ref k, floor);
            if (word.IsEmpty || char.IsAsciiDigit(word[0]))
            {
                break;
            }

            if (IsOneOf(word, PhoneVerbs) || (TryWord(word, out Word kind) && kind == Word.Phone))
            {
                return false;
            }

            if (IsOneOf(word, CodeLabels) || (word.Length > 4 && word.EndsWith("nya", StringComparison.OrdinalIgnoreCase) && IsOneOf(word[..^3], CodeLabels)))
            {
                code = true;
            }
            else if (!IsOneOf(word, BetweenACodeLabelAndItsCode))
            {
                break;
            }
        }

        return code;
    }

    /// <summary>Where the run of letters and digits at <paramref name="k"/> ends.</summary>
    private static int PastWordAndDigits(string text, int k)
    {
        while (k < text.Length && char.IsLetterOrDigit(text[k]))
        {
            k++;
        }

        return k;
    }
}
