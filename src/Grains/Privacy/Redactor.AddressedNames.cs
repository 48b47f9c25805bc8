using System.Collections.Frozen;

namespace CxCluster.Grains.Privacy;

/// <summary>
/// Names a text calls someone by rather than introduces: after an honorific or a title ("Pak Budi Santoso", "Mrs. Tan Mei
/// Ling", "Ir. Bambang Sutrisno"), after a greeting that opens a message the AI or an agent writes ("Hi Budi Santoso,"),
/// after the label of a header line ("From: Rina Wijaya") and before a role in brackets ("Budi Santoso (pemilik akun)").
/// </summary>
public static partial class Redactor
{
    /// <summary>
    /// Titles written with a dot before a name, academic, religious and of rank ("Prof.", "Ir.", "Drs.", "H.", "K.H."):
    /// taken for a title only with their dot, since "H" alone or "ir" mean something else. "St." is not one: it names a
    /// saint's place far more often than a person ("St. Louis", "RS St. Carolus").
    /// </summary>
    private static readonly string[] DottedTitles =
    [
        "prof", "ir", "drs", "dra", "drg", "h", "kh", "ust", "rev", "fr", "capt", "col", "gen", "lt", "sgt", "hon", "jend",
    ];

    /// <summary>
    /// Capitalised words after an honorific that are a role, an office, a place or a trade name, not a person's name:
    /// "Pak Lurah", "Bapak Presiden", "Ibu Kota Jakarta", "Mas Ojek", "Dr. Pepper", "Ms Word". The everyday words of
    /// <see cref="NotIntroducedNames"/> ("Kak Admin", "Mas Kurir", "Bu Guru") and of the recogniser's lexicon are no names either.
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNamesAfterHonorifics = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        [
            "kota", "negara", "lurah", "camat", "bupati", "gubernur", "walikota", "presiden", "menteri", "direktur", "ketua", "kepala",
            "kades", "satpam", "polisi", "tentara", "hakim", "jaksa", "dosen", "bidan", "operator", "sopir", "supir", "ojek", "tukang",
            "kasir", "penjaga", "petugas", "security", "president", "minister", "director", "chairman", "officer", "cashier", "mayor",
            "governor", "judge", "sheriff", "principal", "dean", "captain", "chief", "general", "agent",
            "pepper", "martens", "oetker", "scholl", "bean", "clean", "muscle", "word", "excel", "office", "powerpoint", "outlook",
            "teams", "access", "paint", "edge", "oz", "hamil", "menyusui", "rumah", "gojek", "grab", "secretary", "speaker", "jago",
            // Pageants and stage names: "Miss Universe", "Miss World", "Lady Gaga", "Lady Liberty".
            "universe", "world", "earth", "international", "grand", "gaga", "liberty", "luck",
            // Brands named as a figure: "Mr. Potato Head", "Pak Tani" (rice and fertiliser).
            "potato", "tani",
        ]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Words of a product sold under a figure's name, after which a single word after an honorific is a brand: "Lady Grey
    /// tea", "Mr. Potato chips", "Pak Tani beras".
    /// </summary>
    private static readonly string[] ProductWords =
    [
        "tea", "teh", "chips", "crisps", "keripik", "kripik", "coffee", "kopi", "beras", "rice", "pupuk", "fertilizer", "fertiliser",
        "sauce", "saus", "sambal", "kecap", "snack", "snacks", "candy", "permen", "chocolate", "coklat", "cookies", "biscuits",
        "biskuit", "cereal", "noodles", "mie", "juice", "soda", "cola", "milk", "susu", "bread", "roti", "pudding", "puding", "oil",
        "minyak", "soap", "sabun", "shampoo", "sampo", "detergent", "deterjen", "toy", "toys", "mainan", "figure", "figurine",
        "brand", "merek", "merk", "flavour", "flavor", "rasa", "sachet", "tepung", "flour", "gula", "sugar", "bumbu", "seasoning",
    ];

    /// <summary>Words of a show, a product or a ticket, after which a single word after an honorific is a stage name or a title.</summary>
    private static readonly string[] StageWords =
    [
        "concert", "konser", "tour", "ticket", "tickets", "tiket", "merch", "merchandise", "album", "show", "pageant", "contest",
        "song", "songs", "lagu", "perfume", "parfum", "movie", "film", "fan", "fans", "fanmeet", "vinyl", "poster", "doll", "edition",
    ];

    /// <summary>Street words before a chain of titles, which make it a street named after someone ("Jl. Ir. H. Juanda").</summary>
    private static readonly string[] StreetsBeforeTitles = ["jl", "jln", "jalan", "street", "st", "road", "rd", "avenue", "ave", "gang", "gg"];

    /// <summary>
    /// The name after an honorific or a title, anywhere in a text, for the capitalised word at <paramref name="at"/>:
    /// "dengan bapak Agus Salim", "please ask for Mrs. Tan Mei Ling", "Terima kasih Pak Budi Santoso", "Salam
    /// hormat,\nIr. Bambang Sutrisno", "Prof. Dr. Hendra Gunawan", "Halo Kak Rina". The honorific stays; only spaces (and
    /// the title's dot) may stand between it and the name. A word in small letters or in capitals, a role, an office or a
    /// place ("Pak RT", "Bu guru", "Kak Admin", "Mas kurir", "Ibu Kota Jakarta", "Bapak Presiden"), a trade name ("Dr.
    /// Pepper") and a street named after someone ("Jl. Ir. H. Juanda") are no name. In a text the AI or an agent writes
    /// (<paramref name="introducedNames"/> false), their own name after an introduction ("saya Mbak Sari") is theirs to keep.
    /// </summary>
    private static (int From, int To) NameAfterAnHonorific(string text, int at, bool introducedNames)
    {
        if (!IsHonorificBefore(text, at, out int honorificStart))
        {
            return default;
        }

        int wordEnd = WordLettersEnd(text, at);
        if (NotNamesAfterHonorifics.Contains(text.AsSpan(at, wordEnd - at)) || IsStreetBeforeTitles(text, honorificStart)
            || (!introducedNames && IntroducingWordBefore(text, at) is var (start, end) && end > start))
        {
            return default;
        }

        (int from, int to) = ReadName(text, at, honoured: true);
        // One word after the honorific and then a show, a product or a ticket ("Miss Universe merch", "Lady Gaga concert
        // ticket"): a stage name or a title, no customer's.
        if (from == at && to == wordEnd && NextWord(text, to) is var (ns, ne) && ne > ns && IsOneOf(text.AsSpan(ns, ne - ns), StageWords))
        {
            return default;
        }

        // One word after the honorific with a product's word after it ("Lady Grey tea", "Mr. Potato chips"): a brand named
        // as a figure. A product's word before the honorific proves nothing ("kopi Pak Budi" is Pak Budi's coffee stall).
        if (from == at && to == wordEnd && NextWord(text, to) is var (ps, pe) && pe > ps && IsOneOf(text.AsSpan(ps, pe - ps), ProductWords))
        {
            return default;
        }

        return from == at ? (from, to) : default;
    }

    /// <summary>
    /// Whether an honorific or a title ends right before the word at <paramref name="at"/>, apart from it by spaces (and
    /// its own dot): "Pak ", "Mrs. ", "Ir. ", "Kak "; <paramref name="start"/> is where it begins.
    /// </summary>
    private static bool IsHonorificBefore(string text, int at, out int start)
    {
        start = at;
        int end = SpacesBefore(text, at);
        if (end == at || end == 0)
        {
            return false;
        }

        bool dotted = text[end - 1] == '.';
        int wordEnd = dotted ? end - 1 : end;
        start = LettersStart(text, wordEnd);
        if (start == wordEnd || (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '/' or '@' or '_')))
        {
            return false;
        }

        ReadOnlySpan<char> word = text.AsSpan(start, wordEnd - start);
        // "K.H. Ahmad": the letters before a title's inner dot are part of it.
        if (dotted && start >= 2 && text[start - 1] == '.' && char.IsLetter(text[start - 2]))
        {
            start = LettersStart(text, start - 1);
        }

        // "Logitech MX Master 3S", "Mazda MX-5": "Mx" is an honorific written so, "MX" without a dot a product's series.
        if (!dotted && word.SequenceEqual("MX"))
        {
            return false;
        }

        return HonorificsBeforeNames.Contains(word) || (dotted && IsOneOf(word, DottedTitles));
    }

    /// <summary>Whether a street word stands before the chain of titles that starts at <paramref name="start"/>: "Jl. Ir. H. Juanda".</summary>
    private static bool IsStreetBeforeTitles(string text, int start)
    {
        for (int titles = 0; titles < 4; titles++)
        {
            int end = SpacesBefore(text, start);
            int wordEnd = end > 0 && text[end - 1] == '.' ? end - 1 : end;
            int wordStart = LettersStart(text, wordEnd);
            if (wordStart == wordEnd)
            {
                return false;
            }

            ReadOnlySpan<char> word = text.AsSpan(wordStart, wordEnd - wordStart);
            if (IsOneOf(word, StreetsBeforeTitles))
            {
                return true;
            }

            if (!(IsOneOf(word, Honorifics) || (wordEnd < end && IsOneOf(word, DottedTitles))))
            {
                return false;
            }

            start = wordStart;
        }

        return false;
    }

    /// <summary>Greetings that open a message and may be followed by the name of whom it greets ("Hi Budi", "Good morning Sarah", "Selamat pagi Rina").</summary>
    private static readonly string[] GreetingsOfAName =
    [
        "hi", "hello", "hey", "hiya", "halo", "hallo", "hai", "dear", "morning", "afternoon", "evening", "pagi", "siang", "sore",
        "malam", "welcome", "greetings", "okay", "ok", "alright",
    ];

    /// <summary>
    /// In a text the AI or an agent writes to the customer, the name a greeting opening it addresses them by: "Hi Budi
    /// Santoso, I see your card ...", "Hello Maria! How can I help?", "Good morning Sarah, your refund ...", "Selamat pagi
    /// Rina,", "Dear Kevin O'Brien,", and thanks right before a name ("Thanks Budi, I will check", "Terima kasih Rina").
    /// The greeting opens the message, a sentence or a line; a comma between greeting and name ("Hi, Budi!") needs the
    /// name to end its clause, so "Hello, Welcome to Acme" stays, as do "Hi there", "Hello Team", "Dear Valued Customer"
    /// and the writer's own sign-off after thanks and a comma ("Thanks, Sari"). A customer greeting whoever reads ("Hi
    /// Team", "Hello Support", "Hi Budi") names no customer, so this is asked of the AI's and agents' texts only.
    /// </summary>
    private static (int From, int To) NameAfterAGreeting(string text, int at)
    {
        int end = SpacesBefore(text, at);
        bool comma = end > 0 && text[end - 1] == ',';
        if (comma)
        {
            end = SpacesBefore(text, end - 1);
        }
        else if (end == at)
        {
            return default;
        }

        int start = LettersStart(text, end);
        ReadOnlySpan<char> greeting = text.AsSpan(start, end - start);
        ReadOnlySpan<char> before = PreviousWord(text, start);
        bool thanks = !comma && (IsOneOf(greeting, ["thanks", "makasih", "thx"]) || (IsOneOf(greeting, ["you"]) && IsOneOf(before, ["thank"]))
            || (IsOneOf(greeting, ["kasih"]) && IsOneOf(before, ["terima"])));
        // "Welcome back Yusuf!": the greeting is the two words.
        bool welcomeBack = !comma && IsOneOf(greeting, ["back"]) && IsOneOf(before, ["welcome"]);
        if (start == end || !(thanks || welcomeBack || IsOneOf(greeting, GreetingsOfAName)))
        {
            return default;
        }

        if (welcomeBack)
        {
            start = SpacesBefore(text, start) - before.Length;
        }

        // "Good morning", "Selamat pagi", "Thank you", "Terima kasih": the greeting opens with the word before.
        if (IsOneOf(before, ["good", "selamat"]) || (thanks && IsOneOf(greeting, ["you", "kasih"])))
        {
            start = SpacesBefore(text, start) - before.Length;
        }

        if (!OpensAMessage(text, start))
        {
            return default;
        }

        (int from, int to) = ReadName(text, at);
        if (from != at)
        {
            return default;
        }

        // "Okay Express Shipping, ..." answers about a thing as often as it addresses someone: only a given name is one.
        if (IsOneOf(greeting, ["okay", "ok", "alright"]) && !OpensWithAGivenName(text.AsSpan(from, to - from)))
        {
            return default;
        }

        if (comma)
        {
            int p = PastSpaces(text, to);
            return p >= text.Length || text[p] is ',' or '!' or '.' or '\n' or '\r' or ';' or ':' ? (from, to) : default;
        }

        // "Hi Jakarta team": a word in small letters after it makes the capital no name the greeting addresses.
        int after = PastSpaces(text, to);
        if (after < text.Length && char.IsLower(text[after]))
        {
            return default;
        }

        return EndsAnIntroduction(text, to, Introduction.Self) ? (from, to) : default;
    }

    /// <summary>The labels of a header line or a form's line that a person's name follows ("From: Rina Wijaya", "Pengirim: Budi").</summary>
    private static readonly string[] HeaderLabels =
    [
        "from", "dari", "pengirim", "sender", "to", "kepada", "penerima", "recipient", "cc", "attn", "attention", "contact", "kontak",
        "customer", "pelanggan", "nasabah", "pemesan", "buyer", "pembeli", "passenger", "penumpang", "guest", "tamu", "pic", "nama",
        "name", "signed", "author", "penulis", "pemohon", "applicant", "requester",
    ];

    /// <summary>
    /// The name on a header line or a form's line, for the capitalised word at <paramref name="at"/>: a label of
    /// <see cref="HeaderLabels"/> opening a line (or the message), a colon, and a name that ends the line or is followed by
    /// a mark ("From: Rina Wijaya", "From: Rina Wijaya &lt;rina@…&gt;", "Dari: Budi Santoso", "Pengirim: Siti Aminah").
    /// "To: Whom it may concern", "Re: Refund" and "Subject: Refund request" stay.
    /// </summary>
    private static (int From, int To) NameAfterAHeaderLabel(string text, int at)
    {
        // 'From: "Rina Wijaya" <rina@…>': the name may stand in quotation marks.
        bool quoted = at > 0 && text[at - 1] is '"' or '\u201C';
        int colon = SpacesBefore(text, quoted ? at - 1 : at);
        if (colon == 0 || text[colon - 1] != ':')
        {
            return default;
        }

        int end = SpacesBefore(text, colon - 1);
        int start = LettersStart(text, end);
        if (start == end || !IsOneOf(text.AsSpan(start, end - start), HeaderLabels))
        {
            return default;
        }

        int lineStart = start;
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t' or '>' or '*' or '-')
        {
            lineStart--;
        }

        if (lineStart > 0 && text[lineStart - 1] is not ('\n' or '\r' or '|'))
        {
            return default;
        }

        (int from, int to) = ReadName(text, at);
        // A parcel's or a message's origin ("Dari: Jakarta", "Pengirim: Tokopedia") is a place or a shop as often as a
        // person: after those labels a name of one word is left.
        if (IsOneOf(text.AsSpan(start, end - start), OriginLabels) && text.AsSpan(from, to - from).IndexOfAny(' ', '\t') < 0)
        {
            return default;
        }

        int p = PastSpaces(text, to);
        return from == at && (p >= text.Length || text[p] is '\n' or '\r' or ',' or ';' or '<' or '(' or '[' or '|' or '.' or '"' or '\u201D')
            ? (from, to)
            : default;
    }

    /// <summary>The labels of <see cref="HeaderLabels"/> that name where something comes from, a place or a shop as often as a person.</summary>
    private static readonly string[] OriginLabels = ["from", "dari", "pengirim", "sender"];

    /// <summary>
    /// Academic degrees written after a name and a comma, without their dots ("S.T.", "S.Kom.", "M.Si.", "Ph.D.", "MBA"):
    /// "Budi Santoso, S.T.", "Drs. H. Ahmad Fauzi, M.Si.".
    /// </summary>
    private static readonly string[] Degrees =
    [
        "st", "se", "sh", "skom", "spd", "ssi", "ssos", "sag", "sked", "sfarm", "spsi", "sikom", "sak", "sip", "stp", "sds", "ssn", "sgz",
        "amd", "mm", "mt", "msi", "mkom", "mpd", "mh", "mkes", "msc", "ma", "mba", "phd", "md", "bsc", "ba", "meng", "beng", "mag",
        "spa", "spog", "sppd", "dds", "cpa", "esq", "llm", "mphil", "mfa", "mpa", "mph",
    ];

    /// <summary>Degrees that are written without a dot too ("PhD", "MBA"); the others need one, so "Budi, MA" and "Budi, ST" stay ambiguous and are left.</summary>
    private static readonly string[] UndottedDegrees = ["phd", "mba", "msc", "bsc", "esq", "cpa", "llm", "mphil", "meng", "beng"];

    /// <summary>
    /// A capitalised name that starts at <paramref name="at"/> and is followed by a comma and an academic degree ("Budi
    /// Santoso, S.T.", "Ahmad Fauzi, M.Si.", "Jane Foster, PhD"), as a letter is signed. "Jakarta, ST 12" stays.
    /// </summary>
    private static (int From, int To) NameBeforeADegree(string text, int at)
    {
        (int from, int to) = ReadName(text, at);
        if (from != at || to >= text.Length || text[to] != ',')
        {
            return default;
        }

        int k = PastSpaces(text, to + 1);
        int end = k;
        Span<char> letters = stackalloc char[8];
        int count = 0;
        bool dotted = false;
        while (end < text.Length && (char.IsAsciiLetter(text[end]) || text[end] == '.') && end - k < 12)
        {
            if (text[end] == '.')
            {
                dotted = true;
            }
            else if (count < letters.Length)
            {
                letters[count++] = text[end];
            }
            else
            {
                return default;
            }

            end++;
        }

        ReadOnlySpan<char> degree = letters[..count];
        bool whole = end == text.Length || !char.IsLetterOrDigit(text[end]);
        return count > 0 && whole && char.IsUpper(text[k]) && IsOneOf(degree, Degrees) && (dotted || IsOneOf(degree, UndottedDegrees))
            ? (from, to)
            : default;
    }

    /// <summary>Whether a comma, a space and a capital stand somewhere in the text: where a degree may follow a name ("Budi, S.T.").</summary>
    private static bool MayHoldADegree(string text)
    {
        int i = text.IndexOf(", ", StringComparison.Ordinal);
        while (i >= 0)
        {
            int k = i + 2;
            if (k < text.Length && char.IsAsciiLetterUpper(text[k]))
            {
                return true;
            }

            i = text.IndexOf(", ", k, StringComparison.Ordinal);
        }

        return false;
    }

    /// <summary>Words of a role that follows a name in brackets ("(pemilik akun)", "(account holder)", "(pemilik rekening)", "(me)").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleWordsInBrackets = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        [
            "pemilik", "pemegang", "akun", "rekening", "kartu", "account", "card", "holder", "cardholder", "owner", "nasabah", "penerima",
            "pengirim", "recipient", "sender", "customer", "pelanggan", "pemesan", "buyer", "pembeli", "saya", "aku", "me", "myself",
            "my", "the", "main", "utama", "primary", "sendiri", "suami", "istri", "husband", "wife", "ayah", "ibu", "anak", "son",
            "daughter", "father", "mother", "penumpang", "passenger", "tertanggung", "insured", "policyholder", "polis",
            "peserta", "member", "subscriber", "pelapor", "reporter",
        ]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A capitalised name that starts at <paramref name="at"/> and is followed by its role in brackets, every word of which
    /// names one, and one of them a person's role (or the customer alone, "(saya)"): "Budi Santoso (pemilik akun)", "Michael
    /// Tan (account holder)", "Dewi Lestari (pemilik rekening)". "Netflix (customer service)", "Jakarta (ibu kota)" and
    /// "Mandiri (rekening saya)" stay.
    /// </summary>
    private static (int From, int To) NameBeforeARoleInBrackets(string text, int at)
    {
        (int from, int to) = ReadName(text, at);
        int open = PastSpaces(text, to);
        if (from != at || open >= text.Length || text[open] != '(')
        {
            return default;
        }

        int k = open + 1;
        bool person = false;
        for (int words = 0; words < 4; words++)
        {
            (int ws, int we) = NextWord(text, k);
            ReadOnlySpan<char> word = text.AsSpan(ws, we - ws);
            if (we == ws || !RoleWordsInBrackets.Contains(word))
            {
                return default;
            }

            // "(rekening saya)", "(my account)", "(akun saya)" after a bank or a service name the account, not a person;
            // "(saya)" or "(me)" alone, or a role of a person ("pemilik", "holder"), do.
            person |= !IsOneOf(word, NotAPersonInBrackets);
            k = PastSpaces(text, we);
            if (k < text.Length && text[k] == ')')
            {
                return person || (words == 0 && IsOneOf(word, ["saya", "aku", "me", "myself"])) ? (from, to) : default;
            }
        }

        return default;
    }

    /// <summary>The words of <see cref="RoleWordsInBrackets"/> that name no person alone: what is owned and whose it is.</summary>
    private static readonly string[] NotAPersonInBrackets =
    [
        "akun", "rekening", "kartu", "account", "card", "saya", "aku", "me", "myself", "my", "the", "main", "utama", "primary",
        "sendiri", "polis",
    ];
}
