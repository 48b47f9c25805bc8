namespace CxCluster.Grains.Privacy;

public static partial class Redactor
{
    /// <summary>
    /// Where <paramref name="text"/> uses a word of a name found earlier in the conversation on its own: a whole word,
    /// written as a name is (capitalised, or all in the case the name was found in) and no everyday word, so "Budi" after
    /// "my name is Budi Santoso" goes, as "Santoso" does, while "santai" or "Budiman" stay. Null when there is none.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindRememberedNames(string text, NamesSeen? seen)
    {
        if (seen is not { Count: > 0 })
        {
            return null;
        }
        List<(int Start, int End, string Placeholder)>? found = null;
        foreach (var name in seen.Words)
        {
            int from = 0;
            while (from <= text.Length - name.Length)
            {
                int at = text.IndexOf(name, from, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }
                int end = at + name.Length;
                from = end;
                if ((at > 0 && IsNameLetter(text[at - 1])) || (end < text.Length && IsNameLetter(text[end]) && !IsPossessive(text, end)))
                {
                    continue;
                }
                var word = text.AsSpan(at, name.Length);
                bool asWritten = word.SequenceEqual(name) || LooksLikeAFurtherName(word);
                if (asWritten && (!IsOneOf(word, NamesThatAreWords) || ReadsAsTheName(text, at, end, seen)))
                {
                    found ??= [];
                    found.Add((at, end, NamePlaceholder));
                }
            }
        }
        if (found is { Count: > 1 })
        {
            found.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
        return found;

        static bool IsNameLetter(char c) => char.IsLetterOrDigit(c) || c is '\'' or '’' or '-' or '_';

        // "Smith's office": an apostrophe and an "s" that ends the word.
        static bool IsPossessive(string text, int at) =>
            text[at] is '\'' or '’' && at + 1 < text.Length && text[at + 1] is 's' or 'S'
            && (at + 2 == text.Length || !char.IsLetterOrDigit(text[at + 2]));
    }

    /// <summary>
    /// Given names that are everyday words too ("Hope", "Mark", "Will", "Bagus"): a remembered one is the name only where it
    /// reads as one (see <see cref="ReadsAsTheName"/>), so "I hope so", "Mark it as urgent" and "Bagus, makasih" stay.
    /// </summary>
    private static readonly string[] NamesThatAreWords =
    [
        "hope", "mark", "grace", "will", "bill", "rose", "faith", "joy", "may", "june", "april", "august", "dawn", "summer", "autumn",
        "amber", "ruby", "pearl", "ivy", "holly", "daisy", "lily", "iris", "hazel", "violet", "crystal", "sky", "angel", "chance",
        "hunter", "chase", "drew", "guy", "frank", "sandy", "penny", "sunny", "lucky", "ray", "don", "nick", "bud", "cliff", "glen",
        "dale", "wade", "rich", "buck", "jack", "pat", "sue", "rob", "art", "bob", "carol", "patience", "charity", "honor", "destiny",
        "harmony", "melody", "ginger", "brandy", "candy", "misty", "storm", "river", "rocky", "dusty", "max", "miles", "sage", "jade",
        "reed", "cash", "king", "prince", "duke", "earl", "major", "star", "bliss", "gay", "rusty", "forest", "heath",
        "bagus", "indah", "ayu", "bunga", "putri", "sari", "intan", "mawar", "melati", "cahaya", "bintang", "jaya", "rahmat", "slamet",
        "selamat", "dian", "lestari", "mulia", "mega", "wangi", "suci", "permata", "berlian", "fajar", "senja", "embun", "pelangi",
        "bayu", "surya", "bulan", "tari", "kasih", "cinta", "setia", "murni", "adil", "untung", "sehat", "agung", "asih", "tulus",
        "damai", "sentosa", "rizki", "rezeki", "harta", "emas", "ratu",
    ];

    /// <summary>A capitalised given name that is an everyday word too ("Will", "Hope"), with a small letter after its capital.</summary>
    private static bool IsNameThatIsAWord(ReadOnlySpan<char> word) =>
        word.Length >= 2 && char.IsUpper(word[0]) && HasLowerLetter(word[1..]) && IsOneOf(word, NamesThatAreWords);

    /// <summary>
    /// Words after a name that make it the one who does something ("Mark will come", "Hope is my daughter", "Bagus sudah
    /// bayar"): with one of these, a name that is an everyday word reads as the name even where it opens a sentence.
    /// </summary>
    private static readonly string[] AfterASubject =
    [
        "will", "would", "can", "could", "should", "shall", "might", "must", "is", "was", "has", "had", "does", "did", "says", "said",
        "and", "isn't", "wasn't", "doesn't", "didn't", "won't", "can't", "couldn't", "hasn't", "wants", "wanted", "needs", "needed",
        "asked", "asks", "called", "calls", "told", "tells", "paid", "pays", "ordered", "bought", "sent", "received", "got", "gets",
        "left", "lives", "lived", "works", "knows", "thinks", "here", "again", "too", "also", "just", "already", "never", "still",
        "mau", "akan", "sudah", "udah", "sedang", "lagi", "bilang", "minta", "dan", "adalah", "belum", "tidak", "nggak", "gak",
        "juga", "sendiri", "yang",
    ];

    /// <summary>
    /// Whether a remembered name that is an everyday word, found at [<paramref name="at"/>, <paramref name="end"/>), reads as the
    /// name: capitalised with a small letter after, and either the whole message ("Grace"), before another word of a name
    /// <paramref name="seen"/> keeps ("Hope Daniels again"), inside a sentence, not before a number ("ask Hope to call", but
    /// "the Mark 2 model"), or opening one before a word a subject takes or "'s" ("Mark will come by", "Grace's order").
    /// </summary>
    private static bool ReadsAsTheName(string text, int at, int end, NamesSeen seen)
    {
        if (!char.IsUpper(text[at]) || !HasLowerLetter(text.AsSpan(at + 1, end - at - 1)))
        {
            return false;
        }

        // "Hope Daniels again": before another word of a name kept (after one it stands inside a sentence, read below).
        (int ns, int ne) = end < text.Length && text[end] == ' ' ? NextNameWord(text, end) : (end, end);
        if (IsAnotherRememberedName(text.AsSpan(ns, ne - ns)))
        {
            return true;
        }

        int j = at;
        while (j > 0 && text[j - 1] is ' ' or '\t' or '*' or '_' or '"' or '\'' or '(' or '“')
        {
            j--;
        }

        // "Grace": the name alone is the whole message (the answer to "may I have your name?").
        int after = end;
        while (after < text.Length && (char.IsWhiteSpace(text[after]) || text[after] == '.'))
        {
            after++;
        }

        if (j == 0 && after == text.Length)
        {
            return true;
        }

        bool opensASentence = j == 0 || text[j - 1] is '.' or '!' or '?' or '\n' or ':' or ';' or '-' or '—' or '>' or '#';
        if (end < text.Length && text[end] is '\'' or '’')
        {
            return true; // "Grace's order"
        }

        // "in May", "12 May", "May 12": a month's name where a date is.
        if (IsOneOf(text.AsSpan(at, end - at), ["may", "june", "april", "august"])
            && (IsOneOf(PreviousWord(text, at), ["in", "on", "of", "by", "since", "until", "till", "before", "after", "early", "late", "mid", "next", "last", "this", "bulan"])
                || (SpacesBefore(text, at) is var b && b > 0 && char.IsAsciiDigit(text[b - 1]))))
        {
            return false;
        }

        if (!opensASentence)
        {
            return !(PastSpaces(text, end) is var k && k < text.Length && char.IsAsciiDigit(text[k]));
        }

        (int ws, int we) = NextWord(text, end);
        return we > ws && IsOneOf(text.AsSpan(ws, we - ws), AfterASubject);

        // A word of another name kept, written as a name ("Daniels" beside "Hope").
        bool IsAnotherRememberedName(ReadOnlySpan<char> word)
        {
            if (word.Length < NamesSeen.MinWordLength || !LooksLikeAFurtherName(word) || word.Equals(text.AsSpan(at, end - at), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            foreach (string name in seen.Words)
            {
                if (word.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Keeps in <paramref name="seen"/> the words of every name <paramref name="spans"/> replaces in <paramref name="text"/>.</summary>
    private static void RememberNames(string text, List<(int Start, int End, string Placeholder)>? spans, NamesSeen? seen)
    {
        if (seen is null || spans is null)
        {
            return;
        }
        foreach (var (start, end, placeholder) in spans)
        {
            // Only a name read surely (an introduction, a greeting, an honorific, a signature, a name's own field), never
            // one read less surely (UncertainNamePlaceholder, the same text), which may be a product's or a fare's.
            if (!ReferenceEquals(placeholder, NamePlaceholder))
            {
                continue;
            }
            foreach (var range in text.AsSpan(start, end - start).SplitAny(" \t\r\n,"))
            {
                var word = text.AsSpan(start, end - start)[range].Trim(".\"'()");
                if (word.Length >= NamesSeen.MinWordLength && !IsOneOf(word, StandInNames) && (LooksLikeAFurtherName(word) || IsNameThatIsAWord(word) || IsGivenNameInSmallLetters(word)))
                {
                    seen.Add(word);
                }
            }
        }
    }

    /// <summary>What a platform or a form writes where it has no name ("customerName": "Guest"): never remembered.</summary>
    private static readonly string[] StandInNames =
    [
        "guest", "visitor", "user", "anonymous", "anonim", "unknown", "customer", "client", "pelanggan", "pengunjung", "tamu",
        "member", "buyer", "pembeli", "test", "tester", "admin", "none", "null", "nobody", "someone", "sir", "madam",
    ];

    /// <summary>A common given name written in small letters ("i'm budi"), as an introduction may give it.</summary>
    private static bool IsGivenNameInSmallLetters(ReadOnlySpan<char> word) =>
        IsAllLetters(word) && char.IsLower(word[0]) && GivenNames.Contains(word);
}
