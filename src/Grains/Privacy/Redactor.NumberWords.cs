namespace CxCluster.Grains.Privacy;

/// <summary>The words before a number that say what it is: a phone, an account, a security code, an expiry date, a social security number.</summary>
public static partial class Redactor
{
    /// <summary>What the words just before a number call it.</summary>
    private enum Label
    {
        None,
        Account,
        SecurityCode,
        Expiry,
        SocialSecurity,

        /// <summary>Only a bank's name stands right before it: an account number of at least eight digits.</summary>
        BankAccount,

        /// <summary>"phone", "mobile", "call me at", "my number is": a phone number of 7 to 15 digits however it is grouped.</summary>
        Phone,
    }

    /// <summary>A card's security-code words, also read glued to their digits ("cvv123").</summary>
    private static readonly string[] SecurityCodeWords = ["cvv", "cvc", "csc", "cvn"];

    /// <summary>What a word just before a number says about it; some say it only with the word before them.</summary>
    private enum Word
    {
        /// <summary>"account", "rekening", "no rek", "a/c": an account number follows, unless "virtual", "saldo" or "balance" is before it.</summary>
        Account,

        /// <summary>"cvv", "cvc2", "csc": a card's security code follows; so does "belakang" ("3 digit di belakang kartu").</summary>
        SecurityCode,

        /// <summary>"exp", "expiry", "valid thru", "berlaku", "kadaluarsa": a card's expiry date follows.</summary>
        Expiry,

        /// <summary>"ssn", "itin", "social" ("my social is ..."): a US social security or taxpayer number follows.</summary>
        SocialSecurity,

        /// <summary>"id": a US taxpayer number after "tax" or "taxpayer" ("my tax id is ...").</summary>
        TaxId,

        /// <summary>May stand between a number and the word that names it ("number", "saya", "di", "bank", a bank's name).</summary>
        Between,

        /// <summary>"va": a virtual account, a payment reference.</summary>
        VirtualAccount,

        /// <summary>"code": a security code after "security", "verification" or "card".</summary>
        Code,

        /// <summary>"keamanan": a security code after "kode".</summary>
        Keamanan,

        /// <summary>"back": a security code after "the" ("on the back: 123").</summary>
        Back,

        /// <summary>"through", "until": an expiry date after "valid" or "good".</summary>
        Until,

        /// <summary>"sampai", "hingga", "s/d": an expiry date after "berlaku".</summary>
        Sampai,

        /// <summary>"security": a social security number after "social".</summary>
        Security,

        /// <summary>"phone", "mobile", "cell", "whatsapp", "contact": a phone number follows.</summary>
        Phone,

        /// <summary>"me": a phone number after "call", "text", "reach", "ring" or "whatsapp" ("call me at ...").</summary>
        Me,
    }

    /// <summary>
    /// The words <see cref="LabelBefore"/> knows, any case, by length and first letter (a few to a slot, most slots
    /// empty); a capitalised word it does not know is taken for a bank's name.
    /// </summary>
    private static readonly (string Word, Word Kind)[][] Words = BuildWords();

    private static (string Word, Word Kind)[][] BuildWords()
    {
        var slots = new List<(string, Word)>[(MaxWordLength + 1) * 26];
        void Add(Word kind, params string[] list)
        {
            foreach (string w in list)
            {
                (slots[(w.Length * 26) + (w[0] - 'a')] ??= []).Add((w, kind));
            }
        }

        Add(Word.Account, "account", "acct", "a/c", "rekening", "rek", "norek", "norekening");
        Add(Word.SecurityCode, SecurityCodeWords);
        Add(Word.SecurityCode, "cvv2", "cvc2", "belakang");
        Add(Word.Expiry, "exp", "expiry", "expires", "expire", "expired", "expiration", "thru", "berlaku", "kadaluarsa",
            "kedaluwarsa", "kadaluwarsa", "kedaluarsa", "mm/yy", "mm/yyyy");
        Add(Word.SocialSecurity, "ssn", "itin", "social", "ss");
        Add(Word.TaxId, "id");
        Add(Word.Between, "number", "no", "nomor", "nomer", "nmr", "num", "nr", "is", "adalah", "saya", "my", "your", "anda",
            "ku", "nya", "the", "of", "di", "at", "in", "on", "ke", "bank", "date", "tanggal", "tgl", "card", "kartu", "are");
        Add(Word.Between, "bca", "bni", "bri", "mandiri", "cimb", "niaga", "permata", "bsi", "danamon", "btn", "jago",
            "seabank", "ocbc", "maybank", "panin", "mega", "btpn", "jenius", "dbs", "uob", "hsbc", "citibank", "chase",
            "wells", "fargo", "blu");
        Add(Word.VirtualAccount, "va");
        Add(Word.Code, "code");
        Add(Word.Keamanan, "keamanan");
        Add(Word.Back, "back");
        Add(Word.Until, "through", "until");
        Add(Word.Sampai, "sampai", "hingga", "s/d", "sd");
        Add(Word.Security, "security");
        Add(Word.Phone, "phone", "cell", "cellphone", "mobile", "telephone", "tel", "hp", "handphone", "whatsapp", "wa", "telp", "tlp",
            "telepon", "landline", "contact", "callback", "sms",
            // Other languages' ("número de celular ...", "Handynummer ...", "mon portable ...").
            "celular", "telefone", "telefono", "teléfono", "movil", "móvil", "handy", "handynummer", "telefon", "telefonnummer", "portable", "gsm");
        Add(Word.Me, "me");
        return Array.ConvertAll(slots, slot => slot?.ToArray() ?? []);
    }

    /// <summary>What <paramref name="word"/> (any case) is among <see cref="Words"/>, if it is one of them.</summary>
    private static bool TryWord(ReadOnlySpan<char> word, out Word kind)
    {
        kind = default;
        int letter = (word[0] | 0x20) - 'a';
        if (word.Length > MaxWordLength || (uint)letter > 25)
        {
            return false;
        }

        foreach ((string known, Word knownKind) in Words[(word.Length * 26) + letter])
        {
            if (word.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                kind = knownKind;
                return true;
            }
        }

        return false;
    }

    /// <summary>The longest word <see cref="Words"/> holds, with a "nya" glued to it.</summary>
    private const int MaxWordLength = 14;

    /// <summary>How many words before a number are read for what names it.</summary>
    private const int MaxLabelWords = 5;

    /// <summary>The fewest and most digits of a bank account number.</summary>
    private const int MinAccountDigits = 6;

    private const int MaxAccountDigits = 18;

    /// <summary>The fewest digits of an account number only a bank's name calls one.</summary>
    private const int MinBankAccountDigits = 8;

    /// <summary>Whether some run of three or more digits has a word before it that names it (checked only for texts too short in digits for anything else).</summary>
    private static bool HasLabelledNumber(string text)
    {
        int i = text.AsSpan().IndexOfAnyInRange('0', '9');
        while (i >= 0)
        {
            int end = i;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (IsRunStart(text, i) && LabelBefore(text, i) != Label.None)
            {
                return true;
            }

            int next = text.AsSpan(end).IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : end + next;
        }

        return false;
    }

    /// <summary>Whether only a few spaces or punctuation marks stand between a card number or expiry date ending at <paramref name="end"/> and <paramref name="start"/>.</summary>
    private static bool IsShortGap(string text, int end, int start)
    {
        if (start - end is < 1 or > 3)
        {
            return false;
        }

        for (int k = end; k < start; k++)
        {
            if (text[k] is not (' ' or '\u00A0' or ',' or ';' or '|' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A number at <paramref name="start"/> that words before it name, or that stands right after a card number
    /// (<paramref name="after"/> is then the card's or its expiry date's placeholder): its end and placeholder, or
    /// <paramref name="start"/> and null when it is not one.
    /// </summary>
    private static int ScanLabelled(string text, int start, int limit, string? after, out string? placeholder)
    {
        placeholder = null;
        if (after is not null)
        {
            int expiry = ExpiryAt(text, start, limit);
            if (expiry > 0 && after == CardPlaceholder)
            {
                placeholder = ExpiryPlaceholder;
                return expiry;
            }

            int code = SecurityCodeAt(text, start, limit);
            if (code > 0)
            {
                placeholder = CvvPlaceholder;
                return code;
            }
        }

        Label label = LabelBefore(text, start);
        int end = label switch
        {
            Label.Account => AccountAt(text, start, limit),
            Label.BankAccount => AccountAt(text, start, limit, MinBankAccountDigits),
            Label.SecurityCode => SecurityCodeAt(text, start, limit),
            Label.Expiry => Math.Max(ExpiryAt(text, start, limit), CompactExpiryAt(text, start, limit)),
            Label.SocialSecurity => SocialSecurityAt(text, start, limit),
            Label.Phone => PhoneAt(text, start, limit),
            _ => -1,
        };
        if (end < 0)
        {
            return start;
        }

        placeholder = label switch
        {
            Label.Account or Label.BankAccount => IsCardRun(text, start, end) ? CardPlaceholder : AccountPlaceholder,
            Label.SecurityCode => CvvPlaceholder,
            Label.Expiry => ExpiryPlaceholder,
            Label.Phone => PhonePlaceholder,
            _ => SsnPlaceholder,
        };
        return end;
    }

    /// <summary>Whether the digits of text[start..end] make a card number ("my account card 4111 1111 1111 1111" names a card).</summary>
    private static bool IsCardRun(string text, int start, int end)
    {
        Span<char> digits = stackalloc char[MaxDigits];
        int count = 0;
        for (int k = start; k < end; k++)
        {
            if (char.IsAsciiDigit(text[k]))
            {
                if (count == MaxDigits)
                {
                    return false;
                }

                digits[count++] = text[k];
            }
        }

        return count >= 13 && IsCard(digits[..count]);
    }

    /// <summary>Whether the number ends at <paramref name="end"/>: no digit or letter glued to it, and no further digit group joined to it ("123-456").</summary>
    private static bool EndsThere(string text, int end, int limit)
    {
        if (end >= limit)
        {
            return true;
        }

        char c = text[end];
        if (char.IsLetterOrDigit(c) && !IsUnspacedScript(c))
        {
            return false;
        }

        return !(c is '-' or '/' or ':' or '.' or ',' || IsDash(c)) || end + 1 >= limit || !char.IsAsciiDigit(text[end + 1]);
    }

    /// <summary>Three or four digits, alone (no further digit group after a space, as in "0812 3456 7890"): a card's security code.</summary>
    private static int SecurityCodeAt(string text, int start, int limit)
    {
        int length = DigitsAt(text, start, limit);
        int end = start + length;
        bool groupFollows = end + 1 < limit && text[end] is ' ' or '\u00A0' && char.IsAsciiDigit(text[end + 1]);
        return length is 3 or 4 && !groupFollows && EndsThere(text, end, limit) ? end : -1;
    }

    /// <summary>A month and year, "12/27", "1/2027", "12-27", "12 / 27": a card's expiry date; a full date ("12/05/2027") is not one.</summary>
    private static int ExpiryAt(string text, int start, int limit)
    {
        int monthLength = DigitsAt(text, start, limit);
        if (monthLength is not (1 or 2))
        {
            return -1;
        }

        int month = monthLength == 1 ? text[start] - '0' : ((text[start] - '0') * 10) + (text[start + 1] - '0');
        int k = start + monthLength;
        bool spaced = k < limit && text[k] == ' ';
        if (spaced)
        {
            k++;
        }

        if (month is < 1 or > 12 || k >= limit || !(text[k] is '/' or '-' || IsDash(text[k])) || (spaced && text[k] != '/'))
        {
            return -1;
        }

        k++;
        if (spaced)
        {
            if (k >= limit || text[k] != ' ')
            {
                return -1;
            }

            k++;
        }

        int yearLength = DigitsAt(text, k, limit);
        bool year = yearLength == 2 || (yearLength == 4 && text[k] == '2' && text[k + 1] == '0');
        int end = k + yearLength;
        // "berlaku 1-15 Juni 2025": days of a month, a date range, not a card's expiry.
        return year && EndsThere(text, end, limit) && !MonthFollows(text, end) ? end : -1;
    }

    /// <summary>Whether a month's name follows <paramref name="end"/> after a space ("1-15 Juni").</summary>
    private static bool MonthFollows(string text, int end)
    {
        (int from, int to) = NextWord(text, end);
        return to > from && from > end && IsOneOf(text.AsSpan(from, to - from), MonthNames);
    }

    /// <summary>Four digits written as a month and a year with nothing between ("Exp: 0427"), after an expiry word only: where they end, or -1.</summary>
    private static int CompactExpiryAt(string text, int start, int limit)
    {
        int end = start + 4;
        return DigitsAt(text, start, limit) == 4 && (text[start] == '0' || (text[start] == '1' && text[start + 1] is '0' or '1' or '2'))
            && text.AsSpan(start, 2) is not "00" && text[start + 2] is >= '2' and <= '4' && EndsThere(text, end, limit) ? end : -1;
    }

    /// <summary>The fewest and most digits of a phone number a word names (a local number without its area code; E.164's longest).</summary>
    private const int MinPhoneDigits = 7;

    private const int MaxPhoneDigits = 15;

    /// <summary>
    /// A phone number a word names: 7 to 15 digits, whole or in up to five groups joined by one space, dash, dot or
    /// closing parenthesis and space ("555 123 4567", "555-0100", "20 7946 0958", "415) 555-0100"). A date ("12-05-2026")
    /// is not one.
    /// </summary>
    private static int PhoneAt(string text, int start, int limit)
    {
        Span<int> lengths = stackalloc int[MaxGroups];
        int groups = 0;
        int digits = 0;
        int k = start;
        int end;
        while (true)
        {
            int length = DigitsAt(text, k, limit);
            digits += length;
            lengths[groups++] = length;
            end = k + length;
            if (digits > MaxPhoneDigits || groups == lengths.Length)
            {
                break;
            }

            int joint = end < limit && text[end] == ')' && end + 1 < limit && text[end + 1] == ' ' ? 2 : 1;
            // A line break joins groups of three digits or more, as a number typed over lines is ("0812\n3456\n7890").
            bool lineBreak = end < limit && text[end] == '\n' && length >= 3 && DigitsAt(text, end + 1, limit) >= 3;
            if (end + joint >= limit || !char.IsAsciiDigit(text[end + joint])
                || !(joint == 2 || lineBreak || text[end] is ' ' or '\u00A0' or '-' or '.' || IsDash(text[end])))
            {
                break;
            }

            k = end + joint;
        }

        // A run longer than it reads is taken whole or not at all: a number read must not leave its last digits behind.
        if (groups == lengths.Length && end + 1 < limit && text[end] is ' ' or '-' or '.' && char.IsAsciiDigit(text[end + 1]))
        {
            return -1;
        }

        bool date = groups == 3 && ((lengths[0] <= 2 && lengths[1] <= 2 && lengths[2] is 2 or 4) || (lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2));
        return digits is >= MinPhoneDigits and <= MaxPhoneDigits && !date && EndsThere(text, end, limit) ? end : -1;
    }

    /// <summary>Whether " ddd dddd" follows <paramref name="k"/> and ends there: the rest of a North American number written with spaces ("415 555 0100").</summary>
    private static bool SpacedThreeFour(string text, int k, int limit) =>
        k + 9 <= limit && text[k] == ' ' && DigitsAt(text, k + 1, limit) == 3 && text[k + 4] == ' ' && DigitsAt(text, k + 5, limit) == 4
        && (k + 9 == limit || !char.IsLetterOrDigit(text[k + 9]));

    /// <summary>The word that ends just before <paramref name="k"/> (see <see cref="WordBefore"/>), leaving <paramref name="k"/> as it is.</summary>
    private static ReadOnlySpan<char> PreviousLabelWord(string text, int k, int floor) => WordBefore(text, ref k, floor);

    /// <summary>Three, two and four digits, joined by dashes, spaces or dots or written whole: a US social security number.</summary>
    private static int SocialSecurityAt(string text, int start, int limit)
    {
        int first = DigitsAt(text, start, limit);
        if (first == 9)
        {
            return EndsThere(text, start + 9, limit) ? start + 9 : -1;
        }

        if (first != 3)
        {
            return -1;
        }

        int k = start + 3;
        for (int g = 0; g < 2; g++)
        {
            if (k + 1 >= limit || !(text[k] is '-' or ' ' or '.' || IsDash(text[k])))
            {
                return -1;
            }

            int wanted = g == 0 ? 2 : 4;
            if (DigitsAt(text, k + 1, limit) != wanted)
            {
                return -1;
            }

            k += 1 + wanted;
        }

        return EndsThere(text, k, limit) ? k : -1;
    }

    /// <summary>
    /// A bank account number: 6 to 18 digits, whole or in groups joined by one dash, dot or space ("123-456-7890",
    /// "1234 5678 90"; a space joins only groups of three or more digits). Groups of three after dots ("1.500.000") are
    /// an amount, not an account number.
    /// </summary>
    private static int AccountAt(string text, int start, int limit, int fewest = MinAccountDigits)
    {
        int digits = 0;
        int groups = 0;
        bool thousands = true;
        bool spaced = false;
        int k = start;
        int end;
        while (true)
        {
            int length = DigitsAt(text, k, limit);
            if (digits + length > MaxAccountDigits)
            {
                return -1;
            }

            thousands &= groups == 0 ? length <= 3 && text[k] != '0' : length == 3 && text[k - 1] == '.';
            digits += length;
            groups++;
            end = k + length;
            if (end + 1 >= limit || !char.IsAsciiDigit(text[end + 1]) || groups == MaxGroups)
            {
                break;
            }

            // A space joins groups of two digits or more ("1234 5678 90"), and, once groups were joined by spaces, a last
            // check digit ("123 00 1234567 8"); "1234567890 2 kali" keeps its count.
            char joint = text[end];
            int next = DigitsAt(text, end + 1, limit);
            bool spacedGroup = joint == ' ' && ((length >= 2 && next >= 2) || (spaced && next >= 1)) && digits + next <= MaxAccountDigits;
            if (!(joint is '-' or '.' || IsDash(joint) || spacedGroup))
            {
                break;
            }

            spaced |= joint == ' ';
            k = end + 1;
        }

        if (digits < fewest || (thousands && groups >= 2) || !EndsThere(text, end, limit))
        {
            return -1;
        }

        return end;
    }

    /// <summary>
    /// What the words just before <paramref name="start"/> call the number there. Up to <see cref="MaxLabelWords"/> words
    /// are read back, past ':', '#', '=', '.' and spaces ("no. rek: ", "acct # "), skipping the words that may stand
    /// between a number and its name (<see cref="Word.Between"/>: "number", "saya", "di", a bank's name, or up to two capitalised words); the first other
    /// word decides. A word glued to its "nya" ("rekeningnya") reads as the word. An amount ("Rp 1.500.000") is named by
    /// its currency, and a virtual account ("VA 8808...", "virtual account") is a payment reference.
    /// </summary>
    private static Label LabelBefore(string text, int start)
    {
        Label label = NameBefore(text, start);
        return label != Label.None && IsCurrencyBefore(text, start) ? Label.None : label;
    }

    private static Label NameBefore(string text, int start)
    {
        // A number on the line after its label ("hp:\n0813 5566 7788"): the label is read across the line break.
        int k = PastLineBreakBefore(text, start);
        int floor = Math.Max(0, start - 48);
        int capitalised = 0;
        // A bank's name right before the number calls it an account number when no other word names it ("transfer ke
        // BCA 1234567890"); such a number has at least eight digits, so an amount after it stays.
        Label otherwise = Label.None;
        bool numberWord = false;
        for (int w = 0; w < MaxLabelWords; w++)
        {
            ReadOnlySpan<char> word = WordBefore(text, ref k, floor);
            if (w == 0 && IsOneOf(word, BankNames))
            {
                otherwise = Label.BankAccount;
            }

            if (word.IsEmpty || char.IsAsciiDigit(word[0]))
            {
                return otherwise;
            }

            if (!TryWord(word, out Word kind)
                && !(word.Length > 4 && word.EndsWith("nya", StringComparison.OrdinalIgnoreCase) && TryWord(word[..^3], out kind)))
            {
                if (char.IsUpper(word[0]) && ++capitalised <= 2)
                {
                    continue; // a bank's name: "rekening Bank Mandiri", "Wells Fargo account"
                }

                return otherwise;
            }

            switch (kind)
            {
                case Word.Between when IsOneOf(word, ["number", "num", "no"]) && IsOneOf(PreviousLabelWord(text, k, floor), ["my", "your", "his", "her"]):
                    return Label.Phone; // "my number is ...", "reach me at my no. ..."
                case Word.Between:
                    numberWord |= IsOneOf(word, ["number", "num", "no"]);
                    continue;
                case Word.Phone:
                    return Label.Phone;
                case Word.SecurityCode:
                    return Label.SecurityCode;
                case Word.Expiry:
                    return Label.Expiry;
                case Word.SocialSecurity:
                    return Label.SocialSecurity;
                case Word.VirtualAccount:
                    return Label.None;
            }

            int before = k;
            ReadOnlySpan<char> prior = WordBefore(text, ref before, floor);
            return kind switch
            {
                Word.Account => IsOneOf(prior, ["virtual", "saldo", "balance"]) ? Label.None : Label.Account,
                Word.Code when IsOneOf(prior, ["security", "verification", "card"]) => Label.SecurityCode,
                Word.Keamanan when prior.Equals("kode", StringComparison.OrdinalIgnoreCase) => Label.SecurityCode,
                Word.Back when prior.Equals("the", StringComparison.OrdinalIgnoreCase) => Label.SecurityCode,
                Word.Until when IsOneOf(prior, ["valid", "good"]) => Label.Expiry,
                Word.Sampai when prior.Equals("berlaku", StringComparison.OrdinalIgnoreCase) => Label.Expiry,
                Word.Security when prior.Equals("social", StringComparison.OrdinalIgnoreCase) => Label.SocialSecurity,
                // "the security number is 882": a card's security code (three or four digits, read as one).
                Word.Security when numberWord => Label.SecurityCode,
                Word.TaxId when IsOneOf(prior, ["tax", "taxpayer"]) => Label.SocialSecurity,
                Word.Me when IsOneOf(prior, ["call", "text", "reach", "ring", "phone", "whatsapp", "wa", "sms", "message", "contact", "dial"]) => Label.Phone,
                _ => otherwise,
            };
        }

        return otherwise;
    }

    /// <summary>Where the line break (and the spaces around it) right before <paramref name="start"/> begins; <paramref name="start"/> when none is there.</summary>
    private static int PastLineBreakBefore(string text, int start)
    {
        int k = SpacesBefore(text, start);
        if (k > 0 && text[k - 1] == '\n')
        {
            k--;
            if (k > 0 && text[k - 1] == '\r')
            {
                k--;
            }

            return SpacesBefore(text, k);
        }

        return start;
    }

    /// <summary>Banks whose name alone, right before a number, calls it an account number (none of them an everyday word).</summary>
    private static readonly string[] BankNames =
    [
        "bca", "bni", "bri", "mandiri", "cimb", "permata", "bsi", "danamon", "btn", "ocbc", "maybank", "btpn", "jenius", "dbs",
        "uob", "hsbc", "citibank", "seabank", "panin",
    ];
}
