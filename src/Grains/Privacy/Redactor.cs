using System.Text;

namespace CxCluster.Grains.Privacy;

/// <summary>
/// Replaces personal data in free text (e-mail addresses, phone numbers, NIK, NPWP, payment card numbers with their
/// security codes and expiry dates, bank account numbers, IBANs and US social security numbers), the secrets a word
/// names (passwords, one-time codes, PINs, the answer to a security question) and the credentials in a pasted link's query
/// (tokens, keys, signatures), dates of birth, passport, BPJS, health insurance and driving licence numbers their words
/// name, cryptocurrency wallet addresses, names their words announce, customers introduce themselves with or a text
/// calls someone by (after an honorific, on a header line, in a greeting the AI or an agent writes), and postal
/// addresses (post office boxes too) with typed placeholders; so are the values of personal fields in structured data
/// pasted in (JSON, XML, a link's query or a form, a markdown table), and access tokens and keys (a JSON web token, "sk_live_…",
/// a long token after "API key" or "bearer").
/// </summary>
/// <remarks>
/// A hand-written, single left-to-right scan: linear in the length of the text, with no regular expressions and so
/// no backtracking. Numbers are read as runs of digit groups joined by one separator (space, '-', '.', or
/// parentheses), then classified by shape and context; amounts ("Rp 150.000", "$1,250.50"), dates, times, years and
/// short order numbers are left as they are. A few words just before a number name what it is: an account word
/// ("rekening", "no rek", "account", "a/c"), perhaps with a bank's name between, makes it an account number; a card's
/// security-code word ("cvv", "cvc2", "security code", "kode keamanan") makes three or four digits a security code; an
/// expiry word ("exp", "valid thru", "berlaku sampai") makes a month and year ("12/27") an expiry date, as does standing
/// right after a card number; "ssn", "social" or "social security number" makes 3-2-4 digits a social security number; a phone
/// word ("phone", "mobile", "call me at", "my number is") makes 7 to 15 digits, however grouped, a phone number. E-mail
/// addresses written out to dodge filters ("budi (at) gmail (dot) com", "budi @ gmail . com", "budi at gmail dot com")
/// are addresses too; with plain words for '@' only when the domain is a known mail provider or it ends in a known
/// top-level domain spelled with a word for the dot, so "meet me at noon" stays. Numbers said digit by digit, as voice
/// transcripts write them ("0 8 1 2 ...", "zero eight one two ...", "nol delapan satu dua ..."), are read as written whole.
/// </remarks>
public static partial class Redactor
{
    /// <summary>Placeholder for an e-mail address.</summary>
    public const string EmailPlaceholder = "[email]";

    /// <summary>Placeholder for a phone number.</summary>
    public const string PhonePlaceholder = "[phone]";

    /// <summary>Placeholder for an Indonesian national identity number (NIK, 16 digits).</summary>
    public const string NikPlaceholder = "[nik]";

    /// <summary>Placeholder for an Indonesian tax number (NPWP).</summary>
    public const string NpwpPlaceholder = "[npwp]";

    /// <summary>Placeholder for a payment card number.</summary>
    public const string CardPlaceholder = "[card]";

    /// <summary>Placeholder for a payment card's security code (CVV, CVC, CID); card verification data is never stored.</summary>
    public const string CvvPlaceholder = "[cvv]";

    /// <summary>Placeholder for a payment card's expiry date, after an expiry word or right after a card number.</summary>
    public const string ExpiryPlaceholder = "[expiry]";

    /// <summary>Placeholder for a bank account number named by an account word ("rekening", "account").</summary>
    public const string AccountPlaceholder = "[account]";

    /// <summary>Placeholder for an international bank account number (IBAN).</summary>
    public const string IbanPlaceholder = "[iban]";

    /// <summary>Placeholder for a US social security number named by its word ("SSN").</summary>
    public const string SsnPlaceholder = "[ssn]";

    /// <summary>Placeholder for a password named by its word ("password", "kata sandi"), when it looks like one.</summary>
    public const string PasswordPlaceholder = "[password]";

    /// <summary>Placeholder for a one-time code named by its word ("OTP", "verification code", "kode verifikasi").</summary>
    public const string OtpPlaceholder = "[otp]";

    /// <summary>Placeholder for a PIN named by its word ("PIN", "mPIN").</summary>
    public const string PinPlaceholder = "[pin]";

    /// <summary>Placeholder for a passport number named by its word ("passport", "paspor").</summary>
    public const string PassportPlaceholder = "[passport]";

    /// <summary>Placeholder for a date of birth named by its words ("date of birth", "DOB", "born on", "tanggal lahir").</summary>
    public const string BirthDatePlaceholder = "[dob]";

    /// <summary>Placeholder for an Indonesian health or employment insurance number (BPJS) named by its word.</summary>
    public const string BpjsPlaceholder = "[bpjs]";

    /// <summary>Placeholder for a cryptocurrency wallet address ("0x32Be…", "bc1q…", "1A1zP1eP…").</summary>
    public const string WalletPlaceholder = "[wallet]";

    /// <summary>Placeholder for a public health insurance number named by its word ("Medicare", "Medicaid", "NHS number").</summary>
    public const string HealthPlaceholder = "[health]";

    /// <summary>Placeholder for a driving licence number named by its words ("driver's license", "SIM").</summary>
    public const string LicensePlaceholder = "[license]";

    /// <summary>
    /// Placeholder for another country's national identity, insurance or tax number named by its word ("national insurance
    /// number", "SIN", "TFN", "Aadhaar", "CPF", "DNI", "NRIC").
    /// </summary>
    public const string NationalIdPlaceholder = "[national-id]";

    /// <summary>What a whole text is stored as when it could not be read for personal data.</summary>
    public const string UnreadPlaceholder = "[redacted]";

    /// <summary>The fewest characters of an IBAN (country, check digits and the national account number).</summary>
    private const int MinIbanLength = 15;

    /// <summary>The most characters of an IBAN.</summary>
    private const int MaxIbanLength = 34;

    /// <summary>Texts with fewer digits than this and no '@' cannot hold anything to redact but a number a word names.</summary>
    private const int MinDigits = 7;

    /// <summary>The fewest digits a number named by a word can have (a card's security code).</summary>
    private const int MinLabelledDigits = 3;

    /// <summary>A run is read as at most this many digit groups.</summary>
    private const int MaxGroups = 8;

    /// <summary>No personal number is longer than 19 digits (a card); a longer run is something else.</summary>
    private const int MaxDigits = 19;

    /// <summary>How far before a number the words "NPWP" or "NIK" are looked for.</summary>
    private const int ContextWindow = 24;

    /// <summary>Returns the text with personal data replaced; the same instance when there is nothing to replace.</summary>
    /// <param name="original">The text.</param>
    /// <param name="introducedNames">
    /// Whether a name the writer introduces themselves with ("I'm John Smith", "saya Budi") is replaced: a customer's is;
    /// the AI's or an agent's own ("Halo, saya Sari") is no customer's data, and the customer was told it. False says the
    /// AI or an agent wrote the text to the customer: then the name a greeting opening it addresses them by ("Hi Budi
    /// Santoso, ...") is replaced instead, as a name after an honorific is in any text.
    /// </param>
    /// <param name="seen">
    /// The names the conversation's earlier messages held, if it keeps them: a word of one used alone is replaced, and
    /// the names this text holds are added.
    /// </param>
    public static string Redact(string original, bool introducedNames = true, NamesSeen? seen = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        try
        {
            return Scan(original, introducedNames, seen);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A fault in a reading must neither lose the customer's message nor let its words through: all of it goes.
            return UnreadPlaceholder;
        }
    }

    /// <summary>What <see cref="Redact"/> does, letting a fault in a reading through (the tests look for one).</summary>
    internal static string Scan(string original, bool introducedNames, NamesSeen? seen = null)
    {
        // Beyond ASCII (most texts are not): accents written as a letter and a combining mark ("José" in decomposed form)
        // are composed, and letters styled as mathematical symbols ("𝐉𝐨𝐡𝐧") are read as the letters they are, so neither
        // hides a name or an address from the scan (what is kept is that same text, canonically composed); then full-width
        // forms ("０８１２", "＠", typed with a Japanese or Chinese keyboard) and the digits of other scripts ("٠٨١٢", "०८१२",
        // "๐๘๑๒") are read as their ASCII characters, one character for one, so every place found in the folded text is the
        // same place in the original.
        // Invisible marks among digits and plain letters (a zero-width space, a soft hyphen, a direction mark, pasted in or
        // typed to dodge a filter) are dropped first, so "4111\u200B1111..." is the card it shows; between letters of
        // other scripts or in an emoji sequence, where they join or part letters, they stay. Spaces of other widths (the
        // narrow no-break space locales group digits with) and middle dots read as a space and a dot.
        string text = original;
        bool beyondAscii = original.AsSpan().ContainsAnyExceptInRange('\0', '\u007F');
        if (beyondAscii)
        {
            original = Composed(WithoutInvisibles(original));
            text = FoldFullWidth(original);
        }

        bool hasAt = text.Contains('@');
        int digits = CountDigits(text, MinDigits);
        bool numbers = digits >= MinDigits || (digits >= MinLabelledDigits && HasLabelledNumber(text));
        List<(int Start, int End)>? emails = hasAt ? FindSpelledEmails(text, FindLetterByLetterEmails(text, FindEmails(text)), atSign: true) : null;
        emails = FindSpelledEmails(text, emails, atSign: false);
        List<(int Start, int End, string Placeholder)>? dictated = FindDictated(text);
        dictated = digits >= MinPhoneDigits - MaxLetteredDigits ? MergeApart(dictated, FindLetteredPhones(text)) : dictated;
        // Every secret but a password has a digit in it: a text without one is searched for the words of a password only.
        List<(int Start, int End, string Placeholder)>? secrets = FindSecrets(text, digits > 0 ? SecretMarks : PasswordMarks);
        secrets = hasAt && text.Contains("p@ss", StringComparison.OrdinalIgnoreCase) ? WithSpans(secrets, FindSecrets(text, SpelledPasswordMarks)) : secrets;
        secrets = MayHoldUserName(text) ? WithSpans(secrets, FindSecrets(text, UserNameMarks)) : secrets;
        secrets = digits >= MinNationalIdDigits ? WithSpans(secrets, FindSecrets(text, NationalIdMarks)) : secrets;
        secrets = text.Contains('=') ? WithSpans(secrets, FindLinkCredentials(text)) : secrets;
        secrets = beyondAscii && digits >= MinDigits && HasOtherScriptLetters(text) ? WithSpans(secrets, FindNumbersNamedInOtherScripts(text)) : secrets;
        List<(int Start, int End, string Placeholder)>? people = FindPeopleAndPlaces(text, digits > 0, introducedNames);
        people = emails is not null && text.Contains('<') ? WithSpans(people, FindNamesBeforeEmails(text, emails)) : people;
        people = WithSpans(people, FindRememberedNames(text, seen));
        // Tokens that stand alone in the text: social media handles and links to someone's account, and wallet addresses
        // (which have digits in them, and more letters and digits in a row than a short text holds).
        List<(int Start, int End, string Placeholder)>? tokens = hasAt ? FindHandles(text) : null;
        tokens = MayHoldProfileLink(text) ? WithSpans(tokens, FindProfileLinks(text)) : tokens;
        tokens = digits > 0 && text.Length >= MinWalletLength ? WithSpans(tokens, FindWallets(text)) : tokens;
        tokens = digits >= PanDigits && text.Length >= PanLength ? WithSpans(tokens, FindPans(text)) : tokens;
        // Structured data pasted in (JSON, XML, a link's query or a form, a markdown table, rows under a header of separated
        // values): a personal field's value whole.
        List<(int Start, int End, string Placeholder)>? fields = MergeApart(FindStructuredFields(text), FindCsvRows(text));
        List<(int Start, int End, string Placeholder)>? values = OtherValues(ref fields);
        // Access tokens and keys (a JSON web token, "sk_live_…", "API key: …"), which have digits in them.
        List<(int Start, int End, string Placeholder)>? keys = digits > 0 && text.Length >= MinTokenTextLength ? FindTokens(text) : null;
        if (keys is null && emails is null && !numbers && dictated is null && secrets is null && people is null && tokens is null && fields is null)
        {
            return original;
        }

        // An address holds numbers of its own (a house number, a postal code): it goes before the secrets and the numbers
        // said digit by digit, which an address never holds, so none of them cuts it short.
        // A structured field's value goes first: it ends at its closing quotation mark, tag or cell, which a reading of the
        // words around it (an address "to the end of its sentence") would run past.
        List<(int Start, int End, string Placeholder)>? others = WithSpans(WithSpans(WithSpans(WithSpans(FindIbans(text, emails), tokens), people), secrets), dictated);
        others = KeepWithinValues(values, others);
        List<(int Start, int End, string Placeholder)>? spans = WithSpans(WithSpans(fields, keys), others);
        RememberNames(text, spans, seen);
        StringBuilder? output = null;
        int copied = 0;
        int nextSpan = 0;
        int lastEnd = -1;
        string? lastKind = null;
        int i = 0;
        while (i < text.Length)
        {
            int limit = text.Length;
            if (spans is not null && nextSpan < spans.Count)
            {
                (int start, int end, string placeholder) = spans[nextSpan];
                if (i == start)
                {
                    Replace(ref output, original, ref copied, start, end, placeholder);
                    i = end;
                    nextSpan++;
                    continue;
                }

                limit = start;
            }

            if (IsRunStart(text, i))
            {
                string? placeholder = null;
                int from = i;
                int to = i;
                if (char.IsAsciiDigit(text[i]))
                {
                    bool afterCard = lastKind is not null && IsShortGap(text, lastEnd, i);
                    to = ScanLabelled(text, i, limit, afterCard ? lastKind : null, out placeholder);
                }

                int next = placeholder is not null ? to : ScanNumber(text, i, limit, out from, out to, out placeholder);
                if (placeholder is not null)
                {
                    Replace(ref output, original, ref copied, Math.Max(from, copied), to, placeholder);
                    lastEnd = to;
                    lastKind = placeholder is CardPlaceholder or ExpiryPlaceholder ? placeholder : null;
                }

                i = next;
                continue;
            }

            i++;
        }

        if (output is null)
        {
            return original;
        }

        output.Append(original, copied, original.Length - copied);
        return output.ToString();
    }

    private static void Replace(ref StringBuilder? output, string text, ref int copied, int from, int to, string placeholder)
    {
        output ??= new StringBuilder(text.Length);
        output.Append(text, copied, from - copied).Append(placeholder);
        copied = to;
    }

    /// <summary>
    /// The text with full-width forms and other scripts' digits as ASCII, spaces of every other width (no-break, narrow,
    /// thin, ideographic) as a space and middle dots as a dot, one character for one; the same instance when it holds none.
    /// </summary>
    private static string FoldFullWidth(string text)
    {
        int first = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
        if (first < 0 || !NeedsFolding(text.AsSpan(first)))
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (chars, state) =>
        {
            state.text.AsSpan().CopyTo(chars);
            for (int i = state.first; i < chars.Length; i++)
            {
                if (Folded(chars[i]) is { } plain)
                {
                    chars[i] = plain;
                }
            }
        });

        static bool NeedsFolding(ReadOnlySpan<char> rest)
        {
            foreach (char c in rest)
            {
                if (Folded(c) is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The ASCII character <paramref name="c"/> is read as, or null when it is read as itself.</summary>
    private static char? Folded(char c) => c switch
    {
        <= '\u007F' => null,
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u00B7' or '\u2027' or '\u2219' or '\u30FB' or '\uFF65' => '.',
        _ when char.IsDigit(c) => (char)('0' + System.Globalization.CharUnicodeInfo.GetDecimalDigitValue(c)),
        _ when char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.SpaceSeparator => ' ',
        _ => null,
    };

    /// <summary>
    /// The text without the invisible marks (zero-width spaces and joiners, soft hyphens, direction marks and isolates, word
    /// joiners, byte order marks) that stand among plain characters: ASCII, full-width forms, digits, spaces, the start or
    /// the end of the text. One between letters of another script ("می\u200Cخواهم") or in an emoji sequence ("👨\u200D👩")
    /// joins or parts them and stays. The same instance when none goes.
    /// </summary>
    private static string WithoutInvisibles(string text)
    {
        int first = text.AsSpan().IndexOfAny(Invisibles);
        if (first < 0)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        kept.Append(text, 0, first);
        int i = first;
        while (i < text.Length)
        {
            if (!Invisibles.Contains(text[i]))
            {
                kept.Append(text[i++]);
                continue;
            }

            // A run of marks goes or stays whole, by the characters on either side of it: one look per run, however long.
            int end = i + 1;
            while (end < text.Length && Invisibles.Contains(text[end]))
            {
                end++;
            }

            bool amongPlain = (i == 0 || IsPlain(text[i - 1])) && (end == text.Length || IsPlain(text[end]));
            if (!amongPlain)
            {
                kept.Append(text, i, end - i);
            }

            i = end;
        }

        return kept.Length == text.Length ? text : kept.ToString();

        static bool IsPlain(char c) => c <= '\u007F' || Folded(c) is not null;
    }

    /// <summary>The invisible format characters <see cref="WithoutInvisibles"/> looks for.</summary>
    private static readonly System.Buffers.SearchValues<char> Invisibles = System.Buffers.SearchValues.Create(
        "\u00AD\u180E\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\uFEFF");

    /// <summary>
    /// The text with its accents composed (Unicode's canonical composition, which changes no character's meaning) and
    /// mathematical letters and digits ("𝐉𝐨𝐡𝐧 𝐒𝐦𝐢𝐭𝐡", "𝟎𝟖𝟏𝟐") read as plain ones; the same instance when it holds neither,
    /// as nearly every text does (found with one vectorised search for anything from the combining marks up).
    /// </summary>
    private static string Composed(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\u0300', '\uFFFF') < 0)
        {
            return text;
        }

        // Mathematical alphanumeric symbols: U+1D400 to U+1D7FF, all behind the high surrogate U+D835.
        if (text.Contains('\uD835'))
        {
            var plain = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\uD835' && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    plain.Append(text.AsSpan(i, 2).ToString().Normalize(NormalizationForm.FormKC));
                    i++;
                }
                else
                {
                    plain.Append(text[i]);
                }
            }

            text = plain.ToString();
        }

        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate (the API refuses them in what it takes) has no composed form: the text is read as it is.
            return text;
        }
    }

    /// <summary>How many digits the text has, counted up to <paramref name="wanted"/>; the text before its first digit is passed over in one vectorised search.</summary>
    private static int CountDigits(string text, int wanted)
    {
        int first = text.AsSpan().IndexOfAnyInRange('0', '9');
        if (first < 0)
        {
            return 0;
        }

        int count = 0;
        foreach (char c in text.AsSpan(first))
        {
            if (char.IsAsciiDigit(c) && ++count >= wanted)
            {
                break;
            }
        }

        return count;
    }

    /// <summary>The spans found so far with the <paramref name="more"/> that lie outside them, in order.</summary>
    private static List<(int Start, int End, string Placeholder)>? WithSpans(
        List<(int Start, int End, string Placeholder)>? spans, List<(int Start, int End, string Placeholder)>? more)
    {
        if (more is null)
        {
            return spans;
        }

        if (spans is null)
        {
            return more;
        }

        foreach (var span in more)
        {
            if (!spans.Exists(s => s.Start < span.End && span.Start < s.End))
            {
                spans.Add(span);
            }
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    /// <summary>
    /// Two lists of spans, each in order, merged in order in one pass: a span of <paramref name="more"/> that overlaps one of
    /// <paramref name="spans"/> is left out (as <see cref="WithSpans"/> does, without comparing each with each).
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? MergeApart(
        List<(int Start, int End, string Placeholder)>? spans, List<(int Start, int End, string Placeholder)>? more)
    {
        if (more is null || spans is null)
        {
            return spans ?? more;
        }

        var merged = new List<(int Start, int End, string Placeholder)>(spans.Count + more.Count);
        int a = 0;
        int lastEnd = 0;
        foreach (var span in more)
        {
            while (a < spans.Count && spans[a].Start < span.Start)
            {
                merged.Add(spans[a]);
                lastEnd = Math.Max(lastEnd, spans[a].End);
                a++;
            }

            bool overlaps = lastEnd > span.Start || (a < spans.Count && spans[a].Start < span.End);
            if (!overlaps)
            {
                merged.Add(span);
            }
        }

        for (; a < spans.Count; a++)
        {
            merged.Add(spans[a]);
        }

        return merged;
    }
}
