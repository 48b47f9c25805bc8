using System.Buffers;

namespace CxCluster.Grains.Privacy;

/// <summary>
/// Structured data pasted into a message: JSON or a Python dict (<c>"name": "Rina Wijaya"</c>), XML
/// (<c>&lt;phone&gt;0812…&lt;/phone&gt;</c>), a link's query or a form (<c>name=Rina%20Wijaya&amp;email=…</c>) and a markdown
/// table (<c>| Nama | Budi Hartono |</c>, or a column headed "Nama"), where a key names a personal field: its value is
/// replaced with the field's placeholder, the quotes, tags, separators and cells around it kept.
/// </summary>
public static partial class Redactor
{
    /// <summary>The value of a key that names a person or a thing ("name", "nama"): redacted as a name if it reads as one.</summary>
    private const string NameOrThingPlaceholder = "[name or thing]";

    /// <summary>
    /// Whether a value reads as a person's name: one to five words (apart by spaces, '+' or "%20"), the first capitalised and
    /// no everyday word or a common given name, the others the same or in small letters no word of the lexicon ("Rina
    /// Wijaya", "budi santoso"); "Blue T-Shirt", "Express Shipping" and "Paket Hemat A" are things.
    /// </summary>
    private static bool ReadsAsAPersonsName(ReadOnlySpan<char> value)
    {
        int words = 0;
        int k = 0;
        while (k < value.Length)
        {
            int skip = value[k] is ' ' or '+' ? 1 : value[k..].StartsWith("%20") ? 3 : 0;
            if (skip > 0)
            {
                k += skip;
                continue;
            }

            int end = k;
            while (end < value.Length && value[end] is not (' ' or '+') && !value[end..].StartsWith("%20"))
            {
                end++;
            }

            ReadOnlySpan<char> word = value[k..end];
            bool first = words == 0;
            bool name = OpensWithAGivenName(word) && word.Length == LettersOf(word)
                || (first ? LooksLikeAName(word, first: true) : LooksLikeAFurtherName(word) || (IsAllLetters(word) && char.IsLower(word[0]) && !IsLexiconWord(word)));
            if (!name || ++words > 5)
            {
                return false;
            }

            k = end;
        }

        return words > 0;

        static int LettersOf(ReadOnlySpan<char> word)
        {
            int n = 0;
            while (n < word.Length && char.IsLetter(word[n]))
            {
                n++;
            }

            return n;
        }
    }

    /// <summary>How far a tag's end, or an attribute's closing quotation mark, is looked for.</summary>
    private const int MaxTagLength = 256;

    /// <summary>The characters structured data cannot be written without: one vectorised search tells a text has none.</summary>
    private static readonly SearchValues<char> StructureMarks = SearchValues.Create("\"'<=|");

    /// <summary>
    /// Keys that name a personal field, compared in small letters with '_', '-', '.' and spaces dropped ("first_name",
    /// "First Name", "phone-number"), and what their value is redacted as.
    /// </summary>
    private static readonly Dictionary<string, string> PersonalKeys = BuildPersonalKeys();

    private static Dictionary<string, string> BuildPersonalKeys()
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string placeholder, params string[] names)
        {
            foreach (string name in names)
            {
                keys[name] = placeholder;
            }
        }

        // A bare "name" names a product or a plan as often as a person: its value must read as a person's name.
        Add(NameOrThingPlaceholder, "name", "nama", "displayname");
        Add(NamePlaceholder,
            "fullname", "firstname", "lastname", "givenname", "familyname", "surname", "middlename", "fname", "lname",
            "namalengkap", "namadepan", "namabelakang", "namapenerima", "namapengirim", "namapemilik", "namaibu",
            "namaibukandung", "customername", "recipientname", "receivername", "sendername", "cardholder", "cardholdername",
            "holdername", "nameoncard", "accountname", "accountholder", "accountholdername", "contactname", "billingname",
            "shippingname", "penerima", "pengirim", "atasnama", "mothersmaidenname", "maidenname");
        Add(HandlePlaceholder, "username", "user", "login", "uname", "userid", "screenname", "handle");
        Add(PhonePlaceholder,
            "phone", "phonenumber", "phoneno", "mobile", "mobilenumber", "mobilephone", "cell", "cellphone", "hp", "nohp",
            "nomorhp", "nomerhp", "handphone", "telp", "tel", "telepon", "telephone", "notelp", "whatsapp", "wa", "nowa",
            "contactnumber", "msisdn", "customerphone", "billingphone", "shippingphone", "homephone", "workphone", "mobileno", "telno",
            "nomortelepon", "nomorwa", "nomorwhatsapp", "whatsappnumber", "wanumber");
        Add(EmailPlaceholder, "email", "emailaddress", "mail", "surel", "customeremail", "billingemail", "contactemail", "useremail");
        Add(AddressPlaceholder,
            "address", "alamat", "alamatlengkap", "alamatpengiriman", "alamatrumah", "streetaddress", "street", "address1",
            "address2", "addressline1", "addressline2", "homeaddress", "billingaddress", "shippingaddress", "deliveryaddress",
            "mailingaddress", "postaladdress", "residentialaddress");
        Add(NikPlaceholder, "nik", "ktp", "noktp", "nomorktp", "nikktp");
        Add(NpwpPlaceholder, "npwp", "nonpwp");
        Add(BirthDatePlaceholder, "dob", "dateofbirth", "birthdate", "birthday", "tanggallahir", "tgllahir", "ttl");
        Add(OtpPlaceholder, "otp", "otpcode", "kodeotp", "verificationcode", "kodeverifikasi", "smscode");
        Add(PinPlaceholder, "pin", "mpin", "pincode");
        Add(CvvPlaceholder, "cvv", "cvc", "cvv2", "cvc2", "securitycode", "cardsecuritycode");
        Add(ExpiryPlaceholder, "exp", "expiry", "expiration", "expirydate", "expdate", "expirationdate", "validthru", "cardexpiry", "masaberlaku");
        Add(CardPlaceholder, "card", "cardnumber", "cardno", "ccnumber", "ccnum", "creditcard", "creditcardnumber", "debitcard", "nomorkartu", "nokartu");
        Add(PasswordPlaceholder, "password", "pass", "passwd", "pwd", "passcode", "passphrase", "katasandi", "sandi", "securityanswer");
        Add(TokenPlaceholder, "token", "accesstoken", "refreshtoken", "idtoken", "apikey", "apisecret", "secret", "secretkey", "clientsecret", "accesskey", "privatekey", "authorization", "bearer");
        Add(AccountPlaceholder, "accountnumber", "accountno", "bankaccount", "norek", "norekening", "rekening", "nomorrekening");
        Add(IbanPlaceholder, "iban");
        Add(SsnPlaceholder, "ssn", "socialsecuritynumber");
        Add(PassportPlaceholder, "passport", "passportnumber", "passportno", "paspor", "nopaspor");
        Add(NationalIdPlaceholder, "nationalid", "nric", "idnumber", "idcard");
        return keys;
    }

    /// <summary>The placeholder for the value of a key written as <paramref name="key"/>, or null when it names no personal field.</summary>
    private static string? PersonalKey(ReadOnlySpan<char> key)
    {
        key = key.Trim();
        if (key.IsEmpty || key.Length > 40)
        {
            return null;
        }

        Span<char> folded = stackalloc char[key.Length];
        int n = 0;
        foreach (char c in key)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                folded[n++] = char.ToLowerInvariant(c);
            }
            else if (c is not ('_' or '-' or '.' or ' ' or '@' or ':'))
            {
                return null;
            }
        }

        if (n == 0)
        {
            return null;
        }

        if (PersonalKeys.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(folded[..n], out string? placeholder))
        {
            return placeholder;
        }

        // A field's kind by the end of its key: "new_password", "confirmPassword", "customer_email", "recipientPhoneNumber",
        // "shipping_address_line1" ("ip_address", "wallet_address" and "mac_address" are no postal address).
        ReadOnlySpan<char> k = folded[..n];
        return k.EndsWith("password") ? PasswordPlaceholder
            : k.EndsWith("email") || k.EndsWith("emailaddress") ? EmailPlaceholder
            : k.EndsWith("phone") || k.EndsWith("phonenumber") || k.EndsWith("mobilenumber") ? PhonePlaceholder
            : (k.EndsWith("address") || k.EndsWith("addressline1") || k.EndsWith("addressline2")) && !k.StartsWith("ip") && !k.StartsWith("mac")
                && !k.StartsWith("wallet") && !k.StartsWith("email") && !k.StartsWith("web") ? AddressPlaceholder
            : null;
    }

    /// <summary>
    /// Whether <paramref name="value"/> (percent-encoding read through) can be what a field redacted as <paramref name="placeholder"/>
    /// holds: a name has letters and no digit ("iPhone 15" stays), a number of a kind has as many digits as one, an e-mail
    /// address an '@'; empty values, "null", "n/a", "-", true and false, and placeholders, stay.
    /// </summary>
    private static bool FitsField(ReadOnlySpan<char> value, string placeholder)
    {
        value = value.Trim();
        if (value.IsEmpty || value[0] == '[' || IsOneOf(value, ["null", "none", "nil", "n/a", "na", "-", "--", "true", "false", "undefined", "tidak ada"]))
        {
            return false;
        }

        int digits = 0;
        int letters = 0;
        bool at = value.Contains('@') || value.Contains("%40", StringComparison.Ordinal);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '%' && i + 2 < value.Length && char.IsAsciiHexDigit(value[i + 1]) && char.IsAsciiHexDigit(value[i + 2]))
            {
                i += 2;
            }
            else if (char.IsDigit(c))
            {
                digits++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return placeholder switch
        {
            NamePlaceholder => letters >= 2 && digits == 0 && value.Length <= 80,
            NameOrThingPlaceholder => letters >= 2 && digits == 0 && value.Length <= 80 && ReadsAsAPersonsName(value),
            PhonePlaceholder => digits is >= 7 and <= 15,
            EmailPlaceholder => at,
            NikPlaceholder or NpwpPlaceholder or AccountPlaceholder or SsnPlaceholder => digits >= 6,
            CardPlaceholder => digits is >= 12 and <= 19,
            CvvPlaceholder => digits is 3 or 4 && letters == 0,
            OtpPlaceholder or PinPlaceholder => digits is >= 4 and <= 8 && letters == 0,
            ExpiryPlaceholder => digits is >= 3 and <= 8 && letters <= 9,
            BirthDatePlaceholder or PassportPlaceholder or IbanPlaceholder or NationalIdPlaceholder => digits >= 2,
            TokenPlaceholder => value.Length >= MinCredentialLength,
            _ => true,
        };
    }

    /// <summary>
    /// The values of personal fields in structured data the text holds (see the type's remarks); null when it holds none. A
    /// text without a quotation mark, '&lt;', '=' or '|' is passed over in one vectorised search.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindStructuredFields(string text)
    {
        if (text.AsSpan().IndexOfAny(StructureMarks) < 0)
        {
            return null;
        }

        List<(int Start, int End, string Placeholder)>? found = null;
        int i = 0;
        while (i < text.Length)
        {
            int hit = text.AsSpan(i).IndexOfAny(StructureMarks);
            if (hit < 0)
            {
                break;
            }

            int at = i + hit;
            // Each reading says where to read on; past the mark at the least, so no text is read without end.
            i = Math.Max(at + 1, text[at] switch
            {
                '"' or '\'' => QuotedField(text, at, ref found),
                '<' => TaggedField(text, at, ref found),
                '=' => ParameterField(text, at, ref found),
                _ => TableRow(text, at, ref found),
            });
        }

        return found;
    }

    private static void AddField(ref List<(int Start, int End, string Placeholder)>? found, int from, int to, string placeholder)
    {
        // Under a bare "name" key a person's name is read less surely than under "customer_name": the same text, but not
        // one a conversation remembers (see RememberNames).
        placeholder = placeholder == NameOrThingPlaceholder ? UncertainNamePlaceholder : placeholder;
        found ??= [];
        if (found.Count == 0 || found[^1].End <= from)
        {
            found.Add((from, to, placeholder));
        }
    }

    /// <summary>A JSON or dict member at the quotation mark <paramref name="open"/>: a quoted key, ':', then a quoted string or a bare number; where to read on.</summary>
    private static int QuotedField(string text, int open, ref List<(int Start, int End, string Placeholder)>? found)
    {
        char quote = text[open];
        int close = text.IndexOf(quote, open + 1, Math.Min(42, text.Length - open - 1));
        if (close < 0)
        {
            return open + 1;
        }

        int k = PastSpaces(text, close + 1);
        if (k >= text.Length || text[k] != ':')
        {
            // Not a key: the next search starts at the closing mark, which may open the next string.
            return close;
        }

        string? placeholder = PersonalKey(text.AsSpan(open + 1, close - open - 1));
        k = PastSpaces(text, k + 1);
        if (placeholder is null)
        {
            // Another key's string value ("note": "deliver to Jl. Mawar 5"): what the other readings find in it ends at its
            // closing quotation mark.
            int stringEnd = k < text.Length && text[k] is '"' or '\'' ? StringEnd(text, k) : -1;
            if (stringEnd < 0)
            {
                return close;
            }

            (found ??= []).Add((k + 1, stringEnd, ""));
            return stringEnd + 1;
        }

        if (k < text.Length && text[k] is '"' or '\'')
        {
            char valueQuote = text[k];
            int end = k + 1;
            while (end < text.Length && text[end] != valueQuote && text[end] != '\n')
            {
                end += text[end] == '\\' && end + 1 < text.Length ? 2 : 1;
            }

            if (end >= text.Length || text[end] != valueQuote)
            {
                return k;
            }

            if (FitsField(text.AsSpan(k + 1, end - k - 1), placeholder))
            {
                AddField(ref found, k + 1, end, placeholder);
            }

            return end + 1;
        }

        // A bare value: a number ("otp": 884211), up to a comma, a brace, a bracket or the line's end.
        int bare = k;
        while (bare < text.Length && text[bare] is not (',' or '}' or ']' or '\n' or '\r'))
        {
            bare++;
        }

        while (bare > k && text[bare - 1] == ' ')
        {
            bare--;
        }

        ReadOnlySpan<char> value = text.AsSpan(k, bare - k);
        if (bare > k && value.IndexOfAnyExcept("0123456789 +-()") < 0 && FitsField(value, placeholder))
        {
            AddField(ref found, k, bare, placeholder);
        }

        return Math.Max(bare, k + 1);
    }

    /// <summary>Where the string opened by the quotation mark at <paramref name="k"/> closes (past escaped marks, on its line), or -1.</summary>
    private static int StringEnd(string text, int k)
    {
        char quote = text[k];
        int end = k + 1;
        while (end < text.Length && text[end] != quote && text[end] != '\n')
        {
            end += text[end] == '\\' && end + 1 < text.Length ? 2 : 1;
        }

        return end < text.Length && text[end] == quote ? end : -1;
    }

    /// <summary>
    /// The spans of <paramref name="fields"/> that are the values of other keys (an empty placeholder), taken out of it
    /// (null when it holds none, as nearly always).
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? OtherValues(ref List<(int Start, int End, string Placeholder)>? fields)
    {
        if (fields is null || !fields.Exists(static f => f.Placeholder.Length == 0))
        {
            return null;
        }

        List<(int Start, int End, string Placeholder)> values = fields.FindAll(static f => f.Placeholder.Length == 0);
        fields.RemoveAll(static f => f.Placeholder.Length == 0);
        if (fields.Count == 0)
        {
            fields = null;
        }

        return values;
    }

    /// <summary>
    /// <paramref name="spans"/> with each span that starts in one of the other keys' <paramref name="values"/> cut at its
    /// end, so no reading runs past a closing quotation mark into the keys after it.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? KeepWithinValues(
        List<(int Start, int End, string Placeholder)>? values, List<(int Start, int End, string Placeholder)>? spans)
    {
        if (values is null || spans is null)
        {
            return spans;
        }

        for (int s = 0; s < spans.Count; s++)
        {
            (int start, int end, string placeholder) = spans[s];
            foreach ((int valueStart, int valueEnd, string _) in values)
            {
                if (start >= valueStart && start < valueEnd && end > valueEnd)
                {
                    spans[s] = (start, valueEnd, placeholder);
                    break;
                }
            }
        }

        return spans;
    }

    /// <summary>An XML element at '&lt;' <paramref name="open"/>: <c>&lt;key&gt;value&lt;/key&gt;</c> (attributes allowed); where to read on.</summary>
    private static int TaggedField(string text, int open, ref List<(int Start, int End, string Placeholder)>? found)
    {
        int nameEnd = open + 1;
        while (nameEnd < text.Length && (char.IsAsciiLetterOrDigit(text[nameEnd]) || text[nameEnd] is '_' or '-' or '.' or ':'))
        {
            nameEnd++;
        }

        if (nameEnd == open + 1)
        {
            return open + 1;
        }

        // The key first, and its tag's end looked for only as far as a tag's attributes go: a text of many '<' is read once.
        if (PersonalKey(LocalName(text.AsSpan(open + 1, nameEnd - open - 1))) is not { } placeholder)
        {
            return nameEnd;
        }

        int gt = text.IndexOf('>', nameEnd, Math.Min(MaxTagLength, text.Length - nameEnd));
        if (gt < 0 || text[gt - 1] == '/')
        {
            return nameEnd;
        }

        int valueEnd = text.IndexOf('<', gt + 1);
        if (valueEnd < 0 || valueEnd + 1 >= text.Length || text[valueEnd + 1] != '/'
            || !text.AsSpan(valueEnd + 2).StartsWith(text.AsSpan(open + 1, nameEnd - open - 1), StringComparison.Ordinal))
        {
            return gt + 1;
        }

        int from = gt + 1;
        int to = valueEnd;
        while (from < to && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        while (to > from && char.IsWhiteSpace(text[to - 1]))
        {
            to--;
        }

        if (FitsField(text.AsSpan(from, to - from), placeholder))
        {
            AddField(ref found, from, to, placeholder);
        }

        return valueEnd;

        static ReadOnlySpan<char> LocalName(ReadOnlySpan<char> name) => name.LastIndexOf(':') is var colon and >= 0 ? name[(colon + 1)..] : name;
    }

    /// <summary>
    /// A link's or a form's parameter at '=' <paramref name="equals"/>: a key right after '?', '&amp;', ';', '#', a space
    /// or the text's start, its value to the next '&amp;', '#', space or quotation mark (percent-encoded or not); where to read on.
    /// </summary>
    private static int ParameterField(string text, int equals, ref List<(int Start, int End, string Placeholder)>? found)
    {
        int name = equals;
        while (name > 0 && (char.IsAsciiLetterOrDigit(text[name - 1]) || text[name - 1] is '_' or '-' or '.' or '[' or ']'))
        {
            name--;
        }

        if (name == equals || (name > 0 && text[name - 1] is not ('?' or '&' or ';' or '#' or ' ' or '\n' or '\t' or '(')))
        {
            return equals + 1;
        }

        ReadOnlySpan<char> key = text.AsSpan(name, equals - name);
        // A form's bracketed name ("customer[name]") is read by its last part.
        if (key.EndsWith("]") && key.LastIndexOf('[') is var bracket and >= 0)
        {
            key = key[(bracket + 1)..^1];
        }

        if (PersonalKey(key) is not { } placeholder)
        {
            return equals + 1;
        }

        int from = equals + 1;
        int end = from;
        if (from < text.Length && text[from] is '"' or '\'')
        {
            // An attribute's value in quotation marks (<customer name="Budi Santoso">), to its closing mark; a value that is
            // itself a field's key (<input name="email">) stays.
            int close = text.IndexOf(text[from], from + 1, Math.Min(MaxTagLength, text.Length - from - 1));
            if (close > from + 1 && text.AsSpan(from + 1, close - from - 1).IndexOfAny('\n', '<') < 0
                && PersonalKey(text.AsSpan(from + 1, close - from - 1)) is null && FitsField(text.AsSpan(from + 1, close - from - 1), placeholder))
            {
                AddField(ref found, from + 1, close, placeholder);
                return close + 1;
            }

            // Not a value of the field: its mark may open one of another field, read on from it.
            return from + 1;
        }

        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('&' or '#' or '"' or '\'' or '<' or '>'))
        {
            end++;
        }

        while (end > from && text[end - 1] is '.' or ',' or ';' or ')' or ']')
        {
            end--;
        }

        // In prose ("rating=5 stars", "x = y") only a value that fits the field counts, as everywhere.
        if (end > from && FitsField(text.AsSpan(from, end - from), placeholder))
        {
            AddField(ref found, from, end, placeholder);
        }

        return Math.Max(end, from);
    }

    /// <summary>
    /// A markdown table's row at '|' <paramref name="bar"/>: a cell naming a personal field makes the next cell its value
    /// ("| Nama | Budi Hartono |"), and a header row above a line of dashes makes its cells the keys of their columns in
    /// the rows below; where to read on (the end of the table's rows read).
    /// </summary>
    private static int TableRow(string text, int bar, ref List<(int Start, int End, string Placeholder)>? found)
    {
        // A row's first bar has only spaces or tabs before it on its line; walking back over those alone keeps a text of
        // many bars read once, and the rows below are read with the same two (any other character ends the table).
        int lineStart = bar;
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t')
        {
            lineStart--;
        }

        if (lineStart > 0 && text[lineStart - 1] != '\n')
        {
            return bar + 1;
        }

        string?[]? columns = null;
        Span<(int From, int To)> cells = stackalloc (int, int)[16];
        int line = lineStart;
        while (line < text.Length)
        {
            int lineEnd = text.IndexOf('\n', line);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            int first = line;
            while (first < lineEnd && text[first] is ' ' or '\t')
            {
                first++;
            }

            if (first >= lineEnd || text[first] != '|')
            {
                return Math.Max(line, bar + 1);
            }

            // The cells of the row: between one '|' and the next.
            int count = 0;
            int p = first + 1;
            while (p <= lineEnd && count < cells.Length)
            {
                int next = text.IndexOf('|', p, lineEnd - p);
                int cellEnd = next < 0 ? lineEnd : next;
                int from = p;
                int to = cellEnd;
                while (from < to && char.IsWhiteSpace(text[from]))
                {
                    from++;
                }

                while (to > from && char.IsWhiteSpace(text[to - 1]))
                {
                    to--;
                }

                if (next < 0 && from == to)
                {
                    break;
                }

                cells[count++] = (from, to);
                if (next < 0)
                {
                    break;
                }

                p = next + 1;
            }

            bool separator = count > 0;
            for (int c = 0; c < count && separator; c++)
            {
                separator = cells[c].To > cells[c].From && text.AsSpan(cells[c].From, cells[c].To - cells[c].From).IndexOfAnyExcept("-: ") < 0;
            }

            if (separator)
            {
                line = lineEnd + 1;
                continue;
            }

            // A header: the row right above a line of dashes.
            int below = lineEnd + 1;
            if (columns is null && below < text.Length && IsSeparatorRow(text, below))
            {
                columns = new string?[count];
                for (int c = 0; c < count; c++)
                {
                    columns[c] = PersonalKey(text.AsSpan(cells[c].From, cells[c].To - cells[c].From));
                }

                line = below;
                continue;
            }

            for (int c = 0; c < count; c++)
            {
                (int from, int to) = cells[c];
                string? placeholder = columns is not null && c < columns.Length ? columns[c] : null;
                if (placeholder is null && c > 0)
                {
                    placeholder = PersonalKey(text.AsSpan(cells[c - 1].From, cells[c - 1].To - cells[c - 1].From));
                }

                if (placeholder is not null && PersonalKey(text.AsSpan(from, to - from)) is null && FitsField(text.AsSpan(from, to - from), placeholder))
                {
                    AddField(ref found, from, to, placeholder);
                }
            }

            line = lineEnd + 1;
        }

        return text.Length;

        static bool IsSeparatorRow(string text, int k)
        {
            int end = text.IndexOf('\n', k);
            ReadOnlySpan<char> row = text.AsSpan(k, (end < 0 ? text.Length : end) - k).Trim();
            return row.Length >= 3 && row[0] == '|' && row.Contains('-') && row.IndexOfAnyExcept("|-: \t\r") < 0;
        }
    }

    /// <summary>
    /// The name written before an e-mail address in angle brackets, as a mail header or a contact card has it ("Lukas
    /// Weber &lt;lukas.weber@web.de&gt;", "\"Rina Wijaya\" &lt;rina@…&gt;"): one to four capitalised words that may be a
    /// name, right before the '&lt;'; null when there is none.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindNamesBeforeEmails(string text, List<(int Start, int End)> emails)
    {
        List<(int Start, int End, string Placeholder)>? found = null;
        foreach ((int start, int _) in emails)
        {
            if (start == 0 || text[start - 1] != '<')
            {
                continue;
            }

            int end = SpacesBefore(text, start - 1);
            bool quoted = end > 0 && text[end - 1] is '"' or '\u201D';
            int to = quoted ? end - 1 : end;
            int from = to;
            int k = to;
            for (int words = 0; words < 4; words++)
            {
                int wordEnd = SpacesBefore(text, k);
                if (words > 0 && wordEnd == k)
                {
                    break;
                }

                int wordStart = wordEnd;
                while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] is '\'' or '-' or '.'))
                {
                    wordStart--;
                }

                ReadOnlySpan<char> word = text.AsSpan(wordStart, wordEnd - wordStart);
                if (word.IsEmpty || !LooksLikeAName(word, first: false) || (wordStart > 0 && char.IsLetterOrDigit(text[wordStart - 1])))
                {
                    break;
                }

                from = wordStart;
                k = wordStart;
            }

            if (from < to && LooksLikeAName(text.AsSpan(from, WordLettersEnd(text, from) - from), first: true))
            {
                (found ??= []).Add((from, to, NamePlaceholder));
            }
        }

        return found;
    }
}
