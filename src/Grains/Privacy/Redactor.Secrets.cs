using System.Buffers;

namespace CxCluster.Grains.Privacy;

/// <summary>Secrets and identity numbers a word names: passwords (alone or paired with a user's name), one-time codes, PINs, passports, BPJS, health insurance, licence and other countries' national numbers, dates of birth, plates, IP addresses and user names.</summary>
public static partial class Redactor
{
    /// <summary>The words that name a secret, and what the secret after them is redacted as.</summary>
    private static readonly (string Word, string Placeholder)[] SecretWords =
    [
        ("password", PasswordPlaceholder), ("passwd", PasswordPlaceholder), ("pwd", PasswordPlaceholder),
        ("passcode", PasswordPlaceholder), ("passphrase", PasswordPlaceholder), ("p@ssword", PasswordPlaceholder), ("p@ss", PasswordPlaceholder),
        ("passw0rd", PasswordPlaceholder), ("kunci", PasswordPlaceholder), ("sandi", PasswordPlaceholder), ("pass", PasswordPlaceholder), ("pw", PasswordPlaceholder),
        ("credentials", PasswordPlaceholder), ("credential", PasswordPlaceholder), ("creds", PasswordPlaceholder),
        ("kredensial", PasswordPlaceholder), ("login", PasswordPlaceholder),
        ("otp", OtpPlaceholder), ("verification", OtpPlaceholder), ("verifikasi", OtpPlaceholder),
        ("code", OtpPlaceholder), ("kode", OtpPlaceholder),
        ("pin", PinPlaceholder), ("mpin", PinPlaceholder),
        ("passport", PassportPlaceholder), ("paspor", PassportPlaceholder),
        ("dob", BirthDatePlaceholder), ("d.o.b", BirthDatePlaceholder), ("birth", BirthDatePlaceholder), ("birthdate", BirthDatePlaceholder),
        ("birthday", BirthDatePlaceholder), ("born", BirthDatePlaceholder), ("lahir", BirthDatePlaceholder), ("ttl", BirthDatePlaceholder),
        ("nacimiento", BirthDatePlaceholder), ("nascimento", BirthDatePlaceholder), ("nascita", BirthDatePlaceholder),
        ("naissance", BirthDatePlaceholder), ("geburtsdatum", BirthDatePlaceholder), ("geboortedatum", BirthDatePlaceholder),
        ("bpjs", BpjsPlaceholder), ("medicare", HealthPlaceholder), ("medicaid", HealthPlaceholder), ("nhs", HealthPlaceholder), ("mbi", HealthPlaceholder),
        ("sim", LicensePlaceholder), ("license", LicensePlaceholder), ("licence", LicensePlaceholder),
        ("plat", PlatePlaceholder), ("plate", PlatePlaceholder), ("nopol", PlatePlaceholder), ("polisi", PlatePlaceholder),
        ("ip", IpPlaceholder),
        ("nino", NationalIdPlaceholder), ("ni", NationalIdPlaceholder), ("sin", NationalIdPlaceholder), ("tfn", NationalIdPlaceholder), ("aadhaar", NationalIdPlaceholder),
        ("aadhar", NationalIdPlaceholder), ("cpf", NationalIdPlaceholder), ("dni", NationalIdPlaceholder), ("nie", NationalIdPlaceholder),
        ("nric", NationalIdPlaceholder), ("mykad", NationalIdPlaceholder), ("ird", NationalIdPlaceholder), ("bsn", NationalIdPlaceholder),
        ("personnummer", NationalIdPlaceholder), ("curp", NationalIdPlaceholder), ("kitas", NationalIdPlaceholder), ("kitap", NationalIdPlaceholder),
        ("fiscale", NationalIdPlaceholder), ("steuer", NationalIdPlaceholder), ("steuernummer", NationalIdPlaceholder), ("sss", NationalIdPlaceholder),
        ("nif", NationalIdPlaceholder), ("pesel", NationalIdPlaceholder),
        // Nigeria, Chile, Mexico, Latin America's cedula, Singapore's foreigners, Hong Kong, the Emirates, the Philippines,
        // Malaysia ("IC no"), Germany, Switzerland, the Netherlands, Türkiye, France's social security ("sécurité sociale").
        ("nin", NationalIdPlaceholder), ("bvn", NationalIdPlaceholder), ("rut", NationalIdPlaceholder), ("rfc", NationalIdPlaceholder),
        ("cedula", NationalIdPlaceholder), ("fin", NationalIdPlaceholder), ("hkid", NationalIdPlaceholder), ("emirates", NationalIdPlaceholder),
        ("philhealth", NationalIdPlaceholder), ("tin", NationalIdPlaceholder), ("ein", NationalIdPlaceholder), ("ic", NationalIdPlaceholder),
        ("personalausweis", NationalIdPlaceholder), ("ahv", NationalIdPlaceholder), ("sofinummer", NationalIdPlaceholder),
        ("kimlik", NationalIdPlaceholder), ("sociale", NationalIdPlaceholder),
        ("national", NationalIdPlaceholder), ("identity", NationalIdPlaceholder),
        ("identification", NationalIdPlaceholder), ("insurance", NationalIdPlaceholder), ("tax", NationalIdPlaceholder),
        ("username", HandlePlaceholder), ("uname", HandlePlaceholder), ("userid", HandlePlaceholder), ("user", HandlePlaceholder), ("ig", HandlePlaceholder),
        ("instagram", HandlePlaceholder), ("insta", HandlePlaceholder), ("twitter", HandlePlaceholder), ("tiktok", HandlePlaceholder),
        ("telegram", HandlePlaceholder), ("discord", HandlePlaceholder), ("gamertag", HandlePlaceholder), ("skype", HandlePlaceholder),
        ("wechat", HandlePlaceholder), ("snapchat", HandlePlaceholder), ("kakao", HandlePlaceholder), ("kakaotalk", HandlePlaceholder),
        ("facebook", HandlePlaceholder), ("fb", HandlePlaceholder), ("line", HandlePlaceholder),
    ];

    /// <summary>
    /// The words of <see cref="SecretWords"/> but a user name's and a national number's, found anywhere in a text whatever their case, then read as
    /// whole words.
    /// </summary>
    private static readonly SearchValues<string> SecretMarks = SearchValues.Create(
        [.. SecretWords.Where(w => w.Placeholder is not (HandlePlaceholder or NationalIdPlaceholder) && !IsFoundByAnother(w.Word)).Select(w => w.Word)], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Words of <see cref="SecretWords"/> no search looks for by themselves: "passphrase" and "passw0rd" are found by "pass"
    /// in them, "p@ssword" and "p@ss" only in a text with an '@' (<see cref="SpelledPasswordMarks"/>), so the one search every
    /// message goes through is no longer.
    /// </summary>
    private static bool IsFoundByAnother(string word) => word is "passphrase" or "passw0rd" or "p@ssword" or "p@ss";

    /// <summary>A password's word written with '@' for its 'a' ("p@ssword: …"), looked for only in a text with an '@'.</summary>
    private static readonly SearchValues<string> SpelledPasswordMarks = SearchValues.Create(["p@ss"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The words that name another country's national number, searched for apart and only in a text with as many digits
    /// as such a number has (<see cref="MinNationalIdDigits"/>): short marks such as "ni" and "sin" are found inside many
    /// words, and would slow the search every message with a digit goes through.
    /// </summary>
    private static readonly SearchValues<string> NationalIdMarks = SearchValues.Create(
        [.. SecretWords.Where(w => w.Placeholder == NationalIdPlaceholder).Select(w => w.Word)], StringComparison.OrdinalIgnoreCase);

    /// <summary>The fewest digits of a national number <see cref="NationalIdEnd"/> reads.</summary>
    private const int MinNationalIdDigits = 6;

    /// <summary>
    /// The words that name a user name, searched for apart and only in a text that may hold one (<see
    /// cref="MayHoldUserName"/>): more words in the one search slow every message with a digit.
    /// </summary>
    private static readonly SearchValues<string> UserNameMarks = SearchValues.Create(
        [.. SecretWords.Where(w => w.Placeholder == HandlePlaceholder).Select(w => w.Word)], StringComparison.OrdinalIgnoreCase);

    /// <summary>The words that name a password, the one secret that may have no digit in it.</summary>
    private static readonly SearchValues<string> PasswordMarks = SearchValues.Create(
        [.. SecretWords.Where(w => w.Placeholder == PasswordPlaceholder && !IsFoundByAnother(w.Word)).Select(w => w.Word)], StringComparison.OrdinalIgnoreCase);

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
        "you", "sent", "me", "i", "got", "received", "just", "the", "that", "dikirim", "masuk", "barusan",
        "atm", "card", "kartu", "debit", "credit", "kredit",
        // What the secret is for: "password akun: ...", "password email saya: ...", "wifi password: ...", "pin mbanking".
        "akun", "account", "email", "login", "wifi", "app", "aplikasi", "mbanking", "banking", "internet", "transaksi", "for", "untuk",
        "door", "gate", "locker", "garage", "pintu", "pagar", "loker",
        // How it was set or changed: "password was changed to ...", "I set my password to ...", "the password I used is ...",
        // "password's ..." ('s read as "is"), "sandi diganti jadi ...".
        "s", "changed", "to", "set", "reset", "updated", "now", "used", "use", "using", "currently", "diganti", "diubah", "ganti",
        "jadi", "menjadi", "pakai", "pake",
        // "pass word: …", written apart; a code the customer was texted ("the security code you texted was 4417").
        "word", "texted", "emailed", "messaged",
    ];

    /// <summary>Whether one of the next three words after <paramref name="end"/> says the code was sent ("the security code you texted was 4417").</summary>
    private static bool SentAfter(string text, int end)
    {
        int k = end;
        for (int w = 0; w < 3; w++)
        {
            (int from, int to) = NextWord(text, k);
            if (to == from)
            {
                return false;
            }

            if (IsOneOf(text.AsSpan(from, to - from), ["texted", "sent", "sms", "smsed", "emailed", "messaged", "dikirim"]))
            {
                return true;
            }

            k = to;
        }

        return false;
    }

    /// <summary>The words of a national number that name one before them ("S8512345A is my nric"): not "sin", "ni" or "tax", which are everyday words too.</summary>
    private static readonly string[] NationalWordsBefore = ["nric", "nino", "aadhaar", "aadhar", "cpf", "dni", "nie", "mykad", "tfn", "bsn", "ird"];

    /// <summary>Words that may stand between a number and the word after it that names it ("739104 as the OTP", "S8512345A is my nric").</summary>
    private static readonly string[] BetweenBefore = ["is", "was", "as", "the", "my", "adalah", "itu", "ini", "saya", "sebagai", "jadi"];

    /// <summary>
    /// The value that ends before the words that name it at <paramref name="start"/>, past up to three words of <see
    /// cref="BetweenBefore"/> (at least one): a code of 4 to 8 digits for a one-time code or a PIN, a national number for
    /// a national number's word; an empty span when none is there.
    /// </summary>
    private static (int From, int To) ValueBefore(string text, int start, string placeholder)
    {
        int k = start;
        for (int words = 0; words <= 3; words++)
        {
            int end = SpacesBefore(text, k);
            if (end == k && words > 0)
            {
                return default;
            }

            int from = end;
            while (from > 0 && (char.IsAsciiLetterOrDigit(text[from - 1]) || text[from - 1] is '-'))
            {
                from--;
            }

            if (from == end)
            {
                return default;
            }

            ReadOnlySpan<char> token = text.AsSpan(from, end - from);
            if (words > 0 && (from == 0 || !char.IsLetterOrDigit(text[from - 1])))
            {
                bool fits = placeholder == NationalIdPlaceholder
                    ? NationalIdEnd(text, from) == end
                    : token.Length is >= 4 and <= 8 && token.IndexOfAnyExceptInRange('0', '9') < 0;
                if (fits)
                {
                    return (from, end);
                }
            }

            if (!IsOneOf(token, BetweenBefore))
            {
                return default;
            }

            k = from;
        }

        return default;
    }

    /// <summary>Whether the next word after <paramref name="end"/> is a password beyond doubt: letters with a digit or a symbol ("PW Meowmeow88").</summary>
    private static bool StrongPasswordAfter(string text, int end)
    {
        int k = PastSpaces(text, end);
        int to = k;
        while (to < text.Length && !char.IsWhiteSpace(text[to]))
        {
            to++;
        }

        while (to > k && text[to - 1] is '.' or ',' or ';' or ')' or '?' or '!')
        {
            to--;
        }

        ReadOnlySpan<char> token = text.AsSpan(k, to - k);
        return token.Length >= 6 && token.IndexOfAnyInRange('0', '9') >= 0 && (token.IndexOfAnyInRange('a', 'z') >= 0 || token.IndexOfAnyInRange('A', 'Z') >= 0)
            && LooksLikePassword(token);
    }

    /// <summary>Words that name a user's name and password together, read only as a pair ("credentials are admin/admin123").</summary>
    private static readonly string[] PairWords = ["credentials", "credential", "creds", "kredensial", "login"];

    /// <summary>Words that may stand between a pair's word and the pair ("my login is ...", "credentials are ...").</summary>
    private static readonly string[] PairBetween = ["is", "are", "was", "were", "my", "the", "saya", "nya", "adalah", "details", "info"];

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
    /// working" and "password saya lupa" stay. After "OTP", "verification code", "kode verifikasi", "code" or "PIN", 4 to
    /// 8 digits are the code ("kode OTP nya 482913", "PIN 1234", "the code you sent me is 553201"), so "PIN 6 digit", "OTP
    /// sudah masuk" and codes of another kind ("promo code 2024", "kode pos 12190") stay. The other
    /// words of <see cref="SecretWords"/> hand what follows them to their own readers: a date of birth, a passport, BPJS,
    /// health insurance, licence or national number, a plate, an IP address, a user name or an account's name on social
    /// media; and a pair of a user's name and password after "credentials", "login" or a label such as "user/pass".
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

            // "d.o.b.", "D.O.B:": the word written with its letters' dots.
            if (start + 5 <= text.Length && text.AsSpan(start, 5).Equals("d.o.b", StringComparison.OrdinalIgnoreCase))
            {
                end = start + 5 < text.Length && text[start + 5] == '.' ? start + 6 : start + 5;
                i = end;
                word = "dob";
            }

            if (word.Length > 5 && word.EndsWith("nya", StringComparison.OrdinalIgnoreCase))
            {
                word = word[..^3];
            }

            // "p@ssword", "p@ss", "passw0rd": a password's word written with a symbol or a digit for a letter.
            if (word.Length <= 5 && end < text.Length && text[end] is '@' or '0')
            {
                int spelled = LettersEnd(text, end + 1);
                string joined = string.Concat(word, text.AsSpan(end, spelled - end)).ToLowerInvariant();
                if (joined is "p@ssword" or "p@ss" or "passw0rd")
                {
                    end = spelled;
                    word = "password";
                }
            }

            string? placeholder = SecretNamedBy(word);
            // "verification" names a one-time code only with "code" after it or "kode" before it, and not a card's; "code"
            // alone names one unless the word before it names another kind of code ("promo code", "postal code").
            if (placeholder is null || (end < text.Length && char.IsLetterOrDigit(text[end]))
                || (IsOneOf(word, ["verification", "verifikasi"]) && !((IsCodeWordAround(text, start, end) || IsFollowedBy(text, end, ["number", "no", "num"])) && !AfterCardWord(text, start)))
                || (IsOneOf(word, ["code", "kode"]) && NamesAnotherCode(text, start) && !(IsOneOf(PreviousWord(text, start), ["security"]) && SentAfter(text, end))))
            {
                continue;
            }

            if (placeholder == PasswordPlaceholder)
            {
                // A pair of a user's name and its password: "email/password: maria@x.com / Pa55word", "user/pass: bob /
                // Secret1", "credentials are admin/admin123", "login admin / admin123".
                bool pairWord = IsOneOf(word, PairWords);
                if ((pairWord || IsAfterSlash(text, start)) && PairAfter(text, end, out (int From, int To) user, out (int From, int To) secret))
                {
                    found ??= [];
                    if (text.AsSpan(user.From, user.To - user.From).IndexOf('@') < 0)
                    {
                        found.Add((user.From, user.To, HandlePlaceholder));
                    }

                    found.Add((secret.From, secret.To, PasswordPlaceholder));
                    i = secret.To;
                    continue;
                }

                // "login" alone names the user's name as a label ("login: maria.g", "my login is john_doe"), never a password;
                // "pass" and "pw" name a password only as one ("pass: ...", "pw nya ...", "my pass is ...": not "pass the
                // message on").
                if (pairWord)
                {
                    placeholder = word.Equals("login", StringComparison.OrdinalIgnoreCase) && (IsLabel(text, end) || IsFollowedBy(text, end, ["is", "id", "name", "nya", "saya"]))
                        ? HandlePlaceholder
                        : null;
                }
                else if (IsOneOf(word, ["pass", "pw"]) && !(IsLabel(text, end) || IsOwnedAndSaid(text, start, end) || IsFollowedBy(text, end, ["nya", "saya", "ku", "baru", "word"])
                    || (IsOneOf(word, ["pw"]) && StrongPasswordAfter(text, end))))
                {
                    placeholder = null;
                }
                else if (IsOneOf(word, ["kunci"]) && !IsOneOf(PreviousWord(text, start), ["kata"]))
                {
                    // "kata kunci" (a key word) names a password; "kunci" alone is a key ("kunci motor").
                    placeholder = null;
                }

                if (placeholder is null)
                {
                    continue;
                }
            }

            // "line" names a messenger's account only as "line id" ("line id: budi99"), not "my line is busy".
            if (placeholder == HandlePlaceholder && word.Equals("line", StringComparison.OrdinalIgnoreCase) && !IsFollowedBy(text, end, ["id"]))
            {
                continue;
            }

            // "national", "identity", "insurance" and "tax" name a number only with the word that makes them one ("national
            // insurance", "identity number", "social insurance", "tax file number"): not "national holiday 2024".
            if (placeholder == NationalIdPlaceholder && !NamesANationalNumber(text, start, end, word))
            {
                continue;
            }

            // "password's ...": the 's says "is".
            if (end + 1 < text.Length && text[end] is '\'' or '\u2019' && text[end + 1] is 's' or 'S' && (end + 2 == text.Length || !char.IsLetterOrDigit(text[end + 2])))
            {
                end += 2;
            }

            (int from, int to) = placeholder switch
            {
                BirthDatePlaceholder => BirthDateAfter(text, end),
                PassportPlaceholder => PassportAfter(text, end),
                BpjsPlaceholder => IdNumberAfter(text, end, 11, 13, letters: false),
                // Medicare (10 or 11 digits, or a beneficiary identifier of digits and letters: "1EG4-TE5-MK73"), Medicaid
                // (8 to 14 by state) and NHS numbers (10 digits: "943 476 5919").
                HealthPlaceholder => HealthNumberAfter(text, end),
                LicensePlaceholder => IdNumberAfter(text, end, 12, 16, letters: !word.Equals("sim", StringComparison.OrdinalIgnoreCase)),
                PlatePlaceholder => PlateAfter(text, end),
                IpPlaceholder => IpAfter(text, end),
                HandlePlaceholder => UsernameAfter(text, end),
                NationalIdPlaceholder => ValueAfter(text, end, NationalIdBetween, NationalIdEnd),
                _ => SecretAfter(text, end, placeholder == PasswordPlaceholder),
            };
            // A code or a number before the word that names it: "I got 739104 as the OTP", "S8512345A is my nric".
            if (to <= from && (IsOneOf(word, ["otp", "pin", "mpin"]) || (placeholder == NationalIdPlaceholder && IsOneOf(word, NationalWordsBefore))))
            {
                (from, to) = ValueBefore(text, start, placeholder);
                if (to > from && found is { Count: > 0 } && found[^1].End > from)
                {
                    continue;
                }
            }

            if (to > from)
            {
                (found ??= []).Add((from, to, placeholder));
                i = Math.Max(i, to);
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
    private static (int From, int To) IdNumberAfter(string text, int k, int fewest, int most, bool letters) =>
        ValueAfter(text, k, IdBetween, (text, at) => IdNumberEnd(text, at, fewest, most, letters));

    /// <summary>
    /// The words that name the answer to a security question, as whole phrases: they are searched for with the words of
    /// names and addresses (<see cref="PeopleAndPlaceMarks"/>), in the one search every message goes through, since
    /// "answer" and "keamanan" alone would stop a search in many messages that hold no secret ("the answer is no", "kode
    /// keamanan").
    /// </summary>
    private static readonly string[] SecurityAnswerPhrases =
        ["security answer", "secret answer", "security question answer", "secret question answer", "jawaban keamanan", "jawaban pertanyaan keamanan",
            "jawaban rahasia"];

    /// <summary>Where the words of <see cref="SecurityAnswerPhrases"/> that begin at <paramref name="start"/> end, or -1.</summary>
    private static int SecurityAnswerPhraseEnd(string text, int start)
    {
        int end = -1;
        foreach (string phrase in SecurityAnswerPhrases)
        {
            if (text.AsSpan(start).StartsWith(phrase, StringComparison.OrdinalIgnoreCase)
                && (start + phrase.Length == text.Length || !char.IsLetterOrDigit(text[start + phrase.Length])))
            {
                end = Math.Max(end, start + phrase.Length);
            }
        }

        return end;
    }

    /// <summary>
    /// The answer to a security question after its words, past ':', "is" or "adalah": up to four words to the end of its
    /// clause ("security answer: fluffy", "my secret answer is Blue Lagoon", "jawaban keamanan saya: kucing oren"). An answer
    /// said to be wrong, forgotten or not working is no answer ("my security answer is not working", "jawaban keamanan saya
    /// salah").
    /// </summary>
    private static (int From, int To) SecurityAnswerAfter(string text, int k) => ValueAfter(text, k, AnswerBetween, SecurityAnswerEnd);

    /// <summary>Words that may stand between a security answer's words and the answer ("my secret answer is ...").</summary>
    private static readonly string[] AnswerBetween = ["is", "was", "adalah", "saya", "my", "nya", "ku"];

    /// <summary>Where the answer that starts at <paramref name="k"/> ends (see <see cref="SecurityAnswerAfter"/>), or -1.</summary>
    private static int SecurityAnswerEnd(string text, int k)
    {
        int first = WordLettersEnd(text, k);
        if (k >= text.Length || char.IsWhiteSpace(text[k]) || text[k] is ',' or '.' or '!' or '?' or ';'
            || IsOneOf(text.AsSpan(k, first - k), NotAnAnswer) || IsOneOf(text.AsSpan(k, first - k), AnswerBetween))
        {
            return -1;
        }

        int last = k;
        int count = 0;
        int p = k;
        while (p < text.Length && count < 4)
        {
            int wordEnd = p;
            while (wordEnd < text.Length && !char.IsWhiteSpace(text[wordEnd]) && text[wordEnd] is not (',' or '!' or '?' or ';'))
            {
                wordEnd++;
            }

            while (wordEnd > p && text[wordEnd - 1] is '.' or '"' or '\'' or '\u201D' or '\u2019')
            {
                wordEnd--;
            }

            if (wordEnd == p || (count > 0 && IsOneOf(text.AsSpan(p, wordEnd - p), AfterAnAddress)))
            {
                break;
            }

            last = wordEnd;
            count++;
            // Punctuation after a word (a full stop, a comma) ends the answer's clause.
            if (wordEnd < text.Length && text[wordEnd] != ' ')
            {
                break;
            }

            p = PastSpaces(text, wordEnd);
            if (p >= text.Length || !char.IsLetterOrDigit(text[p]))
            {
                break;
            }
        }

        return last > k ? last : -1;
    }

    /// <summary>Words that say something of an answer rather than give it.</summary>
    private static readonly string[] NotAnAnswer =
    [
        "not", "wrong", "incorrect", "correct", "right", "invalid", "forgotten", "lost", "missing", "the", "a", "an", "salah",
        "benar", "tidak", "gak", "ga", "nggak", "lupa", "hilang", "ditolak", "rejected", "case", "sensitive",
    ];

    /// <summary>
    /// A public health insurance number after its word, past "number", "card", "is" and the like: 8 to 14 digits however
    /// grouped, with letters among them when it opens with a digit ("1EG4-TE5-MK73"), so a word is never read as one.
    /// </summary>
    private static (int From, int To) HealthNumberAfter(string text, int k) =>
        ValueAfter(text, k, IdBetween, (text, at) => at < text.Length && char.IsAsciiDigit(text[at]) ? IdNumberEnd(text, at, 8, 14, letters: true) : -1);

    /// <summary>Where the identity number at <paramref name="k"/> that <see cref="IdNumberAfter"/> describes ends; -1 when none is there.</summary>
    private static int IdNumberEnd(string text, int k, int fewest, int most, bool letters)
    {
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
        return number ? end : -1;
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
            // One place of birth, capitalised, before a comma or after "di" / "in": "Jakarta, 14-03-1985", "lahir di
            // Bandung tanggal 17 Agustus 1990", "born in London on 5 May 1990".
            bool isPlace = !place && char.IsUpper(word[0])
                && ((wordEnd < text.Length && text[wordEnd] == ',') || IsOneOf(PreviousWord(text, k), ["di", "in"]));
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

    /// <summary>
    /// The kinds of code that are no secret, named by the word before "code" ("promo code SAVE20", "postal code 12190",
    /// "error code 5001", "booking code 482913"), and a verification code its own reader turned down ("card verification
    /// code" is a card's security code); Indonesian names the kind after "kode" ("kode pos", "kode promo"), where
    /// it is no word that may stand between, so the secret's reader stops there by itself.
    /// </summary>
    private static readonly string[] OtherCodes =
    [
        "promo", "promotion", "promotional", "discount", "voucher", "coupon", "gift", "redeem", "referral", "invite", "invitation",
        "postal", "post", "zip", "area", "country", "dial", "dialing", "dialling", "booking", "confirmation", "reservation", "tracking",
        "order", "product", "item", "sku", "style", "model", "colour", "color", "size", "course", "class", "error", "status",
        "fault", "bank", "swift", "sort", "branch", "tax", "payment", "transfer", "transaction", "qr", "bar", "source",
        "security", "card", "kartu", "verification", "verifikasi",
    ];

    /// <summary>Whether the word before "code" / "kode" at <paramref name="start"/> names a kind of code that is no secret.</summary>
    private static bool NamesAnotherCode(string text, int start)
    {
        int before = start;
        return IsOneOf(WordBefore(text, ref before, Math.Max(0, start - 24)), OtherCodes);
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

    /// <summary>The secret after its word at <paramref name="k"/>, past up to four words that may stand between ("the code you sent me is ..."); an empty span when none is there.</summary>
    private static (int From, int To) SecretAfter(string text, int k, bool password)
    {
        for (int words = 0; words <= 4; words++)
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

            // A full stop, comma or closing quotation after it is not part of it ('!' and '?' may be, and go with it); a
            // colon after it makes it the secret's label ("password akun: ...", "password baru: ..."), read as a word.
            while (end > k && text[end - 1] is '.' or ',' or ';' or ')' or '"' or '\'' or '\u201D' or '\u2019' or ':')
            {
                end--;
            }

            if (end == k)
            {
                return default;
            }

            ReadOnlySpan<char> token = text.AsSpan(k, end - k);
            // A word that only a question mark follows asks something ("wifi password for the lounge?"): the mark is not
            // the symbol a password holds.
            ReadOnlySpan<char> asked = token.TrimEnd('?');
            if (password ? LooksLikePassword(asked.IsEmpty ? token : asked) : IsShortCode(text, k, end))
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

    /// <summary>Whether a ':' or '=' follows the word ending at <paramref name="end"/>: it labels what comes after.</summary>
    private static bool IsLabel(string text, int end)
    {
        int k = PastSpaces(text, end);
        return k < text.Length && text[k] is ':' or '=';
    }

    /// <summary>Whether the next word after <paramref name="end"/> is one of <paramref name="words"/>.</summary>
    private static bool IsFollowedBy(string text, int end, ReadOnlySpan<string> words)
    {
        (int nextStart, int nextEnd) = NextWord(text, end);
        return IsOneOf(text.AsSpan(nextStart, nextEnd - nextStart), words);
    }

    /// <summary>Whether the word at [<paramref name="start"/>, <paramref name="end"/>) is someone's and said to be something: "my pass is ...", "your pw was ...".</summary>
    private static bool IsOwnedAndSaid(string text, int start, int end) =>
        IsOneOf(PreviousWord(text, start), ["my", "your", "our", "the", "his", "her", "their"]) && IsFollowedBy(text, end, ["is", "was"]);

    /// <summary>Whether a '/' stands right before the word at <paramref name="start"/>, so it is the second of a pair's labels ("email/password", "user / pass").</summary>
    private static bool IsAfterSlash(string text, int start)
    {
        int k = SpacesBefore(text, start);
        return k > 0 && text[k - 1] == '/';
    }

    /// <summary>
    /// The pair after a label that names a user's name and its password, past ':', '=' and up to two words such as "are" or
    /// "my": a first value, a '/' (with spaces around it or not) and a second value of 3 to 64 characters, the password
    /// ("admin/admin123", "maria@x.com / Pa55word"). False when no '/' joins two values there, or a label follows the '/'.
    /// </summary>
    private static bool PairAfter(string text, int k, out (int From, int To) user, out (int From, int To) secret)
    {
        user = default;
        secret = default;
        for (int words = 0; words <= 2; words++)
        {
            while (k < text.Length && text[k] is ' ' or '\u00A0' or ':' or '=' or '"' or '\'')
            {
                k++;
            }

            int end = k;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '/')
            {
                end++;
            }

            if (end == k)
            {
                return false;
            }

            int slash = PastSpaces(text, end);
            if (slash < text.Length && text[slash] == '/' && end - k <= 64)
            {
                int from = PastSpaces(text, slash + 1);
                int to = from;
                while (to < text.Length && !char.IsWhiteSpace(text[to]))
                {
                    to++;
                }

                while (to > from && text[to - 1] is '.' or ',' or ';' or ')' or '"' or '\'' or '\u201D' or '\u2019')
                {
                    to--;
                }

                // A label after the '/' starts something else ("login: maria.g / pass: ..."): no pair.
                if (to - from is < 3 or > 64 || text[to - 1] is ':' or '=')
                {
                    return false;
                }

                user = (k, end);
                secret = (from, to);
                return true;
            }

            if (!IsOneOf(text.AsSpan(k, end - k), PairBetween))
            {
                return false;
            }

            k = end;
        }

        return false;
    }

    /// <summary>Words that may stand between a national number's word and the number ("national insurance number is ...").</summary>
    private static readonly string[] NationalIdBetween =
    [
        "number", "no", "num", "nr", "is", "was", "my", "id", "card", "file", "identification", "identity", "insurance", "registration",
        "adalah", "saya", "nya", "é", "es", "ist", "meu", "mi", "mein", "meine",
    ];

    /// <summary>
    /// Whether the word of <see cref="NationalIdPlaceholder"/> at [<paramref name="start"/>, <paramref name="end"/>) names a
    /// number by itself ("SIN", "Aadhaar") or with the word next to it: "NI" before "number" or "no", "national" before
    /// "insurance", "id", "identity" or "identification"; "identity" and "identification" before "number", "no" or "card";
    /// "TIN", "FIN", "EIN", "NIN" and "RUT" in capitals or before "number"; "Emirates" before "ID";
    /// "insurance" after "social" or "national"; "tax" before "file" (Australia's tax file number; "tax id" and "tax
    /// number" are read by the number rules, as a US taxpayer number or an NPWP).
    /// </summary>
    private static bool NamesANationalNumber(string text, int start, int end, ReadOnlySpan<char> word)
    {
        if (IsOneOf(word, ["ni", "ic"]))
        {
            // "NI: QQ 12 34 56 C": the label in capitals before a colon.
            return IsFollowedBy(text, end, ["number", "no", "num", "nr"]) || (word.SequenceEqual("NI") && PastSpaces(text, end) is var c && c < text.Length && text[c] == ':');
        }

        if (IsOneOf(word, ["national"]))
        {
            return IsFollowedBy(text, end, ["insurance", "id", "identity", "identification", "registration"]);
        }

        if (IsOneOf(word, ["tin", "fin", "ein", "nin", "rut"]))
        {
            // Everyday words in small letters ("a tin 250 ml", German "ein"): the label in capitals, or before "number".
            return IsAllCapitals(word) || IsFollowedBy(text, end, ["number", "no", "num", "nr"]);
        }

        if (IsOneOf(word, ["emirates"]))
        {
            return IsFollowedBy(text, end, ["id"]); // "Emirates ID", not the airline's booking
        }

        if (IsOneOf(word, ["identity", "identification"]))
        {
            return IsFollowedBy(text, end, ["number", "no", "num", "nr", "card"]);
        }

        if (IsOneOf(word, ["insurance"]))
        {
            return IsOneOf(PreviousWord(text, start), ["social", "national"]);
        }

        return !IsOneOf(word, ["tax"]) || IsFollowedBy(text, end, ["file"]);
    }

    /// <summary>
    /// Where a national number at <paramref name="k"/> ends, or -1: groups of letters and digits joined by a space, '-', '.'
    /// or '/', each after the first with a digit in it or a single letter closing the number (a check letter), 6 to 16 digits
    /// and at most 20 letters and digits in all ("QQ 12 34 56 C", "046 454 286", "2345 6789 0123", "123.456.789-09",
    /// "12345678Z", "S1234567D"). A number that starts as a phone number does is left to the phone rules.
    /// </summary>
    private static int NationalIdEnd(string text, int k)
    {
        if (k >= text.Length)
        {
            return -1;
        }

        int end = k;
        int digits = 0;
        int characters = 0;
        bool lastHadDigit = false;
        while (true)
        {
            int groupEnd = end;
            int groupDigits = 0;
            while (groupEnd < text.Length && char.IsAsciiLetterOrDigit(text[groupEnd]))
            {
                groupDigits += char.IsAsciiDigit(text[groupEnd]) ? 1 : 0;
                groupEnd++;
            }

            int length = groupEnd - end;
            bool first = end == k;
            bool checkLetter = !first && groupDigits == 0 && length == 1 && lastHadDigit;
            // A series of one or two capitals before the digits ("QQ 12 34 56 C"), not a small word ("is", "of") or "ID".
            bool prefix = first && groupDigits == 0 && length <= 2 && char.IsAsciiLetterUpper(text[end]) && char.IsAsciiLetterUpper(text[groupEnd - 1])
                && !IsOneOf(text.AsSpan(end, length), NationalIdBetween);
            if (length == 0 || (groupDigits == 0 && !checkLetter && !prefix) || (groupEnd < text.Length && char.IsLetterOrDigit(text[groupEnd])))
            {
                break;
            }

            digits += groupDigits;
            characters += length;
            lastHadDigit = groupDigits > 0;
            end = groupEnd;
            if (checkLetter || end + 1 >= text.Length || text[end] is not (' ' or '-' or '.' or '/') || !char.IsAsciiLetterOrDigit(text[end + 1]))
            {
                break;
            }

            end++;
        }

        // A joint read past a group that was not taken is given back.
        while (end > k && !char.IsAsciiLetterOrDigit(text[end - 1]))
        {
            end--;
        }

        bool phone = text[k] == '+' || (text[k] == '0' && k + 1 < text.Length && text[k + 1] == '8');
        return digits is >= MinNationalIdDigits and <= 16 && characters <= 20 && !phone ? end : -1;
    }
}
