using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>Reads the tone of a message from its tokens: frustration, abuse and thanks.</summary>
internal static partial class ToneScanner
{
    /// <summary>Whether the message is negative, abusive or thankful: by its words, negated help words and tone phrases.</summary>
    /// <remarks>
    /// An expletive (<see cref="Tone.Expletive"/>: "damn", "shit", "anjir", "hell") beside praise or sincere thanks, with
    /// nothing else negative or abusive in the message, is delight rather than anger: "anjir keren", "damn that was
    /// quick", "holy shit that was fast, thanks". Praise that is denied ("not good", "gak keren") is none, and an
    /// expletive beside a complaint ("damn, so slow", "anjir gagal lagi") or an insult ("bego lu") stays: abuse when
    /// it is sworn at someone ("damn you", "anjir lu"), frustration when at no one ("shit, wrong address"). What the
    /// customer counts (how often they tried, how long they waited, one star) is negative the same way: "I called twice,
    /// now it works, thanks" and "waited 2 days but it arrived, great" are relief.
    /// </remarks>
    public static void ScanTone(ReadOnlySpan<Lex> t, ReadOnlySpan<char> text, out bool negative, out bool abusive, out bool thanks) =>
        ScanTone(t, text, out negative, out abusive, out thanks, out _);

    /// <summary>
    /// As <see cref="ScanTone(ReadOnlySpan{Lex}, ReadOnlySpan{char}, out bool, out bool, out bool)"/>, and whether the message is
    /// <paramref name="delighted"/>: praise or excitement not denied ("I'm so excited", "can't wait to try it", "awesome"),
    /// with nothing negative or abusive in it. <paramref name="text"/> is the message <paramref name="t"/> was read from:
    /// a few readings look at what the tokens do not keep (an exclamation mark, a smiley, a word the lexicon does not know).
    /// </summary>
    public static void ScanTone(ReadOnlySpan<Lex> t, ReadOnlySpan<char> text, out bool negative, out bool abusive, out bool thanks, out bool delighted)
    {
        negative = false;
        abusive = false;
        thanks = false;
        bool praise = false;
        bool expletiveAbuse = false;
        bool expletiveNegative = false;
        bool counted = false;
        for (int i = 0; i < t.Length; i++)
        {
            Lex lex = t[i];
            Cat c = lex.Cats;
            if (IsTheAnimal(t, i))
            {
                // "makanan anjing", "anjing saya alergi": the animal, no oath.
                continue;
            }

            Phrase[]? phrases = null;
            bool hasPhrases = lex.Word.Length != 0 && Lexicon.PhrasesByFirstWord.TryGetValue(lex.Word, out phrases);
            bool expletive = hasPhrases && IsSingleWordOf(phrases!, Tone.Expletive);
            if (((c & Cat.Abusive) != 0 || expletive) && OpensDelight(t, i))
            {
                praise = true;
                continue;
            }

            if ((c & Cat.Abusive) != 0)
            {
                if (expletive)
                {
                    // "damn you", "damn this bot" swear at someone; "shit, wrong address", "damn, I won the raffle!" at no one.
                    bool aimed = AimedAtSomeone(t, i);
                    expletiveAbuse |= aimed;
                    expletiveNegative |= !aimed;

                    // "another crap answer from a crap bot", "shit service": said of what they give, whatever praise
                    // goes with it ("oh brilliant, ...").
                    abusive |= aimed && Is(t, i + 1, Cat.Bot | Cat.IdNoun | Cat.ServiceTail | Cat.ServiceHead | Cat.Agent | Cat.Team);
                }
                else
                {
                    // "I'm such an idiot, I typed the wrong email": nothing against the service.
                    abusive |= !SaidOfThemselvesOrTheirOwn(t, i);
                }
            }

            if ((c & Cat.Negative) != 0 && !IsNegated(t, i) && !IsPoliteFormula(t, i) && !MadeMild(t, i) && !NotTheirComplaint(t, i))
            {
                if (expletive)
                {
                    // "what the hell is wrong with your app": a mild oath at them is profanity; "a hell of a lot faster" is none.
                    expletiveNegative = true;
                    expletiveAbuse |= (c & Cat.Abusive) == 0 && WordAt(t, i + 1) != "of" && AimedAtSomeone(t, i);
                }
                else
                {
                    negative = true;
                }
            }

            if ((c & Cat.Not) != 0 && (NegatesHelp(t, i) || SwearsOff(t, i)))
            {
                negative = true;
            }

            // Every failure word plays no part, or only that of a payment or a breaker: other words are not looked at.
            if ((c & ~(Cat.Payment | Cat.Breaker)) == Cat.None && lex.Word.Length != 0 && FailsAgain(t, i))
            {
                negative = true;
            }

            if (lex.Word.Length != 0 && Insults(t, i))
            {
                abusive = true;
            }

            if ((c & (Cat.Lead | Cat.Errand)) != 0 && Exasperates(t, i))
            {
                negative = true;
            }

            // One switch on the word (its length first), so the other words cost one look.
            if (lex.Word switch
                {
                    "nobody" or "no" => NobodyAnswers(t, i),
                    "never" => TheyNeverAnswer(t, i),
                    "whatever" => ShrugsItOff(t, i) || GivesUp(t, i) || WaitsAfterGivingUp(t, i),
                    "terserah" => GivesUp(t, i) || WaitsAfterGivingUp(t, i),
                    "yeah" or "just" => ScoffsAlone(t, i),
                    "read" or "baca" => TellsToReadAgain(t, i),
                    "again" or "lagi" => SameAgainAndAgain(t, i) || SaidItAgain(t, i),
                    "blame" or "salahin" => BlamesSomeoneElse(t, i),
                    "lose" or "lost" => LosesACustomer(t, i),
                    "sampai" => WaitsWithoutEnd(t, i),
                    "post" or "posting" or "share" or "upload" or "spread" or "sebar" => GoesPublic(t, i),
                    "wait" => WaitsInResignation(t, i, text),
                    "how" => AsksHowHardItIs(t, i, text),
                    "why" => AsksWhySoHard(t, i, text),
                    "bagaimana" => AsksHowThisEvenWorks(t, i),
                    _ => false,
                })
            {
                negative = true;
            }

            // Every word a count, a length of time or a rating turns on plays no part of its own ("time", "kali", "twice",
            // "hours", "hari", "star", "bintang") or is a later time ("week", "minggu"): other words are not looked at.
            if (!counted && (c & ~Cat.LaterTime) == Cat.None && lex.Word.Length != 0
                && (TriedAgainAndAgain(t, i) || WaitedLong(t, i) || RatesTheLowest(t, i)) && !IsSupposed(t, i))
            {
                counted = true;
            }

            if ((c & Cat.Thanks) != 0)
            {
                if (ThanksForTheHarm(t, i + 1))
                {
                    negative = true;
                }
                else if (IsSincereThanks(t, i, i + 1))
                {
                    thanks = true;
                }
            }

            if (!hasPhrases)
            {
                continue;
            }

            foreach (Phrase phrase in phrases!)
            {
                if (!Matches(t, i, phrase.Words))
                {
                    continue;
                }

                int end = i + phrase.Words.Length;
                switch (phrase.Tone)
                {
                    case Tone.Negative when !(phrase.Words[0] == "bukan" && Is(t, end, Cat.Only)) && !IsPraiseGoingOn(t, phrase, end) && !IsSupposed(t, i)
                        && !OnlyTheirNeed(t, phrase, end) && !AnswersHere(t, phrase, end) && !NotTheirComplaint(t, i):
                        negative = true;
                        break;
                    case Tone.Abusive:
                        abusive = true;
                        break;
                    case Tone.Thanks when ThanksForTheHarm(t, end):
                        negative = true;
                        break;
                    case Tone.Thanks when IsSincereThanks(t, i, end):
                        thanks = true;
                        break;
                    case Tone.Praise when !IsNegated(t, i):
                        praise = true;
                        break;
                }
            }
        }

        // "thanks a lot, really helpful NOT", "wow thanks, super helpful... not": the "not" that closes the message takes
        // the praise and the thanks back.
        if (TakenBack(t, praise || thanks))
        {
            negative = true;
            thanks = false;
            praise = false;
        }

        // "fantastic, now I'm locked out", "nice job breaking my account", "yeah, real helpful, thanks": praise for
        // something gone wrong, or said flatly after "yeah", is sarcasm.
        // "just what I needed, another delay" praises with no word of praise.
        // "yeah, that totally answers my question", "wow, so helpful": help claimed flatly after a scoff, with no thanks,
        // exclamation mark or smiley.
        if (PraiseThenTrouble(t) || ClaimsHelpFlatly(t, thanks, text) || ((praise || thanks) && (PraisesTheDamage(t) || FlatPraise(t))))
        {
            negative = true;
            thanks = false;
            praise = false;
        }

        if (!(praise || thanks) || negative || abusive)
        {
            abusive |= expletiveAbuse;
            negative |= expletiveNegative | counted;
        }

        delighted = praise && !negative && !abusive;
    }

    /// <summary>
    /// A word of praise: a <see cref="Tone.Praise"/> word of the phrases ("great", "perfect", "fantastic") or a word of how
    /// something comes across (<see cref="Cat.Remark"/>: "amazing", "helpful", "nice").
    /// </summary>
    private static bool IsPraiseWord(ReadOnlySpan<Lex> t, int k) =>
        (uint)k < (uint)t.Length && t[k].Word.Length != 0 && !IsNegated(t, k)
        && (Is(t, k, Cat.Remark) || (Lexicon.PhrasesByFirstWord.TryGetValue(t[k].Word, out Phrase[]? phrases) && IsSingleWordOf(phrases, Tone.Praise)));

    /// <summary>
    /// A clause of praise alone ("fantastic", "oh perfect", "wow, great", "just brilliant", "well done", "just what I
    /// needed") and right after it a clause where something has gone wrong: one opening with "now" with a negator, a
    /// trouble (<see cref="IsTrouble"/>) or "too" / "again" / "twice" closing it ("fantastic, now I'm locked out", "oh
    /// perfect, now it's broken too", "great, now I can't log in"); one opening with "you" and what they did wrong (a
    /// trouble, "charged", "cancelled": "oh amazing, you charged me twice", "well done, you lost my parcel"); or "another"
    /// and a trouble, in a message that asks nothing ("oh great, another delay", "just what I needed, another error"); or
    /// any other with a trouble and "again" closing it ("fantastic, the tracking link is dead again").
    /// "great, now I can track it", "amazing, you never disappoint", "awesome, you saved me again", "great, another
    /// order" and "great, another question: ..." are not.
    /// </summary>
    private static bool PraiseThenTrouble(ReadOnlySpan<Lex> t)
    {
        for (int k = 0; k < t.Length; k++)
        {
            if (!Is(t, k - 1, Cat.Boundary) || Is(t, k - 1, Cat.Question) || IsEdge(t, k) || !IsPraiseClause(t, k - 2))
            {
                continue;
            }

            int end = ClauseEnd(t, k);
            // "great, so now I have no phone", "cool cool cool, so I just lose 500k then": a word that only links the
            // clauses opens the report.
            while (k + 1 < end && t[k].Word is "so" or "and" or "then" or "jadi")
            {
                k++;
            }

            if (WordAt(t, k) is not ("now" or "you" or "another"))
            {
                // "fantastic, the tracking link is dead again", "mantap, paketnya hilang lagi": a trouble, and "again"
                // closing the clause.
                if (WordAt(t, end - 1) is "again" or "lagi" && Has(t, k, end - 1, Cat.Negative | Cat.Breaker) | HasTrouble(t, k, end - 1)
                    && !OwnsAMistake(t, k, end))
                {
                    return true;
                }

                // "brilliant, charged twice", "selamat, paket saya hilang", "mantap, 3 minggu belum dateng juga":
                // a report of a failure right after the praise.
                if (ReportsAFailure(t, k, end) && !Has(t, 0, t.Length, Cat.Question))
                {
                    return true;
                }

                continue;
            }

            if (t[k].Word == "another")
            {
                // "another delay", "another error", "another fee": a trouble, closing the clause, in a message that asks
                // nothing; "another week of waiting": a wait.
                if (((end - k == 2 && IsTrouble(t, k + 1)) || HasWait(t, k + 1, end) || IsOnlyTheMachine(t, k + 1, end)) && !Has(t, 0, t.Length, Cat.Question))
                {
                    return true;
                }

                continue;
            }

            bool you = t[k].Word == "you";
            for (int n = k + 1; n < end; n++)
            {
                // After "you" only what they did wrong counts ("you lost my parcel", "you charged me twice"): "you never
                // disappoint", "you saved me again" praise.
                if (you ? (IsTrouble(t, n) && !Is(t, n, Cat.Breaker)) || t[n].Word is "charged" or "cancelled"
                    : Is(t, n, Cat.Not | Cat.Negative | Cat.Breaker) || IsTrouble(t, n) || (n == end - 1 && t[n].Word is "too" or "again" or "lagi" or "twice"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// [<paramref name="from"/>, <paramref name="to"/>) names the machine and what it produces, and nothing else: "chatbot",
    /// "automated reply", "bot answer" ("oh great, another chatbot"). "another robot vacuum" names a product.
    /// </summary>
    private static bool IsOnlyTheMachine(ReadOnlySpan<Lex> t, int from, int to)
    {
        bool machine = false;
        for (int n = from; n < to; n++)
        {
            if (Is(t, n, Cat.Bot))
            {
                machine = true;
            }
            else if (!Is(t, n, Cat.IdNoun))
            {
                return false;
            }
        }

        return machine;
    }

    /// <summary>
    /// The clause [<paramref name="from"/>, <paramref name="to"/>) owns a mistake of the customer's ("I chose the wrong
    /// date again", "salah pilih lagi"): a "wrong" or "salah" of their own choice.
    /// </summary>
    private static bool OwnsAMistake(ReadOnlySpan<Lex> t, int from, int to)
    {
        for (int n = from; n < to; n++)
        {
            if (t[n].Word is "wrong" or "salah" && OwnMistake(t, from, n))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a trouble (<see cref="IsTrouble"/>) stands in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private static bool HasTrouble(ReadOnlySpan<Lex> t, int from, int to)
    {
        for (int n = from; n < to; n++)
        {
            if (IsTrouble(t, n))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Something gone wrong, in a word: frustration or failing (not a negator), or "locked", "blocked" ("frozen",
    /// "suspended"), "stuck", "gone", "deleted", "lost", "broke" ("breaking"), "delay", "problem", "issue", "hilang", "dead".
    /// </summary>
    private static bool IsTrouble(ReadOnlySpan<Lex> t, int n) =>
        (Is(t, n, Cat.Negative | Cat.Breaker) && !Is(t, n, Cat.Not))
        || WordAt(t, n) is "locked" or "blocked" or "stuck" or "gone" or "deleted" or "lost" or "breaking" or "delay" or "problem" or "issue"
            or "hilang" or "dead" or "lose" or "vanished" or "nyasar" or "kepotong"
        || (WordAt(t, n) is "wrong" or "salah" && WordAt(t, n + 1) != "satu");

    /// <summary>
    /// The clause ending at <paramref name="last"/> is praise alone, with only "oh", "wow", "well", "just", "so", "really"
    /// and the like beside it ("oh perfect", "wow, great" read as one), "well done", "great job", "nice work", or "(just)
    /// what I needed".
    /// </summary>
    private static bool IsPraiseClause(ReadOnlySpan<Lex> t, int last)
    {
        if (WordAt(t, last) == "needed" && WordAt(t, last - 1) == "i" && WordAt(t, last - 2) == "what")
        {
            int q = last - 3;
            while (WordAt(t, q) is "just" or "oh" or "wow" or "yeah")
            {
                q--;
            }

            return IsEdge(t, q);
        }

        bool praised = false;
        int p = last;
        for (; !IsEdge(t, p); p--)
        {
            if (IsPraiseWord(t, p) || (t[p].Word == "done" && WordAt(t, p - 1) == "well")
                || (t[p].Word is "job" or "working" && IsPraiseWord(t, p - 1))
                || t[p].Word is "congrats" or "selamat" || (t[p].Word == "biasa" && WordAt(t, p - 1) == "luar"))
            {
                praised = true;
            }
            else if (!(t[p].Word is "oh" or "wow" or "well" or "just" or "so" or "really" or "very" or "super" or "yeah" or "great" or "jiwa" or "ya"
                || (t[p].Word == "luar" && WordAt(t, p + 1) == "biasa")
                || (Is(t, p, Cat.ServiceHead | Cat.ServiceTail) && IsPraiseWord(t, p - 1))))
            {
                return false;
            }
        }

        return praised;
    }

    /// <summary>
    /// Praise for the damage done: "nice job breaking my account", "great work deleting my order", "well done locking me
    /// out" (a word of praise, "job" or "work" or "done", then a verb of breaking, deleting or locking).
    /// </summary>
    private static bool PraisesTheDamage(ReadOnlySpan<Lex> t)
    {
        for (int k = 0; k + 2 < t.Length; k++)
        {
            if ((IsPraiseWord(t, k) && t[k + 1].Word is "job" or "work") || (t[k].Word == "well" && t[k + 1].Word == "done"))
            {
                if (t[k + 2].Word is "breaking" or "deleted" or "locked" || (Is(t, k + 2, Cat.Negative) && !Is(t, k + 2, Cat.Abusive)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Praise said flatly after "yeah" in a clause of its own: "yeah, real helpful, thanks", "yeah, very helpful", "yeah,
    /// super useful". "yeah" alone opens the message, and the next clause is an intensifier ("real", "really", "very",
    /// "so", "super") and a word of praise. "yeah that was really helpful, thanks" praises.
    /// </summary>
    private static bool FlatPraise(ReadOnlySpan<Lex> t)
    {
        int k = 0;
        if (t.Length > 0 && t[0].Word == "oh")
        {
            k++;
        }

        if (WordAt(t, k) != "yeah" || !Is(t, k + 1, Cat.Boundary) || Is(t, k + 1, Cat.Question))
        {
            return false;
        }

        k += 2;
        return t.Length > k + 1 && t[k].Word is "real" or "really" or "very" or "so" or "super" && IsPraiseWord(t, k + 1) && IsEdge(t, k + 2);
    }

    /// <summary>
    /// A failure said to happen again: "wrong item again", "salah kirim lagi", "gagal terus", "telat mulu", "error again"
    /// ("again", "lagi", "terus", "mulu" within two words after it, in its clause). "salah satu lagi" (one more of them)
    /// names no failure.
    /// </summary>
    private static bool FailsAgain(ReadOnlySpan<Lex> t, int i)
    {
        if (WordAt(t, i) is not ("wrong" or "salah" or "rusak" or "broken" or "late" or "telat" or "gagal" or "failed" or "error")
            || WordAt(t, i + 1) == "satu")
        {
            return false;
        }

        for (int k = i + 1; k <= i + 2 && !IsEdge(t, k); k++)
        {
            if (WordAt(t, k) is "again" or "lagi" or "terus" or "mulu")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The expletive at <paramref name="i"/> is sworn at someone: its clause names the ones answering, the machine or a
    /// person ("damn you", "damn this bot", "shit service from your agents", "anjir lu"), or something of theirs ("what the
    /// hell is going on with your billing?"), or in the clause right after an oath said alone ("damn it, your website
    /// crashed"). Sworn at no one ("shit, wrong address", "damn, so slow", "damn it, the app crashed again")
    /// it is frustration, not abuse.
    /// </summary>
    private static bool AimedAtSomeone(ReadOnlySpan<Lex> t, int i)
    {
        if (NamesThem(t, i, Them, theirs: true))
        {
            return true;
        }

        int end = ClauseEnd(t, i);
        return OnlyTheOath(t, i) && !IsEdge(t, end + 1) && !Is(t, end, Cat.Question) && NamesThem(t, end + 1, Them, theirs: true);
    }

    /// <summary>The clause of the oath at <paramref name="i"/> holds only it, "it" and particles: "damn it, ...", "shit!!, ...".</summary>
    private static bool OnlyTheOath(ReadOnlySpan<Lex> t, int i)
    {
        for (int k = ClauseStart(t, i); !IsEdge(t, k); k++)
        {
            if (k != i && t[k].Word is not "it" && !Is(t, k, Cat.QParticle | Cat.Greeting))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The ones answering, the machine, a person or a team: whom an insult or an expletive may be aimed at.</summary>
    private const Cat Them = Cat.YouPerson | Cat.Bot | Cat.Agent | Cat.Human | Cat.Person | Cat.ServiceTail | Cat.Team;

    /// <summary>
    /// The clause of <paramref name="i"/> names one of <paramref name="them"/>, or "kalian", "lu", "lo", "elu"; with
    /// <paramref name="theirs"/>, also something of the business's with "your" ("what the hell is going on with your
    /// billing?", "damn it, your website crashed again": what they run is theirs to answer for).
    /// </summary>
    private static bool NamesThem(ReadOnlySpan<Lex> t, int i, Cat them, bool theirs = false)
    {
        for (int k = ClauseStart(t, i); !IsEdge(t, k); k++)
        {
            if (Is(t, k, them) || t[k].Word is "kalian" or "lu" or "lo" or "elu" || (theirs && t[k].Word is "your" && !IsEdge(t, k + 1)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An insult the customer says of themselves or of someone of their own, in a clause that names neither the ones
    /// answering nor the machine: "bodoh banget aku, salah masukin nomor rekening", "I'm such an idiot, I typed the wrong
    /// email", "tolol juga ya temen gue", "my brother is an idiot, he ordered twice", or said alone before what the
    /// customer did ("kampret, sy ketiduran pas kurirnya dateng"). Nothing against the service: neither abuse nor
    /// frustration; "you idiot", "I think you're stupid" and "stupid bot" stay abuse.
    /// </summary>
    private static bool SaidOfThemselvesOrTheirOwn(ReadOnlySpan<Lex> t, int i)
    {
        // "this" and "it" name someone here too: "this thing is an idiot" is not said of oneself.
        if (NamesThem(t, i, Them | Cat.You))
        {
            return false;
        }

        if (Has(t, ClauseStart(t, i), ClauseEnd(t, i), Cat.Subject | Cat.Me | Cat.ThirdParty))
        {
            return true;
        }

        // "kampret, sy ketiduran pas kurirnya dateng": the word alone, then what the customer did.
        int next = ClauseEnd(t, i) + 1;
        return OnlyTheOath(t, i) && !IsEdge(t, next) && !Is(t, next - 1, Cat.Question) && !NamesThem(t, next, Them | Cat.You)
            && (Is(t, next, Cat.Subject | Cat.Me) || (Is(t, next, Cat.Greeting | Cat.QParticle) && Is(t, next + 1, Cat.Subject | Cat.Me)));
    }

    /// <summary>
    /// A word of contempt for people thrown at the ones answering: "you people are useless", "you're hopeless", "you guys
    /// are liars", "you guys suck", "your app sucks", "customer service sucks", "you guys are a bunch of clowns", "your staff are clowns", "CS nya badut semua", "kalian semua sampah", "penipu kalian semua", "kalian penipu", "lu gak
    /// becus", or standing alone as a clause ("scam company,
    /// thieves", "Liars!"), or after "dasar" ("dasar penipu", "dasar tidak becus"). "useless" said of a thing ("this app
    /// is useless", "aplikasinya sampah") and "a thief stole my parcel" are not thrown at anyone; "you are not useless" is
    /// no insult.
    /// </summary>
    private static bool Insults(ReadOnlySpan<Lex> t, int i)
    {
        // "dasar tidak becus", "dasar ga becus": the negated word after "dasar".
        if (WordAt(t, i) == "dasar")
        {
            // "dasar penipu", "dasar perusahaan penipu", "dasar tidak becus".
            return IsContempt(t, i + 1) || (!IsEdge(t, i + 1) && !Is(t, i + 1, Cat.Not) && IsContempt(t, i + 2))
                || (Is(t, i + 1, Cat.Not) && WordAt(t, i + 2) == "becus");
        }

        bool becus = WordAt(t, i) == "becus" && Is(t, i - 1, Cat.Not);
        if (!IsContempt(t, i) && !becus)
        {
            return false;
        }

        int word = becus ? i - 1 : i;
        if (!becus && IsNegated(t, i))
        {
            return false;
        }

        // Before it: "you", "kalian", "lu", with "people", "guys", "are", "all", "so", "such", "a bunch of" between.
        int k = word - 1;
        for (int steps = 0; steps < 5 && (Is(t, k, Cat.Copula | Cat.Article | Cat.Person | Cat.Progressive | Cat.Clitic) || WordAt(t, k) is "guys" or "all" or "semua" or "so" or "such" or "bunch" or "of" or "just" or "really" or "memang" or "emang" or "absolute" or "utter" or "total"); steps++)
        {
            k--;
        }

        // "your staff are clowns", "CS nya badut semua", "your company is a bunch of thieves", "perusahaan ini maling": the
        // ones answering, named by their role, or the business they answer for.
        if (Addressed(t, k)
            || (Is(t, k, Cat.Agent) && (WordAt(t, k - 1) == "your" || Is(t, k + 1, Cat.Clitic)))
            || (WordAt(t, k) is "company" or "perusahaan" && (WordAt(t, k - 1) is "your" or "this" or "ini" || Is(t, k + 1, Cat.Clitic) || WordAt(t, k + 1) is "ini" or "kalian")))
        {
            return true;
        }

        // "your app sucks", "customer service sucks", "the bot sucks": what they run or give.
        if (WordAt(t, word) == "sucks" && SaidOfTheirs(t, k))
        {
            return true;
        }

        // After it: "penipu kalian semua", "liars, all of you" is a clause of its own.
        if (Addressed(t, i + 1))
        {
            return true;
        }

        // Alone in its clause but for greetings, politeness, "semua" / "all" and words that make it whole: "thieves!", "scam
        // company, thieves", "absolute clowns", "utter crooks, all of you".
        for (int j = ClauseStart(t, word); !IsEdge(t, j); j++)
        {
            if (j != word && j != i && !Is(t, j, Cat.Greeting | Cat.Polite | Cat.QParticle)
                && WordAt(t, j) is not ("semua" or "all" or "absolute" or "utter" or "total" or "such" or "bunch" or "of"))
            {
                return false;
            }
        }

        return !becus;

        static bool Addressed(ReadOnlySpan<Lex> t, int k) => Is(t, k, Cat.YouPerson) || WordAt(t, k) == "kalian";

        // The words before "sucks" end at <paramref name="k"/>: a role, the service or the machine, or up to three words
        // after "your" ("your app", "your customer service").
        static bool SaidOfTheirs(ReadOnlySpan<Lex> t, int k)
        {
            if (Is(t, k, Cat.ServiceTail | Cat.Team | Cat.Agent | Cat.Bot))
            {
                return true;
            }

            for (int steps = 0; steps < 3 && !IsEdge(t, k) && WordAt(t, k) != "your"; steps++)
            {
                k--;
            }

            return WordAt(t, k) == "your";
        }

        static bool IsContempt(ReadOnlySpan<Lex> t, int k) =>
            WordAt(t, k) is "useless" or "hopeless" or "incompetent" or "pathetic" or "clueless" or "liar" or "scam" or "penipu" or "thief" or "crook"
                or "maling" or "clown" or "sampah" or "sucks";
    }

    /// <summary>
    /// A lone "not" closes the message after praise or a word of help ("really helpful NOT", "great service... not", "you're
    /// so helpful... not"), or after a pause where the message thanks or praises ("thanks so much, not") or its clause
    /// before the pause likes or praises ("I like it... not", "keren banget... nggak", with the Indonesian "tidak" after a
    /// pause and not asked): sarcasm. "is it good or not", "why not", "I hope not", "bagus nggak?" and "I'd like to
    /// cancel... not" are not.
    /// </summary>
    private static bool TakenBack(ReadOnlySpan<Lex> t, bool praisedOrThanked)
    {
        int last = t.Length - 1;
        bool asked = false;
        while (last >= 0 && Is(t, last, Cat.Edge))
        {
            asked |= Is(t, last, Cat.Question);
            last--;
        }

        if (last < 1)
        {
            return false;
        }

        Lex before = t[last - 1];
        bool paused = ReferenceEquals(before, Lex.Boundary);
        if (t[last].Word != "not")
        {
            // "bagus banget... nggak": Indonesian takes it back only after a pause, and not as a question ("bagus nggak?").
            return t[last].Word == "tidak" && paused && !asked && ClauseBeforeLiked(t, last);
        }

        // "so helpful... not": the pause between the praise and the "not" keeps it from reading as praise denied.
        return (paused && (praisedOrThanked || (last >= 2 && PraisesOrHelps(t[last - 2])) || ClauseBeforeLiked(t, last)))
            || PraisesOrHelps(before);

        static bool PraisesOrHelps(Lex word) => (word.Cats & Cat.NegAfterNot) != 0 || IsPraise(word.Word);

        // The clause before the pause that precedes the closing word at last likes or praises.
        static bool ClauseBeforeLiked(ReadOnlySpan<Lex> t, int last) => last >= 2 && LikedOrPraised(t, ClauseStart(t, last - 2), last - 1);

        // A word of liking ("like", "love"), praise or help in the words from start to end, not a wish ("I'd like to ...", "I'd love to ...").
        static bool LikedOrPraised(ReadOnlySpan<Lex> t, int start, int end)
        {
            for (int k = start; k < end; k++)
            {
                if ((PraisesOrHelps(t[k]) || t[k].Word == "love") && !(t[k].Word is "like" or "love" && WordAt(t, k + 1) == "to") && !Is(t, k - 1, Cat.Not))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Exasperation said in a word or two: "seriously" asked on its own ("seriously?", "seriously?? it's still not here")
    /// or as the whole message ("Seriously!"), and "come on" closing its clause with at most one word before it ("oh come
    /// on", "omg come on", "come on, it's been 3 days"). "Seriously, the app is great", "seriously though, thanks", "can
    /// the technician come on Monday?" and "they said they would come on" stay.
    /// </summary>
    private static bool Exasperates(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word == "seriously")
        {
            // Asked ("seriously?"), or the whole message with at most a mark after it ("Seriously!").
            return IsEdge(t, i - 1) && (Is(t, i + 1, Cat.Question) || (i == 0 && t.Length <= 2 && IsEdge(t, 1)));
        }

        return t[i].Word == "come" && WordAt(t, i + 1) == "on" && IsEdge(t, i + 2) && i - ClauseStart(t, i) <= 1 && !IsSupposed(t, i);
    }

    /// <summary>
    /// Going public with the complaint: a verb of posting or spreading (<paramref name="i"/>) what happened here ("this",
    /// "it", "ini", "the chat", "a screenshot", "a review", "everything") to a public place later in its clause ("on TikTok",
    /// "on social media", "ke grup WA", "ke medsos", "everywhere", "online"): "I'm going to post this whole chat on
    /// TikTok", "I'm posting this everywhere", "sy sebar ss chat ini ke grup2", "gw upload ke medsos". Asked or offered
    /// ("can I share the voucher on Facebook?", "post the update on your Instagram") it is none.
    /// </summary>
    private static bool GoesPublic(ReadOnlySpan<Lex> t, int i)
    {
        int start = ClauseStart(t, i);
        int end = ClauseEnd(t, i);
        // "can I share ...?", "bisa share ...?": asked, not threatened; so is a clause that ends in a question mark. "I will
        // post ..." threatens.
        for (int k = start; k < i; k++)
        {
            if (WordAt(t, k) is "can" or "could" or "may" or "might" or "bisa" or "boleh" or "dapat" or "pwede" or "should" or "how")
            {
                return false;
            }
        }

        if (Is(t, end, Cat.Question))
        {
            return false;
        }

        bool what = false;
        for (int k = i + 1; k <= end && k < i + 8; k++)
        {
            string word = WordAt(t, k);
            if (word is "everywhere" or "internet" or "online" or "viral"
                || (what && word is "twitter" or "tiktok" or "instagram" or "facebook" or "fb" or "reddit" or "youtube" or "media" or "medsos" or "grup"
                    && WordAt(t, k - 1) is not ("your" or "kalian")))
            {
                return what || word is "everywhere" or "viral";
            }

            what |= word is "this" or "it" or "ini" or "chat" or "conversation" or "screenshot" or "review" or "ulasan" or "everything" or "semua";
        }

        return false;
    }

    /// <summary>
    /// Nobody answers, said with any verb of answering: "nobody ever responds to my emails", "no one replied", "no one is
    /// answering", "nobody has read my message". "nobody" or "no one", at most three of "ever", "even", "really", "has",
    /// "is", "will" between, and the verb; "no one answer is right" and "nobody else" are not.
    /// </summary>
    private static bool NobodyAnswers(ReadOnlySpan<Lex> t, int i)
    {
        int k;
        if (t[i].Word == "nobody")
        {
            k = i + 1;
        }
        else if (t[i].Word == "no" && WordAt(t, i + 1) == "one")
        {
            k = i + 2;
        }
        else
        {
            return false;
        }

        for (int steps = 0; steps < 3 && WordAt(t, k) is "ever" or "even" or "really" or "has" or "have" or "is" or "will" or "actually"; steps++)
        {
            k++;
        }

        // "no one answer is right": the noun.
        return WordAt(t, k) is "answers" or "answer" or "answering" or "answered" or "responds" or "reply" or "replies" or "replied" or "read"
            && !Is(t, k + 1, Cat.Copula) && !IsSupposed(t, i);
    }

    /// <summary>
    /// The ones answering never answer: "you people never reply", "you never respond to my emails", "your support never
    /// replies", "they never answered". "never" after "you" (with "guys" or "people" after it), "they", "your" and a role,
    /// team or service, and a verb of answering right after it. "I never reply to spam emails" tells of the customer.
    /// </summary>
    private static bool TheyNeverAnswer(ReadOnlySpan<Lex> t, int i)
    {
        if (WordAt(t, i + 1) is not ("reply" or "replies" or "replied" or "responds" or "answer" or "answers" or "answered"))
        {
            return false;
        }

        int k = i - 1;
        while (k > 0 && (t[k].IsUnknown || t[k].Word is "person" or "guys" or "really" or "just" or "still"))
        {
            k--;
        }

        return Is(t, k, Cat.You | Cat.YouPerson | Cat.Agent | Cat.Team | Cat.ServiceTail) || WordAt(t, k) == "they";
    }

    /// <summary>
    /// "whatever" shrugged off, a clause of its own beside another or after "fine" / "ok": "fine. whatever. cancel it.",
    /// "ok whatever", "whatever, just refund me". A lone "whatever" answers a choice ("any of them"), and "whatever works for
    /// you" goes on.
    /// </summary>
    private static bool ShrugsItOff(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word != "whatever")
        {
            return false;
        }

        int start = ClauseStart(t, i);
        int end = ClauseEnd(t, i);
        bool given = false;
        for (int k = start; k < end; k++)
        {
            if (k == i)
            {
                continue;
            }

            if (t[k].Word is "fine" or "ok" or "okay" or "yeah" or "sure")
            {
                given = true;
            }
            else if (!Is(t, k, Cat.Greeting | Cat.Polite | Cat.QParticle))
            {
                return false;
            }
        }

        if (Is(t, end, Cat.Question) || EndsAChoice(t, start - 1))
        {
            return false;
        }

        // Another clause with words in it, before or after.
        for (int k = 0; k < t.Length && !given; k++)
        {
            given = (k < start || k > end) && !IsEdge(t, k);
        }

        return given;

        // "bot or human, whatever", "Robot, human, whatever": the last of the ones that would all do.
        static bool EndsAChoice(ReadOnlySpan<Lex> t, int edge)
        {
            if (edge < 0)
            {
                return false;
            }

            bool any = false;
            for (int k = ClauseStart(t, edge - 1); k < edge; k++)
            {
                if (Is(t, k, Cat.Or))
                {
                    return true;
                }

                any = true;
                if (!Is(t, k, Cat.Bot | Cat.Human | Cat.Person | Cat.Agent | Cat.Article))
                {
                    return false;
                }
            }

            return any;
        }
    }

    /// <summary>
    /// Waiting with no end in sight: "sampe kapan gw harus nunggu", "sampai kapan saya harus menunggu?" ("sampai kapan"
    /// and a word of waiting later in its clause). "sampai kapan promonya berlaku?" asks a date.
    /// </summary>
    private static bool WaitsWithoutEnd(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word != "sampai" || WordAt(t, i + 1) != "kapan")
        {
            return false;
        }

        for (int k = i + 2; !IsEdge(t, k); k++)
        {
            if (t[k].Word is "menunggu" or "tunggu")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The words at <paramref name="i"/> only suppose what may happen: a condition ("if", "kalau") opens their clause before
    /// them, so a phrase or a count there is no complaint yet ("if the flight is cancelled again I'll ask for a manager",
    /// "I'll phone next week if the card still hasn't arrived", "kalau nanti masih belum cair, ..."). A word of
    /// frustration stays negative there ("if this useless bot ...").
    /// </summary>
    private static bool IsSupposed(ReadOnlySpan<Lex> t, int i) => Has(t, ClauseStart(t, i), i, Cat.Cond);

    /// <summary>
    /// A negative phrase that ends in praise ("just great") is sarcasm only where it closes its clause ("great, just
    /// great", "oh just perfect."): with more after it, "just great service" praises.
    /// </summary>
    private static bool IsPraiseGoingOn(ReadOnlySpan<Lex> t, Phrase phrase, int end) =>
        end < t.Length && !IsEdge(t, end) && IsPraise(phrase.Words[^1]);

    private static bool IsPraise(string word) =>
        Lexicon.PhrasesByFirstWord.TryGetValue(word, out Phrase[]? phrases) && IsSingleWordOf(phrases, Tone.Praise);

    /// <summary>
    /// A swear word opening its clause right before "yes", "yeah" or praise swears for joy: "fuck yes, the refund came
    /// in!", "hell yes it worked", "anjing keren bgt fitur barunya", "damn good job". "fuck you", "shit service",
    /// "anjing, gak bisa kerja" and "wtf great" are not.
    /// </summary>
    private static bool OpensDelight(ReadOnlySpan<Lex> t, int i)
    {
        // "wtf great" asks in anger what is great.
        if (ClauseStart(t, i) != i || IsEdge(t, i + 1) || t[i].Word is "wtf" or "wth")
        {
            return false;
        }

        return t[i + 1].Word is "yes" or "yeah" || PhraseAt(t, i + 1, Tone.Praise);
    }

    /// <summary>Whether one of the phrases starting with a word is that word alone with <paramref name="tone"/> (an expletive always is).</summary>
    internal static bool IsSingleWordOf(Phrase[] phrases, Tone tone)
    {
        foreach (Phrase phrase in phrases)
        {
            if (phrase.Tone == tone && phrase.Words.Length == 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A word of frustration the customer denies: "not disappointed", "saya tidak kecewa kok", "I'm not angry", "bukan
    /// marah", "not very upset", "tidak terlalu kecewa". A negator right before it, or with one word between that only
    /// grades it ("very", "terlalu"); not a refusal of its own ("no", "nah": "no, useless"), and not with more between,
    /// so "it couldn't be worse", "never been so disappointed" and "don't make me angry" stay negative.
    /// </summary>
    private static bool IsNegated(ReadOnlySpan<Lex> t, int i)
    {
        const Cat notAGrade = Cat.Not | Cat.You | Cat.YouPerson | Cat.Me | Cat.To | Cat.Modal | Cat.Copula | Cat.Exist;
        int k = i - 1;
        if (Is(t, k, Cat.NotGap) && !Is(t, k, notAGrade))
        {
            k--;
        }

        return Is(t, k, Cat.Not) && t[k].Word is not ("no" or "nope" or "nah");
    }

    /// <summary>
    /// A word of frustration inside a formula of politeness or an apology, which complains of nothing: "I hate to bother
    /// you, but ...", "hate to ask, but ...", "sorry, my bad" ("my bad" closing its clause). "I hate waiting", "I hate to
    /// wait this long" and "my bad experience" stay negative.
    /// </summary>
    private static bool IsPoliteFormula(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word == "hate" && (WordAt(t, i - 1) == "i" || IsEdge(t, i - 1)) && WordAt(t, i + 1) == "to")
        {
            // The formula softens what follows: "you" or "but" within the next few words, past a comma ("hate to ask, but").
            for (int k = i + 2; k < i + 6 && k < t.Length && !Is(t, k, Cat.Question); k++)
            {
                if (WordAt(t, k) is "you" or "but")
                {
                    return true;
                }
            }

            return false;
        }

        return t[i].Word == "bad" && WordAt(t, i - 1) == "my" && (IsEdge(t, i + 1) || Is(t, i + 1, Cat.Polite));
    }

    /// <summary>
    /// Whether the word at <paramref name="k"/> says something bad by itself, as <see cref="ScanTone(ReadOnlySpan{Lex}, ReadOnlySpan{char}, out bool, out bool, out bool)"/> reads it: abuse, a
    /// word of frustration not denied ("useless", not "not disappointed"), or a negator of a help word ("tidak berguna").
    /// </summary>
    internal static bool SoundsBadAt(ReadOnlySpan<Lex> t, int k) =>
        Is(t, k, Cat.Abusive) || (Is(t, k, Cat.Negative) && !IsNegated(t, k)) || (Is(t, k, Cat.Not) && NegatesHelp(t, k));

    /// <summary>
    /// The customer swearing off the business: "I will never buy from you again", "I'm never ordering again", "we won't
    /// use your service again", "never shopping here again", "saya gak akan beli lagi", "aku tidak akan pernah belanja di
    /// sini lagi", "gak bakal order lagi". "never" or "won't" (or "not" after "will"), and in Indonesian a negator before
    /// "akan", "bakal" or "mau" (with "pernah" between or not), said by the customer (a subject or "will" at most two
    /// words before it) or opening its clause, with "again" / "lagi" later in the clause, which is no question: "it never
    /// happened again", "will I never be charged again?" and "don't worry, it's fine again" stay.
    /// </summary>
    private static bool SwearsOff(ReadOnlySpan<Lex> t, int i)
    {
        const int Reach = 8;
        string word = t[i].Word;
        string again;
        if (word is "never" or "wont" || (word == "not" && i > 0 && t[i - 1].Word == "will"))
        {
            again = "again";
        }
        else if (word == "tidak")
        {
            int k = i + 1;
            if (Is(t, k, Cat.NotGap) && t[k].Word == "pernah")
            {
                k++;
            }

            if (!Is(t, k, Cat.Will | Cat.Later | Cat.Desire))
            {
                return false;
            }

            again = "lagi";
        }
        else
        {
            return false;
        }

        bool bySpeaker = IsEdge(t, i - 1);
        for (int k = i - 1; k >= i - 2 && !IsEdge(t, k) && !bySpeaker; k--)
        {
            bySpeaker = Is(t, k, Cat.Subject | Cat.Will | Cat.Later) && !Is(t, k, Cat.You);
        }

        if (!bySpeaker || Is(t, ClauseEnd(t, i), Cat.Question))
        {
            return false;
        }

        for (int k = i + 1; k <= i + Reach && !IsEdge(t, k); k++)
        {
            if (t[k].Word == again)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"tidak membantu", "gak jelas", "you don't understand", "not helpful", "tidak bisa membantu sama sekali".</summary>
    internal static bool NegatesHelp(ReadOnlySpan<Lex> t, int i)
    {
        int k = i + 1;
        for (int gaps = 0; gaps < 2 && !Is(t, k, Cat.NegAfterNot) && Is(t, k, Cat.NotGap); gaps++)
        {
            k++;
        }

        return Is(t, k, Cat.NegAfterNot);
    }

    /// <summary>
    /// Thanks that are not declined ("no thanks", "gak, makasih") nor sarcastic: for nothing, or for something bad in their
    /// clause ("thanks for nothing", "thanks for wasting my time", "thanks for the useless answer"). Thanks for harm made
    /// (<see cref="ThanksForTheHarm"/>) are read before this, as upset.
    /// </summary>
    private static bool IsSincereThanks(ReadOnlySpan<Lex> t, int start, int end)
    {
        int before = start - 1;
        while (Is(t, before, Cat.Boundary))
        {
            before--;
        }

        if (Is(t, before, Cat.Not))
        {
            return false;
        }

        // "thanks so much for absolutely nothing", "thanks a lot for nothing": what the thanks are for may follow its intensifier.
        while (WordAt(t, end) is "so" or "very" or "much" or "lot" || Is(t, end, Cat.Article))
        {
            end++;
        }

        if (WordAt(t, end) != "for")
        {
            return true;
        }

        int clauseEnd = ClauseEnd(t, end);
        for (int k = end + 1; k < clauseEnd; k++)
        {
            if (t[k].Word == "nothing" || SoundsBadAt(t, k) || NegativePhraseAt(t, k))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Thanks (ending before <paramref name="end"/>) for being made to wait or for harm done to the customer: "thanks for
    /// making me wait 2 hours", "makasih ya udah bikin saya nunggu 2 jam", "makasih udah bikin nunggu", "makasih lho udah
    /// bikin saldo saya ilang", "thanks for making us wait". What they are for ("for", or "udah" / "sudah": for
    /// having done it, after a particle such as "ya" or "lho") holds a verb of making and, right after it, a wait word, or
    /// the customer ("me", "saya") or something of theirs ("my card", "saldo saya") and then a wait word or a trouble
    /// (<see cref="IsTrouble"/>). Sarcasm: "thanks for helping me find my lost card", "thank you for making this problem
    /// go away", "thanks for making the wait so short", "makasih udah bantu buat refund saya yang hilang" and "makasih
    /// udah bikin saya senang" thank.
    /// </summary>
    private static bool ThanksForTheHarm(ReadOnlySpan<Lex> t, int end)
    {
        while (WordAt(t, end) is "ya" or "yah" or "lho" or "loh" or "deh" or "sih")
        {
            end++;
        }

        if (WordAt(t, end) is not ("for" or "sudah"))
        {
            return false;
        }

        int clauseEnd = ClauseEnd(t, end);
        for (int k = end + 1; k < clauseEnd; k++)
        {
            // "buat" is far more often "for" than "make": it makes only with the customer or a wait right after it.
            bool making = t[k].Word is "making" or "make" or "made" or "bikin";
            if (!making && t[k].Word != "buat")
            {
                continue;
            }

            if (IsWait(t, k + 1))
            {
                return true;
            }

            // The customer, or something of theirs: "me", "saya", "my refund", "saldo saya".
            int n = k + 1;
            if (Is(t, n, Cat.Me) || WordAt(t, n) is "us" or "kami" or "kita")
            {
                n++;
            }
            else if (making && WordAt(t, n) is "my" or "our")
            {
                n += 2;
            }
            else if (making && Is(t, n + 1, Cat.Me))
            {
                n += 2;
            }
            else
            {
                continue;
            }

            for (int m = n; m < clauseEnd && m <= n + 2; m++)
            {
                if (IsWait(t, m) || IsTrouble(t, m))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsWait(ReadOnlySpan<Lex> t, int k) => WordAt(t, k) is "wait" or "menunggu" or "tunggu";

    /// <summary>Whether a negative tone phrase starts at <paramref name="k"/> ("wasting my time").</summary>
    private static bool NegativePhraseAt(ReadOnlySpan<Lex> t, int k) => PhraseAt(t, k, Tone.Negative);

    /// <summary>Whether a tone phrase of <paramref name="tone"/> starts at <paramref name="k"/>.</summary>
    private static bool PhraseAt(ReadOnlySpan<Lex> t, int k, Tone tone)
    {
        if ((uint)k >= (uint)t.Length || t[k].Word.Length == 0 || !Lexicon.PhrasesByFirstWord.TryGetValue(t[k].Word, out Phrase[]? phrases))
        {
            return false;
        }

        foreach (Phrase phrase in phrases)
        {
            if (phrase.Tone == tone && Matches(t, k, phrase.Words))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(ReadOnlySpan<Lex> t, int i, string[] words)
    {
        if (i + words.Length > t.Length)
        {
            return false;
        }

        for (int k = 0; k < words.Length; k++)
        {
            if (!string.Equals(t[i + k].Word, words[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
