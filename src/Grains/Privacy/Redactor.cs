using System.Buffers;
using System.Globalization;
using System.Text;

namespace CxCluster.Grains.Privacy;

/// <summary>
/// Replaces personal data in free text (e-mail addresses, phone numbers, NIK, NPWP, payment card numbers with their
/// security codes and expiry dates, bank account numbers, IBANs and US social security numbers), the secrets a word
/// names (passwords, one-time codes, PINs), dates of birth, passport, BPJS and driving licence numbers their words name,
/// names their words announce or customers introduce themselves with, and postal addresses with typed placeholders.
/// </summary>
/// <remarks>
/// A hand-written, single left-to-right scan: linear in the length of the text, with no regular expressions and so
/// no backtracking. Numbers are read as runs of digit groups joined by one separator (space, '-', '.', or
/// parentheses), then classified by shape and context; amounts ("Rp 150.000", "$1,250.50"), dates, times, years and
/// short order numbers are left as they are. A few words just before a number name what it is: an account word
/// ("rekening", "no rek", "account", "a/c"), perhaps with a bank's name between, makes it an account number; a card's
/// security-code word ("cvv", "cvc2", "security code", "kode keamanan") makes three or four digits a security code; an
/// expiry word ("exp", "valid thru", "berlaku sampai") makes a month and year ("12/27") an expiry date, as does standing
/// right after a card number; "ssn" or "social security number" makes 3-2-4 digits a social security number; a phone
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

    /// <summary>Placeholder for a driving licence number named by its words ("driver's license", "SIM").</summary>
    public const string LicensePlaceholder = "[license]";

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
    public static string Redact(string original)
    {
        ArgumentNullException.ThrowIfNull(original);

        // Read full-width forms ("０８１２", "＠", typed with a Japanese or Chinese keyboard) as their ASCII letters; one
        // character for one, so every place found in the folded text is the same place in the original.
        string text = FoldFullWidth(original);
        bool hasAt = text.Contains('@');
        int digits = CountDigits(text, MinDigits);
        bool numbers = digits >= MinDigits || (digits >= MinLabelledDigits && HasLabelledNumber(text));
        List<(int Start, int End)>? emails = hasAt ? FindSpelledEmails(text, FindEmails(text), atSign: true) : null;
        emails = FindSpelledEmails(text, emails, atSign: false);
        List<(int Start, int End, string Placeholder)>? dictated = FindDictated(text);
        // Every secret but a password has a digit in it: a text without one is searched for the words of a password only.
        List<(int Start, int End, string Placeholder)>? secrets = FindSecrets(text, digits > 0 ? SecretMarks : PasswordMarks);
        List<(int Start, int End, string Placeholder)>? people = FindPeopleAndPlaces(text, digits > 0);
        if (emails is null && !numbers && dictated is null && secrets is null && people is null)
        {
            return original;
        }

        // An address holds numbers of its own (a house number, a postal code): it goes before the secrets and the numbers
        // said digit by digit, which an address never holds, so none of them cuts it short.
        List<(int Start, int End, string Placeholder)>? spans = WithSpans(WithSpans(WithSpans(FindIbans(text, emails), people), secrets), dictated);
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

    private static string FoldFullWidth(string text)
    {
        int first = text.AsSpan().IndexOfAnyInRange('\uFF01', '\uFF5E');
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (chars, state) =>
        {
            state.text.AsSpan().CopyTo(chars);
            for (int i = state.first; i < chars.Length; i++)
            {
                if (chars[i] is >= '\uFF01' and <= '\uFF5E')
                {
                    chars[i] = (char)(chars[i] - 0xFEE0);
                }
            }
        });
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

    // ---------------------------------------------------------------- IBAN

    /// <summary>
    /// The e-mail addresses, and the IBANs outside them, in order. An IBAN is two letters (the country), two digits and
    /// the national account number, 15 to 34 letters and digits in all, written whole or in groups separated by a space,
    /// a dash or two spaces ("GB82 WEST 1234 5698 7654 32", "de89370400440532013000"), whose check digits hold (ISO 13616: the
    /// number read with its first four characters moved to the end and each letter as 10 to 35 leaves 1 when divided by
    /// 97). Of the groups that follow, the longest run that checks is taken, so words after it stay.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindIbans(string text, List<(int Start, int End)>? emails)
    {
        List<(int Start, int End, string Placeholder)>? found = null;
        int nextEmail = 0;
        Span<int> ends = stackalloc int[MaxIbanLength];
        Span<int> lengths = stackalloc int[MaxIbanLength];
        int i = 0;
        while (i < text.Length)
        {
            if (emails is not null && nextEmail < emails.Count && i >= emails[nextEmail].Start)
            {
                (found ??= []).Add((emails[nextEmail].Start, emails[nextEmail].End, EmailPlaceholder));
                i = emails[nextEmail].End;
                nextEmail++;
                continue;
            }

            int emailStart = emails is not null && nextEmail < emails.Count ? emails[nextEmail].Start : text.Length;
            if (i + 4 <= text.Length && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
                && char.IsAsciiLetter(text[i]) && char.IsAsciiLetter(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]))
            {
                int groups = IbanGroups(text, i, emailStart, ends, lengths);
                for (int g = groups - 1; g >= 0; g--)
                {
                    if (lengths[g] >= MinIbanLength && IbanChecks(text, i, ends[g]))
                    {
                        (found ??= []).Add((i, ends[g], IbanPlaceholder));
                        i = ends[g];
                        goto next;
                    }
                }
            }

            i++;
        next:;
        }

        return found;
    }

    /// <summary>
    /// Reads groups of letters and digits from <paramref name="start"/>, separated by a space, a dash or two spaces, up to
    /// <see cref="MaxIbanLength"/> characters of them and not into <paramref name="limit"/>: each group's end in the text
    /// and the characters read up to it. Returns how many groups; a group that runs into a letter or digit glued to other
    /// characters ("1234abc-") ends the reading.
    /// </summary>
    private static int IbanGroups(string text, int start, int limit, Span<int> ends, Span<int> lengths)
    {
        int groups = 0;
        int count = 0;
        int k = start;
        while (k < limit)
        {
            int groupStart = k;
            while (k < limit && char.IsAsciiLetterOrDigit(text[k]) && count < MaxIbanLength)
            {
                k++;
                count++;
            }

            if (k == groupStart || (k < text.Length && char.IsLetterOrDigit(text[k])))
            {
                break; // longer than an IBAN, or glued to a letter of another script
            }

            ends[groups] = k;
            lengths[groups] = count;
            groups++;
            int gap = k >= limit ? 0 : text[k] is '-' or '\u00A0' ? 1 : text[k] != ' ' ? 0 : k + 1 < limit && text[k + 1] == ' ' ? 2 : 1;
            if (count >= MaxIbanLength || gap == 0 || k + gap >= limit || !char.IsAsciiLetterOrDigit(text[k + gap]))
            {
                break;
            }

            k += gap; // between groups: one space or dash, or two spaces
        }

        return groups;
    }

    /// <summary>Whether the letters and digits of text[start..end] (spaces skipped) pass the IBAN check (mod 97 = 1).</summary>
    private static bool IbanChecks(string text, int start, int end)
    {
        int remainder = 0;
        // the account number first, then the country and the check digits
        for (int pass = 0; pass < 2; pass++)
        {
            int from = pass == 0 ? start + 4 : start;
            int to = pass == 0 ? end : start + 4;
            for (int k = from; k < to; k++)
            {
                char c = text[k];
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    continue;
                }

                remainder = char.IsAsciiDigit(c)
                    ? (remainder * 10 + (c - '0')) % 97
                    : (remainder * 100 + (char.ToUpperInvariant(c) - 'A' + 10)) % 97;
            }
        }

        return remainder == 1;
    }

    // ---------------------------------------------------------------- e-mail

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

    // ---------------------------------------------------------------- e-mail written out

    /// <summary>What an address written out with a word for '@' turns on: "at" or "et" (any case) between spaces or after a bracket.</summary>
    private static readonly SearchValues<string> AtWords = SearchValues.Create(
        [" at ", " et ", "(at", "[at", "{at", "<at", "( at", "[ at", "{ at", "< at", "(et", "[et"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Top-level domains an address written with plain words ("budi at gmail dot com") may end in.</summary>
    private static readonly string[] KnownTopLevelDomains =
    [
        "com", "net", "org", "id", "co", "io", "me", "info", "biz", "edu", "gov", "ac", "sch", "or", "go", "web", "my",
        "sg", "uk", "au", "us", "ca", "de", "nl", "fr", "jp", "cn", "in", "ph", "th", "vn", "hk", "tw", "kr", "app", "dev",
    ];

    /// <summary>Mail providers whose name as the first label of a domain makes a written-out address plain.</summary>
    private static readonly string[] KnownMailProviders =
    [
        "gmail", "googlemail", "yahoo", "ymail", "rocketmail", "hotmail", "outlook", "live", "msn", "icloud", "aol",
        "proton", "protonmail", "gmx", "zoho", "yandex", "mail",
    ];

    /// <summary>Words before a plain "at" that are no one's address: "meet me at", "find us at", "look at".</summary>
    private static readonly string[] NotLocalParts =
    [
        "me", "us", "it", "him", "her", "them", "you", "we", "i", "they", "am", "is", "are", "was", "were", "be", "been", "look",
        "looking", "here", "there", "this", "that", "what", "where", "available", "online", "stay", "meet", "see", "saya",
        "kami", "kita", "dia", "aku", "ada", "email", "mail", "e-mail", "write", "reach", "contact",
    ];

    /// <summary>
    /// The e-mail addresses already found (<paramref name="emails"/>), with the ones written out merged in, in order: with
    /// <paramref name="atSign"/>, those around an '@' with spaces about it ("budi @ gmail . com") or a domain whose dots
    /// are written out ("budi@gmail dot com"); without, those with "at" in brackets ("budi(at)gmail.com", "budi [at] yahoo
    /// [dot] co [dot] id") or the plain words "at"/"et" and "dot"/"titik". An address that says "at" in plain words must be clearly one: its
    /// domain a known mail provider ("budi at gmail.com"), or its dots written as words and its last label a known
    /// top-level domain ("budi at kantor dot co dot id"); the word before it no pronoun or verb ("meet me at ...").
    /// </summary>
    private static List<(int Start, int End)>? FindSpelledEmails(string text, List<(int Start, int End)>? emails, bool atSign)
    {
        List<(int Start, int End)>? found = null;
        int nextEmail = 0;
        int floor = 0;
        int i = 0;
        while (i < text.Length)
        {
            int hit = atSign ? text.AsSpan(i).IndexOf('@') : text.AsSpan(i).IndexOfAny(AtWords);
            if (hit < 0)
            {
                break;
            }

            i += hit;
            if (!atSign)
            {
                while ((text[i] | 0x20) is not ('a' or 'e'))
                {
                    i++;
                }

                i++; // the t of "at"
            }

            while (emails is not null && nextEmail < emails.Count && emails[nextEmail].End <= i)
            {
                floor = Math.Max(floor, emails[nextEmail].End);
                nextEmail++;
            }

            if (emails is not null && nextEmail < emails.Count && emails[nextEmail].Start <= i)
            {
                i = emails[nextEmail].End;
                continue;
            }

            int limit = emails is not null && nextEmail < emails.Count ? emails[nextEmail].Start : text.Length;
            if (AtMarker(text, i, out int markStart, out int markEnd, out bool plain)
                && SpelledEmail(text, markStart, markEnd, plain, floor, limit, out int start, out int end))
            {
                (found ??= []).Add((start, end));
                floor = end;
                i = end;
                continue;
            }

            i++;
        }

        if (found is null)
        {
            return emails;
        }

        if (emails is null)
        {
            return found;
        }

        List<(int Start, int End)> merged = new(emails.Count + found.Count);
        int a = 0;
        int b = 0;
        while (a < emails.Count || b < found.Count)
        {
            merged.Add(b >= found.Count || (a < emails.Count && emails[a].Start < found[b].Start) ? emails[a++] : found[b++]);
        }

        return merged;
    }

    /// <summary>
    /// Whether text[i] ('@' or the t of "at"/"et") stands for '@': '@' itself (one <see cref="FindEmails"/> did not take),
    /// "at" in brackets, perhaps with spaces inside ("(at)", "[ at ]"), or "at"/"et" as a word between spaces, which is
    /// <paramref name="plain"/>. The marker's first character and the one after it.
    /// </summary>
    private static bool AtMarker(string text, int i, out int start, out int end, out bool plain)
    {
        start = end = i;
        plain = false;
        if (text[i] == '@')
        {
            end = i + 1;
            return true;
        }

        if (i < 1 || (text[i - 1] | 0x20) is not ('a' or 'e') || (i >= 2 && char.IsLetterOrDigit(text[i - 2]))
            || (i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
        {
            return false;
        }

        int open = SkipSpaces(text, i - 2, -1);
        int close = SkipSpaces(text, i + 1, 1);
        if (open >= 0 && close < text.Length && Closes(text[open], text[close]))
        {
            start = open;
            end = close + 1;
            return true;
        }

        if (i >= 2 && i + 1 < text.Length && text[i - 2] == ' ' && text[i + 1] == ' ')
        {
            start = i - 1;
            end = i + 1;
            plain = true;
            return true;
        }

        return false;
    }

    /// <summary>From <paramref name="k"/> in <paramref name="step"/>'s direction, past at most two spaces: where the first other character is.</summary>
    private static int SkipSpaces(string text, int k, int step)
    {
        for (int n = 0; n < 2 && k >= 0 && k < text.Length && text[k] == ' '; n++)
        {
            k += step;
        }

        return k;
    }

    private static bool Closes(char open, char close) =>
        (open, close) is ('(', ')') or ('[', ']') or ('{', '}') or ('<', '>');

    /// <summary>
    /// The address around the '@' marker text[markStart..markEnd]: the local part before it (past at most two spaces,
    /// not before <paramref name="floor"/>) and the domain after it, labels joined by dots written in any of the ways
    /// <see cref="DotAfter"/> reads, not into <paramref name="limit"/>.
    /// </summary>
    private static bool SpelledEmail(string text, int markStart, int markEnd, bool plain, int floor, int limit, out int start, out int end)
    {
        start = end = 0;
        int localEnd = SkipSpaces(text, markStart - 1, -1) + 1;
        int localStart = localEnd;
        while (localStart > floor && IsLocalChar(text[localStart - 1]) && !IsUnspacedScript(text[localStart - 1]))
        {
            localStart--;
        }

        while (localStart < localEnd && text[localStart] == '.')
        {
            localStart++;
        }

        if (localStart < localEnd)
        {
            localStart = SpelledLocalStart(text, localStart, floor);
        }

        if (localStart >= localEnd || text[localEnd - 1] == '.'
            || (localStart > 0 && text[localStart - 1] is not (' ' or '\u00A0' or '\t' or '\n' or '(' or '<' or '[' or ':' or '"' or ',')))
        {
            return false;
        }

        int p = SkipSpaces(text, markEnd, 1);
        int labels = 0;
        int firstStart = p;
        int firstEnd = p;
        int lastStart = p;
        int lastEnd = p;
        bool spelledDot = false;
        while (labels < 6)
        {
            int q = p;
            while (q < limit && (char.IsLetterOrDigit(text[q]) || text[q] == '-') && !IsUnspacedScript(text[q]))
            {
                q++;
            }

            if (q == p || text[p] == '-' || text[q - 1] == '-')
            {
                break;
            }

            if (labels == 0)
            {
                firstStart = p;
                firstEnd = q;
            }

            labels++;
            lastStart = p;
            lastEnd = q;
            int next = DotAfter(text, q, limit, out bool written);
            if (next < 0)
            {
                break;
            }

            spelledDot |= written;
            p = next;
        }

        if (labels < 2 || lastEnd - lastStart < 2)
        {
            return false;
        }

        ReadOnlySpan<char> tld = text.AsSpan(lastStart, lastEnd - lastStart);
        foreach (char c in tld)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        bool provider = IsOneOf(text.AsSpan(firstStart, firstEnd - firstStart), KnownMailProviders);
        bool knownTld = IsOneOf(tld, KnownTopLevelDomains);
        bool clear = plain ? provider || (spelledDot && knownTld) : !spelledDot || provider || knownTld;
        ReadOnlySpan<char> local = text.AsSpan(localStart, localEnd - localStart);
        if (!clear || (plain && (local.Length < 2 || IsOneOf(local, NotLocalParts))))
        {
            return false;
        }

        start = localStart;
        end = lastEnd;
        return true;
    }

    /// <summary>
    /// Where a local part with its dots written out begins ("jane dot doe at ...", "jane (dot) doe", "jane(dot)doe", "budi
    /// titik santoso"): up to three more words before <paramref name="localStart"/>, each joined by "dot" or "titik" (in
    /// brackets or between spaces); not before <paramref name="floor"/>.
    /// </summary>
    private static int SpelledLocalStart(string text, int localStart, int floor)
    {
        for (int words = 0; words < 3; words++)
        {
            int k = SkipSpaces(text, localStart - 1, -1) + 1;
            bool bracketed = k > floor && text[k - 1] is ')' or ']' or '}' or '>';
            char close = bracketed ? text[k - 1] : ' ';
            if (!bracketed && k == localStart)
            {
                return localStart; // glued to what is before it
            }

            int wordEnd = bracketed ? SkipSpaces(text, k - 2, -1) + 1 : k;
            int wordStart = wordEnd;
            while (wordStart > floor && char.IsAsciiLetter(text[wordStart - 1]))
            {
                wordStart--;
            }

            ReadOnlySpan<char> dot = text.AsSpan(wordStart, wordEnd - wordStart);
            if (!(dot.Equals("dot", StringComparison.OrdinalIgnoreCase) || dot.Equals("titik", StringComparison.OrdinalIgnoreCase)))
            {
                return localStart;
            }

            k = wordStart;
            if (bracketed)
            {
                k = SkipSpaces(text, k - 1, -1) + 1;
                if (k <= floor || !Closes(text[k - 1], close))
                {
                    return localStart;
                }

                k--;
            }

            int before = SkipSpaces(text, k - 1, -1) + 1;
            if (!bracketed && before == k)
            {
                return localStart; // "xdot doe": no word of its own
            }

            int start = before;
            while (start > floor && IsLocalChar(text[start - 1]) && !IsUnspacedScript(text[start - 1]))
            {
                start--;
            }

            if (start == before)
            {
                return localStart;
            }

            localStart = start;
        }

        return localStart;
    }

    /// <summary>
    /// After a domain label at <paramref name="k"/>: a dot, glued ("gmail.com") or between spaces ("gmail . com"), or
    /// "dot" or "titik" in brackets ("(dot)", "[titik]") or as a word between spaces; where the next label starts, or -1.
    /// <paramref name="written"/> tells a dot written other than glued.
    /// </summary>
    private static int DotAfter(string text, int k, int limit, out bool written)
    {
        written = false;
        if (k + 1 < limit && text[k] == '.' && char.IsLetterOrDigit(text[k + 1]))
        {
            return k + 1;
        }

        int q = SkipSpaces(text, k, 1);
        bool spaced = q > k;
        int after;
        if (q < limit && text[q] == '.' && spaced)
        {
            after = q + 1;
            if (after >= limit || text[after] != ' ')
            {
                return -1; // "kantor. Besok" ends a sentence
            }
        }
        else if (q < limit && text[q] is '(' or '[' or '{' or '<')
        {
            int word = SkipSpaces(text, q + 1, 1);
            int wordEnd = DotWordEnd(text, word, limit);
            int close = wordEnd < 0 ? -1 : SkipSpaces(text, wordEnd, 1);
            if (close < 0 || close >= limit || !Closes(text[q], text[close]))
            {
                return -1;
            }

            after = close + 1;
        }
        else if (spaced)
        {
            after = DotWordEnd(text, q, limit);
            if (after < 0 || after >= limit || text[after] != ' ')
            {
                return -1;
            }
        }
        else
        {
            return -1;
        }

        int next = SkipSpaces(text, after, 1);
        if (next >= limit || !char.IsLetterOrDigit(text[next]))
        {
            return -1;
        }

        written = true;
        return next;
    }

    /// <summary>Where "dot" or "titik" (any case) at <paramref name="k"/> ends, if it is a whole word there; otherwise -1.</summary>
    private static int DotWordEnd(string text, int k, int limit)
    {
        int end = k + 3 <= limit && (text[k] | 0x20) == 'd' && (text[k + 1] | 0x20) == 'o' && (text[k + 2] | 0x20) == 't' ? k + 3
            : k + 5 <= limit && (text[k] | 0x20) == 't' && (text[k + 1] | 0x20) == 'i' && (text[k + 2] | 0x20) == 't'
                && (text[k + 3] | 0x20) == 'i' && (text[k + 4] | 0x20) == 'k' ? k + 5
            : -1;
        return end > 0 && (end == limit || !char.IsLetterOrDigit(text[end])) ? end : -1;
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, ReadOnlySpan<string> words)
    {
        foreach (string w in words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // ---------------------------------------------------------------- secrets a word names

    /// <summary>The words that name a secret, and what the secret after them is redacted as.</summary>
    private static readonly (string Word, string Placeholder)[] SecretWords =
    [
        ("password", PasswordPlaceholder), ("passwd", PasswordPlaceholder), ("pwd", PasswordPlaceholder),
        ("passcode", PasswordPlaceholder), ("sandi", PasswordPlaceholder),
        ("otp", OtpPlaceholder), ("verification", OtpPlaceholder), ("verifikasi", OtpPlaceholder),
        ("pin", PinPlaceholder), ("mpin", PinPlaceholder),
        ("passport", PassportPlaceholder), ("paspor", PassportPlaceholder),
        ("dob", BirthDatePlaceholder), ("birth", BirthDatePlaceholder), ("birthdate", BirthDatePlaceholder),
        ("birthday", BirthDatePlaceholder), ("born", BirthDatePlaceholder), ("lahir", BirthDatePlaceholder), ("ttl", BirthDatePlaceholder),
        ("bpjs", BpjsPlaceholder), ("sim", LicensePlaceholder), ("license", LicensePlaceholder), ("licence", LicensePlaceholder),
    ];

    /// <summary>The words of <see cref="SecretWords"/>, found anywhere in a text whatever their case, then read as whole words.</summary>
    private static readonly SearchValues<string> SecretMarks =
        SearchValues.Create([.. SecretWords.Select(w => w.Word)], StringComparison.OrdinalIgnoreCase);

    /// <summary>The words that name a password, the one secret that may have no digit in it.</summary>
    private static readonly SearchValues<string> PasswordMarks = SearchValues.Create(
        [.. SecretWords.Where(w => w.Placeholder == PasswordPlaceholder).Select(w => w.Word)], StringComparison.OrdinalIgnoreCase);

    /// <summary>What the secret after <paramref name="word"/> is redacted as, if it names one.</summary>
    private static string? SecretNamedBy(ReadOnlySpan<char> word)
    {
        foreach ((string secretWord, string placeholder) in SecretWords)
        {
            if (word.Equals(secretWord, StringComparison.OrdinalIgnoreCase))
            {
                return placeholder;
            }
        }

        return null;
    }

    /// <summary>Words that may stand between a secret's word and the secret ("my password is ...", "kode OTP saya: ...").</summary>
    private static readonly string[] SecretBetween =
    [
        "is", "was", "adalah", "nya", "saya", "ku", "my", "baru", "new", "lama", "old", "code", "kode", "number", "nomor",
        "yg", "yang", "itu", "ini", "tadi", "sms", "nomer", "kamu", "anda", "your",
    ];

    /// <summary>Words that may stand between a date of birth's words and the date ("born on", "tanggal lahir saya: ").</summary>
    private static readonly string[] BirthBetween =
    [
        "is", "was", "on", "in", "date", "day", "of", "my", "saya", "nya", "adalah", "pada", "tanggal", "tgl", "tahun", "di", "the",
    ];

    /// <summary>Month names and their short forms, English and Indonesian.</summary>
    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "januari", "februari", "maret", "mei", "juni", "juli", "agustus", "oktober", "desember", "agu", "agt", "ags", "okt", "des", "nop", "peb",
    ];

    /// <summary>
    /// Secrets a word names: a password, a one-time code or a PIN typed into the conversation, which no transcript may
    /// keep. After "password", "pwd", "passcode" or "(kata) sandi" (perhaps with "nya", and words such as "is", "saya",
    /// "baru" or ':' between), the next word is a password when it looks like one: 4 to 64 characters with a digit, a
    /// symbol or a capital after its first letter ("hunter2", "Tr0ub4dor&amp;3", "rahasia123"), so "my password is not
    /// working" and "password saya lupa" stay. After "OTP", "verification code", "kode verifikasi" or "PIN", 4 to 8
    /// digits are the code ("kode OTP nya 482913", "PIN 1234"), so "PIN 6 digit" and "OTP sudah masuk" stay.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindSecrets(string text, SearchValues<string> marks)
    {
        List<(int Start, int End, string Placeholder)>? found = null;
        int i = 0;
        while (i < text.Length)
        {
            int hit = text.AsSpan(i).IndexOfAny(marks);
            if (hit < 0)
            {
                break;
            }

            int start = i + hit;
            int end = LettersEnd(text, start);
            i = end;
            ReadOnlySpan<char> word = text.AsSpan(start, end - start);
            if (start > 0 && char.IsLetterOrDigit(text[start - 1]))
            {
                continue;
            }

            if (word.Length > 5 && word.EndsWith("nya", StringComparison.OrdinalIgnoreCase))
            {
                word = word[..^3];
            }

            string? placeholder = SecretNamedBy(word);
            // "verification" names a one-time code only with "code" after it or "kode" before it, and not a card's.
            if (placeholder is null || (end < text.Length && char.IsLetterOrDigit(text[end]))
                || (IsOneOf(word, ["verification", "verifikasi"]) && !(IsCodeWordAround(text, start, end) && !AfterCardWord(text, start))))
            {
                continue;
            }

            (int from, int to) = placeholder switch
            {
                BirthDatePlaceholder => BirthDateAfter(text, end),
                PassportPlaceholder => PassportAfter(text, end),
                BpjsPlaceholder => IdNumberAfter(text, end, 11, 13, letters: false),
                LicensePlaceholder => IdNumberAfter(text, end, 12, 16, letters: !word.Equals("sim", StringComparison.OrdinalIgnoreCase)),
                _ => SecretAfter(text, end, placeholder == PasswordPlaceholder),
            };
            if (to > from)
            {
                (found ??= []).Add((from, to, placeholder));
                i = to;
            }
        }

        return found;
    }

    /// <summary>
    /// The passport number after "passport" or "paspor", past "number", "no", "saya" and the like: 6 to 12 letters and
    /// digits with at least one digit ("X1234567", "paspor saya A 1234567"), perhaps as a letter and digits apart.
    /// </summary>
    private static (int From, int To) PassportAfter(string text, int k)
    {
        for (int words = 0; words <= 3; words++)
        {
            k = SkipJoiners(text, k);
            int end = k;
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
            {
                end++;
            }

            if (end == k)
            {
                return default;
            }

            // "A 1234567": the series letter written apart from its digits.
            int whole = end;
            if (end - k <= 2 && IsAllLetters(text.AsSpan(k, end - k)) && end + 1 < text.Length && text[end] == ' ' && char.IsAsciiDigit(text[end + 1]))
            {
                whole = end + 1;
                while (whole < text.Length && char.IsAsciiLetterOrDigit(text[whole]))
                {
                    whole++;
                }
            }

            ReadOnlySpan<char> token = text.AsSpan(k, whole - k);
            int digits = 0;
            foreach (char c in token)
            {
                digits += char.IsAsciiDigit(c) ? 1 : 0;
            }

            int length = token.Length - (whole != end ? 1 : 0);
            if (digits > 0 && length is >= 6 and <= 12 && (whole == text.Length || !char.IsLetterOrDigit(text[whole])))
            {
                return (k, whole);
            }

            if (!IsOneOf(text.AsSpan(k, end - k), SecretBetween) && !IsOneOf(text.AsSpan(k, end - k), ["no", "nr", "num", "id"]))
            {
                return default;
            }

            k = end;
        }

        return default;
    }

    /// <summary>Words that may stand between an identity card's word and its number ("no BPJS kesehatan saya: ...").</summary>
    private static readonly string[] IdBetween =
    [
        "no", "nomor", "nomer", "number", "num", "nr", "saya", "my", "is", "nya", "kesehatan", "ketenagakerjaan", "tk", "ks", "card",
        "kartu", "id", "adalah", "ku",
    ];

    /// <summary>
    /// The number after a BPJS card's or a driving licence's word, past up to three words such as "no", "kesehatan" or
    /// "saya": <paramref name="fewest"/> to <paramref name="most"/> digits, in groups joined by '-', '.' or a space
    /// ("0001234567890", "1234-5678-901234"), or with <paramref name="letters"/> a code of letters and digits with at
    /// least five digits ("D1234-56789-01234"). A number that starts as a phone number does ("SIM 0812...": the SIM card's
    /// number) is left to the phone rules.
    /// </summary>
    private static (int From, int To) IdNumberAfter(string text, int k, int fewest, int most, bool letters)
    {
        for (int words = 0; words <= 3; words++)
        {
            k = SkipJoiners(text, k);
            int end = k;
            int digits = 0;
            int others = 0;
            while (end < text.Length)
            {
                char c = text[end];
                if (char.IsAsciiDigit(c))
                {
                    digits++;
                }
                else if (letters && char.IsAsciiLetter(c))
                {
                    others++;
                }
                else if (c is '-' or '.' or ' ' && end + 1 < text.Length && end > k
                    && (char.IsAsciiDigit(text[end + 1]) || (letters && char.IsAsciiLetter(text[end + 1]) && c != ' ')))
                {
                    // a joint between groups
                }
                else
                {
                    break;
                }

                end++;
            }

            bool number = digits >= (letters && others > 0 ? 5 : fewest) && digits <= most && others <= 12
                && (end == text.Length || !char.IsLetterOrDigit(text[end]))
                && !(text[k] == '0' && k + 1 < text.Length && text[k + 1] == '8') && text[k] != '+';
            if (number)
            {
                return (k, end);
            }

            int wordEnd = WordLettersEnd(text, k);

            if (wordEnd == k || !IsOneOf(text.AsSpan(k, wordEnd - k), IdBetween))
            {
                return default;
            }

            k = wordEnd;
        }

        return default;
    }

    private static bool IsAllLetters(ReadOnlySpan<char> span)
    {
        foreach (char c in span)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Past spaces, ':', '=', '-', '.', '#' and quotation marks, at most four of them.</summary>
    private static int SkipJoiners(string text, int k)
    {
        for (int skipped = 0; k < text.Length && skipped < 4 && text[k] is ' ' or '\u00A0' or ':' or '=' or '-' or '.' or '#' or '"' or '\'' or '\u201C' or '\u2018' or '/' or ','; skipped++)
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// The date after the words of a date of birth ("DOB", "date of birth", "born on", "lahir", "tanggal lahir", "TTL"),
    /// past a few small words and a place written before it ("TTL: Jakarta, 14-03-1985"): a date in digits ("14/03/1985",
    /// "1985-03-14"), a day, a month's name and perhaps a year ("14 March 1985", "14 Maret 85"), or a month's name, a day and
    /// perhaps a year ("March 14, 1985"). A year alone ("born in 1985") stays.
    /// </summary>
    private static (int From, int To) BirthDateAfter(string text, int k)
    {
        bool place = false;
        for (int words = 0; words <= 4; words++)
        {
            k = SkipJoiners(text, k);
            int end = DateEnd(text, k);
            if (end > k)
            {
                return (k, end);
            }

            int wordEnd = WordLettersEnd(text, k);

            if (wordEnd == k)
            {
                return default;
            }

            ReadOnlySpan<char> word = text.AsSpan(k, wordEnd - k);
            // One place of birth, capitalised, before a comma: "Jakarta, 14-03-1985".
            bool isPlace = !place && char.IsUpper(word[0]) && wordEnd < text.Length && text[wordEnd] == ',';
            if (!isPlace && !IsOneOf(word, BirthBetween))
            {
                return default;
            }

            place |= isPlace;
            k = wordEnd;
        }

        return default;
    }

    /// <summary>Where a date at <paramref name="k"/> ends, or <paramref name="k"/> when none starts there.</summary>
    private static int DateEnd(string text, int k)
    {
        int first = DigitsAt(text, k, text.Length);
        if (first > 0)
        {
            int p = k + first;
            // In digits: d/m/y, m/d/y or y-m-d, with '/', '-' or '.' between.
            if (p < text.Length && text[p] is '/' or '-' or '.')
            {
                char separator = text[p];
                int second = DigitsAt(text, p + 1, text.Length);
                int q = p + 1 + second;
                if (second is 1 or 2 && q < text.Length && text[q] == separator)
                {
                    int third = DigitsAt(text, q + 1, text.Length);
                    int end = q + 1 + third;
                    bool shape = (first is 1 or 2 && third is 2 or 4) || (first == 4 && third is 1 or 2);
                    return shape && (end == text.Length || !char.IsLetterOrDigit(text[end])) ? end : k;
                }

                return k;
            }

            // A day then a month's name: "14 March 1985", "14th of March", "14 Maret 85".
            if (first is 1 or 2)
            {
                int m = SkipOrdinal(text, p);
                m = PastSpaces(text, m);
                if (m + 3 <= text.Length && text.AsSpan(m).StartsWith("of ", StringComparison.OrdinalIgnoreCase))
                {
                    m = PastSpaces(text, m + 3);
                }

                int monthEnd = MonthAt(text, m);
                return monthEnd > m ? YearAfter(text, monthEnd) : k;
            }

            return k;
        }

        // A month's name then a day: "March 14, 1985", "Mar 14th 1985".
        int month = MonthAt(text, k);
        if (month > k)
        {
            int d = PastSpaces(text, month);
            int day = DigitsAt(text, d, text.Length);
            if (day is 1 or 2)
            {
                int end = SkipOrdinal(text, d + day);
                return end == text.Length || !char.IsLetterOrDigit(text[end]) ? YearAfter(text, end) : k;
            }
        }

        return k;
    }

    /// <summary>Past every space from <paramref name="k"/> on.</summary>
    private static int PastSpaces(string text, int k)
    {
        while (k < text.Length && text[k] == ' ')
        {
            k++;
        }

        return k;
    }

    /// <summary>Past "st", "nd", "rd" or "th" glued to a day.</summary>
    private static int SkipOrdinal(string text, int k) =>
        k + 2 <= text.Length && IsOneOf(text.AsSpan(k, 2), ["st", "nd", "rd", "th"]) && (k + 2 == text.Length || !char.IsLetter(text[k + 2])) ? k + 2 : k;

    /// <summary>Where the month's name at <paramref name="k"/> ends (a short form may end in '.'), or <paramref name="k"/>.</summary>
    private static int MonthAt(string text, int k)
    {
        int end = LettersEnd(text, k);
        if (end == k || (end < text.Length && char.IsLetterOrDigit(text[end])) || !IsOneOf(text.AsSpan(k, end - k), MonthNames))
        {
            return k;
        }

        return end < text.Length && text[end] == '.' ? end + 1 : end;
    }

    /// <summary>Past a year of two or four digits after a date's month or day (", 1985", " 85"), if one follows.</summary>
    private static int YearAfter(string text, int k)
    {
        int y = k < text.Length && text[k] == ',' ? k + 1 : k;
        y = PastSpaces(text, y);
        int year = DigitsAt(text, y, text.Length);
        return y > k && year is 2 or 4 && (y + year == text.Length || !char.IsLetterOrDigit(text[y + year])) ? y + year : k;
    }

    /// <summary>Whether "card" or "kartu" is the word before: a card's verification code is its security code.</summary>
    private static bool AfterCardWord(string text, int start)
    {
        int before = start;
        ReadOnlySpan<char> word = WordBefore(text, ref before, Math.Max(0, start - 16));
        return word.Equals("card", StringComparison.OrdinalIgnoreCase) || word.Equals("kartu", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether "verification" or "verifikasi" goes with "code" after it or "kode" before it.</summary>
    private static bool IsCodeWordAround(string text, int start, int end)
    {
        if (text.AsSpan(PastSpaces(text, end)).StartsWith("code", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        int before = start;
        return WordBefore(text, ref before, Math.Max(0, start - 16)).Equals("kode", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The secret after its word at <paramref name="k"/>, past up to three words that may stand between; an empty span when none is there.</summary>
    private static (int From, int To) SecretAfter(string text, int k, bool password)
    {
        for (int words = 0; words <= 3; words++)
        {
            int skipped = 0;
            while (k < text.Length && skipped < 4 && text[k] is ' ' or '\u00A0' or ':' or '=' or '-' or '"' or '\'' or '\u201C' or '\u2018')
            {
                k++;
                skipped++;
            }

            int end = k;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            // A full stop, comma or closing quotation after it is not part of it ('!' and '?' may be, and go with it).
            while (end > k && text[end - 1] is '.' or ',' or ';' or ')' or '"' or '\'' or '\u201D' or '\u2019')
            {
                end--;
            }

            if (end == k)
            {
                return default;
            }

            ReadOnlySpan<char> token = text.AsSpan(k, end - k);
            if (password ? LooksLikePassword(token) : IsShortCode(text, k, end))
            {
                return (k, password ? end : CodeEnd(text, k, end));
            }

            if (!IsOneOf(token, SecretBetween))
            {
                return default;
            }

            k = end;
        }

        return default;
    }

    /// <summary>4 to 64 characters with a digit, a symbol, or a capital after the first letter.</summary>
    private static bool LooksLikePassword(ReadOnlySpan<char> token)
    {
        int at = token.IndexOf('@');
        if (token.Length is < 4 or > 64 || token.Contains('[') || (at >= 0 && token[at..].Contains('.')))
        {
            return false; // an e-mail address or a placeholder is redacted as what it is
        }

        for (int c = 0; c < token.Length; c++)
        {
            if (char.IsDigit(token[c]) || (!char.IsLetter(token[c]) && token[c] is not '-' and not '\'') || (c > 0 && char.IsUpper(token[c])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>4 to 8 digits, perhaps in two groups ("482 913", "48-29-13"), ending there.</summary>
    private static bool IsShortCode(string text, int k, int end) => CodeEnd(text, k, end) > k;

    /// <summary>Where the code of 4 to 8 digits at <paramref name="k"/> ends (its groups joined by a space or '-'), or <paramref name="k"/> when none is there.</summary>
    private static int CodeEnd(string text, int k, int end)
    {
        int digits = 0;
        int p = k;
        int last = k;
        while (p < text.Length)
        {
            int run = 0;
            while (p < text.Length && char.IsAsciiDigit(text[p]))
            {
                p++;
                run++;
            }

            if (run == 0 || digits + run > 8 || (p < text.Length && char.IsLetter(text[p])))
            {
                break;
            }

            digits += run;
            last = p;
            if (p + 1 < text.Length && text[p] is ' ' or '-' && char.IsAsciiDigit(text[p + 1]))
            {
                p++;
                continue;
            }

            break;
        }

        return digits is >= 4 and <= 8 && last >= end ? last : k;
    }

    // ---------------------------------------------------------------- numbers said digit by digit

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

    /// <summary>Where the run of ASCII letters at <paramref name="i"/> ends.</summary>
    private static int LettersEnd(string text, int i)
    {
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Where the run of letters of any script at <paramref name="i"/> ends ("Müller", "Jakarta").</summary>
    private static int WordLettersEnd(string text, int i)
    {
        while (i < text.Length && char.IsLetter(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Where the word or number at <paramref name="i"/> ends.</summary>
    private static int WordEnd(string text, int i)
    {
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        return i;
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

    // ---------------------------------------------------------------- numbers

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

    // ---------------------------------------------------------------- numbers a word names

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

        /// <summary>"ssn".</summary>
        SocialSecurity,

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
        Add(Word.SocialSecurity, "ssn");
        Add(Word.Between, "number", "no", "nomor", "nomer", "nmr", "num", "nr", "is", "adalah", "saya", "my", "your", "anda",
            "ku", "nya", "the", "of", "di", "at", "in", "on", "ke", "bank", "date", "tanggal", "tgl", "card", "kartu");
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
            "telepon", "landline", "contact", "callback", "sms");
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
            Label.Expiry => ExpiryAt(text, start, limit),
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
        return year && EndsThere(text, end, limit) ? end : -1;
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
        Span<int> lengths = stackalloc int[5];
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
            if (end + joint >= limit || !char.IsAsciiDigit(text[end + joint])
                || !(joint == 2 || text[end] is ' ' or '\u00A0' or '-' or '.' || IsDash(text[end])))
            {
                break;
            }

            k = end + joint;
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

    /// <summary>Three, two and four digits, joined by dashes or spaces or written whole: a US social security number.</summary>
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
            if (k + 1 >= limit || !(text[k] is '-' or ' ' || IsDash(text[k])))
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
        int k = start;
        int floor = Math.Max(0, start - 48);
        int capitalised = 0;
        // A bank's name right before the number calls it an account number when no other word names it ("transfer ke
        // BCA 1234567890"); such a number has at least eight digits, so an amount after it stays.
        Label otherwise = Label.None;
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
                Word.Me when IsOneOf(prior, ["call", "text", "reach", "ring", "phone", "whatsapp", "wa", "sms", "message", "contact", "dial"]) => Label.Phone,
                _ => otherwise,
            };
        }

        return otherwise;
    }

    /// <summary>Banks whose name alone, right before a number, calls it an account number (none of them an everyday word).</summary>
    private static readonly string[] BankNames =
    [
        "bca", "bni", "bri", "mandiri", "cimb", "permata", "bsi", "danamon", "btn", "ocbc", "maybank", "btpn", "jenius", "dbs",
        "uob", "hsbc", "citibank", "seabank", "panin",
    ];

    /// <summary>
    /// The word that ends just before <paramref name="k"/>, past ':', '#', '=', '.' and spaces (at most four of them),
    /// not before <paramref name="floor"/>; <paramref name="k"/> moves to its start. Letters, digits and '/' make a word
    /// ("a/c", "cvv2"); empty when something else stands there.
    /// </summary>
    private static ReadOnlySpan<char> WordBefore(string text, scoped ref int k, int floor)
    {
        int end = k;
        for (int skipped = 0; end > floor && skipped < 4 && text[end - 1] is ' ' or '\u00A0' or ':' or '#' or '=' or '.'; skipped++)
        {
            end--;
        }

        int start = end;
        while (start > floor && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '/'))
        {
            start--;
        }

        if (start == end)
        {
            return default;
        }

        k = start;
        return text.AsSpan(start, end - start);
    }

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
            if (kind == PhonePlaceholder && !plus && !areaInParens && IsNorthAmerican(all[..count], lengths[..k]) && ReferenceBefore(text, runStart))
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

    private static int DigitsAt(string text, int i, int limit)
    {
        int start = i;
        while (i < limit && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
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
        "transaction", "trx", "booking", "tiket", "ticket", "awb", "va", "virtual account", "tagihan", "bill",
    ];

    /// <summary>Whether a word just before <paramref name="start"/> calls the number there a reference (see <see cref="ReferenceWords"/>).</summary>
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
