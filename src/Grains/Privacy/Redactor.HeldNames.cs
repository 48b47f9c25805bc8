using System.Collections.Frozen;

namespace CxCluster.Grains.Privacy;

/// <summary>
/// Names a thing is held under, registered to or sent by: "the order is under Maria Gonzalez", "the phone is registered to
/// John Smith", "it was sent by Rina Wijaya", "booking under the name of Ahmad Fauzi", "dikirim oleh Rina Wijaya".
/// </summary>
public static partial class Redactor
{
    /// <summary>Words before "under" that say something is held under a name ("is under", "booked under", "registered under").</summary>
    private static readonly string[] HeldUnder =
    [
        "is", "was", "are", "were", "booked", "booking", "registered", "reserved", "reservation", "placed", "saved", "kept", "put",
        "made", "still", "all", "everything", "it", "s", "listed", "filed",
    ];

    /// <summary>Words before "to" that say to whom something belongs or is addressed ("registered to", "addressed to", "belongs to").</summary>
    private static readonly string[] HeldTo = ["registered", "addressed", "issued", "belongs", "belong", "belonged", "belonging"];

    /// <summary>Words before "by" that say who sent, signed, ordered or received something ("sent by", "signed by", "ordered by").</summary>
    private static readonly string[] HeldBy = ["sent", "signed", "ordered", "booked", "placed", "received", "collected", "accepted", "submitted", "requested", "reserved"];

    /// <summary>Indonesian verbs before "oleh" (by) or "kepada" (to) that do the same ("dikirim oleh", "ditujukan kepada").</summary>
    private static readonly string[] HeldOleh =
    [
        "dikirim", "dipesan", "diterima", "didaftarkan", "terdaftar", "ditandatangani", "dibooking", "diambil", "ditujukan", "dialamatkan",
    ];

    /// <summary>
    /// Capitalised words that make what follows a holding word a company, a shop, a courier, a service or a place rather
    /// than a person: "sent by Ninja Xpress", "registered to Tokopedia Official Store", "under Apple Care", "addressed to
    /// Bank Mandiri".
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotHeldNames = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        [
            // Companies, shops and their kinds.
            "express", "xpress", "logistics", "logistik", "cargo", "courier", "kurir", "shipping", "delivery", "post", "pos", "inc", "ltd",
            "llc", "corp", "corporation", "company", "co", "group", "holdings", "tbk", "persero", "official", "store", "shop", "toko",
            "mart", "market", "bank", "services", "service", "support", "team", "department", "dept", "center", "centre", "branch",
            "cabang", "office", "kantor", "agency", "travel", "tours", "hotel", "resort", "airlines", "airways", "air", "university",
            "school", "hospital", "clinic", "foundation", "yayasan", "ministry", "government", "police", "insurance", "finance",
            "motors", "electronics", "mall", "plaza", "tower", "studio", "media", "digital", "online", "global", "international",
            "indonesia", "asia", "pacific", "care", "plus", "premium", "pro", "prime", "gold", "account", "business", "family",
            // Brands, platforms, couriers and banks customers name after these words.
            "tokopedia", "shopee", "lazada", "bukalapak", "blibli", "gojek", "grab", "traveloka", "tiket", "zalora", "amazon", "ebay",
            "alibaba", "aliexpress", "apple", "samsung", "xiaomi", "oppo", "vivo", "huawei", "google", "microsoft", "netflix", "spotify",
            "paypal", "visa", "mastercard", "telkomsel", "indosat", "smartfren", "telkom", "indihome", "sicepat", "anteraja", "ninja",
            "lion", "garuda", "citilink", "agoda", "airbnb", "booking", "uber", "mandiri", "danamon", "permata", "maybank", "cimb",
            "jenius", "gopay", "dana", "ovo", "linkaja", "fedex", "ups", "usps", "royal",
            // Places.
            "jakarta", "bandung", "surabaya", "medan", "semarang", "yogyakarta", "jogja", "bali", "denpasar", "makassar", "palembang",
            "bekasi", "tangerang", "depok", "bogor", "malang", "batam", "singapore", "singapura", "malaysia", "london", "paris",
            "tokyo", "sydney", "york", "city", "kota", "street", "road", "avenue", "north", "south", "east", "west", "utara", "selatan",
            "timur", "barat", "pusat", "central",
            // States a thing is under, and what it is filed under.
            "review", "warranty", "garansi", "construction", "maintenance", "investigation", "repair", "processing", "process",
            "control", "contract", "pressure", "guarantee", "armour", "armor", "siege", "arrest", "observation", "consideration",
            "discussion", "evaluation", "verification", "inspection", "development", "renovation", "quarantine", "embargo",
            "category", "section", "tab", "menu", "settings", "general", "other", "others", "misc", "miscellaneous",
            // Fares, classes, rooms, plans, tiers, sales and collections a thing is booked, listed or sold under.
            "class", "kelas", "fare", "fares", "economy", "ekonomi", "bisnis", "first", "flexi", "flex", "saver", "lite", "basic",
            "regular", "reguler", "executive", "eksekutif", "promo", "promotion", "sale", "sales", "flash", "deal", "deals", "offer",
            "discount", "diskon", "clearance", "bundle", "deluxe", "suite", "superior", "standard", "room", "rooms", "twin", "double",
            "single", "collection", "edition", "series", "season", "winter", "summer", "spring", "autumn", "fall", "ramadan", "christmas",
            "holiday", "plan", "package", "paket", "tier", "member", "members", "membership", "silver", "platinum",
            "bronze", "diamond", "vip", "elite", "seller", "sellers", "arrival", "arrivals", "limited", "special", "exclusive",
            "program", "programme", "subscription", "bonus", "reward", "rewards", "points", "voucher", "coupon", "cashback",
            // What is done in a name that is no person's: "in the name of God".
            "god", "allah", "tuhan", "jesus", "christ", "love", "science", "justice", "freedom", "peace", "law", "hukum",
        ]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The name the capitalised word at <paramref name="at"/> begins after a word that says a thing is held under it,
    /// registered to it or sent by it: "under" after "is", "booked" or "registered" ("the order is under Maria Gonzalez",
    /// "booked under John Smith"), "registered to", "addressed to", "belongs to", "sent by", "signed by", "dikirim oleh",
    /// "ditujukan kepada", perhaps with "the name of" between ("booking under the name of Ahmad Fauzi"). Without "name"
    /// between, the name opens with a common given name ("sent by Rina", "is under Maria Gonzalez") or, after "to" or "by",
    /// has two words or more; no word of it may be a company's, a shop's, a brand's or a place's, a state a thing is under,
    /// or a fare, a class, a room, a plan, a sale or a collection, so "under Review", "registered to Tokopedia", "sent by
    /// DHL", "sent by Ninja Xpress", "under warranty", "booked under Economy Class", "is under Flash Sale" and "belongs to
    /// Winter Collection" stay. An empty span when none.
    /// </summary>
    private static (int From, int To) NameAHoldingWordGives(string text, int at)
    {
        int k = SpacesBefore(text, at);
        if (k == at || k == 0)
        {
            return default;
        }

        int begin = LettersStart(text, k);
        ReadOnlySpan<char> word = text.AsSpan(begin, k - begin);
        bool named = false;
        // "under the name of Ahmad Fauzi", "under the name Ahmad Fauzi", "in the name of", "under my name, Budi".
        if (IsOneOf(word, ["of"]))
        {
            k = SpacesBefore(text, begin);
            begin = LettersStart(text, k);
            word = text.AsSpan(begin, k - begin);
            if (!IsOneOf(word, ["name"]))
            {
                return default;
            }
        }

        if (IsOneOf(word, ["name"]) && k > begin)
        {
            named = true;
            k = SpacesBefore(text, begin);
            begin = LettersStart(text, k);
            word = text.AsSpan(begin, k - begin);
            if (IsOneOf(word, ["the", "a", "my", "his", "her", "their", "our"]))
            {
                k = SpacesBefore(text, begin);
                begin = LettersStart(text, k);
                word = text.AsSpan(begin, k - begin);
            }
        }

        if (begin == k)
        {
            return default;
        }

        ReadOnlySpan<char> before = PreviousWord(text, begin);
        // "made out to": the word before "out" says it.
        bool madeOut = IsOneOf(before, ["out"]) && IsOneOf(PreviousWord(text, SpacesBefore(text, begin) - before.Length), ["made", "written"]);
        bool held = IsOneOf(word, ["under"]) ? named || IsOneOf(before, HeldUnder)
            : IsOneOf(word, ["to"]) ? IsOneOf(before, HeldTo) || madeOut
            : IsOneOf(word, ["by"]) ? IsOneOf(before, HeldBy)
            : IsOneOf(word, ["oleh", "kepada", "untuk"]) ? IsOneOf(before, HeldOleh)
            : named && IsOneOf(word, ["in"]);
        if (!held)
        {
            return default;
        }

        (int from, int to) = ReadName(text, at);
        if (from != at || to <= from)
        {
            return default;
        }

        int words = 0;
        int w = from;
        while (w < to)
        {
            (int ws, int we) = NextNameWord(text, w);
            if (we == ws)
            {
                break;
            }

            if (NotHeldNames.Contains(text.AsSpan(ws, we - ws).TrimEnd('.')) || NotNamesAfterHonorifics.Contains(text.AsSpan(ws, we - ws)))
            {
                return default;
            }

            words++;
            w = we;
        }

        // "under Maria" after "is" names a thing as often as a person ("is under Review", "booked under Economy Class"): after
        // "under" without "name" the name opens with a common given name ("under Maria Gonzalez", "it's under Budi"); after "to"
        // or "by" two words are enough.
        bool givenName = OpensWithAGivenName(text.AsSpan(from, to - from));
        bool under = IsOneOf(word, ["under"]);
        bool personLike = named || givenName || (words >= 2 && !under);
        if (!personLike)
        {
            return default;
        }

        // "registered to Budi Santoso Store": a company's word right after the name makes it one.
        (int ns, int ne) = NextWord(text, to);
        return ne > ns && NotHeldNames.Contains(text.AsSpan(ns, ne - ns)) && char.IsUpper(text[ns]) ? default : (from, to);
    }
}
