using System.Buffers;
using System.Collections.Frozen;
using CxCluster.Grains.Trust.Grammar;

namespace CxCluster.Grains.Privacy;

/// <summary>Names a customer introduces themselves with or signs with: "I'm John Smith", "Hi, this is Maria Garcia", "saya Budi Santoso", "John here", "Regards, Michael Brown".</summary>
public static partial class Redactor
{
    /// <summary>How a customer introduces themselves.</summary>
    private enum Introduction
    {
        /// <summary>"I'm ...", "I am ...".</summary>
        Self,

        /// <summary>"this is ..." at the start of a message or after a greeting.</summary>
        ThisIs,

        /// <summary>"it's ... here", "it is ... speaking".</summary>
        ItIs,

        /// <summary>"call me ...", "panggil saja ..." (what to call them by).</summary>
        CallMe,

        /// <summary>"saya ...", "aku ...".</summary>
        Saya,

        /// <summary>Someone close to the customer, by name: "my husband John Smith", "my daughter Emma", "istriku Siti".</summary>
        Relation,

        /// <summary>"dengan ... di sini" opening a message, as one answers a phone ("dengan Budi di sini").</summary>
        WithHere,

        /// <summary>"ini ..." after a greeting, with what a writer says of themselves after it ("Halo kak, ini Rudi yang kemarin chat").</summary>
        Ini,
    }

    /// <summary>
    /// Words that close a message before the writer signs it ("Regards, Michael Brown", "Best,\nTom", "Salam, Budi", "Terima
    /// kasih, Siti"); "thank you" and "terima kasih" by their last word.
    /// </summary>
    private static readonly string[] SignOffs =
    [
        "regards", "thanks", "thx", "cheers", "sincerely", "best", "truly", "respectfully", "warmly", "rgds", "br", "salam",
        "wassalam", "kasih", "makasih", "trims",
    ];

    /// <summary>The people close to a customer whose name may follow "my" ("my husband John").</summary>
    private static readonly string[] Relations =
    [
        "wife", "husband", "son", "daughter", "mother", "mom", "mum", "father", "dad", "brother", "sister", "friend", "partner",
        "boyfriend", "girlfriend", "fiance", "fiancee", "colleague", "boss", "manager", "neighbour", "neighbor", "grandmother",
        "grandfather", "grandma", "grandpa", "aunt", "uncle", "cousin", "nephew", "niece", "child", "kid", "assistant", "tenant",
        "landlord", "spouse", "lawyer", "attorney", "accountant", "guardian", "caregiver", "carer",
    ];

    /// <summary>
    /// The relations one also calls someone by, whatever their name: after them a comma sets off no name ("my friend,
    /// Netflix is down", "my brother, Amazon lost it").
    /// </summary>
    private static readonly string[] RelationsOfAddress = ["friend", "brother", "sister", "partner", "boss"];

    /// <summary>The same in Indonesian with "-ku" ("istriku Siti", "anakku Rina").</summary>
    private static readonly string[] RelationsKu =
    [
        "istriku", "suamiku", "anakku", "ibuku", "ayahku", "bapakku", "kakakku", "adikku", "temanku", "pacarku", "mamaku", "papaku",
    ];

    /// <summary>
    /// Capitalised words that follow "I'm", "this is" or "saya" without being a name: states, ages, roles, places one
    /// is in, nationalities and faiths, days and months ("I'm Sorry", "I'm Indonesian", "it's Monday here", "Saya Kecewa").
    /// Words the message recogniser knows are not names either (its lexicon is asked as well).
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotIntroducedNames = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        [
            "sorry", "so", "very", "really", "just", "not", "still", "already", "also", "here", "there", "back", "new", "sure", "happy",
            "glad", "upset", "angry", "mad", "sad", "confused", "tired", "frustrated", "disappointed", "annoyed", "furious", "worried",
            "concerned", "scared", "afraid", "unhappy", "fine", "good", "great", "well", "ready", "done", "finished", "interested", "unable",
            "able", "aware", "available", "alone", "lost", "stuck", "sick", "busy", "calm", "serious", "desperate", "curious", "hungry",
            "broke", "human", "real", "satisfied", "dissatisfied", "pleased", "excited", "surprised", "shocked", "amazed", "about", "your",
            "his", "her", "their", "our", "one", "never", "always", "only", "even", "actually", "literally", "honestly", "seriously",
            "totally", "completely", "extremely", "quite", "pretty", "too", "kind", "sort", "gonna", "gone", "out", "off", "up", "down",
            "over", "home", "late", "early", "fed", "through", "all", "both", "unsure", "certain", "positive", "confident", "old", "young",
            "single", "married", "divorced", "retired", "pregnant", "disabled", "blind", "deaf", "student", "customer", "client", "member",
            "user", "owner", "subscriber", "premium", "vip", "gold", "platinum", "silver", "abroad", "outside", "inside", "overseas", "away",
            "online", "offline", "english", "bahasa", "hoping", "right", "wrong", "correct", "desperately", "now", "today",
            "tomorrow", "yesterday", "tonight", "again", "definitely", "absolutely", "beyond", "fairly", "rather", "simply",
            "merely", "basically", "probably", "maybe", "perhaps", "somewhat", "super", "soo", "sooo", "damn", "fucking", "freaking",
            "fuming", "livid", "outraged", "irritated", "exhausted", "disgusted", "appalled", "baffled", "puzzled", "lucky", "unlucky",
            "grateful", "thankful", "impressed", "ok", "okay", "alright", "cool", "chill", "hopeful", "willing", "keen", "eager", "told",
            "meant", "supposed", "allowed", "charged", "billed", "locked", "blocked", "banned", "scammed", "hacked", "owed", "due", "entitled",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu",
            "minggu", "januari", "februari", "maret", "mei", "juni", "juli", "agustus", "oktober", "desember", "morning", "afternoon",
            "evening", "night", "midnight", "noon", "indonesian", "american", "british", "canadian", "australian", "indian", "chinese",
            "japanese", "korean", "malaysian", "singaporean", "filipino", "thai", "vietnamese", "german", "french", "dutch", "spanish",
            "italian", "mexican", "brazilian", "russian", "arab", "african", "european", "asian", "muslim", "catholic", "hindu", "buddhist",
            "jewish", "protestant", "javanese", "sundanese", "balinese", "mau", "ingin", "pengen", "pingin", "sudah", "udah", "udh", "belum",
            "blm", "tidak", "tdk", "nggak", "gak", "gk", "ga", "lagi", "lg", "baru", "cuma", "hanya", "sedang", "akan", "mohon", "minta",
            "butuh", "perlu", "bisa", "sangat", "sering", "selalu", "kecewa", "kesal", "marah", "bingung", "pelanggan", "pembeli",
            "penjual", "orang", "bukan", "juga", "sendiri", "tadi", "kemarin", "kirim", "transfer", "bayar", "beli", "pesan", "cek", "tanya",
            "coba", "lapor", "komplain", "sebagai", "punya", "pernah", "masih", "benar", "betul", "setuju", "senang", "puas", "langsung",
            "sekarang", "harus", "telah", "pakai", "pake", "dah", "sih", "kok", "yang", "tuh", "nih", "kak", "gan", "sis", "min", "bang",
            "dong", "ya", "iya", "terima", "makasih", "tolong", "agak", "kurang", "jadi", "lupa", "tahu", "tau", "ngerti", "mengerti",
            "paham", "dapat", "dapet", "menunggu", "nunggu", "sakit", "capek", "sibuk", "takut", "khawatir", "nasabah", "urgent", "insane",
            "crazy", "absurd", "terrible", "horrible", "awful", "pathetic", "useless", "important", "annoying", "frustrating", "disgusting",
            "stupid", "nonsense", "bullshit", "madness", "fraud", "theft", "robbery", "scam", "rubbish", "joke", "incredible", "amazing",
            "perfect", "excellent", "fantastic", "wonderful", "bad", "worse", "worst", "better", "best", "fair", "unfair", "diabetic",
            "allergic", "vegan", "vegetarian", "gay", "trans", "autistic", "ill", "dying", "elderly", "senior", "pensioner", "veteran",
            "minor", "underage", "adult", "driver", "courier", "seller", "buyer", "merchant", "partner", "vendor", "reseller", "teacher",
            "nurse", "doctor", "engineer", "developer", "manager", "admin", "employee", "staff", "parent", "mother", "father", "mom", "mum",
            "dad", "wife", "husband", "son", "daughter", "ojol", "kurir", "mahasiswa", "siswa", "pegawai", "karyawan", "guru", "dokter",
            "perawat", "warga", "penduduk", "pemilik", "agen", "pedagang", "pengusaha", "petani", "istri", "suami", "anak", "orangtua",
            "prime", "plus", "pro", "basic", "standard", "elite", "bronze", "diamond", "business", "enterprise", "family", "free", "trial",
            "prepaid", "postpaid", "overcharged", "undercharged", "cheated", "ignored", "stranded", "unsubscribed", "subscribed",
            "registered", "verified", "logged", "signed", "offended", "insulted", "unsatisfied", "embarrassed", "ashamed", "terrified",
            "horrified", "devastated", "heartbroken", "convinced", "unconvinced", "prepared", "unprepared", "engaged", "involved",
            "located", "based", "new here",
        ]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The small words inside names ("bin", "van", "de"), and "An" of Vietnamese names.</summary>
    private static readonly string[] NameParticles = ["bin", "binti", "van", "von", "de", "da", "del", "al", "la", "le", "an"];

    /// <summary>Words right before "this is" that open a message as an introduction does ("Hi, this is Maria").</summary>
    private static readonly string[] Greetings =
    [
        "hi", "hello", "hey", "hiya", "halo", "hallo", "hai", "morning", "afternoon", "evening", "day", "yes", "yeah", "yep", "ok", "okay",
        "oh", "um", "uh", "erm", "hm", "hmm", "sorry", "dear", "greetings", "pagi", "siang", "sore", "malam",
    ];

    /// <summary>Words a name given after "ini" is followed by ("ini Rudi yang kemarin chat", "ini Sari mau tanya"; "ini Jakarta panas banget" stays).</summary>
    private static readonly string[] AfterIni =
    [
        "yang", "yg", "dari", "di", "disini", "sini", "mau", "ingin", "pengen", "mo", "lagi", "kemarin", "tadi", "kak", "ka", "min",
        "mas", "mbak", "pak", "bu", "pemilik", "pelanggan", "customer", "dengan", "nih", "ya", "here", "from", "again",
    ];

    /// <summary>Words a name given after "this is" is followed by ("this is Maria from Jakarta", "this is Tom speaking").</summary>
    private static readonly string[] AfterAnIntroducedName = ["from", "here", "speaking", "calling", "again", "and", "with", "at", "dari", "di"];

    /// <summary>
    /// The names customers introduce themselves with, and the names any text calls someone by (after an honorific, on a
    /// header line, before a role in brackets; in a text the AI or an agent writes, after a greeting that opens it), added
    /// to <paramref name="found"/> where they lie apart from it. A name is capitalised, so only a capital letter that
    /// begins a word and has a small letter after it is looked at (one vectorised search for capitals; most messages have
    /// few or none past their first letter), and then the words before it, for one that introduces or announces it. With
    /// <paramref name="introducedNames"/> false (the writer is the AI or an agent) the writer's own introduction and
    /// sign-off stay theirs.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindIntroductions(
        string text, List<(int Start, int End, string Placeholder)>? found, bool introducedNames = true)
    {
        // Whether the message says "here" or "speaking" at all, searched for once, when a capital first opens it; and
        // whether it has a bracket (for a role after a name) or a comma and a capital (for a degree after one).
        bool? saysHere = null;
        bool? hasBracket = null;
        bool? hasDegree = null;
        int i = 0;
        while (i < text.Length)
        {
            int hit = text.AsSpan(i).IndexOfAnyInRange('A', 'Z');
            if (hit < 0)
            {
                break;
            }

            int at = i + hit;
            i = at + 1;
            if ((at > 0 && char.IsLetterOrDigit(text[at - 1])) || at + 1 >= text.Length || !char.IsLower(text[at + 1]))
            {
                continue;
            }

            (int start, int end) = introducedNames ? IntroducingWordBefore(text, at) : default;
            if (end > start && Introduced(text, start, end) is (var from, var to, { } placeholder) && AddApart(ref found, (from, to, placeholder)))
            {
                i = to;
            }
            else if (AddressedName(text, at, introducedNames, ref saysHere, ref hasBracket, ref hasDegree, out bool held) is (var nameFrom, var nameTo) && nameTo > nameFrom
                && AddApart(ref found, (nameFrom, nameTo, held ? UncertainNamePlaceholder : NamePlaceholder)))
            {
                i = nameTo;
            }
        }

        return introducedNames ? FindIntroductionsInSmallLetters(text, found) : found;
    }

    /// <summary>
    /// The name the capitalised word at <paramref name="at"/> begins when no introduction announces it: after an
    /// honorific or a title, signing the message off or opening it with "here" (a customer's only), after a greeting
    /// opening a text the AI or an agent writes, on a header line, after a word a thing is held under, registered to or
    /// sent by ("under", "registered to", "sent by"), before a role in brackets or before a degree; an empty
    /// span when none. Whether the text has a bracket, or a comma and a capital where a degree may stand, is searched for
    /// once, when a capital first asks. <paramref name="held"/> says the name is what something is held under, registered
    /// to or sent by: read less surely (a fare or a collection may stand there), so a conversation does not remember it.
    /// </summary>
    private static (int From, int To) AddressedName(
        string text, int at, bool introducedNames, ref bool? saysHere, ref bool? hasBracket, ref bool? hasDegree, out bool held)
    {
        held = false;
        (int from, int to) = NameAfterAnHonorific(text, at, introducedNames);
        if (to == from && introducedNames)
        {
            (from, to) = SignedOrHere(text, at, ref saysHere);
        }

        if (to == from && !introducedNames)
        {
            (from, to) = NameAfterAGreeting(text, at);
        }

        if (to == from)
        {
            (from, to) = NameAfterAHeaderLabel(text, at);
        }

        if (to == from)
        {
            (from, to) = NameAHoldingWordGives(text, at);
            held = to > from;
        }

        if (to == from && (hasBracket ??= text.Contains('(')))
        {
            (from, to) = NameBeforeARoleInBrackets(text, at);
        }

        if (to == from && (hasDegree ??= MayHoldADegree(text)))
        {
            (from, to) = NameBeforeADegree(text, at);
        }

        return (from, to);
    }

    /// <summary>
    /// Given names common among the customers, English and Indonesian, that are no everyday word: a name written in small
    /// letters is taken for one only when it is one of these ("i'm john", "saya budi, mau tanya"). Names that are words too
    /// ("will", "mark", "grace", "hope", "rose", "may", "putri", "indah", "sari", "yoga", "puji") are left out.
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GivenNames = FrozenSet.Create(
        StringComparer.Ordinal,
        [
            "john", "james", "michael", "david", "robert", "william", "richard", "joseph", "thomas", "charles", "christopher", "daniel",
            "matthew", "anthony", "andrew", "joshua", "kevin", "brian", "steven", "stephen", "timothy", "jason", "jeffrey", "ryan",
            "jacob", "gary", "nicholas", "eric", "jonathan", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory",
            "alexander", "patrick", "dennis", "jerry", "tyler", "aaron", "adam", "nathan", "henry", "zachary", "kyle", "peter",
            "ethan", "noah", "liam", "oliver", "lucas", "mason", "logan", "sarah", "mary", "patricia", "jennifer", "linda", "elizabeth",
            "barbara", "susan", "jessica", "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna",
            "michelle", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "laura", "sharon", "cynthia", "kathleen", "amy",
            "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha", "katherine", "christine", "rachel",
            "catherine", "heather", "maria", "olivia", "sophia", "isabella", "mia", "charlotte", "amelia", "evelyn", "abigail", "chloe",
            "priya", "rahul", "amit", "mohammed", "mohammad", "muhammad", "ahmed", "ahmad", "ali", "fatima", "aisha", "omar", "hassan",
            "hasan",
            "budi", "siti", "agus", "andi", "dewi", "rina", "wati", "yanti", "rudi", "joko", "eko", "hendra", "fitri",
            "wahyu", "yusuf", "irfan", "rizky", "rizki", "dedi", "deni", "hadi", "ilham", "iwan", "novi", "ratna", "rini",
            "tono", "yudi", "yuli", "zainal", "bambang", "slamet", "sutrisno", "suryani", "kurniawan",
            "setiawan", "gunawan", "hidayat", "nugroho", "prasetyo", "wibowo", "saputra", "susanti", "handayani", "rahmawati",
            "anisa", "annisa", "nurul", "fauzi", "dimas", "fikri", "reza", "rizal", "aditya",
            "ari", "dina", "dinda", "endang", "farhan", "hani", "jihan",
            "kiki", "lina", "nanda", "nia", "nina", "okta", "rani", "sinta", "tika", "vina",
            "winda", "yuni", "zahra",
        ]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The words that may introduce a name written in small letters, found anywhere whatever their case.</summary>
    private static readonly SearchValues<string> SmallIntroductionMarks = SearchValues.Create(
        ["i'm ", "im ", "i am ", "this is ", "saya ", "aku ", "call me ", "panggil "], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The names written in small letters after the words that introduce one (<see cref="IntroducedInSmallLetters"/>),
    /// added to <paramref name="found"/> where they lie apart from it.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindIntroductionsInSmallLetters(string text, List<(int Start, int End, string Placeholder)>? found)
    {
        int i = 0;
        while (i < text.Length)
        {
            int hit = text.AsSpan(i).IndexOfAny(SmallIntroductionMarks);
            if (hit < 0)
            {
                break;
            }

            int mark = i + hit;
            i = mark + 1;
            if ((mark == 0 || !char.IsLetterOrDigit(text[mark - 1])) && IntroducedInSmallLetters(text, mark) is (var from, var to, { } placeholder)
                && AddApart(ref found, (from, to, placeholder)))
            {
                i = to;
            }
        }

        return found;
    }

    /// <summary>
    /// A name written in small letters after the words that introduce one, which start at <paramref name="mark"/> ("i'm
    /// john", "this is john smith from accounts", "saya budi, mau tanya", "call me sarah"): read as a capitalised one is, but
    /// only a given name of <see cref="GivenNames"/> opens one, since "i'm tired" and "saya mau" name no one.
    /// </summary>
    private static (int From, int To, string? Placeholder) IntroducedInSmallLetters(string text, int mark)
    {
        // Past the introducing words: one ("saya", "i'm", "im"), or two ("i am", "this is", "call me"). Every mark ends in a
        // space, so the first IndexOf finds one.
        int after = text.IndexOf(' ', mark) + 1;
        bool twoWords = text[mark] is 'i' or 'I' ? text[mark + 1] == ' ' : text[mark] is 't' or 'T' or 'c' or 'C';
        if (twoWords)
        {
            after = text.IndexOf(' ', after) + 1;
        }

        (int at, int we) = NextWord(text, after);
        // "panggil saja budi", "panggil aja rina": past the word that goes with "panggil".
        if (text[mark] is 'p' or 'P' && we > at && IsOneOf(text.AsSpan(at, we - at), ["saja", "aja"]))
        {
            (at, we) = NextWord(text, we);
        }

        // A whole word of small letters: not the start of a user name or an address ("budi_santoso99", "budi.s@…").
        bool whole = we == text.Length
            || !(char.IsLetterOrDigit(text[we]) || text[we] is '_' or '@' or '-' || (text[we] == '.' && we + 1 < text.Length && char.IsLetterOrDigit(text[we + 1])));
        if (we == at || !whole || !char.IsLower(text[at]) || !GivenNames.Contains(text.AsSpan(at, we - at)))
        {
            return default;
        }

        (int start, int end) = IntroducingWordBefore(text, at);
        return end > start ? Introduced(text, start, end) : default;
    }

    /// <summary>
    /// The word that may introduce the name at <paramref name="at"/>, past an honorific: "I" of "I'm" and "I am", "this"
    /// of "this is", "it" of "it's" and "it is", "call" of "call me", "saya", "aku"; an empty span when there is none.
    /// </summary>
    private static (int Start, int End) IntroducingWordBefore(string text, int at)
    {
        for (int step = 0; step < 2; step++)
        {
            int end = SpacesBefore(text, at);
            if (end == at || end == 0)
            {
                return default;
            }

            // "my son, Peter": a comma or a colon sets a name off from a relation, and from nothing else.
            bool setOff = false;
            if (text[end - 1] == '.' && step == 0)
            {
                end--; // "Mr. Smith"
            }
            else if (text[end - 1] is ',' or ':')
            {
                end--;
                setOff = true;
            }

            int begin = LettersStart(text, end);
            ReadOnlySpan<char> word = text.AsSpan(begin, end - begin);
            if (word.IsEmpty)
            {
                return default;
            }

            if (setOff)
            {
                return (IsOneOf(word, Relations) && !IsOneOf(word, RelationsOfAddress)) || IsOneOf(word, RelationsKu)
                    ? (begin, end)
                    : default;
            }

            // "Mr. Smith", and "I am called Jane Doe", "I'm named Jane": the word before those introduces the name.
            if (step == 0 && (IsOneOf(word, Honorifics) || IsOneOf(word, ["called", "named"])))
            {
                at = begin;
                continue;
            }

            // "im John", "im budi": "I'm" written without its apostrophe; "(ini) dengan Budi", as one answers a phone.
            if (IsOneOf(word, ["saya", "aku", "im", "dengan", "ini", "with"]) || IsOneOf(word, Relations) || IsOneOf(word, RelationsKu))
            {
                return (begin, end);
            }

            // "m" of "I'm", "s" of "it's": the word before the apostrophe.
            if (begin >= 2 && text[begin - 1] is '\'' or '\u2019' && IsOneOf(word, ["m", "s"]))
            {
                return (LettersStart(text, begin - 1), begin - 1);
            }

            if (IsOneOf(word, ["am", "is", "me", "saja", "aja"]))
            {
                int before = SpacesBefore(text, begin);
                return before < begin ? (LettersStart(text, before), before) : default;
            }

            return default;
        }

        return default;
    }

    /// <summary>
    /// The name a customer introduces themselves with, when the word at [<paramref name="start"/>, <paramref name="end"/>)
    /// opens an introduction: "I'm" / "I am", "this is" at the start of a message or after a greeting, "it's ... here",
    /// "call me", "saya" / "aku", "ini dengan" / "saya dengan", and "dengan ... di sini" opening a message. Only a capitalised word that is no everyday word is taken for a name (with up to three
    /// more capitalised words after it, honorifics kept), and not in a message written in capitals throughout: "I'm Sorry",
    /// "I'm very upset", "this is Amazon?" and "Saya Mau tanya" stay. Null placeholder when it is no introduction.
    /// </summary>
    private static (int From, int To, string? Placeholder) Introduced(string text, int start, int end)
    {
        ReadOnlySpan<char> word = text.AsSpan(start, end - start);
        Introduction kind;
        int k;
        if (IsOneOf(word, ["im"]))
        {
            k = end;
            kind = Introduction.Self;
        }
        else if (word is "i" or "I")
        {
            if (ContractedAt(text, end, 'm'))
            {
                k = end + 2;
            }
            else if (!NextWordIs(text, end, "am", out k))
            {
                return default;
            }

            // "I am called Jane Doe", "I'm named Jane".
            if (NextWordIs(text, k, "called", out int called) || NextWordIs(text, k, "named", out called))
            {
                k = called;
            }

            kind = Introduction.Self;
        }
        else if (IsOneOf(word, ["this"]) && NextWordIs(text, end, "is", out k) && OpensAMessage(text, start))
        {
            kind = Introduction.ThisIs;
        }
        else if (IsOneOf(word, ["it"]) && (ContractedAt(text, end, 's') || NextWordIs(text, end, "is", out _)))
        {
            k = ContractedAt(text, end, 's') ? end + 2 : NextWord(text, end).End;
            kind = Introduction.ItIs;
        }
        else if ((IsOneOf(word, ["call", "calls"]) && NextWordIs(text, end, "me", out k))
            || (IsOneOf(word, ["panggil"]) && (NextWordIs(text, end, "saja", out k) || NextWordIs(text, end, "aja", out k))))
        {
            // "call me Jim", "panggil saja Rina".
            kind = Introduction.CallMe;
        }
        else if (IsOneOf(word, ["saya", "aku"]) && !IsOneOf(PreviousWord(text, start), ["sandi", "password", "pin", "pw", "pass", "passcode", "kunci", "otp", "kode"]))
        {
            // "sandi saya Jakarta#99" is a password, no introduction.
            k = end;
            kind = Introduction.Saya;
        }
        else if (IsOneOf(word, ["dengan"]) && IsOneOf(PreviousWord(text, start), ["ini", "saya", "aku"]))
        {
            // "ini dengan Budi Santoso", "saya dengan Budi": "this is Budi speaking", as an Indonesian answers a phone.
            k = end;
            kind = Introduction.Saya;
        }
        else if (IsOneOf(word, ["ini"]) && AfterAGreeting(text, start))
        {
            // "Halo kak, ini Rudi Hartanto yang kemarin chat": "this is ..." after a greeting.
            k = end;
            kind = Introduction.Ini;
        }
        else if (IsOneOf(word, ["with"]) && IsOneOf(PreviousWord(text, start), ["speaking", "talking", "chatting"]))
        {
            // "You're speaking with Ahmad Fauzi": as "I'm ..." (the AI's or an agent's own stays theirs).
            k = end;
            kind = Introduction.Self;
        }
        else if (IsOneOf(word, ["dengan"]) && OpensAMessage(text, start))
        {
            // "dengan Budi di sini": the same, with "di sini" (here) after the name.
            k = end;
            kind = Introduction.WithHere;
        }
        else if ((IsOneOf(word, Relations) && IsOneOf(PreviousWord(text, start), ["my", "our"])) || IsOneOf(word, RelationsKu))
        {
            // "my son, Peter Parker", "istriku: Siti": the name set off by a comma or a colon.
            k = end < text.Length && text[end] is ',' or ':' ? end + 1 : end;
            kind = Introduction.Relation;
        }
        else
        {
            return default;
        }

        (int from, int to) = ReadName(text, PastHonorific(text, k));
        // "ini Samsung yang kemarin saya beli" names a thing as often as a writer: only a given name opens one there.
        if (kind == Introduction.Ini && to > from && !OpensWithAGivenName(text.AsSpan(from, to - from)))
        {
            return default;
        }

        return to > from && EndsAnIntroduction(text, to, kind) ? (from, to, NamePlaceholder) : default;
    }

    /// <summary>Whether the name's first word, in any case, is one of <see cref="GivenNames"/>.</summary>
    private static bool OpensWithAGivenName(ReadOnlySpan<char> name)
    {
        int end = 0;
        while (end < name.Length && char.IsLetter(name[end]))
        {
            end++;
        }

        if (end == 0 || end > 32)
        {
            return false;
        }

        Span<char> lower = stackalloc char[end];
        name[..end].ToLowerInvariant(lower);
        return GivenNames.Contains(lower);
    }

    /// <summary>
    /// The capitalised name that starts at or after <paramref name="k"/> (up to <see cref="MaxNameWords"/> words, the
    /// small words of names such as "bin" or "van" between them), or an empty span when no name is there. A name an
    /// honorific announces (<paramref name="honoured"/>) goes on past its first word with any capitalised word that is no
    /// everyday word, even one that is a word of a date or a state elsewhere ("Mrs. Tan Mei Ling").
    /// </summary>
    private static (int From, int To) ReadName(string text, int k, bool honoured = false)
    {
        int from = -1;
        int to = -1;
        bool small = false;
        for (int words = 0; words < MaxNameWords; words++)
        {
            (int ws, int we) = NextNameWord(text, k);
            if (we == ws)
            {
                break;
            }

            ReadOnlySpan<char> name = text.AsSpan(ws, we - ws);
            if (small && words >= MaxSmallNameWords)
            {
                break;
            }

            bool particle = from >= 0 && IsOneOf(name, NameParticles);
            // A name in small letters: a given name of the list first ("john", "budi"), then a word that is no everyday word
            // ("john smith", "budi santoso").
            bool smallName = char.IsLower(name[0]) && (from < 0 ? GivenNames.Contains(name) : small && LooksLikeASmallSurname(name));
            small |= from < 0 && smallName;
            bool nameWord = honoured && from >= 0 ? LooksLikeAFurtherName(name) : LooksLikeAName(name, first: from < 0);
            // "this is Will Turner", "I'm May Tan": a given name that is an everyday word too opens a name before a surname.
            nameWord |= from < 0 && IsNameThatIsAWord(name) && we < text.Length && text[we] == ' '
                && NextNameWord(text, we) is var (ss, se) && se > ss && LooksLikeAFurtherName(text.AsSpan(ss, se - ss));
            if (!smallName && !nameWord && !(particle && char.IsUpper(name[0])))
            {
                // "Budi bin Ahmad", "Ludwig van Beethoven": the small words of names, between two of its words; written
                // with a capital they are words of the name ("Nguyen Van An").
                if (!particle)
                {
                    break;
                }

                k = we;
                continue;
            }

            from = from < 0 ? ws : from;
            to = we;
            k = we;
            if (we < text.Length && text[we] is not (' ' or '\u00A0'))
            {
                break;
            }
        }

        return from >= 0 ? (from, to) : default;
    }

    /// <summary>
    /// A name that signs the message off or opens it with "here": after a closing word and a comma or a new line
    /// ("Regards, Michael Brown", "Thanks,\nSarah", "Salam, Budi") or after a dash that signs it ("— Sarah"), ending the
    /// message but for punctuation; or, opening the message or after a greeting, followed by "here" or "speaking" and the
    /// end of its clause ("John Smith here, order 5512", "Hi, Maria speaking."). "Thanks John" (no comma), "Regards,
    /// Michael Brown from Acme" and "Jakarta here is hot" stay. <paramref name="saysHere"/> is whether the message says
    /// "here" or "speaking" at all, searched for once.
    /// </summary>
    private static (int From, int To) SignedOrHere(string text, int at, ref bool? saysHere)
    {
        // Cheap tests first: most capitals follow no closing word and open no message that says "here" or "speaking".
        bool signedOff = SignOffBefore(text, at) || DashBefore(text, at);
        if (!signedOff && !(OpensAMessage(text, at)
            && (saysHere ??= text.Contains(" here", StringComparison.OrdinalIgnoreCase) || text.Contains(" speaking", StringComparison.OrdinalIgnoreCase))))
        {
            return default;
        }

        // "Best, Dr. Adams": the honorific kept, as in an introduction.
        int honorific = PastHonorific(text, at);
        (int from, int to) = ReadName(text, honorific);
        if (to <= from || (honorific == at && from != at))
        {
            return default;
        }

        if (signedOff)
        {
            return OnlyPunctuationAfter(text, to) ? (from, to) : default;
        }

        int p = PastSpaces(text, to);
        int we = WordLettersEnd(text, p);
        if (we > p && IsOneOf(text.AsSpan(p, we - p), ["here", "speaking"]))
        {
            int after = PastSpaces(text, we);
            return after >= text.Length || text[after] is ',' or '.' or '!' or '\n' or '-' or ';' or ':' or '\u2014' || IsDash(text[after]) ? (from, to) : default;
        }

        return default;
    }

    /// <summary>Whether a closing word and a comma, a new line or a dash stand right before <paramref name="at"/>: "Regards, ", "Thanks,\n".</summary>
    private static bool SignOffBefore(string text, int at)
    {
        int before = at;
        bool separated = false;
        while (before > 0 && text[before - 1] is ' ' or '\u00A0' or ',' or '\n' or '\r' or '-' or '!' or '.')
        {
            separated |= text[before - 1] is ',' or '\n' or '-';
            before--;
        }

        int wordStart = LettersStart(text, before);
        return separated && wordStart < before && IsSignOff(text, wordStart, before);
    }

    /// <summary>
    /// Whether a dash that signs a message stands right before <paramref name="at"/>: "-", "--", "–" or "—" at the start of
    /// the message, of a line or after the end of a sentence ("My order never came. — Sarah", "thanks!\n-Tom"), not inside
    /// one ("the blue one - Nike", "from 9 - 5").
    /// </summary>
    private static bool DashBefore(string text, int at)
    {
        int k = SpacesBefore(text, at);
        int dashes = 0;
        while (k > 0 && dashes < 2 && text[k - 1] is '-' or '\u2013' or '\u2014')
        {
            k--;
            dashes++;
        }

        if (dashes == 0)
        {
            return false;
        }

        while (k > 0 && text[k - 1] is ' ' or '\u00A0' or '\r')
        {
            k--;
        }

        return k == 0 || text[k - 1] is '\n' or '.' or '!' or '?';
    }

    /// <summary>Whether the word at [<paramref name="start"/>, <paramref name="end"/>) closes a message: "Regards", "Best", "Salam", and "thank you", "hormat saya", "best wishes" by their last word.</summary>
    private static bool IsSignOff(string text, int start, int end)
    {
        ReadOnlySpan<char> word = text.AsSpan(start, end - start);
        if (IsOneOf(word, SignOffs))
        {
            return true;
        }

        ReadOnlySpan<char> previous = PreviousWord(text, start);
        return (IsOneOf(word, ["you"]) && IsOneOf(previous, ["thank"]))
            || (IsOneOf(word, ["saya"]) && IsOneOf(previous, ["hormat"]))
            || (IsOneOf(word, ["wishes"]) && IsOneOf(previous, ["best", "warm", "kind"]));
    }

    /// <summary>Whether nothing but spaces, punctuation and symbols comes after <paramref name="k"/>: the end of the message.</summary>
    private static bool OnlyPunctuationAfter(string text, int k)
    {
        for (; k < text.Length; k++)
        {
            if (char.IsLetterOrDigit(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"'m" or "'s" (either apostrophe) at <paramref name="k"/>, as the end of a word.</summary>
    private static bool ContractedAt(string text, int k, char letter) =>
        k + 1 < text.Length && text[k] is '\'' or '\u2019' && (text[k + 1] | 0x20) == letter
        && (k + 2 == text.Length || !char.IsLetter(text[k + 2]));

    /// <summary>Whether the next word after <paramref name="k"/> is <paramref name="wanted"/> (any case); <paramref name="end"/> is its end.</summary>
    private static bool NextWordIs(string text, int k, string wanted, out int end)
    {
        (int ws, int we) = NextWord(text, k);
        end = we;
        return we > ws && text.AsSpan(ws, we - ws).Equals(wanted, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a greeting, perhaps with a way of addressing the reader, stands right before <paramref name="start"/> ("Halo kak, ini ...", "Pagi, ini ...").</summary>
    private static bool AfterAGreeting(string text, int start)
    {
        int j = start;
        while (j > 0 && text[j - 1] is ' ' or ',' or '!' or '\u00A0')
        {
            j--;
        }

        ReadOnlySpan<char> previous = PreviousWord(text, j);
        if (IsOneOf(previous, ["kak", "ka", "min", "gan", "sis", "mas", "mbak", "mba", "bang"]))
        {
            j = SpacesBefore(text, j - previous.Length);
            previous = PreviousWord(text, j);
        }

        return IsOneOf(previous, Greetings) || IsOneOf(previous, ["assalamualaikum", "permisi", "selamat"]);
    }

    /// <summary>Whether <paramref name="start"/> opens the message or a sentence of it, or follows a greeting ("Hi, this is ...").</summary>
    private static bool OpensAMessage(string text, int start)
    {
        int j = start;
        while (j > 0 && text[j - 1] is ' ' or ',' or '\u00A0')
        {
            j--;
        }

        if (j == 0 || text[j - 1] is '.' or '!' or '?' or '\n' or ':' or '-')
        {
            return true;
        }

        // "Dear support, Olga Ivanova here": a greeting and whom it greets, then a comma.
        ReadOnlySpan<char> previous = PreviousWord(text, j);
        return IsOneOf(previous, Greetings)
            || (j < start && text.AsSpan(j, start - j).Contains(',') && IsOneOf(PreviousWord(text, SpacesBefore(text, j - previous.Length)), Greetings));
    }

    /// <summary>
    /// A word that can be a name: capitalised, with a small letter in it (not a message in capitals), and no everyday
    /// word (<see cref="NotIntroducedNames"/>, the small words of both languages, the recogniser's lexicon, and, for the
    /// first word, a word's ending such as "-ing" or "-ous": "John Fleming" is a name, "Waiting" alone is not).
    /// </summary>
    private static bool LooksLikeAName(ReadOnlySpan<char> word, bool first)
    {
        ReadOnlySpan<char> bare = word.TrimEnd('.');
        if (bare.Length < 2 || bare.Length > 32 || !char.IsUpper(bare[0]) || !HasLowerLetter(bare[1..]) || IsContraction(bare) || IsLowerCompound(bare))
        {
            return false;
        }

        return !(NotIntroducedNames.Contains(bare) || IsOneOf(bare, NotANameWords) || IsOneOf(bare, Honorifics) || (first && HasAWordsEnding(bare))
            || IsLexiconWord(bare));
    }

    /// <summary>
    /// A word that can go on a name an honorific announces: capitalised, with a small letter in it, and none of the small
    /// words of both languages, an honorific or a word of the recogniser's lexicon ("Mrs. Tan Mei Ling", but "Pak Budi
    /// Tolong" ends at "Budi").
    /// </summary>
    private static bool LooksLikeAFurtherName(ReadOnlySpan<char> word)
    {
        ReadOnlySpan<char> bare = word.TrimEnd('.');
        return bare.Length >= 2 && bare.Length <= 32 && char.IsUpper(bare[0]) && HasLowerLetter(bare[1..]) && !IsContraction(bare)
            && !IsLowerCompound(bare) && !IsOneOf(bare, NotANameWords) && !IsOneOf(bare, Honorifics) && !IsLexiconWord(bare);
    }

    /// <summary>Whether the word, whatever its case, is one of the recogniser's lexicon: an everyday word, no name.</summary>
    private static bool IsLexiconWord(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return Lexicon.BySpan.ContainsKey(lower);
    }

    /// <summary>A word in small letters after a given name that may be its surname: three letters or more, none of the lexicon's words nor of those that are no names.</summary>
    private static bool LooksLikeASmallSurname(ReadOnlySpan<char> word) =>
        word.Length is >= 3 and <= 32 && IsAllLetters(word) && !NotIntroducedNames.Contains(word) && !IsOneOf(word, NotANameWords)
        && !IsOneOf(word, AfterAnIntroducedName) && !IsLexiconWord(word);

    /// <summary>"It's", "You're", "We'll": an apostrophe with only small letters after it ("O'Brien" and "D'Angelo" are names).</summary>
    private static bool IsContraction(ReadOnlySpan<char> word)
    {
        int apostrophe = word.LastIndexOfAny('\'', '\u2019');
        if (apostrophe <= 0 || apostrophe == word.Length - 1)
        {
            return false;
        }

        foreach (char c in word[(apostrophe + 1)..])
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"Ex-staff", "Follow-up": a hyphen with a small letter after it ("Mary-Jane" and "Al-Hassan" are names).</summary>
    private static bool IsLowerCompound(ReadOnlySpan<char> word)
    {
        int hyphen = word.IndexOf('-');
        return hyphen > 0 && hyphen + 1 < word.Length && char.IsLower(word[hyphen + 1]);
    }

    /// <summary>Endings of words that are no names: "Waiting", "Outrageous", "Unacceptable", "Terrible", "Helpful", "Useless", "Madness", "Harassment".</summary>
    private static bool HasAWordsEnding(ReadOnlySpan<char> word)
    {
        foreach (string ending in (ReadOnlySpan<string>)["ing", "ous", "able", "ible", "ful", "less", "ness", "ment"])
        {
            if (word.Length >= ending.Length + 2 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLowerLetter(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether what follows a name read at <paramref name="end"/> ends an introduction: the end of the message, a mark
    /// that ends a clause, or a word in small letters ("I'm John and ..."); after "this is" only a word that goes with a
    /// name ("from", "here", "speaking"), after "it's" only "here", "speaking" or "again". A question ("this is Netflix?")
    /// or a capitalised word that is no name ("I'm Happy To Help") is no introduction.
    /// </summary>
    private static bool EndsAnIntroduction(string text, int end, Introduction kind)
    {
        int p = PastSpaces(text, end);
        if (p >= text.Length)
        {
            return kind is not (Introduction.ItIs or Introduction.WithHere);
        }

        char c = text[p];
        if (c == '?')
        {
            return false;
        }

        if (!char.IsLetter(c))
        {
            return kind is not (Introduction.ItIs or Introduction.WithHere);
        }

        int we = WordLettersEnd(text, p);
        ReadOnlySpan<char> next = text.AsSpan(p, we - p);
        return kind switch
        {
            Introduction.ItIs => IsOneOf(next, ["here", "speaking", "again"]),
            Introduction.WithHere => IsOneOf(next, ["di", "disini", "sini", "here", "speaking"]),
            Introduction.ThisIs => IsOneOf(next, AfterAnIntroducedName),
            Introduction.Ini => IsOneOf(next, AfterIni),
            // "I'm Apple fan", "I'm Android user": a brand one is a fan or a user of, no name.
            _ => (!char.IsUpper(c) || next is "I") && !IsOneOf(next, ["fan", "fans", "user", "users", "customer", "member", "owner", "lover", "addict", "pengguna"]),
        };
    }
}
