using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>Mentions of people and machines that ask neither who is there nor for someone: who decides, a machine offered, a thing asked about, where someone is from, what happened before.</summary>
internal static partial class MentionRole
{
    /// <summary>
    /// A question whether a process or a decision is done by a person or a machine, not who is in the chat: "are claims
    /// assessed by a person or automatically?", "apakah pengajuan dicek manusia atau sistem?". A person word with two
    /// plain words before it (a thing, then how it is handled: "claims assessed by", "pengajuan dicek"; or "approved by"), only articles
    /// between, an alternative after it ("or"), in a clause with no word for the interlocutor, the customer or talking
    /// ("is this chat a person or a bot?", "am I talking to a person or a machine?", "apakah saya dilayani oleh manusia
    /// atau bot?" still ask).
    /// </summary>
    public static bool AsksWhoDecides(ReadOnlySpan<Lex> t)
    {
        for (int i = 0; i < t.Length; i++)
        {
            if (!Is(t, i, Cat.Human | Cat.Person))
            {
                continue;
            }

            int k = i - 1;
            for (int steps = 0; steps < 2 && Is(t, k, Cat.Article | Cat.Real); steps++)
            {
                k--;
            }

            bool by = IsPlainWord(t, k) || (k >= 0 && string.Equals(t[k].Word, "oleh", StringComparison.Ordinal));
            // A reply or system word after the person is the other alternative ("by a person or by the system").
            int start = ClauseStart(t, i);
            int end = ClauseEnd(t, i);
            if (by && (IsPlainWord(t, k - 1) || Is(t, k - 1, Cat.Done)) && Has(t, i + 1, end, Cat.Or)
                && !Has(t, start, i, Interlocutor | Cat.Subject | Cat.Me) && !Has(t, i, end, Interlocutor & ~Cat.IdNoun))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Who does a job, asked with a person and a machine as the choices in a clause of their own: "who approves the
    /// refund, a person or the system?", "refund disetujui siapa, orang atau sistem?". A clause with "who" or "siapa"
    /// and a word that plays no part (the job or its thing), and no word for the interlocutor, the customer, talking or
    /// replying or being here; then a clause of only a person, "or" and a machine or a system. "who am I talking to, a
    /// person or a bot?", "who is this, human or bot?", "who answers here, a person or a bot?" and "siapa yang balas,
    /// orang atau bot?" ask who is there.
    /// </summary>
    public static bool AsksWhoDoesAJob(ReadOnlySpan<Lex> t)
    {
        for (int s = 0; s < t.Length; s = ClauseEnd(t, s) + 1)
        {
            if (ChoosesWhoDoesAJob(t, s))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the clause starting at <paramref name="s"/> is the choice of who does a job (<see cref="AsksWhoDoesAJob"/>).</summary>
    public static bool ChoosesWhoDoesAJob(ReadOnlySpan<Lex> t, int s)
    {
        int e = ClauseEnd(t, s);
        if (s == 0 || !Has(t, s, e, Cat.Or) || !Has(t, s, e, Cat.Human | Cat.Person))
        {
            return false;
        }

        for (int k = s; k < e; k++)
        {
            if (!Is(t, k, Cat.Article | Cat.Human | Cat.Person | Cat.Bot | Cat.IdNoun | Cat.Or | Cat.Real | Cat.QParticle))
            {
                return false;
            }
        }

        int previous = ClauseStart(t, s - 1);
        return Has(t, previous, s - 1, Cat.Who) && HasPlainWord(t, previous, s - 1)
            && !Has(t, previous, s - 1, Cat.You | Cat.YouPerson | Cat.Subject | Cat.Me | Cat.Speak | Cat.Gerund | Cat.IdNoun | Cat.NegAfterNot | Cat.Exist);

        // A word of the job, and none of answering or of being here: "who answers here, a person or a bot?" asks who is there.
        static bool HasPlainWord(ReadOnlySpan<Lex> t, int from, int to)
        {
            bool plain = false;
            for (int k = from; k < to; k++)
            {
                if (t[k].Word is "answers" or "answer" or "responds" or "here")
                {
                    return false;
                }

                plain |= IsPlainWord(t, k);
            }

            return plain;
        }
    }

    /// <summary>
    /// A machine the business offers, with what it does: "is there a robot that delivers room service?", "do you have an
    /// AI that recommends sizes?", "ada robot yang antar makanan?", "does your warehouse use robots to pack?". "there is" /
    /// "ada", "have" / "punya" or a verb the lexicon does not know ("use", "pakai") with no "this" or "you" before it, a
    /// machine word (articles and modifiers between), then "that" / "yang" / "to" and a word that plays no part or a job
    /// (what it does); "your" / "kalian" is whose the place is, and a service after a word that is no service head is
    /// what the machine does ("brings room service"). "is there a bot here?", "ada bot yang jawab chat ini?" and "ini
    /// pakai bot buat jawab?" (a reply or talking word after it, or "this" before) still ask.
    /// </summary>
    public static bool OffersAMachine(ReadOnlySpan<Lex> t)
    {
        for (int i = 0; i < t.Length; i++)
        {
            // "does your warehouse use robots to pack?", "gudang kalian pakai robot untuk packing?": a verb the lexicon
            // does not know, with no "this" / "you" before it in its clause ("ini pakai bot buat jawab?" still asks).
            if (!Is(t, i, Cat.Exist | Cat.Has) && !(IsPlainWord(t, i) && !Has(t, ClauseStart(t, i), i, Cat.You | Cat.YouPerson)))
            {
                continue;
            }

            int k = i + 1;
            for (int steps = 0; steps < 3 && Is(t, k, Cat.Article | Cat.Real | Cat.Copula) && !Is(t, k, Cat.Bot); steps++)
            {
                k++;
            }

            // "ada robot yang bisa nyapu": a modal may stand before what it does.
            int does = Is(t, k + 2, Cat.Modal) && !Is(t, k + 2, Cat.Polite) ? k + 3 : k + 2;
            if (Is(t, k, Cat.Bot) && Is(t, k + 1, Cat.Purpose | Cat.To) && (IsPlainWord(t, does) || Is(t, does, Cat.Errand))
                && !NamesTheChat(t, does, ClauseEnd(t, k)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A word for the interlocutor, talking or a reply in [<paramref name="from"/>, <paramref name="to"/>): "... yang balas
    /// chat ini", "... answering me"; a service after a word that is no service head is a thing the machine does ("a robot
    /// that delivers room service at your hotel"), and "your" / "kalian" is whose the place is.
    /// </summary>
    private static bool NamesTheChat(ReadOnlySpan<Lex> t, int from, int to)
    {
        for (int k = from; k < to && k < t.Length; k++)
        {
            if (Is(t, k, Interlocutor & ~Cat.ServiceTail) || Is(t, k, Cat.Me) || (Is(t, k, Cat.ServiceTail) && Is(t, k - 1, Cat.ServiceHead)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Someone else is said to be a real person: "my dad is a real person not a bot, why did you block him", "teman saya
    /// orang beneran bukan bot". A third party opens the clause that names a person or a machine, with no word for the
    /// interlocutor in it, and no other clause asks who is there ("my friend says you're a bot, are you?" still asks).
    /// </summary>
    public static bool VouchesForSomeoneElse(ReadOnlySpan<Lex> t)
    {
        for (int i = 0; i < t.Length; i++)
        {
            if (!Is(t, i, Cat.ThirdParty))
            {
                continue;
            }

            int start = ClauseStart(t, i);
            int end = ClauseEndWithDenials(t, i);

            if (Has(t, start, i, Interlocutor | Cat.Human | Cat.Person | Cat.Bot)
                || !Has(t, i + 1, end, Cat.Human | Cat.Person | Cat.Real | Cat.Bot)
                || Has(t, i + 1, end, Cat.YouPerson | Cat.Speak | Cat.Gerund | Cat.IdNoun | Cat.Who))
            {
                continue;
            }

            return !AsksElsewhere(t, start, end);
        }

        return false;
    }

    /// <summary>
    /// The customer says what they themself are, asking nothing about who answers: "saya bukan robot", "I am not a robot",
    /// "i'm a real person, not a bot", "aku manusia asli bukan bot kok", "me no robot". "I" opens its clause (after only
    /// greetings or openers), only a copula or "am" stands between it and what it is said to be (a negator, an article, a
    /// person, being real, a machine), a machine word follows in the clause or in a clause that only goes on to deny
    /// ("saya manusia, bukan robot"); that stretch names no interlocutor, talking, who or alternative and does not end
    /// with '?', and no other clause asks who is there. "I'm not a bot, are you?", "am I talking to a bot?", "I hope I'm not
    /// talking to a bot" and "saya bukan bot, kamu bot?" still ask.
    /// </summary>
    public static bool SaysWhatTheyAre(ReadOnlySpan<Lex> t)
    {
        for (int i = 0; i < t.Length; i++)
        {
            if (!Is(t, i, Cat.Subject | Cat.Me) || Is(t, i, Cat.You))
            {
                continue;
            }

            int start = ClauseStart(t, i);
            int k = i - 1;
            while (k >= start && Is(t, k, Cat.Greeting | Cat.Lead) && !Is(t, k, Cat.Modal | Cat.Desire | Cat.Not | Cat.Copula))
            {
                k--;
            }

            int said = i + 1;
            while (Is(t, said, Cat.Copula | Cat.Progressive) && !Is(t, said, Interlocutor | Cat.Not))
            {
                said++;
            }

            if (k >= start || !Is(t, said, Cat.Not | Cat.Article | Cat.Human | Cat.Person | Cat.Real | Cat.Bot))
            {
                continue;
            }

            int end = ClauseEndWithDenials(t, i);
            if (Is(t, end, Cat.Question) || !Has(t, said, end, Cat.Bot)
                || Has(t, start, end, Interlocutor | Cat.Or | Cat.With | Cat.To | Cat.Question))
            {
                continue;
            }

            return !AsksElsewhere(t, start, end);
        }

        return false;
    }

    /// <summary>
    /// The customer does not care who answers: "AI or human, whatever, just refund me", "mau bot kek mau orang kek,
    /// terserah", "you're probably a bot, whatever, where is my driver?", "a bot is fine by me", "gapapa dilayani bot asal
    /// cepat". A word of indifference or acceptance, or an indifferent choice (<see cref="IsEitherChoice"/>), no condition
    /// on who is there ("kalo kamu AI bilang aja, gapapa"), and no clause that names a machine, a person or being real
    /// ends with a question mark ("whatever, are you a bot?" asks).
    /// </summary>
    public static bool DoesNotCareWho(ReadOnlySpan<Lex> t)
    {
        bool indifferent = NamesEitherChoice(t);
        bool names = false;
        for (int k = 0; k < t.Length; k++)
        {
            indifferent |= Is(t, k, Cat.Indifferent);
            if (Is(t, k, Cat.Question) && names)
            {
                return false;
            }

            // "kalo kamu AI bilang aja, gapapa", "if you're a bot, fine, say so": a condition on who is there asks.
            if (Is(t, k, Cat.Cond) && Is(t, k + 1, Cat.YouPerson))
            {
                return false;
            }

            names = (names || Is(t, k, Cat.Bot | Cat.Human | Cat.Person | Cat.Real | Cat.RealAdj | Cat.Who)) && !IsEdge(t, k);
        }

        return indifferent;
    }

    /// <summary>
    /// The customer says they know they are talking to a machine and asks nothing about it: "I know this is an automated
    /// chat, just send me the PDF", "ok I understand this is automated, let's continue", "aku tau ini bot, langsung aja
    /// kirim resinya". "I" (after only greetings or openers) then a verb of knowing, with no negator, wish or modal before
    /// it ("I don't know if you're a bot", "pengen tau", "how do I know"), no negator right after it ("tau gak ini bot?"),
    /// a machine word in its clause and no '?' closing it; and no other clause names a machine or a person or asks the
    /// interlocutor something ("I know you're a bot, but are you?").
    /// </summary>
    public static bool KnowsWhoIsThere(ReadOnlySpan<Lex> t)
    {
        for (int i = 0; i < t.Length; i++)
        {
            if (!Is(t, i, Cat.Know))
            {
                continue;
            }

            // "I know", "saya sudah tahu", "I am aware", "I'm already aware".
            int k = i - 1;
            for (int steps = 0; steps < 2 && Is(t, k, Cat.Done | Cat.Progressive | Cat.Copula) && !Is(t, k, Cat.Subject); steps++)
            {
                k--;
            }

            if (!Is(t, k, Cat.Subject) || Is(t, k, Cat.You))
            {
                return false;
            }

            k--;
            while (Is(t, k, Cat.Greeting | Cat.Lead | Cat.QParticle) && !Is(t, k, Cat.Modal | Cat.Desire | Cat.Not))
            {
                k--;
            }

            int start = k + 1;
            int end = ClauseEnd(t, i);
            if (!IsEdge(t, k) || Is(t, i + 1, Cat.Not) || Is(t, end, Cat.Question) || !Has(t, i + 1, end, Cat.Bot))
            {
                return false;
            }

            return !AsksElsewhere(t, start, end);
        }

        return false;
    }

    /// <summary>
    /// A clause outside [<paramref name="from"/>, <paramref name="to"/>) names a machine, asks who is there or whether the
    /// interlocutor is real, or is a question that names a person or the interlocutor: "I know you're a bot, but are you?",
    /// "... is there a real person?" (not "... but I need a real person for this", nor "... can you hand me over to an
    /// agent?", which asks the one answering to do something). Something automatic ("... or some auto
    /// system") is a machine, and talking to someone real ("am I chatting to a real person") asks who is there with or
    /// without a question mark.
    /// </summary>
    private static bool AsksElsewhere(ReadOnlySpan<Lex> t, int from, int to)
    {
        bool person = false;
        bool talking = false;
        for (int k = 0; k < t.Length; k++)
        {
            if (k >= from && k < to)
            {
                continue;
            }

            if (Is(t, k, Cat.Bot | Cat.Who) || IsAutomated(t, k) || (Is(t, k, Cat.RealAdj) && Is(t, k - 1, Cat.YouPerson)))
            {
                return true;
            }

            talking = (talking || Is(t, k, Cat.Speak | Cat.Gerund)) && !Is(t, k, Cat.Edge);
            if (talking && Is(t, k, Cat.Real) && Is(t, k + 1, Cat.Human | Cat.Person | Cat.Agent))
            {
                return true;
            }

            if (Is(t, k, Cat.Question) && person)
            {
                return true;
            }

            // "can you hand me over to an agent?": the one answering asked to do something, not what it is.
            bool asked = Is(t, k, Cat.YouPerson) && Is(t, k - 1, Cat.Modal) && !Is(t, k, Cat.Human | Cat.Person | Cat.Real);
            person = (person || (Is(t, k, Cat.Human | Cat.Person | Cat.Real | Cat.YouPerson) && !asked)) && !Is(t, k, Cat.Edge);
        }

        return false;
    }

    /// <summary>
    /// The message asks about an item or a feature and names no one it could be talking to: "is the necklace real gold?",
    /// "ini barang asli?", "asli atau kw?", "buatan tangan atau mesin?", "aplikasi kalian punya chatbot?", "is this a real
    /// discount or a scam?". Any word for the interlocutor, talking or a reply keeps the question ("kamu asli?", "chat ini
    /// bot?"), and so does a person, unless it is a worker for a job ("is it a real person who delivers or a drone?") or
    /// comes after the thing the question is about ("is this course taught by humans or is it AI?", "video ini dibuat
    /// manusia atau AI?").
    /// </summary>
    public static bool AsksAboutAThing(ReadOnlySpan<Lex> t)
    {
        const Cat interlocutor = Cat.YouPerson | Cat.Agent | Cat.Speak | Cat.IdNoun | Cat.Who | Cat.ServiceTail;
        bool thing = false;
        bool subject = false;
        for (int i = 0; i < t.Length; i++)
        {
            // "is this article written by ...": after the thing, "written" or "typed" says how it was made.
            if (Is(t, i, interlocutor) && !(subject && Is(t, i, Cat.IdNoun) && !Is(t, i, Cat.Speak)))
            {
                return false;
            }

            if (Is(t, i, Cat.Human | Cat.Person))
            {
                if (PersonRequest.PersonTarget(t, i, out Mention m) && Errand.IsFor(t, m))
                {
                    // "a real person who delivers": a worker for a job, and the "who" after it asks nothing.
                    thing = true;
                    i = m.End;
                }
                else if (!subject)
                {
                    return false;
                }

                continue;
            }

            if (Is(t, i, Cat.Thing))
            {
                thing = true;
                subject |= IsTheSubject(t, i);
            }
            else if (Is(t, i, Cat.Edge))
            {
                subject = false;
            }
            else
            {
                thing |= Is(t, i, Cat.Has) && OwnsAMachine(t, i);
            }
        }

        return thing;
    }

    /// <summary>
    /// The thing at <paramref name="i"/> is what its clause is about, with "this" / "ini" next to it and a verb of how it
    /// was made after: "is this course taught by ...", "is this article written by ...", "video ini dibuat ..."; not "is
    /// this fake or ...", "ini barang asli? ini orang asli?".
    /// </summary>
    private static bool IsTheSubject(ReadOnlySpan<Lex> t, int i) =>
        (Is(t, i - 1, Cat.You) && IsMadeWord(t, i + 1)) || (Is(t, i + 1, Cat.You) && IsMadeWord(t, i + 2));

    /// <summary>A verb of how a thing was made: a word that plays no part ("taught", "dibuat") or "written" / "typed", not "chat".</summary>
    private static bool IsMadeWord(ReadOnlySpan<Lex> t, int k) => IsPlainWord(t, k) || (Is(t, k, Cat.IdNoun) && !Is(t, k, Cat.Speak | Cat.You));

    /// <summary>A machine word after the verb of having at <paramref name="has"/>, with only articles and modifiers between: "punya asisten virtual", "have a chatbot".</summary>
    private static bool OwnsAMachine(ReadOnlySpan<Lex> t, int has)
    {
        int k = has + 1;
        for (int steps = 0; steps < 3 && Is(t, k, Cat.Article | Cat.Real | Cat.Copula) && !Is(t, k, Cat.Bot); steps++)
        {
            k++;
        }

        return Is(t, k, Cat.Bot);
    }

    /// <summary>
    /// "kamu orang mana?", "adminnya orang mana sih": a word for a person then "mana" asks where someone is from, not
    /// who is there; and so does being real right before "from" in a message that names no machine, person or role ("ini
    /// beneran dari Jepang?", "is this really from Korea?", "kamu beneran dari Jakarta?"; "ini beneran dari manusia atau
    /// bot?" still asks). It vetoes an identity question only the learnt model finds.
    /// </summary>
    public static bool AsksWhereFrom(ReadOnlySpan<Lex> t)
    {
        for (int i = 0; i + 1 < t.Length; i++)
        {
            if (Is(t, i, Cat.Person) && string.Equals(t[i + 1].Word, "mana", StringComparison.Ordinal))
            {
                return true;
            }

            if ((Is(t, i, Cat.Real | Cat.RealAdj) || t[i].Word == "really") && t[i + 1].Word is "dari" or "from"
                && !Has(t, 0, t.Length, Cat.Bot | Cat.Human | Cat.Person | Cat.Agent | Cat.Or))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The person did something else, they are not asked for: they open their clause and something done or said follows
    /// ("my manager asked me to get an invoice", "previous CS said I'd get a voucher", "a real person at the counter told me
    /// I could get a refund", "supervisor cabang udah approve pinjaman saya", "the agent told me to wait"), or they did
    /// what a passive verb already done says ("tadi udah ditelpon sama orang CS nya"). Read only when the learnt model alone finds a request. Not when the customer comes right after
    /// the marker ("cs udah saya tunggu dari tadi" waits for them) nor when politeness does ("agent already pls").
    /// </summary>
    private static bool DidSomethingElse(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        bool mine = false;
        for (int steps = 0; steps < 3 && (IsPlainWord(t, k) || Is(t, k, Cat.Article | Cat.Greeting | Cat.Lead) || WordAt(t, k) is "my" or "our"
            || (Is(t, k, Cat.Real) && IsPlainWord(t, k + 1))); steps++)
        {
            mine |= WordAt(t, k) is "my" or "our";
            k--;
        }

        if (IsEdge(t, k))
        {
            int j = m.End;
            // "a real person at the counter told me ...", "the representative on the phone hung up on me": a place after the
            // person is still before what they did. "manajer kantor saya minta 50 pcs": whose they are, after them.
            for (int steps = 0; steps < 3 && (IsPlainWord(t, j) || Is(t, j, Cat.Clitic | Cat.Has | Cat.Article) || IsAt(t, j) || IsOwnersWord(t, m, j)) && !Is(t, j, Cat.Done); steps++)
            {
                mine |= IsOwnersWord(t, m, j);
                j++;
            }

            // "the real estate agent says I need ...", "the agent told me I could ...": what they said, whoever it is about.
            if (Is(t, j, Cat.Done) && !IsEdge(t, j + 1)
                && (!Is(t, j + 1, Cat.Subject | Cat.Modal | Cat.Desire | Cat.Polite | Cat.QParticle | Cat.Greeting)
                    || (t[j].Word is "said" or "told" or "asked" or "bilang" && Is(t, j + 1, Cat.Subject | Cat.Me) && !Is(t, j + 1, Cat.Polite))))
            {
                return true;
            }

            // "my manager wants 50 units", "manajer saya minta 50 pcs", "my lawyer needs a copy": someone of the customer's
            // own wants something; "my manager asked me to talk to a human" still asks for the human.
            if (mine && (Is(t, j, Cat.Desire) || WordAt(t, j) is "needs" or "wants" or "ask") && !Is(t, j - 1, Cat.Not))
            {
                return true;
            }
        }

        // "udah ditelpon sama orang CS", "sudah dibantu oleh petugas": the marker, the passive verb, "by", the person.
        int by = m.Start - 1;
        return (Is(t, by, Cat.With) || (by >= 0 && string.Equals(t[by].Word, "oleh", StringComparison.Ordinal)))
            && (IsPlainWord(t, by - 1) || Is(t, by - 1, Cat.Help))
            && Is(t, by - 2, Cat.Done);
    }

    /// <summary>
    /// The mention is in what someone said ("the technician said someone from the office would ring me", "the agent told
    /// me a supervisor would call back"): a word of saying earlier in its clause, and no verb of asking, talking, fetching
    /// or handing over between ("my manager asked me to talk to a human" still asks).
    /// </summary>
    private static bool IsInReportedSpeech(ReadOnlySpan<Lex> t, Mention m)
    {
        int start = ClauseStart(t, m.Start);
        for (int k = m.Start - 1; k >= start; k--)
        {
            if (Is(t, k, Cat.Speak | Cat.Connect | Cat.Call | Cat.Desire | Cat.Modal | Cat.Passive))
            {
                return false;
            }

            // "the agent told me a supervisor would call back"; not "I said agent", nor "told me to ask for a supervisor".
            if (Is(t, k, Cat.Done) && k > start && t[k].Word is "said" or "told" or "bilang")
            {
                return !Is(t, k - 1, Cat.Subject) && !IsEdge(t, m.End) && !(Is(t, k + 1, Cat.Me) && Is(t, k + 2, Cat.To));
            }
        }

        return false;
    }

    /// <summary>
    /// "saya", "kami", "aku", "ku" right after a role one has of one's own ("manajer saya", "bos kantor saya", "atasan
    /// kami"): whose the role is. After "cs", "admin" or "agent" it is the customer speaking ("cs saya mau tanya").
    /// </summary>
    private static bool IsOwnersWord(ReadOnlySpan<Lex> t, Mention m, int j) =>
        WordAt(t, j) is "saya" or "kami" or "aku" or "ku" or "gue"
        && WordAt(t, m.Start) is "manager" or "supervisor" or "bos" or "boss" or "atasan" or "direktur" or "director" or "sekretaris" or "asisten";

    /// <summary>Where the person was: "at the counter", "on the phone", "from the store".</summary>
    private static bool IsAt(ReadOnlySpan<Lex> t, int k) => (uint)k < (uint)t.Length && t[k].Word is "at" or "on" or "from";

    /// <summary>
    /// The mention's clause speaks of an earlier contact ("tim CS kemarin sangat membantu", "the agent I had
    /// yesterday was lovely"): not asked for now when only the learnt model reads a request in it. An earlier time only
    /// after the mention, with a verb of handing over, fetching or a modal before it and no earlier time there, says
    /// which person is asked for now: "can I speak to the agent who helped me yesterday", "tolong sambungkan lagi ke
    /// petugas yang bantu saya kemarin". What is usually done before the mention tells of a habit the same way ("anak
    /// saya yang biasanya chat sama admin", "I usually talk to an agent about this").
    /// </summary>
    private static bool TellsOfThePast(ReadOnlySpan<Lex> t, Mention m)
    {
        int start = ClauseStart(t, m.Start);
        int end = ClauseEnd(t, m.End);
        if (!Has(t, start, end, Cat.Past) && !Usually(t, start, m.Start))
        {
            return false;
        }

        return Has(t, start, m.End, Cat.Past | Cat.Done) || !Has(t, start, m.Start, Cat.Connect | Cat.Call | Cat.Modal);
    }

    /// <summary>"usually", "biasanya" between <paramref name="from"/> and <paramref name="to"/>.</summary>
    private static bool Usually(ReadOnlySpan<Lex> t, int from, int to)
    {
        for (int k = Math.Max(from, 0); k < to && k < t.Length; k++)
        {
            if (t[k].Word is "usually" or "biasanya")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The customer has already talked to the person: "tadi udah ngobrol sama petugas, makasih", "I already spoke to an
    /// agent, thanks", "sudah pernah bicara dengan CS kok", "I've already talked with a human, all sorted", or called or
    /// contacted them: "sy udh telpon CS dua kali ga ada yg angkat", "I already called customer service twice". Something
    /// done (<see cref="Cat.Done"/>: "already", "sudah", "tadi", "pernah") right before the verb of talking, or before the
    /// customer and the verb, then "to" / "with" and the mention, and no urging after it in its clause ("udah ngomong sama
    /// cs aja deh" urges). Read only when the learnt model alone finds a request.
    /// </summary>
    private static bool TalkedToAlready(ReadOnlySpan<Lex> t, Mention m)
    {
        int j = m.Start - 1;
        while (Is(t, j, Cat.Article) && j > m.Start - 3)
        {
            j--;
        }

        if (Is(t, j, Cat.With | Cat.To))
        {
            j--;
            if (!Is(t, j, Cat.Speak) || Is(t, j, Cat.Gerund))
            {
                return false;
            }
        }
        else if (WordAt(t, j) is not ("telepon" or "hubungi" or "called" or "contacted"))
        {
            // "sy udh telpon CS dua kali ga ada yg angkat", "I already called customer service twice": called already.
            return false;
        }

        int k = j - 1;
        for (int steps = 0; steps < 2 && Is(t, k, Cat.Subject | Cat.Has | Cat.Progressive) && !Is(t, k, Cat.Done); steps++)
        {
            k--;
        }

        if (!Is(t, k, Cat.Done) || Is(t, k - 1, Cat.Modal | Cat.Desire | Cat.Not))
        {
            return false;
        }

        int end = ClauseEnd(t, m.End);
        return !Has(t, m.End, end, Cat.Polite | Cat.Only | Cat.Desire | Cat.Modal);
    }

    /// <summary>
    /// A handing-over verb that moves money to an account, not the customer to someone: "transfer to BCA account
    /// 1234567890 please", "please transfer 50k to my wife's account", "tolong transfer ke rekening ini", "transfer 100rb
    /// ke rekening 123". Not "me" after the verb ("transfer me to customer service"), and a word of money
    /// (<see cref="Cat.Payment"/>: "account", "rekening", "money") in its clause after it, an amount right after it, or
    /// "transfer ke" and a word the lexicon does not know ("transfer ke mandiri bisa?", a bank); "escalate to tier 2" names
    /// a level, not money.
    /// </summary>
    private static bool SendsMoney(ReadOnlySpan<Lex> t, int verb)
    {
        if (!Is(t, verb, Cat.Connect) || Is(t, verb, Cat.Passive) || Is(t, verb + 1, Cat.Me))
        {
            return false;
        }

        if ((uint)(verb + 1) < (uint)t.Length && t[verb + 1].IsNumber)
        {
            return true;
        }

        // "Transfer failed again.", "transfer gagal terus", "transfernya pending": how a transfer went, not a request.
        int outcome = Is(t, verb + 1, Cat.Clitic) ? verb + 2 : verb + 1;
        if (WordAt(t, outcome) is "failed" or "gagal" or "pending" or "rejected" or "successful" or "berhasil" or "ditolak")
        {
            return true;
        }

        for (int k = verb + 1; k <= verb + 6 && !IsEdge(t, k); k++)
        {
            if (Is(t, k, Cat.Payment))
            {
                return true;
            }
        }

        // "transfer ke mandiri bisa?": a bank or an account the lexicon does not know, after the Indonesian "ke".
        return t[verb].Word == "transfer" && WordAt(t, verb + 1) == "ke" && (uint)(verb + 2) < (uint)t.Length
            && (t[verb + 2].IsUnknown || t[verb + 2].IsNumber);
    }

    /// <summary>
    /// A connecting verb whose object is a thing, not the customer: "hubungkan akun saya ke OVO", "connect my card to
    /// the app" (the verb, then a word that is not "me" or politeness, then "to" within a few words).
    /// </summary>
    private static bool ConnectsAThing(ReadOnlySpan<Lex> t, int verb)
    {
        if (!Is(t, verb, Cat.Connect))
        {
            return false;
        }

        bool thing = false;
        for (int k = verb + 1; k <= verb + 4 && !IsEdge(t, k); k++)
        {
            if (Is(t, k, Cat.To | Cat.With))
            {
                return thing;
            }

            // "pass this chat to your colleague", "transfer my call to an agent": the conversation itself is handed over.
            thing |= !Is(t, k, Cat.Me | Cat.Subject | Cat.Polite | Cat.QParticle | Cat.Article | Cat.You) && !IsTheConversation(t, k);
        }

        return false;
    }

    /// <summary>The conversation itself: "chat", "conversation", "call", "percakapan", "obrolan", "telepon".</summary>
    private static bool IsTheConversation(ReadOnlySpan<Lex> t, int k) =>
        t[k].Word is "chat" or "conversation" or "call" or "percakapan" or "obrolan" or "telepon";

    /// <summary>
    /// A passive handing-over verb whose subject is something of the customer's, a word then "my" before it with only
    /// a wish or a modal between: "rekening BNI saya bisa dihubungkan ke ShopeePay?", "kartu saya bisa disambungkan ke
    /// aplikasi?" links a thing; "saya mau disambungkan" and "tolong saya dialihkan" still ask.
    /// </summary>
    private static bool LinksTheCustomersThing(ReadOnlySpan<Lex> t, int verb)
    {
        if (!Is(t, verb, Cat.Passive))
        {
            return false;
        }

        int k = verb - 1;
        for (int steps = 0; steps < 2 && Is(t, k, Cat.Desire | Cat.Modal) && !Is(t, k, Cat.Me); steps++)
        {
            k--;
        }

        return Is(t, k, Cat.Me) && !IsEdge(t, k - 1) && t[k - 1].Cats == Cat.None;
    }
}
