using static CxCluster.Grains.Trust.Grammar.Spellings;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// Words someone else said, quoted: "my mum says 'I want to speak to a person' to every machine", "the man told me to
/// "demand a supervisor"", "my son keeps asking Alexa 'are you a real person?'", "adek gw td ngetik 'bot bodoh' di chat
/// ini", "kata satpam 'minta aja ke supervisor'", "a customer yelled 'you're all thieves' at the cashier". They ask
/// nothing of the one answering and are no abuse of the customer's: the recogniser reads the message without them.
/// </summary>
/// <remarks>
/// A quote counts as someone else's when a verb of saying, asking, writing or shouting stands among the four words
/// before it ("says", "told me to", "keeps asking Alexa", "bilang", "ngetik", "teriak") and the one who said it is not
/// the customer: the word before the verb (past "keeps", "tadi", "always", ...) is no "I", "we", "saya", "gw", "aku",
/// "kami". Indonesian "kata" names the speaker after it ("kata satpam di cabang '...'"; "kata saya" is the customer's).
/// What the customer quotes of themselves ("I typed 'agent' three times", "saya sudah bilang 'mau ngomong sama
/// orang'"), a quote with no such verb ("is there a 'talk to an agent' button?") and help in scare quotes
/// (<see cref="ScareQuotes"/>) are read as they are. Quotes are double (straight or curly), curly single, or straight
/// single standing apart from the words around them (not the apostrophe of "don't").
/// </remarks>
internal static class ReportedSpeech
{
    /// <summary>Verbs that report what someone said, asked, wrote or shouted (lower case, as written).</summary>
    private static readonly string[] Verbs =
    [
        "say", "says", "said", "saying", "tell", "tells", "told", "telling", "ask", "asks", "asked", "asking",
        "write", "writes", "wrote", "writing", "written", "type", "types", "typed", "typing", "yell", "yells", "yelled",
        "yelling", "shout", "shouts", "shouted", "shouting", "scream", "screams", "screamed", "screaming", "goes", "went",
        "post", "posts", "posted", "comment", "comments", "commented", "call", "calls", "called", "calling", "text",
        "texted", "texts", "message", "messaged", "reply", "replied", "replies", "answered", "answers", "insisted",
        "muttered", "whispered", "repeats", "repeated", "left", "leaves", "put", "puts",
        "bilang", "bilangin", "ngomong", "ngomongin", "berkata", "mengatakan", "katanya", "nanya", "nanyain", "tanya",
        "bertanya", "menanyakan", "ngetik", "mengetik", "ketik", "nulis", "menulis", "tulis", "nulisin", "teriak",
        "teriakin", "berteriak", "meneriakkan", "ngatain", "ngatai", "mengatai", "komen", "komentar", "berkomentar",
        "ngomel", "ngechat", "ngirim", "kirim", "bales", "balas", "jawab", "menjawab", "nyebut", "menyebut", "manggil",
        "memanggil", "panggil", "nyuruh", "menyuruh", "suruh", "ngajarin",
        "dibilang", "dibilangin", "dijawab", "dibales", "dibalas", "ditulis", "dikatain", "diteriakin", "disuruh",
    ];

    /// <summary>The customer speaking of themselves: a quote after their own verb is their own words.</summary>
    private static readonly string[] Customer = ["i", "ive", "id", "ill", "im", "we", "weve", "wed", "me", "myself"];

    /// <summary>
    /// The customer in Indonesian; after a word that is no adverb or conjunction, the one it belongs to: "adek gw ngetik",
    /// "ibu sy bilang" report someone else's words, "td gw ngetik" and "terus saya bilang" the customer's own.
    /// </summary>
    private static readonly string[] CustomerId = ["saya", "sy", "aku", "ak", "gw", "gue", "gua", "gwe", "kami", "kita", "sya", "aq"];

    /// <summary>Words that may open a clause before the customer names themselves in Indonesian: "terus gw bilang", "pas saya ketik".</summary>
    private static readonly string[] Openers =
    [
        "dan", "tapi", "tp", "tpi", "jadi", "jd", "lalu", "kalo", "kalau", "klo", "pas", "waktu", "wktu", "sampai", "sampe",
        "karena", "karna", "krn", "soalnya", "makanya", "padahal", "udah", "udh", "sudah", "sdh", "kan", "yg", "yang",
    ];

    /// <summary>Words that may stand between the speaker and the verb: "keeps asking", "tadi bilang", "always says".</summary>
    private static readonly string[] Between =
    [
        "keeps", "kept", "keep", "just", "already", "always", "also", "then", "once", "even", "literally", "actually",
        "have", "has", "had", "been", "was", "were", "am", "is", "are", "tried", "try", "did", "do", "will", "would",
        "td", "tadi", "barusan", "juga", "pasti", "selalu", "sempat", "sempet", "udah", "udh", "sudah", "sdh", "lalu",
        "terus", "trus", "malah", "cuma", "langsung", "sampe", "sampai", "pernah", "sering", "doang", "kok", "emang",
        "coba", "nyoba", "mau", "mo",
    ];

    /// <summary>
    /// A negator between the speaker and the verb: "I never said 'agent'", "I didn't type 'human'", "saya tidak bilang
    /// '...'". What was not said asks for nothing: the quote is read as blanks, as someone else's words are.
    /// </summary>
    private static readonly string[] Negators =
        ["never", "not", "didnt", "dont", "doesnt", "havent", "hasnt", "wasnt", "tidak", "tdk", "gak", "ga", "gk", "nggak", "enggak", "belum", "blm", "bukan"];

    /// <summary>The longest quote read as one: a quote mark left open does not swallow the rest of a long message.</summary>
    private const int LongestQuote = 200;

    /// <summary>The quotes that may open a quoted passage.</summary>
    private static readonly System.Buffers.SearchValues<char> Opening = System.Buffers.SearchValues.Create("\"'\u201C\u2018\u00AB");

    /// <summary>How many words before a quote its verb may stand: "told me to '...'", "keeps asking Alexa '...'".</summary>
    private const int Reach = 4;

    /// <summary>Who said a quoted passage, by the verb of saying before it.</summary>
    private enum Speaker
    {
        /// <summary>No verb of saying before it, or one that opens the message ("type 'agent' for a person").</summary>
        Unsaid,

        /// <summary>The customer: "I typed '...'", "saya bilang '...'".</summary>
        Customer,

        /// <summary>Someone else: "my son typed '...'", "kata satpam '...'".</summary>
        Other,

        /// <summary>One of the ones answering: "your courier said '...'", "kurir kalian bilang '...'".</summary>
        Theirs,
    }

    /// <summary>
    /// The text with every quote of someone else's words that asks or tells something read alone blanked out (its quotes
    /// kept, its letters turned to spaces), or the text itself when it quotes no one else; and what the quotes add:
    /// rudeness of the ones answering, reported ("your courier said 'ugh, such a hassle'"), is a complaint, and a request
    /// or question the customer quotes of themselves ("I typed 'agent' twice", "I asked 'are you a bot?'") is asked.
    /// </summary>
    /// <param name="text">The customer's message.</param>
    /// <param name="read">How a quote read alone is understood.</param>
    /// <param name="quoted">What the quotes add to the message read without them.</param>
    public static string WithoutOthersWords(string text, Func<string, MessageAnalysis> read, out QuotedSpeech quoted)
    {
        quoted = default;
        int first = text.AsSpan().IndexOfAny(Opening);
        if (first < 0)
        {
            return text;
        }

        char[]? blanked = null;
        char[]? ownBlanked = null;
        for (int i = first; i < text.Length; i++)
        {
            char close = text[i] switch
            {
                '"' => '"',
                '\u201C' => '\u201D',
                '\u2018' => '\u2019',
                '\u00AB' => '\u00BB',
                '\'' => '\'',
                _ => '\0',
            };
            // An apostrophe inside a word ("don't", "don’t") or an inch mark after a number (15") opens nothing.
            if (close == '\0' || (text[i] is '\'' or '"' or '\u2018' && i > 0 && char.IsLetterOrDigit(text[i - 1])))
            {
                continue;
            }

            int end = ClosingQuote(text, i + 1, close);
            if (end < 0)
            {
                continue;
            }

            Speaker speaker = end > i + 1 ? SpeakerOf(text, i) : Speaker.Unsaid;
            if (speaker == Speaker.Customer)
            {
                MessageAnalysis own = read(text[(i + 1)..end]);
                if (own.AsksForHuman || own.AsksIdentity)
                {
                    // The message around it is read without it too, for what it says of the quote ("... by mistake, I
                    // don't need a person").
                    ownBlanked ??= text.ToCharArray();
                    ownBlanked.AsSpan(i + 1, end - i - 1).Fill(' ');
                }
                quoted = quoted with
                {
                    AsksForHuman = quoted.AsksForHuman || own.AsksForHuman,
                    AsksIdentity = quoted.AsksIdentity || own.AsksIdentity,
                };
            }
            else if (speaker is Speaker.Other or Speaker.Theirs && read(text[(i + 1)..end]) is var said
                && (said.AsksForHuman || said.AsksIdentity || said.Negative || said.Abusive))
            {
                quoted = quoted with { RudeOfThem = quoted.RudeOfThem || (speaker == Speaker.Theirs && (said.Negative || said.Abusive)) };
                blanked ??= text.ToCharArray();
                blanked.AsSpan(i + 1, end - i - 1).Fill(' ');
                ownBlanked?.AsSpan(i + 1, end - i - 1).Fill(' ');
            }

            i = end;
        }

        if (ownBlanked is not null)
        {
            // Someone else's words blanked before the customer's own quote was met are blanked here too.
            if (blanked is not null)
            {
                for (int k = 0; k < ownBlanked.Length; k++)
                {
                    if (blanked[k] == ' ')
                    {
                        ownBlanked[k] = ' ';
                    }
                }
            }
            quoted = quoted with { AroundOwnQuotes = new string(ownBlanked) };
        }
        return blanked is null ? text : new string(blanked);
    }

    /// <summary>
    /// Whether what the customer says around their own quote takes it back as a slip of their own: "by mistake", "my
    /// mistake", "mistakenly", "by accident", "accidentally", "a typo", "ignore that", "salah ketik", "kepencet",
    /// "abaikan" ("I wrote 'agent' by mistake, ignore that"), each a whole word or words. A mistake or an accident of
    /// anyone else's ("your mistake", "I had a car accident", "a reply full of typos") and being ignored ("don't ignore
    /// me", "you ignore it", "jangan abaikan saya") take nothing back.
    /// </summary>
    internal static bool TakesBackAsAMistake(string around)
    {
        foreach (string slip in (ReadOnlySpan<string>)["by mistake", "my mistake", "mistakenly", "was a mistake", "by accident",
            "accidentally", "a typo", "my typo", "was a typo", "ignore", "salah ketik", "kepencet", "abaikan", "keliru"])
        {
            for (int at = around.IndexOf(slip, StringComparison.OrdinalIgnoreCase); at >= 0;
                at = around.IndexOf(slip, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                int after = at + slip.Length;
                if ((at == 0 || !char.IsLetter(around[at - 1])) && (after == around.Length || !char.IsLetter(around[after]))
                    && !IsSaidOfBeingIgnored(WordBefore(around, at)))
                {
                    return true;
                }
            }
        }

        return false;

        // "don't ignore me", "you ignore it", "jangan abaikan", "kalian keliru": not the customer's slip.
        static bool IsSaidOfBeingIgnored(ReadOnlySpan<char> word) =>
            word.ToString().ToLowerInvariant() is "don't" or "don\u2019t" or "dont" or "not" or "never" or "stop" or "you" or "u"
                or "jangan" or "jgn" or "kok" or "kalian" or "kamu" or "anda";

        // The word (letters and apostrophes) right before position at, past spaces; empty after punctuation or at the start.
        static ReadOnlySpan<char> WordBefore(string text, int at)
        {
            int end = at;
            while (end > 0 && text[end - 1] == ' ')
            {
                end--;
            }

            int start = end;
            while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] is '\'' or '\u2019'))
            {
                start--;
            }

            return text.AsSpan(start, end - start);
        }
    }

    /// <summary>Where the quote opened before <paramref name="from"/> closes: a straight single quote only where no letter follows it.</summary>
    private static int ClosingQuote(string text, int from, char close)
    {
        for (int k = from; k < text.Length && k - from <= LongestQuote; k++)
        {
            if (text[k] is '\n' or '\r'
                || (text[k] is '.' or '!' or '?' && k + 2 < text.Length && text[k + 1] == ' ' && char.IsLetter(text[k + 2])))
            {
                // A quote ends with its line and its sentence: one left open ("my son typed "dumb bot. Anyway I need a
                // human now") is none, and the customer's words after it are read as written.
                return -1;
            }

            if (text[k] != close)
            {
                continue;
            }

            // "'I don't want a bot'", "‘don’t’": the apostrophe of "don't" closes nothing; the quote closes before a
            // space or a mark.
            if (close is '\'' or '\u2019' && k + 1 < text.Length && char.IsLetterOrDigit(text[k + 1]))
            {
                continue;
            }

            return k;
        }

        return -1;
    }

    /// <summary>Who said the quote opening at <paramref name="open"/>, by the verb of saying among the words before it.</summary>
    private static Speaker SpeakerOf(string text, int open)
    {
        Span<Range> words = stackalloc Range[Reach + 4];
        int count = WordsBefore(text, open, words);
        for (int w = 0; w < Math.Min(count, Reach); w++)
        {
            ReadOnlySpan<char> word = text.AsSpan(words[w]);
            if (word.Equals("kata", StringComparison.OrdinalIgnoreCase))
            {
                // "kata satpam '...'": the speaker comes after "kata"; "kata saya" is the customer's own.
                return w == 0 ? Speaker.Unsaid
                    : IsOneOf(text.AsSpan(words[w - 1]), Customer) || IsOneOf(text.AsSpan(words[w - 1]), CustomerId) ? Speaker.Customer
                    : IsOneOfTheirs(text, words[..count], w - 1, towardsStart: false) ? Speaker.Theirs
                    : Speaker.Other;
            }

            if (!IsOneOf(word, Verbs))
            {
                continue;
            }

            // The speaker: the word before the verb, past "keeps", "tadi", "always" and the like; "never", "didn't" between
            // say it was not said.
            int s = w + 1;
            while (s < count && (IsOneOf(text.AsSpan(words[s]), Between) || IsOneOf(text.AsSpan(words[s]), Negators)))
            {
                if (IsOneOf(text.AsSpan(words[s]), Negators))
                {
                    // "I never said 'I want an agent'": words nobody said ask for nothing.
                    return Speaker.Other;
                }
                s++;
            }

            // A verb opening the message ("type 'agent' for a person") is no one's report.
            return s >= count ? Speaker.Unsaid
                : IsTheCustomer(text, words[..count], s) ? Speaker.Customer
                : IsOneOfTheirs(text, words[..count], s, towardsStart: true) ? Speaker.Theirs
                : Speaker.Other;
        }

        return Speaker.Unsaid;
    }

    /// <summary>Words that make a speaker one of the ones answering: "your courier", "CS kalian", "you", "kurirnya".</summary>
    private static readonly string[] Theirs = ["your", "ur", "yr", "you", "kalian", "anda", "kamu", "lu", "lo", "elo", "km"];

    /// <summary>Where someone is, in "someone at your call centre", "a guy from your team".</summary>
    private static readonly string[] Places = ["at", "from", "of", "in"];

    /// <summary>Who serves the customer in Indonesian, named with "nya": "kurirnya", "petugasnya", "mbaknya".</summary>
    private static readonly string[] StaffId =
        ["kurir", "cs", "admin", "petugas", "agen", "staf", "staff", "operator", "teller", "satpam", "sales", "driver", "karyawan", "pegawai", "mbak", "mas", "kasir", "supir", "sopir", "customer"];

    /// <summary>"your" and its shortenings.</summary>
    private static readonly string[] Yours = ["your", "ur", "yr"];

    /// <summary>Who may work for the business in "someone at your call centre", "a guy from your team".</summary>
    private static readonly string[] Staff =
        ["someone", "somebody", "one", "staff", "guy", "lady", "woman", "man", "person", "employee", "agent", "rep", "girl", "bloke", "operator"];

    /// <summary>
    /// Whether the speaker at <paramref name="s"/> (words nearest the quote first) is one of the ones answering: "you",
    /// "kalian", a word ending in "nya" ("kurirnya"); in English "your" right before it ("your courier") or someone at or
    /// from something of theirs ("someone at your call centre", not "a customer at your branch"); in Indonesian a word of
    /// theirs right after it ("kurir kalian", <paramref name="towardsStart"/> false).
    /// </summary>
    private static bool IsOneOfTheirs(string text, ReadOnlySpan<Range> words, int s, bool towardsStart)
    {
        ReadOnlySpan<char> speaker = text.AsSpan(words[s]);
        // "kurirnya", "mbaknya", "cs-nya": the one serving the customer; "anaknya" (her child) is no one of theirs.
        if (IsOneOf(speaker, Theirs)
            || (speaker.Length > 3 && speaker.EndsWith("nya", StringComparison.OrdinalIgnoreCase) && IsOneOf(speaker[..^3].TrimEnd('-'), StaffId)))
        {
            return true;
        }

        if (!towardsStart)
        {
            return s > 0 && IsOneOf(text.AsSpan(words[s - 1]), Theirs);
        }

        // "your courier said", "someone at your call centre said", "a guy from your billing team told me"; "a customer at
        // your branch yelled" is no one of theirs.
        for (int k = s + 1; k < Math.Min(words.Length, s + 3); k++)
        {
            if (IsOneOf(text.AsSpan(words[k]), Yours))
            {
                return k + 2 < words.Length && IsOneOf(text.AsSpan(words[k + 1]), Places)
                    ? IsOneOf(text.AsSpan(words[k + 2]), Staff)
                    : k == s + 1;
            }
        }

        return false;
    }

    /// <summary>Whether the speaker at <paramref name="s"/> (words nearest first) is the customer, not one of theirs.</summary>
    private static bool IsTheCustomer(string text, ReadOnlySpan<Range> words, int s)
    {
        ReadOnlySpan<char> speaker = text.AsSpan(words[s]);
        if (IsOneOf(speaker, Customer))
        {
            return true;
        }

        if (!IsOneOf(speaker, CustomerId))
        {
            return false;
        }

        // "adek gw", "ibu saya": a pronoun after a noun names whose it is.
        if (s + 1 >= words.Length)
        {
            return true;
        }

        ReadOnlySpan<char> before = text.AsSpan(words[s + 1]);
        return IsOneOf(before, Between) || IsOneOf(before, Openers);
    }

    /// <summary>
    /// The words before <paramref name="at"/> in its sentence, nearest first, into <paramref name="into"/>; a sentence
    /// ends at '.', '!', '?', a line break or another quote. Apostrophes inside a word are read out ("don't" as "dont"
    /// is not needed here: such words are neither verbs nor speakers).
    /// </summary>
    private static int WordsBefore(string text, int at, Span<Range> into)
    {
        int count = 0;
        int k = at - 1;
        while (count < into.Length)
        {
            while (k >= 0 && !char.IsLetterOrDigit(text[k]))
            {
                if (text[k] is '.' or '!' or '?' or '\n' or '\r' or '"' or '\u201D' or '\u2019' or '\u00BB' or ';')
                {
                    return count;
                }

                k--;
            }

            if (k < 0)
            {
                return count;
            }

            int end = k + 1;
            while (k >= 0 && (char.IsLetterOrDigit(text[k]) || (text[k] is '\'' or '\u2019' && k > 0 && char.IsLetter(text[k - 1]))))
            {
                k--;
            }

            into[count++] = (k + 1)..end;
        }

        return count;
    }
}

/// <summary>What the quotes of a message add to it read without the words of others.</summary>
/// <param name="RudeOfThem">A quote of the ones answering, or of their people, is rude: the customer reports it as a complaint.</param>
/// <param name="AsksForHuman">A quote of the customer's own asks for a person ("I typed 'agent' twice").</param>
/// <param name="AsksIdentity">A quote of the customer's own asks whether a machine answers ("I asked 'are you a bot?'").</param>
/// <param name="AroundOwnQuotes">The message with the customer's own quotes that ask something blanked as well: what it says of them.</param>
internal readonly record struct QuotedSpeech(bool RudeOfThem, bool AsksForHuman, bool AsksIdentity, string? AroundOwnQuotes = null);
