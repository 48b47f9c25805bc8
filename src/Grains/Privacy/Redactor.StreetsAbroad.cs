using System.Buffers;

namespace CxCluster.Grains.Privacy;

/// <summary>
/// Postal addresses written as other countries write them: a German or Dutch street ending in its word ("Hauptstraße 12",
/// "Kerkstraat 12"), a Romance street word before its name and number ("Via Roma 10", "Calle Mayor 5", "Avenida Paulista,
/// 1578"), a French house number before its street ("12 rue de la Paix"), a house number before a postal code and its town
/// ("Am Markt 3, 1010 Wien"), an address in Japanese script ("〒100-0001 東京都千代田区千代田1-1", "大阪府大阪市北区梅田3-1-1"),
/// and a street with its number after the words for where someone lives or a parcel goes ("I live at 10 downing street").
/// </summary>
public static partial class Redactor
{
    /// <summary>The longest word of a street's name read, in letters.</summary>
    private const int MaxStreetWordLength = 40;

    /// <summary>The most words of a street's name read between its street word and its number ("Paseo de la Castellana").</summary>
    private const int MaxStreetNameWords = 5;

    /// <summary>How far back from a number in Japanese script its address is looked for, in characters.</summary>
    private const int MaxJapanesePlaceLength = 24;

    /// <summary>
    /// German and Dutch street words, which end a street's name written as one word ("Hauptstraße", "Bahnhofstrasse",
    /// "Kerkstraat", "Schillerplatz", "Kurfürstendamm", "Prinsengracht") or stand after a word of it ("Berliner Straße").
    /// </summary>
    private static readonly string[] StreetEndings =
    [
        "straße", "strasse", "gasse", "platz", "allee", "damm", "weg", "ufer", "chaussee", "steig", "straat", "laan", "gracht", "plein",
        "steenweg", "dijk", "singel",
        // Sweden's, Norway's, Denmark's and Finland's ("Drottninggatan 53", "Strandvejen 12", "Mannerheimintie 20", "Aleksanterinkatu 52").
        "gatan", "gata", "gade", "vej", "vejen", "veien", "katu", "tie",
    ];

    /// <summary>
    /// Street words of Spain, Italy, Portugal, Brazil, Catalonia, France and Belgium that go before a street's name, its number
    /// after it ("Calle Mayor 5", "Via Roma 10", "Rua Augusta, 1500", "Rue de la Loi 16"): none is an English word.
    /// </summary>
    private static readonly string[] StreetsBeforeAName =
    [
        "calle", "carrer", "rua", "avenida", "av", "avda", "avinguda", "paseo", "passeig", "viale", "piazza", "piazzale", "vicolo", "praça",
        "praca", "plaça", "travessa", "rambla", "carretera", "estrada", "rue", "chaussée", "lungomare",
        // Poland's ("ul. Marszałkowska 10", "al. Jerozolimskie 54" is left out: "al" names people too).
        "ul", "ulica", "aleja", "aleje",
    ];

    /// <summary>
    /// Street words before a name that are English words or names too ("sent via DHL 2 days ago", "Plaza Indonesia 3 jam", "Avenue
    /// Q 2 tickets", "Largo Winch 2 movie", "Cane Corso 2 puppies"): a street only when no word in small letters follows its
    /// number and its name is not in capitals alone ("via DHL 3").
    /// </summary>
    private static readonly string[] EnglishStreetsBeforeAName = ["via", "plaza", "avenue", "boulevard", "largo", "ronda", "camino", "corso", "strada", "alameda"];

    /// <summary>French street words after a house number ("12 rue de la Paix", "5 avenue Anatole France", "3 bd Haussmann").</summary>
    private static readonly string[] FrenchStreets =
    [
        "rue", "avenue", "av", "boulevard", "bd", "bld", "allée", "allee", "impasse", "quai", "chemin", "place", "cours", "route", "square",
        "passage", "promenade", "faubourg", "esplanade", "sentier", "voie",
    ];

    /// <summary>The French street words of <see cref="FrenchStreets"/> that name other things too ("3 cours de danse", "2 place settings"): a street only before a capitalised name.</summary>
    private static readonly string[] FrenchStreetsOfOtherThings = ["place", "cours", "route", "square", "passage", "promenade", "chemin", "voie", "sentier"];

    /// <summary>The small words inside a street's name ("Calle de Alcalá", "Via dei Mille", "Rua da Consolação", "rue de la Paix", "An der Alster").</summary>
    private static readonly string[] StreetNameParticles =
    [
        "de", "del", "della", "delle", "dei", "degli", "dello", "di", "da", "do", "dos", "das", "du", "des", "la", "las", "los", "el", "le", "les",
        "san", "santa", "santo", "são", "sant", "saint", "sainte", "der", "den", "dem", "am", "an", "auf", "im", "zum", "zur", "van", "het", "ter",
        "ten", "op", "aan",
    ];

    /// <summary>The small German words that name no street before "Straße", "Weg" or "Platz" ("auf Platz 3", "Die Straße 5").</summary>
    private static readonly string[] GermanSmallWords =
    [
        "auf", "im", "am", "in", "der", "die", "das", "den", "dem", "des", "zum", "zur", "mit", "von", "bei", "nach", "für", "ein", "eine",
        "einen", "mein", "meine", "unser", "unsere", "dein", "deine", "ihr", "ihre", "sein", "seine", "ist", "und", "oder", "erster", "zweiter",
        "dritter", "letzter",
    ];

    /// <summary>Words between a street's name and its number ("Hauptstraße Nr. 12", "Via Roma n. 10", "Rua Augusta, nº 1500").</summary>
    private static readonly string[] HouseNumberWords = ["nr", "n", "no", "nº", "num", "numero", "número", "nummer"];

    /// <summary>Words a number after them makes no house number: a floor, a part or an order ("Plaza Indonesia Lt 3", "Season 2").</summary>
    private static readonly string[] NotBeforeAHouseNumber =
    [
        "lt", "lantai", "floor", "level", "lv", "gate", "hall", "tower", "vol", "season", "part", "chapter", "episode", "ep", "page", "step",
        "round", "phase", "version", "room", "kamar", "order", "pesanan", "invoice", "inv", "ref", "resi", "ticket", "tiket", "item", "sku",
        "code", "kode", "model", "type", "size", "pack", "bus", "line", "linie", "tram", "gleis", "platform", "terminal",
    ];

    /// <summary>
    /// Words of buying, ordering and sending that, with <see cref="QuantityWords"/>, make the number right after them a
    /// quantity ("Please send 2 Rue Madame tops", "Saya beli 2 Boulevard Mall voucher", "mau pesan 3 ...").
    /// </summary>
    private static readonly string[] MoreQuantityWords =
    [
        "send", "sent", "sending", "purchase", "purchased", "orders", "buying", "take", "took", "add", "added", "grab", "needs",
        "wants", "pcs", "buah", "beli", "dibeli", "membeli", "belikan", "pesan", "memesan", "dipesan", "pesen", "mesen", "mau",
        "kirim", "kirimkan", "dikirim", "ambil", "minta", "butuh", "perlu", "tambah", "checkout",
    ];

    /// <summary>Words that may stand between a word of buying and its quantity ("send me 2 ...", "beli lagi 2 ...", "order another 2 ...").</summary>
    private static readonly string[] BetweenAPurchaseAndItsQuantity =
    [
        "me", "us", "him", "her", "them", "you", "another", "just", "only", "also", "again", "saya", "aku", "lagi", "dong", "ya", "cuma",
        "hanya", "juga", "sebanyak",
    ];

    /// <summary>Words a number names no house with: more things it counts than <see cref="CountedThings"/> ("Plaza Senayan 2 jam", "Via DHL 3 kali").</summary>
    private static readonly string[] MoreCountedThings =
    [
        "kali", "jam", "menit", "hari", "minggu", "bulan", "tahun", "orang", "buah", "biji", "stars", "star", "percent", "km", "kg", "euro",
        "stück", "stunden", "minuten", "tage", "personen", "minutos", "horas", "dias", "días", "ore", "giorni", "heures", "jours", "fois",
    ];

    /// <summary>
    /// The words after which a street and its number tell where someone lives or a parcel goes ("I live at 10 downing street",
    /// "ship to 12 rue de la Paix"), searched for only in a text with a digit.
    /// </summary>
    private static readonly SearchValues<string> WhereSomeoneLivesMarks = SearchValues.Create(
        ["live at", "lives at", "living at", "reside at", "resides at", "staying at", "stay at", "ship to", "ship it to", "ship them to",
            "deliver to", "deliver it to", "deliver them to", "send to", "send it to", "send them to", "mail it to", "mail to", "post it to"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Addresses written as other countries write them, each from a number of one to five digits that is a house number
    /// (not an amount, a time, a count or a reference: "Via Roma 10,50", "Plaza Senayan 2 jam", "order 75002"), added to
    /// <paramref name="found"/> where they lie apart from it: a street and its number after the words for where someone lives
    /// or a parcel goes, then a street's word before or after its number, then a house number before a postal code and its
    /// town, then addresses in Japanese script. Each is then read to the end of its sentence as <see cref="Addressed"/> reads one.
    /// A street named without a number ("Via Roma is busy", "Hauptstraße is closed") and a street word right before a number
    /// ("Calle 13", "Rue 21 sale", "Via 5 items") stay.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindStreetsAbroad(string text, List<(int Start, int End, string Placeholder)>? found)
    {
        found = FindWhereSomeoneLives(text, found);
        int i = MayHoldAStreetAbroad(text) ? 0 : text.Length;
        while (NextHouseNumber(text, ref i, out int at, out int digitsEnd))
        {
            int numberEnd = HouseNumberEnd(text, digitsEnd);
            if (numberEnd < 0 || IsFollowedByACount(text, numberEnd))
            {
                continue;
            }

            int start = StreetBeforeItsNumber(text, at, numberEnd);
            start = start >= 0 ? start : IsFrenchStreetAfter(text, at, numberEnd) ? UnitBefore(text, at) : -1;
            start = start >= 0 ? start : PlaceBeforeAPostalCode(text, at, numberEnd);
            if (start >= 0 && Addressed(text, start, needsNumber: true) is (var from, var to, { } placeholder) && to >= digitsEnd
                && AddApart(ref found, (from, to, placeholder)))
            {
                i = to;
            }
        }

        return text.AsSpan().IndexOfAnyInRange('\u3000', '\u9FFF') >= 0 ? FindJapaneseAddresses(text, found) : found;
    }

    /// <summary>
    /// What the street words of <see cref="StreetEndings"/>, <see cref="StreetsBeforeAName"/>, <see cref="EnglishStreetsBeforeAName"/>
    /// and <see cref="FrenchStreets"/> hold, as they are written inside a text ("Hauptstraße", "Bahnhofstr. 5", "Av. Paulista",
    /// "Kerkstraat"), in small sets: a search for a few strings at a time is vectorised, one for many is not.
    /// </summary>
    private static readonly SearchValues<string>[] StreetAbroadMarks =
    [
        SearchValues.Create(
            ["str", "gasse", "platz", "allee", "allée", "damm", "weg", "ufer", "chauss", "steig", "laan", "gracht", "plein", "dijk", "singel"],
            StringComparison.OrdinalIgnoreCase),
        SearchValues.Create(["gata", "gade", "vej", "veien", "katu", "tie ", "tie,", "ul.", "ul ", "ulica", "alej"],
            StringComparison.OrdinalIgnoreCase),
        SearchValues.Create(
            ["calle", "carrer", "rua", "aven", "avda", "aving", "av.", "av ", "pase", "passe", "via", "piazz", "vicolo", "praç", "prac"],
            StringComparison.OrdinalIgnoreCase),
        SearchValues.Create(
            ["plaça", "travessa", "rambla", "carretera", "estrada", "rue", "lungomare", "plaza", "boulevard", "largo", "ronda", "camino",
                "corso", "alameda", "bd"],
            StringComparison.OrdinalIgnoreCase),
        SearchValues.Create(
            ["bld", "impasse", "quai", "chemin", "place", "cours", "route", "square", "passa", "promenade", "faubourg", "esplanade", "sentier", "voie"],
            StringComparison.OrdinalIgnoreCase),
    ];

    /// <summary>
    /// Whether the text may hold a street as other countries write one: one of <see cref="StreetAbroadMarks"/>, a comma before
    /// a postal code's four or five digits, or "ring" before a number ("Mittlerer Ring 5", "Hohenzollernring 12"). Most texts
    /// have none, and their numbers are not looked at one by one.
    /// </summary>
    private static bool MayHoldAStreetAbroad(string text)
    {
        foreach (SearchValues<string> marks in StreetAbroadMarks)
        {
            if (text.AsSpan().IndexOfAny(marks) >= 0)
            {
                return true;
            }
        }

        for (int c = text.IndexOf(','); c >= 0; c = text.IndexOf(',', c + 1))
        {
            if (DigitsAt(text, PastSpaces(text, c + 1), text.Length) >= 4)
            {
                return true;
            }
        }

        for (int r = text.IndexOf("ring", StringComparison.OrdinalIgnoreCase); r >= 0; r = text.IndexOf("ring", r + 4, StringComparison.OrdinalIgnoreCase))
        {
            int k = r + 4;
            while (k < text.Length && text[k] is ' ' or ',' or '.')
            {
                k++;
            }

            if (k > r + 4 && k < text.Length && (char.IsAsciiDigit(text[k]) || text[k] is 'n' or 'N'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the house number whose digits end at <paramref name="digitsEnd"/> ends, with a letter ("5a", "221B") or a second
    /// number ("12-14"); -1 when the digits are no house number: an amount, a time or a date ("10,50", "10:30", "12.05"), a
    /// measure or an ordinal ("5kg", "5th", "50%").
    /// </summary>
    private static int HouseNumberEnd(string text, int digitsEnd)
    {
        int e = digitsEnd;
        if (e + 1 < text.Length && text[e] is '.' or ',' or ':' or '/' && char.IsAsciiDigit(text[e + 1]))
        {
            return -1;
        }

        if (e + 1 < text.Length && text[e] == '-' && char.IsAsciiDigit(text[e + 1]))
        {
            int more = DigitsAt(text, e + 1, text.Length);
            if (more > 4)
            {
                return -1;
            }

            e += 1 + more;
        }

        if (e < text.Length && text[e] is (>= 'a' and <= 'h') or (>= 'A' and <= 'H') && (e + 1 == text.Length || !char.IsLetterOrDigit(text[e + 1])))
        {
            e++;
        }

        return e == text.Length || char.IsWhiteSpace(text[e]) || text[e] is ',' or '.' or ';' or '!' or '?' or ')' or '"' or '\'' ? e : -1;
    }

    /// <summary>Whether the word after the number ending at <paramref name="k"/> is a thing it counts ("2 days", "3 kali", "5 stars").</summary>
    private static bool IsFollowedByACount(string text, int k)
    {
        (int ws, int we) = NextWord(text, k);
        return we > ws && (IsOneOf(text.AsSpan(ws, we - ws), CountedThings) || IsOneOf(text.AsSpan(ws, we - ws), MoreCountedThings));
    }

    /// <summary>Whether a word in small letters that ends no address ("please", "bitte") follows the number ending at <paramref name="k"/>: "2 tickets", "3 minggu lagi".</summary>
    private static bool IsFollowedBySmallWord(string text, int k)
    {
        (int ws, int we) = NextWord(text, k);
        return we > ws && char.IsLower(text[ws]) && !IsOneOf(text.AsSpan(ws, we - ws), AfterAnAddress);
    }

    /// <summary>
    /// The word ending at or before <paramref name="end"/>, past spaces and one dot after it ("Av.", "Bahnhofstr."): letters,
    /// with hyphens or apostrophes inside ("Kaiser-Wilhelm-Straße", "d'Italia"), at most <see cref="MaxStreetWordLength"/>;
    /// empty when something else stands there or the word runs on into a digit or is longer.
    /// </summary>
    private static (int Start, int End, bool Dot) StreetWordBefore(string text, int end)
    {
        int e = SpacesBefore(text, end);
        bool dot = e > 0 && text[e - 1] == '.';
        e = dot ? e - 1 : e;
        int s = e;
        while (s > 0 && e - s < MaxStreetWordLength
            && (char.IsLetter(text[s - 1]) || (text[s - 1] is '-' or '\'' or '\u2019' && s < e && s > 1 && char.IsLetter(text[s - 2]))))
        {
            s--;
        }

        return s == e || (s > 0 && char.IsLetterOrDigit(text[s - 1])) ? (e, e, false) : (s, e, dot);
    }

    /// <summary>The word at or after <paramref name="k"/>, past spaces, as <see cref="StreetWordBefore"/> reads one (without its dot).</summary>
    private static (int Start, int End) StreetWordAfter(string text, int k)
    {
        k = PastSpaces(text, k);
        int e = k;
        while (e < text.Length && e - k < MaxStreetWordLength
            && (char.IsLetter(text[e]) || (text[e] is '-' or '\'' or '\u2019' && e > k && e + 1 < text.Length && char.IsLetter(text[e + 1]))))
        {
            e++;
        }

        return e < text.Length && char.IsLetterOrDigit(text[e]) ? (k, k) : (k, e);
    }

    /// <summary>A capitalised word of a street's or a town's name, of two letters or more and no small word ("Roma", "Paulista", "XX").</summary>
    private static bool IsCapitalisedNameWord(ReadOnlySpan<char> word) =>
        word.Length >= 2 && char.IsUpper(word[0]) && !IsOneOf(word, NotANameWords) && !IsOneOf(word, NotBeforeAHouseNumber);

    /// <summary>Whether every letter of <paramref name="word"/> is a capital ("DHL", "XX").</summary>
    private static bool IsAllCapitals(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How a word names a German or Dutch street, if it does.</summary>
    private enum StreetEnding
    {
        None,

        /// <summary>The street word ends the name's one word ("Hauptstraße", "Kerkstraat").</summary>
        Joined,

        /// <summary>The street word stands alone after a word of the name ("Berliner Straße").</summary>
        Apart,

        /// <summary>"-ring", which ends English words too ("Spring", "Offering"): a street only when no word in small letters follows its number.</summary>
        Ring,
    }

    /// <summary>How the word <paramref name="word"/> (with a dot after it, <paramref name="dot"/>) names a German or Dutch street.</summary>
    private static StreetEnding StreetEndingOf(ReadOnlySpan<char> word, bool dot)
    {
        if (word.Length < 3)
        {
            return StreetEnding.None;
        }

        if (dot || word.EndsWith("str", StringComparison.OrdinalIgnoreCase))
        {
            // "Bahnhofstr. 5a", "Berliner Str. 7": the abbreviation, joined or apart.
            return !word.EndsWith("str", StringComparison.OrdinalIgnoreCase) || !char.IsUpper(word[0]) ? StreetEnding.None
                : word.Length == 3 ? (dot ? StreetEnding.Apart : StreetEnding.None)
                : word.Length >= 6 ? StreetEnding.Joined : StreetEnding.None;
        }

        foreach (string ending in StreetEndings)
        {
            if (word.Equals(ending, StringComparison.OrdinalIgnoreCase))
            {
                return char.IsUpper(word[0]) ? StreetEnding.Apart : StreetEnding.None;
            }

            if (word.Length >= ending.Length + 3 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)
                && (char.IsLetter(word[^(ending.Length + 1)]) || word[^(ending.Length + 1)] == '-'))
            {
                return StreetEnding.Joined;
            }
        }

        if (!char.IsUpper(word[0]) || !word.EndsWith("ring", StringComparison.OrdinalIgnoreCase))
        {
            return StreetEnding.None;
        }

        if (word.Length == 4)
        {
            return StreetEnding.Apart; // "Mittlerer Ring 5"
        }

        // "Ostring", "Hohenzollernring", "Kaiser-Ring"; English words end in a vowel or an 'r' before it ("Offering",
        // "Herring"), or have fewer than three letters before it ("Spring", "String").
        char last = word[^5];
        return word.Length >= 7 && (last == '-' || (char.IsLetter(last) && !"aeiouyrAEIOUYR".Contains(last))) ? StreetEnding.Ring : StreetEnding.None;
    }

    /// <summary>
    /// Where the street whose number begins at <paramref name="at"/> begins, when its name comes before its number: a German
    /// or Dutch street word ending it ("Hauptstraße 12", "Kerkstraat 12", "Berliner Straße 7", "Bahnhofstr. 5a"), or a Romance
    /// street word before one to five words of its name ("Via Roma 10", "Calle de Alcalá 50", "Avenida Paulista, 1578", "Via
    /// Roma n. 10"); -1 when it does not. The number may follow a comma and "Nr.", "n." or "nº".
    /// </summary>
    private static int StreetBeforeItsNumber(string text, int at, int numberEnd)
    {
        int k = PastHouseNumberWord(text, at);
        (int ws, int we, bool dot) = StreetWordBefore(text, k);
        if (we == ws)
        {
            return -1;
        }

        ReadOnlySpan<char> last = text.AsSpan(ws, we - ws);
        if (IsOneOf(last, NotBeforeAHouseNumber))
        {
            return -1;
        }

        switch (StreetEndingOf(last, dot))
        {
            case StreetEnding.Joined:
                return ws;
            case StreetEnding.Ring:
                return IsFollowedBySmallWord(text, numberEnd) ? -1 : ws;
            case StreetEnding.Apart:
            {
                (int ps, int pe, bool pdot) = StreetWordBefore(text, ws);
                ReadOnlySpan<char> before = text.AsSpan(ps, pe - ps);
                bool named = pe > ps && !pdot && before.Length >= 3 && IsCapitalisedNameWord(before) && !IsOneOf(before, GermanSmallWords);
                return named && (!last.Equals("ring", StringComparison.OrdinalIgnoreCase) || !IsFollowedBySmallWord(text, numberEnd)) ? ps : -1;
            }
        }

        // A Romance street word before its name: the words between are capitalised, or small words of a name ("de la").
        bool capitalised = false;
        bool onlyCapitals = true;
        int end = we;
        for (int words = 0; words <= MaxStreetNameWords; words++)
        {
            ReadOnlySpan<char> word = text.AsSpan(ws, end - ws);
            if (words > 0 && (IsOneOf(word, StreetsBeforeAName) || IsOneOf(word, EnglishStreetsBeforeAName)))
            {
                bool english = IsOneOf(word, EnglishStreetsBeforeAName);
                bool wordOk = char.IsUpper(word[0]) || !IsOneOf(word, ["av"]);
                return capitalised && wordOk && !(english && (onlyCapitals || IsFollowedBySmallWord(text, numberEnd))) ? ws : -1;
            }

            if (dot || words == MaxStreetNameWords)
            {
                return -1;
            }

            if (IsCapitalisedNameWord(word))
            {
                capitalised = true;
                onlyCapitals &= IsAllCapitals(word);
            }
            else if (!IsStreetNameParticle(word) || words == 0)
            {
                return -1;
            }

            int wordStart = ws;
            (ws, end, dot) = StreetWordBefore(text, ws);
            if (end == ws)
            {
                // "Rua 25 de Março 100", "Avenida 9 de Julho 1234": a day's number before "de" and a month is part of the name.
                int day = IsStreetNameParticle(word) || IsOneOf(word, ItalianMonths) ? DayBefore(text, wordStart) : -1;
                (ws, end, dot) = day >= 0 ? StreetWordBefore(text, day) : (0, 0, false);
                if (end == ws)
                {
                    return -1;
                }
            }
        }

        return -1;

        // Where a day's number of one or two digits ("25", "1º") ends a word before <paramref name="k"/>, past a space; -1 when there is none.
        static int DayBefore(string text, int k)
        {
            int e = SpacesBefore(text, k);
            int s = e < k && e > 0 && text[e - 1] is 'º' or 'ª' or '°' ? e - 1 : e;
            int digits = 0;
            while (s > 0 && char.IsAsciiDigit(text[s - 1]) && digits < 3)
            {
                s--;
                digits++;
            }

            return e < k && digits is 1 or 2 && (s == 0 || !char.IsLetterOrDigit(text[s - 1])) ? s : -1;
        }
    }

    /// <summary>The months a street's name holds after a day's number ("Via 4 Novembre 96", "Corso 22 Marzo 4").</summary>
    private static readonly string[] ItalianMonths =
    [
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
    ];

    /// <summary>A small word inside a street's name: "de", "della", "der", or one with an apostrophe before a capital ("d'Italia", "l'Opéra").</summary>
    private static bool IsStreetNameParticle(ReadOnlySpan<char> word) =>
        IsOneOf(word, StreetNameParticles)
        || (word.Length >= 4 && word[0] is 'd' or 'l' && word[1] is '\'' or '\u2019' && char.IsUpper(word[2]));

    /// <summary>Where the street's name ends before the number at <paramref name="at"/>, past a comma and "Nr.", "n.", "n°" or "nº" ("Rua Augusta, nº 1500").</summary>
    private static int PastHouseNumberWord(string text, int at)
    {
        int k = SpacesBefore(text, at);
        if (k > 0 && text[k - 1] is '°' or 'º' && k > 1 && text[k - 2] is 'n' or 'N' && (k == 2 || !char.IsLetter(text[k - 3])))
        {
            k = SpacesBefore(text, k - 2);
        }
        else
        {
            (int ws, int we, bool _) = StreetWordBefore(text, k);
            if (we > ws && IsOneOf(text.AsSpan(ws, we - ws), HouseNumberWords))
            {
                k = SpacesBefore(text, ws);
            }
        }

        return k > 0 && text[k - 1] == ',' ? k - 1 : k;
    }

    /// <summary>
    /// Whether a French street word and its name follow the house number at [<paramref name="at"/>, <paramref name="numberEnd"/>):
    /// "12 rue de la Paix", "5 avenue Anatole France", "3 bd Haussmann", "5 Avenue of the Americas", "12 bis rue ...". A word
    /// of the street's name comes next, a small word of one ("de", "du", "l'Opéra") or a capitalised one; after a street word
    /// that names other things too ("place", "cours", "route") a capitalised word must come within three words. "7 rue items",
    /// "3 cours de danse" and "order 12 rue ..." stay.
    /// </summary>
    private static bool IsFrenchStreetAfter(string text, int at, int numberEnd)
    {
        if (IsQuantityAt(text, at) || IsOneOf(PreviousWord(text, at), NotBeforeAHouseNumber))
        {
            return false;
        }

        int k = numberEnd < text.Length && text[numberEnd] == ',' ? numberEnd + 1 : numberEnd;
        (int ws, int we) = StreetWordAfter(text, k);
        if (we > ws && IsOneOf(text.AsSpan(ws, we - ws), ["bis", "ter", "quater"]))
        {
            (ws, we) = StreetWordAfter(text, we);
        }

        if (we == ws || !IsOneOf(text.AsSpan(ws, we - ws), FrenchStreets))
        {
            return false;
        }

        bool capitalStreet = char.IsUpper(text[ws]);
        bool otherThings = IsOneOf(text.AsSpan(ws, we - ws), FrenchStreetsOfOtherThings);
        k = we < text.Length && text[we] == '.' ? we + 1 : we;
        for (int words = 0; words < 3; words++)
        {
            (int ns, int ne) = StreetWordAfter(text, k);
            if (ne == ns)
            {
                return false;
            }

            ReadOnlySpan<char> word = text.AsSpan(ns, ne - ns);
            if (IsCapitalisedNameWord(word))
            {
                return true;
            }

            bool particle = IsStreetNameParticle(word) || (capitalStreet && IsOneOf(word, ["of", "the"]));
            if (!particle)
            {
                return false;
            }

            if (!otherThings && !IsOneOf(word, ["the"]))
            {
                // "12 rue de la paix": after a street word that is nothing else, a small word of a name is enough.
                (int ps, int pe) = StreetWordAfter(text, ne);
                return pe > ps && (capitalStreet || !IsOneOf(word, ["of"]));
            }

            k = ne;
        }

        return false;
    }

    /// <summary>
    /// Whether the number at <paramref name="at"/> is a quantity a word of buying, ordering or sending gives right before it,
    /// perhaps with "me", "another" or "lagi" between ("buy 2 ...", "Please send 2 Rue Madame tops", "Saya beli 2 Boulevard
    /// Mall voucher", "send me 2 ...", "x 2 ..."): two words are read.
    /// </summary>
    private static bool IsQuantityAt(string text, int at)
    {
        ReadOnlySpan<char> word = PreviousWord(text, at);
        if (IsOneOf(word, QuantityWords) || IsOneOf(word, MoreQuantityWords))
        {
            return true;
        }

        if (word.IsEmpty || !IsOneOf(word, BetweenAPurchaseAndItsQuantity))
        {
            return false;
        }

        ReadOnlySpan<char> before = PreviousWord(text, SpacesBefore(text, at) - word.Length);
        return IsOneOf(before, QuantityWords) || IsOneOf(before, MoreQuantityWords);
    }

    /// <summary>
    /// Where a place begins whose house number at [<paramref name="at"/>, <paramref name="numberEnd"/>) is followed by a comma,
    /// a postal code of four or five digits (with the two letters of a Dutch one) and a capitalised town: "Am Markt 3, 1010
    /// Wien", "Unter den Linden 77, 10117 Berlin", "Kerkstraat 12, 1017 GC Amsterdam"; the place is one to three words before
    /// the number, capitalised or small words of a name, the first capitalised. -1 when there is none ("order 5, 10115 Berlin").
    /// </summary>
    private static int PlaceBeforeAPostalCode(string text, int at, int numberEnd)
    {
        int k = PastSpaces(text, numberEnd);
        if (k >= text.Length || text[k] != ',')
        {
            return -1;
        }

        k = PastSpaces(text, k + 1);
        int code = DigitsAt(text, k, text.Length);
        if (code is < 4 or > 5 || (k > 0 && char.IsLetterOrDigit(text[k - 1])))
        {
            return -1;
        }

        // A code of four digits that reads as a year ("Windows 10, 2004 Update") is one only with a small word of a place's
        // name before it ("An der Alster 5, 2000 ...") or the two letters of a Dutch code after it.
        bool yearLike = code == 4 && text[k] is '1' or '2' && text[k + 1] is '9' or '0' && (text[k] == '1') == (text[k + 1] == '9');
        k += code;
        if (k + 3 < text.Length && text[k] == ' ' && char.IsAsciiLetterUpper(text[k + 1]) && char.IsAsciiLetterUpper(text[k + 2]) && text[k + 3] == ' ')
        {
            k += 3; // "1017 GC"
            yearLike = false;
        }

        (int ts, int te) = StreetWordAfter(text, k);
        if (te == ts || ts == k || !IsCapitalisedNameWord(text.AsSpan(ts, te - ts)) || IsOneOf(text.AsSpan(ts, te - ts), CountedThings))
        {
            return -1;
        }

        bool particle = false;
        int start = -1;
        int end = at;
        for (int words = 0; words < 3; words++)
        {
            (int ws, int we, bool dot) = StreetWordBefore(text, end);
            ReadOnlySpan<char> word = text.AsSpan(ws, we - ws);
            if (we == ws || dot || (words == 0 && !IsCapitalisedNameWord(word)))
            {
                break;
            }

            if (IsCapitalisedNameWord(word))
            {
                start = ws;
            }
            else if (!IsStreetNameParticle(word))
            {
                break;
            }

            particle |= IsStreetNameParticle(word);
            end = ws;
        }

        return yearLike && !particle ? -1 : start;
    }

    /// <summary>
    /// A street and its number after the words for where someone lives or a parcel goes ("I live at 10 downing street, London",
    /// "ship to flat 3, 12 high street", "send it to kerkstraat 12"), in whatever letters: a house number and one to three words
    /// ending in a street word, or a street word and a number; the address runs from there (a flat or unit first) to the end of
    /// its sentence. A town alone, "the office" or "home" stays ("ship to Jakarta", "I live at home").
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindWhereSomeoneLives(string text, List<(int Start, int End, string Placeholder)>? found)
    {
        int i = 0;
        while (i < text.Length)
        {
            int hit = text.AsSpan(i).IndexOfAny(WhereSomeoneLivesMarks);
            if (hit < 0)
            {
                break;
            }

            int at = i + hit;
            int markEnd = PhraseEnd(text, at);
            i = Math.Max(markEnd, at + 1);
            if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
            {
                continue;
            }

            int start = PastSpaces(text, markEnd);
            int street = PastUnit(text, start);
            if (IsStreetAndNumberAt(text, street) && Addressed(text, start, needsNumber: true) is (var from, var to, { } placeholder)
                && to > street && AddApart(ref found, (from, to, placeholder)))
            {
                i = to;
            }
        }

        return found;

        // Where the words of the mark at [at, ...) end: its words are letters and the spaces between them.
        static int PhraseEnd(string text, int at)
        {
            int k = at;
            for (int words = 0; words < 3 && k < text.Length; words++)
            {
                k = LettersEnd(text, PastSpaces(text, k));
                int next = PastSpaces(text, k);
                if (words < 2 && next < text.Length && LettersEnd(text, next) > next
                    && IsOneOf(text.AsSpan(next, LettersEnd(text, next) - next), ["at", "to", "it", "them"]))
                {
                    continue;
                }

                break;
            }

            return k;
        }
    }

    /// <summary>Past a flat, a unit or a suite and its number written before the street ("flat 3, ", "Apt 4B ", "unit #5 "); <paramref name="k"/> when there is none.</summary>
    private static int PastUnit(string text, int k)
    {
        (int ws, int we) = NextWord(text, k);
        if (we == ws || !IsOneOf(text.AsSpan(ws, we - ws), UnitWords))
        {
            return k;
        }

        int n = PastSpaces(text, we < text.Length && text[we] == '.' ? we + 1 : we);
        n = n < text.Length && text[n] == '#' ? n + 1 : n;
        int ne = WordEnd(text, n);
        if (ne == n || ne - n > 6 || text.AsSpan(n, ne - n).IndexOfAnyInRange('0', '9') < 0)
        {
            return k;
        }

        ne = ne < text.Length && text[ne] == ',' ? ne + 1 : ne;
        return PastSpaces(text, ne);
    }

    /// <summary>
    /// Whether a street and its number begin at <paramref name="k"/>, in whatever letters: a house number, then one to three
    /// words that are no small word or count ending in a street word ("10 downing street", "5 Elm Rd"), or a French street word
    /// right after it ("12 rue ..."); or one to four words with a street word among them, then a house number ("kerkstraat 12",
    /// "via roma 10", "Jalan Mawar 5"). "3 people", "2 more places" and a town alone are none.
    /// </summary>
    private static bool IsStreetAndNumberAt(string text, int k)
    {
        if (k < text.Length && char.IsAsciiDigit(text[k]))
        {
            int digits = DigitsAt(text, k, text.Length);
            int numberEnd = digits <= 5 ? HouseNumberEnd(text, k + digits) : -1;
            if (numberEnd < 0 || IsFollowedByACount(text, numberEnd))
            {
                return false;
            }

            int at = numberEnd < text.Length && text[numberEnd] == ',' ? numberEnd + 1 : numberEnd;
            for (int words = 0; words < 4; words++)
            {
                (int ws, int we) = StreetWordAfter(text, at);
                if (we == ws)
                {
                    return false;
                }

                ReadOnlySpan<char> word = text.AsSpan(ws, we - ws);
                if ((words > 0 && IsOneOf(word, StreetsAfterANumber)) || (words == 0 && IsOneOf(word, FrenchStreets) && !IsOneOf(word, FrenchStreetsOfOtherThings))
                    || StreetEndingOf(word, dot: we < text.Length && text[we] == '.') is StreetEnding.Joined)
                {
                    return true;
                }

                if (words == 3 || word.Length < 2 || IsOneOf(word, NotANameWords) || IsOneOf(word, CountedThings) || IsOneOf(word, MoreCountedThings))
                {
                    return false;
                }

                at = we;
            }

            return false;
        }

        bool street = false;
        int end = k;
        for (int words = 0; words < 4; words++)
        {
            (int ws, int we) = StreetWordAfter(text, end);
            if (we == ws)
            {
                break;
            }

            ReadOnlySpan<char> word = text.AsSpan(ws, we - ws);
            bool dot = we < text.Length && text[we] == '.';
            street |= IsOneOf(word, StreetsBeforeAName) || IsOneOf(word, EnglishStreetsBeforeAName) || IsOneOf(word, ["jalan", "jl", "jln"])
                || StreetEndingOf(word, dot) is not StreetEnding.None;
            if (!street && (IsOneOf(word, NotANameWords) || word.Length < 2))
            {
                return false;
            }

            end = dot ? we + 1 : we;
        }

        int number = PastSpaces(text, end < text.Length && text[end] == ',' ? end + 1 : end);
        int count = DigitsAt(text, number, text.Length);
        return street && count is > 0 and <= 5 && (number == 0 || !char.IsLetterOrDigit(text[number - 1]))
            && HouseNumberEnd(text, number + count) is var e && e >= 0 && !IsFollowedByACount(text, e);
    }

    /// <summary>Whether <paramref name="c"/> is a kanji (a CJK ideograph, or the repeat mark "々").</summary>
    private static bool IsKanji(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or '\u3005';

    /// <summary>Whether <paramref name="c"/> is katakana ("ビル", "ヶ"), its middle dot aside.</summary>
    private static bool IsKatakana(char c) => c is >= '\u30A1' and <= '\u30FF' and not '\u30FB';

    /// <summary>Whether <paramref name="c"/> joins the numbers of a Japanese block ("3-1-1", "３－１－１", "3ー1ー1").</summary>
    private static bool IsJapaneseDash(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u30FC';

    /// <summary>
    /// Addresses in Japanese script, added to <paramref name="found"/> where they lie apart from it: a postal code after "〒"
    /// ("〒100-0001", "〒1000001") and the address after it; and block numbers ("3-1-1", "1丁目", "5番地") after a
    /// place written in kanji that names a prefecture, a city, a ward or a town (都, 道, 府, 県, 市, 区, 町, 村, 郡 after another
    /// kanji): "大阪府大阪市北区梅田3-1-1", "東京都港区六本木6丁目10-1". A place goes back at most
    /// <see cref="MaxJapanesePlaceLength"/> characters, to a kana of a sentence ("住所は"), a mark or a space; dates and counts
    /// ("2024年3-4月") stay.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindJapaneseAddresses(string text, List<(int Start, int End, string Placeholder)>? found)
    {
        for (int i = text.IndexOf('\u3012'); i >= 0 && i < text.Length; i = text.IndexOf('\u3012', i + 1))
        {
            int k = PastSpaces(text, i + 1);
            int first = DigitsAt(text, k, text.Length);
            int codeEnd = first == 7 ? k + 7
                : first == 3 && k + 3 < text.Length && IsJapaneseDash(text[k + 3]) && DigitsAt(text, k + 4, text.Length) == 4 ? k + 8
                : -1;
            if (codeEnd < 0)
            {
                continue;
            }

            int next = PastSpaces(text, codeEnd);
            int end = next < text.Length && (IsKanji(text[next]) || IsKatakana(text[next])) ? JapaneseAddressEnd(text, next) : codeEnd;
            if (AddApart(ref found, (i, end, AddressPlaceholder)))
            {
                i = end - 1;
            }
        }

        int at = 0;
        while (at < text.Length)
        {
            int hit = text.AsSpan(at).IndexOfAnyInRange('0', '9');
            if (hit < 0)
            {
                break;
            }

            int d = at + hit;
            int digitsEnd = d + DigitsAt(text, d, text.Length);
            at = digitsEnd;
            if (d == 0 || !IsKanji(text[d - 1]) || !IsJapaneseBlock(text, digitsEnd))
            {
                continue;
            }

            int start = JapanesePlaceStart(text, d);
            if (start >= 0)
            {
                int end = JapaneseAddressEnd(text, d);
                if (AddApart(ref found, (start, end, AddressPlaceholder)))
                {
                    at = end;
                }
            }
        }

        // Blocks numbered in kanji ("千代田一丁目一番一号", "梅田三丁目1-3"): a numeral before "丁目" or "番".
        for (int b = text.AsSpan().IndexOfAny('丁', '番'); b >= 0; b = NextBlockMark(text, b + 1))
        {
            int n = b;
            while (n > 0 && IsKanjiNumeral(text[n - 1]))
            {
                n--;
            }

            if (n == b || (text[b] == '丁' && (b + 1 == text.Length || text[b + 1] != '目')))
            {
                continue;
            }

            int start = JapanesePlaceStart(text, n);
            if (start >= 0)
            {
                int end = JapaneseAddressEnd(text, n);
                if (AddApart(ref found, (start, end, AddressPlaceholder)))
                {
                    b = end - 1;
                }
            }
        }

        return found;

        static int NextBlockMark(string text, int from)
        {
            int hit = text.AsSpan(from).IndexOfAny('丁', '番');
            return hit < 0 ? -1 : from + hit;
        }
    }

    /// <summary>Whether <paramref name="c"/> is a numeral written in kanji ("一", "十", "百").</summary>
    private static bool IsKanjiNumeral(char c) => "〇一二三四五六七八九十百千".Contains(c);

    /// <summary>
    /// Whether the number ending at <paramref name="digitsEnd"/> is a Japanese block: another number after a dash ("3-1", not
    /// a span of months or days, "3-4月"), or "丁目" or "番" after it ("2号線", a line, stays).
    /// </summary>
    private static bool IsJapaneseBlock(string text, int digitsEnd)
    {
        if (digitsEnd < text.Length && text[digitsEnd] is '丁' or '番')
        {
            return true;
        }

        // "建国路88号", "信義路五段7號": a Chinese house number ("3号线", a metro line, stays, and so do a day of a month,
        // "3月5号", and an ordinal, "第3号").
        if (digitsEnd < text.Length && text[digitsEnd] is '号' or '號')
        {
            int digits = digitsEnd;
            while (digits > 0 && char.IsAsciiDigit(text[digits - 1]))
            {
                digits--;
            }

            return (digits == 0 || text[digits - 1] is not ('月' or '第'))
                && (digitsEnd + 1 == text.Length || text[digitsEnd + 1] is not ('线' or '線' or '楼' or '樓' or '房' or '门' or '門'));
        }

        if (digitsEnd + 1 >= text.Length || !IsJapaneseDash(text[digitsEnd]) || !char.IsAsciiDigit(text[digitsEnd + 1]))
        {
            return false;
        }

        int after = digitsEnd + 1 + DigitsAt(text, digitsEnd + 1, text.Length);
        return after == text.Length || "年月日時分秒点回個人円元位歳才%个件天次名本台枚周週倍".IndexOf(text[after]) < 0;
    }

    /// <summary>
    /// Where the place in kanji before the number at <paramref name="digit"/> begins: back over kanji, katakana, the numbers
    /// of its blocks ("北1条西2-1"), "が" or a single space between kanji, at most <see cref="MaxJapanesePlaceLength"/>
    /// characters, starting with none of the numbers; -1 when it names no prefecture, city, ward or town (one of
    /// 都道府県市区町村郡 after another kanji).
    /// </summary>
    private static int JapanesePlaceStart(string text, int digit)
    {
        int s = digit;
        while (s > 0 && digit - s < MaxJapanesePlaceLength)
        {
            char c = text[s - 1];
            bool between = s > 1 && IsKanji(text[s - 2]) && s < digit;
            if (IsKanji(c) || IsKatakana(c) || (char.IsAsciiDigit(c) && s < digit) || (c is 'が' or ' ' && between))
            {
                s--;
                continue;
            }

            break;
        }

        while (s < digit && (text[s] is ' ' or 'が' || char.IsAsciiDigit(text[s])))
        {
            s++;
        }

        for (int p = s + 1; p < digit; p++)
        {
            if ("都道府県市区町村郡".Contains(text[p]) && IsKanji(text[p - 1]))
            {
                return s;
            }
        }

        return -1;
    }

    /// <summary>
    /// Where a Japanese address from <paramref name="k"/> ends: over kanji, katakana, digits, the dashes between them and "の"
    /// between numbers, and a floor ("5F"), at most <see cref="MaxAddressLength"/> characters; it ends at a kana of the
    /// sentence ("です", "に"), a mark or a space.
    /// </summary>
    private static int JapaneseAddressEnd(string text, int k)
    {
        int limit = Math.Min(text.Length, k + MaxAddressLength);
        int e = k;
        while (e < limit)
        {
            char c = text[e];
            bool betweenDigits = e > k && char.IsAsciiDigit(text[e - 1]) && e + 1 < text.Length && char.IsAsciiDigit(text[e + 1]);
            bool floor = c is 'F' or 'f' && e > k && char.IsAsciiDigit(text[e - 1]) && (e + 1 == text.Length || !char.IsAsciiLetter(text[e + 1]));
            if (char.IsAsciiDigit(c) || IsKanji(c) || IsKatakana(c) || floor || ((IsJapaneseDash(c) || c == 'の') && betweenDigits))
            {
                e++;
                continue;
            }

            break;
        }

        return e;
    }
}
