using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>What the customer counts: how often they tried, how long they waited, how few stars they give.</summary>
internal static partial class ToneScanner
{
    /// <summary>How far back from the count a word of waiting may stand: "waiting for almost 45 minutes".</summary>
    private const int WaitReach = 4;

    /// <summary>
    /// The customer counts how often they have had to try: "I've asked 5 times", "I have called 4 times this week", "I
    /// tried 3 times and it keeps failing", "udah 5 kali telpon", "sudah dua kali saya komplain". A count of more than one ("5", "three", "several", "beberapa") before
    /// "times" / "kali", or "twice" / "thrice", in a clause with something done already or tried ("asked", "told",
    /// "called", "sudah", "tanya", "coba"). Not a wish, a plan or a condition ("I want to pay 3 times", "I'll
    /// call twice", "if I try 3 times"), a question ("can I pay in 3 times?"), how often something is due ("twice a
    /// day", "3 times per week", "2 kali sehari") or a comparison ("3 times faster", "2 kali lebih murah").
    /// </summary>
    private static bool TriedAgainAndAgain(ReadOnlySpan<Lex> t, int i)
    {
        string word = t[i].Word;
        if (word is "twice" or "thrice")
        {
            // counted in one word
        }
        else if (word is not ("time" or "kali") || !IsCount(t, i - 1))
        {
            return false;
        }

        if (IsFrequencyOrComparison(t, i + 1))
        {
            return false;
        }

        int start = ClauseStart(t, i);
        int end = ClauseEnd(t, i);
        if (Is(t, end, Cat.Question))
        {
            return false;
        }

        // A condition before it is read by the caller (ScanTone's IsSupposed), as for every count.
        if (Has(t, start, i, Cat.Will | Cat.Later | Cat.Desire | Cat.Modal))
        {
            return false;
        }

        for (int k = start; k < end; k++)
        {
            if (Is(t, k, Cat.Done) || IsAttempt(t[k].Word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The customer counts how long they have waited: "I've been on hold for 2 hours", "waiting for 45 minutes", "waited
    /// three days", "udah nunggu 3 jam", "menunggu seharian", and "it's been 2 weeks and no update", "sudah 2 minggu
    /// belum sampai", "udah seminggu masih belum dikirim". A length of time ("2 hours", "an hour", "a few days", "3 jam",
    /// "seminggu") after a word of waiting in its clause, which the customer does not put off, wish or make a condition
    /// of ("I'll wait 5 minutes", "if I wait 2 days", "I don't mind waiting 10 minutes"); or right after "been" /
    /// "sudah" in a message that says something is still not done ("no", "belum", "still", "nothing"), so "I've been a customer
    /// for 5 years" and "sudah 3 tahun langganan" are no complaint; or opening its clause with "and no" or "and still"
    /// after it ("3 weeks and no refund", "2 weeks and nothing"). A time said to be short ("it's only been a day", "baru sehari") is none.
    /// </summary>
    private static bool WaitedLong(ReadOnlySpan<Lex> t, int i)
    {
        int count = LengthOfTimeStart(t, i);
        if (count < 0)
        {
            return false;
        }

        int k = count - 1;
        // "it's only been a day", "it's been just a day", "baru sehari": a short time, no complaint.
        if (WordAt(t, k) is "only" or "just" or "baru" || (WordAt(t, k) == "been" && WordAt(t, k - 1) is "only" or "just"))
        {
            return false;
        }

        if (Is(t, k, Cat.Done) || WordAt(t, k) == "been")
        {
            return SaysStillNotDone(t);
        }

        // "3 weeks and no refund", "two days and still nothing": the time gone by, then what has not come.
        if (WordAt(t, i + 1) == "and" && WordAt(t, i + 2) is "no" or "still" or "nothing" or "nobody" && IsEdge(t, count - 1))
        {
            return true;
        }

        int start = ClauseStart(t, count);
        for (int w = k; w >= start && w >= count - WaitReach; w--)
        {
            string word = t[w].Word;
            bool waiting = word is "waiting" or "waited" or "menunggu" || (word == "hold" && w > start && WordAt(t, w - 1) == "on");
            if (waiting)
            {
                // A condition before it is read by the caller (ScanTone's IsSupposed).
                return !Has(t, start, w, Cat.Will | Cat.Later | Cat.Desire | Cat.Modal | Cat.Not | Cat.Indifferent | Cat.Polite);
            }
        }

        return false;
    }

    /// <summary>
    /// The customer rates the lowest: "I'd give you 1 star", "I will leave a one star review", "1-star, never again",
    /// "zero stars", "saya kasih bintang 1", "ngasih satu bintang". A lowest rating ("one star", "1 star", "zero stars",
    /// "bintang 1", "satu bintang") in a message that gives, leaves or rates it ("give", "leave", "review", "rate",
    /// "deserve", "kasih", "beri", "ulasan"), or that stands alone in its clause; "one star hotel or two star?" and "hotel
    /// bintang 1 di Bandung" name a class of hotel.
    /// </summary>
    private static bool RatesTheLowest(ReadOnlySpan<Lex> t, int i)
    {
        int rating;
        switch (t[i].Word)
        {
            case "star" when IsLowest(t, i - 1):
                rating = i - 1;
                break;
            case "bintang" when IsLowest(t, i + 1):
                rating = i;
                break;
            case "bintang" when IsLowest(t, i - 1):
                rating = i - 1;
                break;
            default:
                return false;
        }

        if (IsEdge(t, rating - 1) && IsEdge(t, rating + 2))
        {
            return true;
        }

        for (int k = 0; k < t.Length; k++)
        {
            if (t[k].Word is "give" or "giving" or "gave" or "leave" or "review" or "rate" or "deserve" or "kasih" or "beri" or "ulasan")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLowest(ReadOnlySpan<Lex> t, int k) => IsOne(t, k) || WordAt(t, k) is "zero" or "nol";

    /// <summary>One, as a lone "1" or a word: "1 star", "one hour", "satu bintang".</summary>
    private static bool IsOne(ReadOnlySpan<Lex> t, int k) =>
        ((uint)k < (uint)t.Length && ReferenceEquals(t[k], Lex.One)) || WordAt(t, k) is "one" or "satu";

    /// <summary>
    /// Where the length of time whose unit is at <paramref name="i"/> starts, or -1: "2 hours", "three days", "an hour",
    /// "a few weeks", "beberapa hari", "3 jam", or a unit that holds its count ("seminggu", "sebulan", "seharian").
    /// </summary>
    private static int LengthOfTimeStart(ReadOnlySpan<Lex> t, int i)
    {
        string word = t[i].Word;
        if (word is "seminggu" or "sebulan" or "seharian" or "setahun" or "sejam")
        {
            return i;
        }

        if (word is not ("minute" or "hour" or "day" or "week" or "month" or "year" or "menit" or "jam" or "hari" or "minggu" or "bulan" or "tahun"))
        {
            return -1;
        }

        int k = i - 1;
        if (WordAt(t, k) is "few" or "couple")
        {
            k--;
            return Is(t, k, Cat.Article) ? k : -1;
        }

        if (IsCount(t, k) || IsOne(t, k))
        {
            return k;
        }

        return WordAt(t, k) is "a" or "an" && word is not ("minggu" or "jam" or "hari") ? k : -1;
    }

    /// <summary>A number of more than one: any number in digits but a lone 1, or "two" to "nine", "several", "many", "dua", "beberapa".</summary>
    private static bool IsCount(ReadOnlySpan<Lex> t, int k) =>
        ((uint)k < (uint)t.Length && ReferenceEquals(t[k], Lex.Number))
        || WordAt(t, k) is "two" or "three" or "four" or "five" or "six" or "seven" or "eight" or "nine" or "several"
                or "multiple" or "many" or "dozen" or "dua" or "tiga" or "empat" or "lima" or "enam" or "tujuh" or "delapan"
                or "sembilan" or "sepuluh" or "beberapa";

    /// <summary>"a day", "per week", "sehari", "faster", "lebih murah": how often something is due, or a comparison.</summary>
    private static bool IsFrequencyOrComparison(ReadOnlySpan<Lex> t, int k) =>
        Is(t, k, Cat.Article) || WordAt(t, k) is "per" or "more" or "faster" or "sehari" or "seminggu" or "sebulan" or "setahun" or "lebih";

    /// <summary>
    /// A verb of the customer's own trying, contacting, asking or explaining, beside the words of <see cref="Cat.Done"/>;
    /// what was done to them is a fact they report ("I was charged twice"), not an effort they count.
    /// </summary>
    private static bool IsAttempt(string word) =>
        word is "called" or "tried" or "contacted" or "messaged" or "requested" or "wrote" or "complain" or "telepon" or "coba"
            or "tanya" or "jelaskan" or "komplain";

    /// <summary>Something is still not done: a negator ("no", "not", "belum", "tidak"), "still" / "masih", or "nothing" / "nobody" in the message.</summary>
    private static bool SaysStillNotDone(ReadOnlySpan<Lex> t)
    {
        foreach (Lex lex in t)
        {
            if ((lex.Cats & Cat.Not) != 0 || lex.Word is "still" or "masih" or "nothing" or "nobody")
            {
                return true;
            }
        }

        return false;
    }
}
