using System.Buffers;
using System.Collections.Frozen;
using CxCluster.Grains.Trust.Grammar;

namespace CxCluster.Grains.Privacy;

/// <summary>Names and postal addresses the customer gives: the words that announce them, and the shape of a street.</summary>
public static partial class Redactor
{
    /// <summary>Placeholder for a person's name given after the words that announce one ("my name is", "nama saya", "atas nama").</summary>
    public const string NamePlaceholder = "[name]";

    /// <summary>
    /// <see cref="NamePlaceholder"/>'s text as another string instance: a name read less surely (a bare "name" field, a
    /// column headed "name", what something is held under), replaced the same, but whose words a conversation does not
    /// remember, since they are as often a product's or a fare's. Told apart by reference only (<see cref="RememberNames"/>).
    /// </summary>
    private static readonly string UncertainNamePlaceholder = new(NamePlaceholder.AsSpan());

    /// <summary>
    /// Placeholder for a postal address: after "address" or "alamat", or a street with its number ("Jl. Sudirman No. 5", "221B
    /// Baker Street", "Hauptstraße 12", "12 rue de la Paix", "Via Roma 10", "大阪府大阪市北区梅田3-1-1").
    /// </summary>
    public const string AddressPlaceholder = "[address]";

    /// <summary>The most words a name is read as, honorifics aside.</summary>
    private const int MaxNameWords = 6;

    /// <summary>The most words a name written in small letters is read as.</summary>
    private const int MaxSmallNameWords = 4;

    /// <summary>The longest address read: a street, its number, a district, a city and a postal code.</summary>
    private const int MaxAddressLength = 160;

    /// <summary>
    /// What a text holds when it may announce a name, an address or the answer to a security question: the words, found
    /// anywhere whatever their case, then read as whole words ("name" finds "surname", "nama" finds "namaku"). No mark is
    /// shorter than three characters: a two-letter one ("jl") makes the search three times slower, so "Jl" is found with
    /// the dot or space after it.
    /// </summary>
    private static readonly SearchValues<string> PeopleAndPlaceMarks = SearchValues.Create(
        ["name", "nama", "a.n", "a/n", "c/o", "holder", "addr", "alamat", "jl.", "jl ", "jln", "jalan", "perum", "komplek", "blok",
            "security answer", "secret answer", "security question answer", "secret question answer", "jawaban"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Words that start an address only with a number in it ("Gang Mawar no 3", "Apartemen Kalibata ... unit 12", "PO Box
    /// 1234"), searched for only in a text with a digit: "gang" begins as "-ngan" and "dengan" end, which would slow every
    /// Indonesian message.
    /// </summary>
    private static readonly SearchValues<string> NumberedPlaceMarks =
        SearchValues.Create(["gang", "gg.", "gg ", "apartemen", "box"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Words that end a street's name after its house number, written out or abbreviated ("221B Baker Street", "42 Wallaby
    /// Way", "12 Baker St", "1600 Amphitheatre Pkwy").
    /// </summary>
    private static readonly string[] StreetsAfterANumber =
    [
        "street", "road", "avenue", "way", "lane", "drive", "court", "place", "boulevard", "blvd", "highway", "terrace", "crescent",
        "parkway", "st", "rd", "ave", "ln", "dr", "pkwy", "hwy", "ct", "pl", "cres", "tce", "gardens", "close", "mews", "grove", "loop",
        "circle",
    ];

    /// <summary>
    /// The street words of <see cref="StreetsAfterANumber"/> that end a street written in small letters ("10 downing
    /// street"): not "way", "drive", "place" or "court", which end everyday phrases too ("1 easy way", "1 usb drive").
    /// </summary>
    private static readonly string[] StreetsInSmallLetters = ["street", "road", "avenue", "lane", "boulevard", "blvd", "highway", "st", "rd", "ave"];

    /// <summary>What a number counts when it is no house number: money, things, people and time ("20 dollars street parking").</summary>
    private static readonly string[] CountedThings =
    [
        "dollars", "dollar", "bucks", "pounds", "euros", "rupiah", "rp", "usd", "items", "item", "pieces", "pcs", "units", "boxes",
        "bags", "pairs", "packs", "bottles", "people", "persons", "kids", "adults", "tickets", "seats", "rooms", "nights", "times",
        "minutes", "mins", "hours", "hrs", "days", "weeks", "months", "years", "miles", "blocks", "stops", "floors",
    ];

    /// <summary>Words before a number that make it a quantity or an amount, not a house number ("order 12 high street shoes").</summary>
    private static readonly string[] QuantityWords = ["order", "ordered", "buy", "bought", "paid", "pay", "qty", "quantity", "x", "get", "got", "need", "want"];

    /// <summary>Words that never begin a name and end one: small words of both languages, and what is said of a name instead of it ("wrong", "salah").</summary>
    private static readonly string[] NotANameWords =
    [
        // Currencies before an amount ("Saldo saya Rp 50.000").
        "rp", "idr", "usd", "sgd", "myr", "rm", "eur", "gbp",
        "a", "an", "the", "and", "or", "but", "from", "with", "at", "in", "on", "for", "to", "of", "by", "as", "my", "your", "is", "was",
        "are", "be", "been", "i", "im", "not", "no", "yes", "wrong", "incorrect", "misspelled", "misspelt", "spelled", "spelt", "different",
        "changed", "missing", "blank", "empty", "still", "already", "also", "same", "correct", "right", "written", "printed", "shown",
        "listed", "please", "pls", "thanks", "thank", "here", "there", "what", "who", "how", "why", "when", "where", "will", "can", "could",
        "should", "would", "have", "has", "had", "do", "does", "did", "it", "this", "that", "order", "ok", "okay", "number", "phone",
        "email", "address", "account", "card", "just", "only", "now", "change", "update", "dan", "atau", "tapi", "dari", "dengan", "di",
        "ke", "untuk", "yang", "yg", "saya", "aku", "ku", "kamu", "anda", "ini", "itu", "tidak", "gak", "ga", "nggak", "enggak", "bukan",
        "belum", "sudah", "udah", "salah", "beda", "berbeda", "sama", "kosong", "tertulis", "tercantum", "masih", "juga", "adalah",
        "ya", "kak", "min", "dong", "tolong", "mohon", "sesuai", "benar", "betul", "sih", "kok", "apa", "siapa", "gimana", "bagaimana",
        "kenapa", "berapa", "bisa", "mau", "harus", "perlu", "nomor", "nomer", "hp", "telp", "alamat", "rekening", "kartu", "terus",
        "lalu", "trus", "kan", "lah", "deh", "nih", "tuh", "loh", "kah", "pesanan", "oke", "ganti", "diganti", "ubah", "diubah",
        "lengkap", "saja", "aja", "doang", "harap", "nya", "btw", "fyi", "lol", "thx", "tho", "though", "anyway", "too", "haha", "hehe",
    ];

    /// <summary>Honorifics kept before the name they introduce ("atas nama Ibu [name]", "my name is Mr [name]").</summary>
    private static readonly string[] Honorifics =
    [
        "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "madam", "pak", "bu", "bapak", "ibu", "sdr", "sdri", "saudara", "saudari", "mas",
        "mbak", "mba", "bang", "tn", "ny", "nn", "haji", "hj",
    ];

    /// <summary>
    /// Honorifics of address that go before a name but are no title of <see cref="Honorifics"/> (so a name they precede
    /// is read here, and only here): "Kak Rina", "Om Hendra", "Tuan Wong", "Cik Lina".
    /// </summary>
    private static readonly string[] HonorificsOfAddress =
    [
        "kak", "kakak", "om", "tante", "tuan", "nyonya", "nona", "cik", "koh", "cici", "uda", "uni", "abang", "adik", "dik", "mister",
        "prof", "professor", "ustadz", "ustad", "ustazah", "dame", "lady", "lord", "aunt", "auntie", "uncle",
    ];

    /// <summary>The honorifics of <see cref="Honorifics"/> and <see cref="HonorificsOfAddress"/>, looked up once per capital without a string.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HonorificsBeforeNames =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, [.. Honorifics, .. HonorificsOfAddress]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The words between "nama" and the name that make it someone else's, close to the customer ("nama ibu kandung").</summary>
    private static readonly string[] NamaRelatives = ["ibu", "ayah", "bapak", "kandung", "gadis", "suami", "istri", "anak"];

    /// <summary>
    /// Words between "nama" and the name that say whose name it is ("nama saya", "nama lengkap", "nama penerima", "nama ibu
    /// kandung").
    /// </summary>
    private static readonly string[] NamaQualifiers =
    [
        "saya", "aku", "ku", "gue", "gw", "lengkap", "penerima", "pemilik", "pengirim", "pelanggan", "customer", "rekening", "akun",
        "kartu", "pemesan", "asli", "panggilan", .. NamaRelatives,
    ];

    /// <summary>Words before "name" that say it is someone's ("my name is", "full name:", "the name on the card is").</summary>
    private static readonly string[] NameOwners =
    [
        "my", "his", "her", "full", "first", "last", "middle", "legal", "maiden", "the", "account", "customer", "recipient", "sender",
        "receiver", "holder", "holders", "cardholder", "cardholders", "registered", "contact",
    ];

    /// <summary>Words for a person, after which "bernama" (named) gives their name ("penerima bernama Siti"; "mobil bernama Avanza" stays).</summary>
    private static readonly string[] PeopleNamed =
    [
        "penerima", "pengirim", "pemesan", "pembeli", "pelanggan", "nasabah", "orang", "seseorang", "pria", "wanita", "laki", "perempuan",
        "cewek", "cowok", "anak", "teman", "kurir", "driver", "sopir", "supir", "bapak", "ibu", "pak", "bu", "kakak", "adik", "istri",
        "suami", "saudara", "petugas", "agen", "customer", "atas",
    ];

    /// <summary>
    /// The name before "is my" that a "name" or "surname" at <paramref name="start"/> closes ("okonkwo is my surname",
    /// "Budi Santoso is my name"): one to three words that may be a name (capitalised, or in small letters no everyday
    /// word), opening the message or a sentence; an empty span when there is none ("This is my name" stays).
    /// </summary>
    private static (int From, int To) NameBeforeIsMy(string text, int start)
    {
        int k = start;
        foreach (string[] expected in (string[][])[["my", "our"], ["is", "was"]])
        {
            int end = SpacesBefore(text, k);
            int begin = LettersStart(text, end);
            if (begin == end || end == k || !IsOneOf(text.AsSpan(begin, end - begin), expected))
            {
                return default;
            }

            k = begin;
        }

        int to = SpacesBefore(text, k);
        if (to == k)
        {
            return default;
        }

        int from = to;
        for (int words = 0; words < 3; words++)
        {
            int begin = LettersStart(text, from);
            ReadOnlySpan<char> name = text.AsSpan(begin, from - begin);
            if (name.IsEmpty || !(char.IsUpper(name[0]) ? LooksLikeAName(name, first: true) : LooksLikeASmallSurname(name)))
            {
                break;
            }

            from = begin;
            if (OpensAMessage(text, from))
            {
                return (from, to);
            }

            int before = SpacesBefore(text, from);
            if (before == from)
            {
                break;
            }

            from = before;
        }

        return default;
    }

    /// <summary>Words of a thing that has an "address" that is not a postal one ("email address", "IP address").</summary>
    private static readonly string[] NotPostal = ["email", "mail", "ip", "mac", "web", "wallet", "bitcoin", "crypto", "website"];

    /// <summary>Words between "address" / "alamat" and the address ("my new shipping address is", "alamat pengiriman saya:").</summary>
    private static readonly string[] AddressQualifiers =
    [
        "is", "was", "my", "new", "shipping", "delivery", "billing", "home", "office", "full", "correct", "mailing", "saya", "aku", "ku",
        "lengkap", "pengiriman", "rumah", "kantor", "baru", "penerima", "kirim", "tujuan", "nya", "adalah", "yaitu", "di", "sekarang",
        "to", "ke", "jadi", "menjadi",
    ];

    /// <summary>Abbreviations an address writes with a dot, which end no sentence ("Jl.", "No.", "St.", "Kec.").</summary>
    private static readonly string[] AddressAbbreviations =
    [
        "jl", "jln", "no", "st", "rd", "ave", "apt", "blk", "kec", "kel", "kab", "gg", "rt", "rw", "dr", "ln", "blvd", "komp", "perum",
        "prov", "ds", "dsn", "kp", "kav", "lt", "ste", "fl", "hwy", "pl", "ct",
        // Other countries' ("Av. Paulista", "Avda. de América", "3 bd. Haussmann", "Hauptstraße Nr. 12", "Via Roma n. 10").
        "av", "avda", "bd", "nr", "n", "ul",
        // Titles in street names ("Jl. Jend. Sudirman", "Jl. Prof. Dr. Satrio", "Jl. K.H. Mas Mansyur", "Jl. Ir. H. Juanda").
        "jend", "jen", "prof", "ir", "kh", "letjen", "mayjen", "brigjen", "kol", "kapt", "mt", "hr", "haji", "mr", "mrs", "sen",
    ];

    /// <summary>Words that end an address: what follows it in a sentence is no longer part of it.</summary>
    private static readonly string[] AfterAnAddress =
    [
        "and", "dan", "but", "tapi", "please", "pls", "thanks", "thank", "tolong", "mohon", "ya", "kak", "dong", "min", "asap",
        "sekarang", "besok", "tomorrow", "today", "hp", "telp", "phone", "email", "whatsapp", "wa", "atas", "because", "karena", "soalnya",
        "is", "was", "sudah", "udah", "belum", "kok", "why", "kenapa",
        // The same words of other languages ("Hauptstraße 12 ist gesperrt", "Via Roma 10 per favore").
        "ist", "und", "bitte", "danke", "est", "merci", "svp", "es", "por", "gracias", "per", "grazie", "obrigado", "obrigada", "bedankt",
    ];

    /// <summary>Words of a street, which make an address out of what follows "address" or "alamat" even without a number.</summary>
    private static readonly string[] StreetWords =
    [
        "jl", "jln", "jalan", "gang", "gg", "blok", "perum", "perumahan", "komplek", "kompleks", "street", "st", "road", "rd", "avenue",
        "ave", "lane", "drive", "boulevard", "blvd", "apartment", "apt", "flat", "suite", "highway", "terrace", "crescent", "parkway",
    ];

    /// <summary>
    /// Names and postal addresses: a name after the words that announce one ("my name is John Smith", "full name: Jane
    /// Doe", "the name on the card is ...", "account holder: ...", "nama saya Budi Santoso", "nama penerima: Siti
    /// Aminah", "namaku ...", "atas nama Ibu ...", "a.n. ..."), one to four words up to a small word, a comma or the end
    /// of the sentence, honorifics kept; and an address after "address" or "alamat" ("my address is 12 Baker Street,
    /// London NW1 6XE", "alamat saya Jl. Sudirman No. 5, Jakarta Selatan 12190") or a street with its number anywhere
    /// ("Jl. Melati No. 5", "Jalan Merdeka 10", "221B Baker Street"), up to the end of its sentence or a word that ends
    /// it ("and", "tolong", "hp"), when it has a number or a street word in it. So "my name is wrong on the ticket",
    /// "nama barang", "alamat saya sudah benar", "my email address is ..." and "jalan macet" stay. Streets after a house
    /// number, and streets as other countries write them (<see cref="FindStreetsAbroad"/>), are looked for only in a text
    /// with a digit, and then the names customers introduce themselves with (<see cref="FindIntroductions"/>).
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindPeopleAndPlaces(string text, bool hasDigit, bool introducedNames)
    {
        List<(int Start, int End, string Placeholder)>? found = FindByMarks(text, PeopleAndPlaceMarks, null);
        if (hasDigit)
        {
            found = FindStreetsAbroad(text, FindStreetsAfterNumbers(text, FindByMarks(text, NumberedPlaceMarks, found)));
            found = text.Contains("rt", StringComparison.OrdinalIgnoreCase) ? FindNeighbourhoods(text, found) : found;
        }
        else if (text.AsSpan().IndexOfAny('丁', '番') >= 0)
        {
            found = FindJapaneseAddresses(text, found); // "千代田一丁目一番一号": blocks numbered in kanji, with no digit.
        }

        return FindIntroductions(text, found, introducedNames);
    }

    /// <summary>The names and addresses the words of <paramref name="marks"/> announce, added to <paramref name="found"/> where they lie apart from it.</summary>
    private static List<(int Start, int End, string Placeholder)>? FindByMarks(
        string text, SearchValues<string> marks, List<(int Start, int End, string Placeholder)>? found)
    {
        int i = 0;
        while (i < text.Length)
        {
            int hit = text.AsSpan(i).IndexOfAny(marks);
            if (hit < 0)
            {
                break;
            }

            int at = i + hit;
            int start = at;
            while (start > 0 && char.IsAsciiLetter(text[start - 1]))
            {
                start--;
            }

            int end = LettersEnd(text, at);
            i = Math.Max(end, at + 1);
            (int from, int to, string? placeholder) = ReadPersonOrPlace(text, start, end);
            if (placeholder is not null && to > from && AddApart(ref found, (from, to, placeholder)))
            {
                i = to;
            }
        }

        return found;
    }

    /// <summary>Adds <paramref name="span"/> in its place among <paramref name="found"/> unless it overlaps one of them; whether it was added.</summary>
    private static bool AddApart(ref List<(int Start, int End, string Placeholder)>? found, (int Start, int End, string Placeholder) span)
    {
        found ??= [];
        int at = found.Count;
        while (at > 0 && found[at - 1].Start >= span.Start)
        {
            at--;
        }

        if ((at > 0 && found[at - 1].End > span.Start) || (at < found.Count && found[at].Start < span.End))
        {
            return false;
        }

        found.Insert(at, span);
        return true;
    }

    /// <summary>What the word at [<paramref name="start"/>, <paramref name="end"/>) announces, and where it is.</summary>
    private static (int From, int To, string? Placeholder) ReadPersonOrPlace(string text, int start, int end)
    {
        if (IsOneOf(text.AsSpan(start, end - start), ["security", "secret", "jawaban"])
            && SecurityAnswerPhraseEnd(text, start) is var answerWordsEnd and >= 0)
        {
            (int from, int to) = SecurityAnswerAfter(text, answerWordsEnd);
            return (from, to, to > from ? PasswordPlaceholder : null);
        }

        if (IsInitialsMark(text, start))
        {
            // "a.n. Budi", "a/n Budi": on behalf of, in the name of; "c/o Anna Schmidt": in care of, a name with its capital.
            int k = start + 3 < text.Length && text[start + 3] == '.' ? start + 4 : start + 3;
            bool careOf = text[start] is 'c' or 'C';
            return careOf && !(PastSpaces(text, k) is var n && n < text.Length && char.IsUpper(text[n])) ? default : Named(text, k, needsMark: false);
        }

        if (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            return default;
        }

        ReadOnlySpan<char> word = text.AsSpan(start, end - start);

        // "okonkwo is my surname", "Budi Santoso is my name": the name opening the sentence before "is my".
        if (IsOneOf(word, ["name", "surname"]) && NameBeforeIsMy(text, start) is var (bf, bt) && bt > bf)
        {
            return (bf, bt, NamePlaceholder);
        }

        if (IsOneOf(word, ["name", "names"]))
        {
            ReadOnlySpan<char> owner = PreviousWord(text, start);
            // "Name's Kevin O'Brien": "name's" opening a sentence introduces one as "my name is" does.
            // "Name on the account: Pieter Vanderberg": a form's label, with what the name is on.
            return IsOneOf(owner, NameOwners) || IsPossessive(text, start) || IsFieldLabel(text, start, end) || IsFieldLabel(text, start, PastOnTheCard(text, end))
                || (ContractedAt(text, end, 's') && OpensAMessage(text, start))
                ? Named(text, PastOnTheCard(text, end), needsMark: !IsOneOf(owner, ["full", "first", "last", "middle", "maiden"]))
                : default;
        }

        // "penerima bernama Siti Nurhaliza": named, a capitalised name only ("barang bernama kopi" stays).
        if (IsOneOf(word, ["bernama"]) && NextWord(text, end) is var (bs, be) && be > bs && char.IsUpper(text[bs]) && IsOneOf(PreviousWord(text, start), PeopleNamed))
        {
            return Named(text, end, needsMark: false);
        }

        if (IsOneOf(word, ["surname", "fullname", "namaku", "namanya"]))
        {
            return Named(text, end, needsMark: false);
        }

        if (IsOneOf(word, ["nama"]))
        {
            if (IsOneOf(PreviousWord(text, start), ["atas"]))
            {
                return Named(text, end, needsMark: false);
            }

            int k = end;
            bool qualified = false;
            bool relative = false;
            for (int words = 0; words < 3; words++)
            {
                (int ws, int we) = NextWord(text, k);
                if (we == ws || !IsOneOf(text.AsSpan(ws, we - ws), NamaQualifiers))
                {
                    break;
                }

                qualified = true;
                relative |= IsOneOf(text.AsSpan(ws, we - ws), NamaRelatives);
                k = we;
            }

            // Someone else's name ("nama ibu kandung Sulastri") is taken without a mark only when it is capitalised:
            // "balik nama mobil ke nama anak syaratnya apa?" names no one.
            if (relative)
            {
                (int ns, int ne) = NextWord(text, k);
                return Named(text, k, needsMark: !(ne > ns && char.IsUpper(text[ns])));
            }

            return Named(text, k, needsMark: !qualified);
        }

        if (IsOneOf(word, ["holder"]) && IsOneOf(PreviousWord(text, start), ["account", "card"]))
        {
            (int ws, int we) = NextWord(text, end);
            int k = we > ws && IsOneOf(text.AsSpan(ws, we - ws), ["name"]) ? we : end;
            return Named(text, k, needsMark: true);
        }

        if (IsOneOf(word, ["address", "addr", "alamat", "alamatku", "alamatnya"]))
        {
            // "email address", and "alamat email", "alamat IP": an address that is not a postal one.
            (int ns, int ne) = NextWord(text, end);
            // "ip_address", "wallet-address": a key's name joined to its word.
            bool joinedNotPostal = start > 1 && text[start - 1] is '_' or '-' && IsOneOf(text.AsSpan(LettersStart(text, start - 1), start - 1 - LettersStart(text, start - 1)), NotPostal);
            if (joinedNotPostal || IsOneOf(PreviousWord(text, start), NotPostal) || (ne > ns && IsOneOf(text.AsSpan(ns, ne - ns), NotPostal)))
            {
                return default;
            }

            // "address line 2 is optional?": a form's field, named by its line; what it holds may follow ("Address line 1: ...").
            int k = ne > ns && IsOneOf(text.AsSpan(ns, ne - ns), ["line"]) && PastSpaces(text, ne) is var n && n < text.Length && char.IsAsciiDigit(text[n])
                ? n + DigitsAt(text, n, text.Length)
                : end;
            for (int words = 0; words < 4; words++)
            {
                k = PastSpaces(text, k);
                if (k < text.Length && text[k] is ':' or '=' or '-')
                {
                    k++;
                    continue;
                }

                (int ws, int we) = NextWord(text, k);
                if (we == ws || !IsOneOf(text.AsSpan(ws, we - ws), AddressQualifiers))
                {
                    break;
                }

                k = we;
            }

            k = PastSpaces(text, k);
            return k < text.Length && text[k] is '\n' or '\r' ? AddressOverLines(text, k) : Addressed(text, k, needsNumber: false);
        }

        if (IsOneOf(word, ["jl", "jln"]) && (end == text.Length || text[end] is '.' or ' '))
        {
            return Addressed(text, start, needsNumber: true);
        }

        if (IsOneOf(word, ["jalan"]) && end + 1 < text.Length && text[end] == ' ' && (char.IsUpper(text[end + 1]) || NumberedStreetInSmallLetters(text, end)))
        {
            return Addressed(text, start, needsNumber: true);
        }

        // "PO Box 1234, Springfield", "P.O. Box 77": a post office box and what follows it in its sentence ("the box 3 was
        // damaged", "inbox 2" stay).
        if (IsOneOf(word, ["box"]) && PostOfficeBefore(text, start) is var po && po >= 0
            && PastSpaces(text, end) is var digit && digit < text.Length && char.IsAsciiDigit(text[digit]))
        {
            // Read from "Box" on, so the dots of "P.O." end no sentence; the words before it are the address's too.
            (int from, int to, string? placeholder) = Addressed(text, start, needsNumber: true);
            return placeholder is null ? default : (Math.Min(po, from), to, placeholder);
        }

        // "Perumahan Griya Indah Blok C2 No. 15", "Komplek Taman Sari No. 3", "Blok C2 No. 15", "Gang Mawar no 3",
        // "Apartemen Kalibata City Tower B unit 12": a housing estate, a block, an alley or an apartment building with its
        // name or code ("diblokir", "akun saya di blok 2 kali", "the gang of 4" stay).
        if (IsOneOf(word, ["perum", "perumahan", "komplek", "kompleks", "blok", "gang", "gg", "apartemen"]) && end + 1 < text.Length && text[end] is ' ' or '.'
            && PastSpaces(text, end + (text[end] == '.' ? 1 : 0)) is var next && next < text.Length && char.IsUpper(text[next]))
        {
            return Addressed(text, start, needsNumber: true);
        }

        return default;
    }

    /// <summary>
    /// Streets written after their house number ("221B Baker Street", "42 Wallaby Way", "350 5th Ave", "12 Baker St"),
    /// added to <paramref name="found"/> where they lie apart from it: each number of one to five digits (perhaps with a
    /// letter, "221B") that begins a word is followed by one to three capitalised words or ordinals and a street ending
    /// (<see cref="StreetsAfterANumber"/>); the address runs from the number to the end of its sentence.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindStreetsAfterNumbers(string text, List<(int Start, int End, string Placeholder)>? found)
    {
        int i = 0;
        while (NextHouseNumber(text, ref i, out int at, out int end))
        {

            if (end < text.Length && char.IsAsciiLetter(text[end]) && (end + 1 == text.Length || !char.IsLetter(text[end + 1])))
            {
                end++; // "221B"
            }

            if ((StreetAfter(text, end) || StreetInSmallLettersAfter(text, end)) && Addressed(text, at, needsNumber: true) is (var from, var to, { } placeholder)
                && AddApart(ref found, (UnitBefore(text, from), to, placeholder)))
            {
                i = to;
            }
        }

        return found;
    }

    /// <summary>
    /// Indonesian addresses given by their neighbourhood, "RT" and "RW" with their numbers ("Desa Sukamaju RT 03 RW 07, Kec.
    /// Cibinong", "Kp. Rawa Bebek RT 001/005 Bekasi"), added to <paramref name="found"/> where they lie apart from it: from the
    /// capitalised words of the village or hamlet before "RT" to the end of the sentence. "RT" alone ("Pak RT", "RT 5 rapat
    /// besok") stays, and so does "RT" before two numbers with no "RW" and no place before it ("RT 12/05 great post").
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindNeighbourhoods(string text, List<(int Start, int End, string Placeholder)>? found)
    {
        for (int rt = text.IndexOf("rt", StringComparison.OrdinalIgnoreCase); rt >= 0; rt = text.IndexOf("rt", rt + 2, StringComparison.OrdinalIgnoreCase))
        {
            if ((rt > 0 && char.IsLetterOrDigit(text[rt - 1])) || NeighbourhoodEnd(text, rt, out bool rw) < 0)
            {
                continue;
            }

            int start = rt;
            for (int words = 0; words < 5; words++)
            {
                int e = SpacesBefore(text, start);
                int b = e > 0 && text[e - 1] == '.' ? e - 1 : e;
                int s = LettersStart(text, b);
                if (s == b || !char.IsUpper(text[s]) || (b < e && !IsOneOf(text.AsSpan(s, b - s), AddressAbbreviations)))
                {
                    break;
                }

                start = s;
            }

            if (start == rt && !rw)
            {
                continue;
            }

            if (Addressed(text, start, needsNumber: true) is (var from, var to, { } placeholder) && to > rt && AddApart(ref found, (from, to, placeholder)))
            {
                rt = to - 2;
            }
        }

        return found;

        // Where "RT 03 RW 07", "RT 001/005", "rt.3/rw.5" or "RT/RW 03/07" at k ends; -1 when no number of both follows.
        // rw: whether "RW" is written.
        static int NeighbourhoodEnd(string text, int k, out bool rw)
        {
            int p = k + 2;
            bool pair = p + 3 <= text.Length && text[p] == '/' && text.AsSpan(p + 1, 2).Equals("rw", StringComparison.OrdinalIgnoreCase);
            rw = pair;
            p = pair ? p + 3 : p;
            p = PastSpaces(text, p < text.Length && text[p] is '.' or ':' ? p + 1 : p);
            int first = DigitsAt(text, p, text.Length);
            if (first is < 1 or > 3)
            {
                return -1;
            }

            p = PastSpaces(text, p + first);
            if (p < text.Length && text[p] == '/')
            {
                p = PastSpaces(text, p + 1);
                bool rwAfterSlash = p + 2 <= text.Length && text.AsSpan(p, 2).Equals("rw", StringComparison.OrdinalIgnoreCase);
                rw |= rwAfterSlash;
                p = rwAfterSlash ? p + 2 : p;
                p = PastSpaces(text, p < text.Length && text[p] is '.' or ':' ? p + 1 : p);
            }
            else if (!pair && p + 2 <= text.Length && text.AsSpan(p, 2).Equals("rw", StringComparison.OrdinalIgnoreCase))
            {
                rw = true;
                p = PastSpaces(text, p + 2 < text.Length && text[p + 2] is '.' or ':' ? p + 3 : p + 2);
            }
            else
            {
                return -1;
            }

            int second = DigitsAt(text, p, text.Length);
            return second is >= 1 and <= 3 ? p + second : -1;
        }
    }

    /// <summary>
    /// The next run of one to five digits from <paramref name="i"/> that begins a word, as a house number does: its start
    /// and end; <paramref name="i"/> moves past every run looked at. False when there is none left.
    /// </summary>
    private static bool NextHouseNumber(string text, ref int i, out int at, out int end)
    {
        while (i < text.Length)
        {
            int hit = text.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (hit < 0)
            {
                break;
            }

            at = i + hit;
            end = at + DigitsAt(text, at, text.Length);
            i = end;
            if (!(at > 0 && char.IsLetterOrDigit(text[at - 1])) && end - at <= 5)
            {
                return true;
            }
        }

        at = end = 0;
        return false;
    }

    /// <summary>Words that name a flat, a unit or a suite in a building, written before the street ("Apt 4B, 350 Fifth Avenue").</summary>
    private static readonly string[] UnitWords = ["apt", "apartment", "unit", "suite", "ste", "flat", "room", "rm", "floor", "fl"];

    /// <summary>
    /// Where an address that starts at <paramref name="from"/> starts once the unit written before its street is counted
    /// in: "Apt 4B, 350 Fifth Avenue", "Unit 12 42 Wallaby Way", "Suite #200, 1 Main St"; <paramref name="from"/> itself
    /// when no unit is there.
    /// </summary>
    private static int UnitBefore(string text, int from)
    {
        int k = SpacesBefore(text, from);
        if (k > 0 && text[k - 1] == ',')
        {
            k = SpacesBefore(text, k - 1);
        }

        int unit = k;
        while (unit > 0 && char.IsAsciiLetterOrDigit(text[unit - 1]))
        {
            unit--;
        }

        if (unit == k || text.AsSpan(unit, k - unit).IndexOfAnyInRange('0', '9') < 0)
        {
            return from;
        }

        int w = unit > 0 && text[unit - 1] == '#' ? unit - 1 : unit;
        int wordEnd = SpacesBefore(text, w);
        if (wordEnd > 0 && text[wordEnd - 1] == '.')
        {
            wordEnd--; // "Apt. 4B"
        }

        int wordStart = LettersStart(text, wordEnd);
        return wordStart < wordEnd && IsOneOf(text.AsSpan(wordStart, wordEnd - wordStart), UnitWords) ? wordStart : from;
    }

    /// <summary>Where "PO", "P.O." or "post office" ends right before the word at <paramref name="start"/> begins, or -1.</summary>
    private static int PostOfficeBefore(string text, int start)
    {
        int end = SpacesBefore(text, start);
        if (end == start && !(end > 0 && text[end - 1] == '.'))
        {
            return -1;
        }

        int k = end;
        while (k > 0 && (char.IsAsciiLetter(text[k - 1]) || text[k - 1] == '.'))
        {
            k--;
        }

        ReadOnlySpan<char> word = text.AsSpan(k, end - k);
        if (IsOneOf(word, ["po", "p.o.", "p.o"]))
        {
            return k;
        }

        ReadOnlySpan<char> post = PreviousWord(text, k);
        return word.Equals("office", StringComparison.OrdinalIgnoreCase) && post.Equals("post", StringComparison.OrdinalIgnoreCase)
            ? SpacesBefore(text, k) - post.Length
            : -1;
    }

    /// <summary>Whether one to three capitalised words or ordinals ("Baker", "Fifth", "5th") and a street ending follow the house number ending at <paramref name="k"/>.</summary>
    private static bool StreetAfter(string text, int k)
    {
        if (k >= text.Length || text[k] != ' ')
        {
            return false;
        }

        for (int words = 0; words < 4; words++)
        {
            k = PastSpaces(text, k);
            int end = k;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }

            if (end == k)
            {
                return false;
            }

            ReadOnlySpan<char> word = text.AsSpan(k, end - k);
            if (words > 0 && IsOneOf(word, StreetsAfterANumber) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }

            bool ordinal = char.IsAsciiDigit(word[0]) && word.Length is >= 3 and <= 4 && IsOneOf(word[^2..], ["st", "nd", "rd", "th"]);
            if (!ordinal && !char.IsUpper(word[0]))
            {
                return false;
            }

            k = end;
        }

        return false;
    }

    /// <summary>
    /// In a message written without a capital, whether one or two words in small letters that are none of the lexicon's
    /// and a street word of <see cref="StreetsInSmallLetters"/> follow the house number ending at <paramref name="k"/>: "i
    /// live at 10 downing street london", "send it to flat 3, 12 high street". "waited 2 hours on the road", "1 easy way",
    /// "20 dollars street parking" and "order 12 high street shoes" stay.
    /// </summary>
    private static bool StreetInSmallLettersAfter(string text, int k)
    {
        if (k >= text.Length || text[k] != ' ' || text.AsSpan().IndexOfAnyInRange('A', 'Z') >= 0)
        {
            return false;
        }

        // The house number's word before it: not a quantity's ("order 12 high street shoes").
        int number = k;
        while (number > 0 && char.IsLetterOrDigit(text[number - 1]))
        {
            number--;
        }

        return !IsOneOf(PreviousWord(text, number), QuantityWords)
            && StreetNameInSmallLettersThen(text, k, StreetsInSmallLetters, CountedThings, wholeWords: true) >= 0;
    }

    /// <summary>
    /// Where the word of <paramref name="endings"/> ends that follows one or two words of a street's name in small letters
    /// after <paramref name="k"/>, or -1: each of three letters or more, none of the lexicon's words, of
    /// <see cref="NotANameWords"/> or of <paramref name="notNames"/>. With <paramref name="wholeWords"/> no word may run on
    /// into a digit or a letter of another script.
    /// </summary>
    private static int StreetNameInSmallLettersThen(string text, int k, string[] endings, string[] notNames, bool wholeWords)
    {
        for (int words = 0; words < 3; words++)
        {
            k = PastSpaces(text, k);
            int end = LettersEnd(text, k);
            if (end == k || (wholeWords && end < text.Length && char.IsLetterOrDigit(text[end])))
            {
                return -1;
            }

            ReadOnlySpan<char> word = text.AsSpan(k, end - k);
            if (words > 0 && IsOneOf(word, endings))
            {
                return end;
            }

            if (words == 2 || word.Length < 3 || IsOneOf(word, NotANameWords) || IsOneOf(word, notNames) || Lexicon.BySpan.ContainsKey(word))
            {
                return -1;
            }

            k = end;
        }

        return -1;
    }

    /// <summary>Words after "jalan" that make it a road or a walk, not a street's name ("jalan macet", "jalan kaki").</summary>
    private static readonly string[] NotStreetNames = ["macet", "rusak", "kaki", "santai", "pagi", "sore", "malam", "tol", "pintas", "berlubang", "licin", "sepi", "ramai"];

    /// <summary>
    /// Whether one or two words in small letters, then "no" or "nomor" and a number, follow "jalan" ending at
    /// <paramref name="k"/>: a street's name and its number ("rumah saya jalan mawar no 3"). "jalan macet" and "lagi jalan
    /// kaki" name no street; a street without "no" ("jalan mawar 3") is left to "alamat" before it.
    /// </summary>
    private static bool NumberedStreetInSmallLetters(string text, int k)
    {
        int end = StreetNameInSmallLettersThen(text, k, NumberWords, NotStreetNames, wholeWords: false);
        int digit = end < 0 ? -1 : PastSpaces(text, end < text.Length && text[end] == '.' ? end + 1 : end);
        return digit >= 0 && digit < text.Length && char.IsAsciiDigit(text[digit]);
    }

    /// <summary>The words before a street's number ("jalan mawar no 3").</summary>
    private static readonly string[] NumberWords = ["no", "nomor", "nomer", "nmr"];

    /// <summary>A word in "'s" right before <paramref name="start"/>: "my wife's name is ...", "the owner's name:".</summary>
    private static bool IsPossessive(string text, int start)
    {
        int e = SpacesBefore(text, start);
        return e >= 3 && e < start && text[e - 1] is 's' or 'S' && text[e - 2] is '\'' or '\u2019' && char.IsLetter(text[e - 3]);
    }

    /// <summary>"a.n", "a/n" or "c/o" at <paramref name="start"/>, as a word of its own.</summary>
    private static bool IsInitialsMark(string text, int start) =>
        start + 3 <= text.Length && (start == 0 || !char.IsLetterOrDigit(text[start - 1]))
        && ((text[start] is 'a' or 'A' && text[start + 1] is '.' or '/' && text[start + 2] is 'n' or 'N')
            || (text[start] is 'c' or 'C' && text[start + 1] == '/' && text[start + 2] is 'o' or 'O'))
        && (start + 3 == text.Length || !char.IsLetterOrDigit(text[start + 3]));

    /// <summary>Past "on the card", "on my account", "of the account holder" between "name" and what it is.</summary>
    private static int PastOnTheCard(string text, int k)
    {
        (int ws, int we) = NextWord(text, k);
        if (we == ws || !IsOneOf(text.AsSpan(ws, we - ws), ["on", "of"]))
        {
            return k;
        }

        int at = we;
        for (int words = 0; words < 3; words++)
        {
            (ws, we) = NextWord(text, at);
            if (we == ws || !IsOneOf(text.AsSpan(ws, we - ws), ["the", "my", "card", "account", "booking", "ticket", "holder", "reservation", "order"]))
            {
                break;
            }

            at = we;
        }

        return at;
    }

    /// <summary>
    /// The name after position <paramref name="k"/>: past "is", "was", "adalah" or a ':' (one of which
    /// <paramref name="needsMark"/> requires) and an honorific, one to four words that are no small word.
    /// </summary>
    private static (int From, int To, string? Placeholder) Named(string text, int k, bool needsMark)
    {
        bool marked = false;
        for (int steps = 0; steps < 3; steps++)
        {
            k = PastSpaces(text, k);
            if (k < text.Length && text[k] is ':' or '=' or '-' or '\u2013' or '\u2014')
            {
                k++;
                marked = true;
                // "**Name:** Oliver Brown": markdown's emphasis closing the label.
                while (k < text.Length && text[k] is '*' or '_')
                {
                    k++;
                }

                continue;
            }

            if (k + 1 < text.Length && text[k] is '\'' or '\u2019' && text[k + 1] is 's' or 'S')
            {
                k += 2;
                marked = true;
                continue;
            }

            (int ws, int we) = NextWord(text, k);
            if (we > ws && IsOneOf(text.AsSpan(ws, we - ws), ["is", "was", "adalah", "yaitu", "yakni", "ialah"]))
            {
                k = we;
                marked = true;
                continue;
            }

            break;
        }

        if (needsMark && !marked)
        {
            return default;
        }

        k = PastHonorific(text, k);

        int from = -1;
        int to = -1;
        bool capitalised = false;
        for (int words = 0; words < MaxNameWords; words++)
        {
            (int ws, int we) = NextNameWord(text, k);
            // "my name is Will": a given name that is an everyday word too, capitalised, is the name the words announce.
            if (we == ws || (IsOneOf(text.AsSpan(ws, we - ws).TrimEnd('.'), NotANameWords) && !(from < 0 && IsNameThatIsAWord(text.AsSpan(ws, we - ws)))))
            {
                break;
            }

            // A name written with capitals goes on only while its words have them, or are the small words of names
            // ("Budi bin Ahmad", "Ludwig van Beethoven"): "my name is John need help" is John's.
            if (from < 0)
            {
                capitalised = char.IsUpper(text[ws]);
            }
            else if (capitalised && !char.IsUpper(text[ws]) && !IsOneOf(text.AsSpan(ws, we - ws), ["bin", "binti", "van", "von", "de", "da", "del", "al", "la", "le"]))
            {
                break;
            }

            // Long names ("Ni Luh Putu Ayu Sukmawati") are written with capitals; one in small letters is read as four words at most.
            if (!capitalised && words >= MaxSmallNameWords)
            {
                break;
            }

            from = from < 0 ? ws : from;
            to = we;
            k = we;
            if (we < text.Length && text[we] is not (' ' or '\u00A0'))
            {
                break;
            }
        }

        return from < 0 ? default : (from, to, NamePlaceholder);
    }

    /// <summary>A word of a name at or after <paramref name="k"/>: letters with an apostrophe (either) or hyphen inside ("O'Brien", "O’Brien", "Jean-Luc"), or an initial with its dot ("J.").</summary>
    private static (int Start, int End) NextNameWord(string text, int k)
    {
        k = PastSpaces(text, k);
        int end = k;
        while (end < text.Length && (char.IsLetter(text[end]) || (text[end] is '\'' or '\u2019' or '-' && end > k && end + 1 < text.Length && char.IsLetter(text[end + 1]))))
        {
            end++;
        }

        if (end == k + 1 && end < text.Length && text[end] == '.')
        {
            end++;
        }

        // "Peter Parker's school": the possessive is no part of the name.
        if (end - k > 3 && text[end - 2] is '\'' or '\u2019' && text[end - 1] is 's' or 'S')
        {
            end -= 2;
        }

        return end > k && (end == text.Length || !char.IsDigit(text[end])) ? (k, end) : (k, k);
    }

    /// <summary>
    /// A word written as a form's field, "Name: Budi Santoso, HP: ...", "name - John Smith": a colon, '=' or a dash right
    /// after it, and nothing before it in its part of the message (its start, or a comma, a semicolon, a full stop, a
    /// bracket or a line break), so "product name: ..." stays.
    /// </summary>
    private static bool IsFieldLabel(string text, int start, int end)
    {
        int colon = PastSpaces(text, end);
        if (colon >= text.Length || text[colon] is not (':' or '=' or '-' or '\u2013' or '\u2014'))
        {
            return false;
        }

        int before = SpacesBefore(text, start);
        return before == 0 || text[before - 1] is ',' or ';' or '.' or '(' or '[' or '|' or '\n' or '\r' or '-' or '*';
    }

    /// <summary>Past an honorific at or after <paramref name="k"/> ("Mr.", "Ibu", "Pak"), which is kept before the name; <paramref name="k"/> when there is none.</summary>
    private static int PastHonorific(string text, int k)
    {
        (int hs, int he) = NextWord(text, k);
        if (he > hs && IsOneOf(text.AsSpan(hs, he - hs), Honorifics))
        {
            return he < text.Length && text[he] == '.' ? he + 1 : he;
        }

        return k;
    }

    /// <summary>
    /// Whether the '.' at <paramref name="dot"/> closes a capital's initial followed by a capitalised word ("Jl. Letjen S.
    /// Parman", "Jl. R.A. Kartini"), which ends no sentence.
    /// </summary>
    private static bool IsInitialBefore(string text, int dot)
    {
        bool initial = dot > 0 && char.IsUpper(text[dot - 1]) && (dot == 1 || !char.IsLetter(text[dot - 2]));
        int next = PastSpaces(text, dot + 1);
        return initial && next < text.Length && char.IsUpper(text[next]);
    }

    /// <summary>
    /// An address that starts on the line after its label and may go on over the next lines ("My address:\n12 Orchard
    /// Lane\nBristol BS1 4DJ"): its first line as <see cref="Addressed"/> reads one, then each next line (up to three) that
    /// is one too or holds a number, such as a town and its postal code; a line of words alone ("Thanks!") ends it.
    /// </summary>
    private static (int From, int To, string? Placeholder) AddressOverLines(string text, int k)
    {
        k = PastLineBreak(text, k);
        (int from, int to, string? placeholder) = Addressed(text, PastSpaces(text, k), needsNumber: false);
        if (placeholder is null)
        {
            return default;
        }

        for (int lines = 0; lines < 3; lines++)
        {
            int lineEnd = to;
            while (lineEnd < text.Length && text[lineEnd] is ' ' or ',' or '\u00A0')
            {
                lineEnd++;
            }

            if (lineEnd >= text.Length || text[lineEnd] is not ('\n' or '\r'))
            {
                break;
            }

            int next = PastSpaces(text, PastLineBreak(text, lineEnd));
            (int _, int nextTo, string? more) = Addressed(text, next, needsNumber: true);
            if (more is null || nextTo - next > 60)
            {
                break;
            }

            to = nextTo;
        }

        return (from, to, placeholder);

        static int PastLineBreak(string text, int k)
        {
            if (k < text.Length && text[k] == '\r')
            {
                k++;
            }

            return k < text.Length && text[k] == '\n' ? k + 1 : k;
        }
    }

    /// <summary>
    /// The address from <paramref name="k"/> to the end of its sentence (a '.' after no abbreviation of an address, '?',
    /// '!', ';' or a line break), a word that ends it, or <see cref="MaxAddressLength"/> characters; kept when it holds a
    /// number and a word or, unless <paramref name="needsNumber"/>, a street word.
    /// </summary>
    private static (int From, int To, string? Placeholder) Addressed(string text, int k, bool needsNumber)
    {
        int limit = Math.Min(text.Length, k + MaxAddressLength);
        int end = k;
        int lastWordEnd = k;
        bool number = false;
        bool floor = false;
        bool street = false;
        bool road = false;
        bool named = false;
        while (end < limit)
        {
            char c = text[end];
            if (c is '?' or '!' or ';' or '\n' or '\r' or '(' or ')')
            {
                break;
            }

            if (c == '.' && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1])) && !IsOneOf(PreviousWord(text, end), AddressAbbreviations)
                && StreetEndingOf(PreviousWord(text, end), dot: true) is StreetEnding.None
                && !IsInitialBefore(text, end)
                && !(end > 0 && char.IsAsciiDigit(text[end - 1]) && end + 2 < text.Length && char.IsAsciiDigit(text[end + 2])))
            {
                break;
            }

            if (char.IsLetter(c))
            {
                int we = WordLettersEnd(text, end);
                ReadOnlySpan<char> word = text.AsSpan(end, we - end);
                // "Seattle WA 98109": a state's two capitals before its ZIP code, no word that ends an address ("WA" for WhatsApp).
                bool stateBeforeZip = we - end == 2 && char.IsUpper(text[end]) && char.IsUpper(text[end + 1]) && DigitsAt(text, PastSpaces(text, we), text.Length) == 5;
                if (end > k && IsOneOf(word, AfterAnAddress) && !stateBeforeZip)
                {
                    break;
                }

                bool streetWord = IsOneOf(word, StreetWords);
                street |= streetWord;
                road |= streetWord && !word.Equals("blok", StringComparison.OrdinalIgnoreCase);
                named = true;
                end = we;
                lastWordEnd = end;
                continue;
            }

            if (char.IsDigit(c))
            {
                // "Blok M Square lantai 2": where only a number makes the address, a floor's is none unless a street is named
                // ("Jl. Melati lantai 2"); after "alamat" ("alamat: Menara BCA lantai 5") it is one. A number is read at its first digit.
                if (end == k || !char.IsDigit(text[end - 1]))
                {
                    bool isFloor = needsNumber && IsOneOf(WordBeforeANumber(text, end), FloorWords);
                    number |= !isFloor;
                    floor |= isFloor;
                }

                lastWordEnd = end + 1;
            }
            else if (c is not (' ' or ',' or '.' or '\u00A0'))
            {
                lastWordEnd = end + 1;
            }

            end++;
        }

        // A number alone is no address ("how do I change my delivery address 134" gives a reference): it needs a word with it.
        bool kept = ((number || (floor && road)) && named) || (!needsNumber && street);
        return kept && lastWordEnd > k ? (k, lastWordEnd, AddressPlaceholder) : default;

        // The word before a number, past spaces and its own dot ("lantai 2", "Lt. 3").
        static ReadOnlySpan<char> WordBeforeANumber(string text, int k)
        {
            int e = SpacesBefore(text, k);
            return PreviousWord(text, e > 0 && text[e - 1] == '.' ? e - 1 : e);
        }
    }

    /// <summary>The words for a building's floor, whose number alone makes no address ("Blok M Square lantai 2").</summary>
    private static readonly string[] FloorWords = ["lantai", "lt", "floor", "level"];
}
