using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>What vetoes a request for a person that only the learnt model finds.</summary>
internal static partial class MentionRole
{
    /// <summary>
    /// Calls refused, and no one named but who would make them: "Please stop calling me, I've had 5 calls today", "don't
    /// call me again", "berhenti telpon saya", "jangan hubungi saya lagi", "don't have a manager call me". A request only
    /// the model finds there is vetoed.
    /// </summary>
    private static bool RefusesCalls(ReadOnlySpan<Lex> t)
    {
        bool refused = false;
        for (int i = 0; i < t.Length; i++)
        {
            // "ask your staff to stop calling me", "suruh cs nya berhenti telpon saya": the ones asked to stop, in the
            // refusal's own clause before it, are not asked for.
            if (Is(t, i, Cat.Agent | Cat.Human | Cat.Person) && !RefusedLaterInClause(t, i))
            {
                return false;
            }

            refused |= RefusesACallAt(t, i);
        }

        return refused;

        static bool RefusesACallAt(ReadOnlySpan<Lex> t, int i) =>
            ((t[i].Word is "stop" or "berhenti" || Is(t, i, Cat.Not))
                && (Is(t, i + 1, Cat.Broadcast) || WordAt(t, i + 1) is "hubungi" or "dihubungi") && Is(t, i + 2, Cat.Me))
            || ((Is(t, i, Cat.Broadcast) || t[i].Word is "phone" or "ring") && Is(t, i + 1, Cat.Me) && NoOneToCall(t, i));

        // "please do not have anyone phone me", "don't have a manager call me", "don't let anyone call me", "please nobody
        // call me", "no one call me please": the call refused through whoever would make it, in its clause and within a
        // few words before it.
        static bool NoOneToCall(ReadOnlySpan<Lex> t, int call)
        {
            for (int k = call - 1; k >= call - 4 && !IsEdge(t, k); k--)
            {
                if (t[k].Word == "nobody" || (t[k].Word == "one" && WordAt(t, k - 1) == "no")
                    || (t[k].Word is "have" or "let" or "make" or "get" && Is(t, k - 1, Cat.Not)))
                {
                    return true;
                }
            }

            return false;
        }

        static bool RefusedLaterInClause(ReadOnlySpan<Lex> t, int person)
        {
            for (int k = person + 1; !IsEdge(t, k); k++)
            {
                if (RefusesACallAt(t, k))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The mention is who a message is passed on to: "please pass this message on to your team", "pass my message to your
    /// manager", "sampaikan pesan saya ke tim billing". A word for a message within a few words before the "to" and no
    /// "me" between ("pass me on to your team" hands the customer over).
    /// </summary>
    private static bool CarriesAMessage(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = BeforeArticles(t, m);
        if (!Is(t, k, Cat.To))
        {
            return false;
        }

        for (int j = k - 1; j >= k - 5 && !IsEdge(t, j) && !Is(t, j, Cat.Me); j--)
        {
            if (WordAt(t, j) is "message" or "pesan")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The mention is who a clause of purpose is about, what something else the customer wants is for: "mau ganti no hp
    /// biar petugas bisa hubungi sy kalau ada apa2", "update my number so that the agent can reach me", "perbarui email
    /// saya supaya tim kalian bisa kirim invoice". "biar", "supaya" or "so that" right before the mention (an
    /// article or "the" between), inside its clause and after something else than a plea or a wish ("mohon agar petugas
    /// menghubungi saya" asks for the call); "tolong sambungkan biar saya bisa bicara dengan cs" names the customer after
    /// the purpose and still asks.
    /// </summary>
    private static bool IsAPurpose(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = BeforeArticles(t, m);
        // "Mohon supaya petugas menghubungi saya": after a plea or a wish it says what is asked, not what for ("agar", the
        // formal word, mostly does: "saya meminta agar pimpinan cabang menghubungi saya", so it is not read here).
        return k > ClauseStart(t, m.Start)
            && (t[k].Word is "biar" or "supaya" || (t[k].Word == "that" && WordAt(t, k - 1) == "so"))
            && !Is(t, k - 1, Cat.Desire | Cat.Polite | Cat.Modal | Cat.Done | Cat.Me | Cat.Subject);
    }

    /// <summary>
    /// A wish the customer says they did not have: "If I wanted to talk to a person I would have called", "if I'd wanted
    /// an agent I'd have asked", "If I wanted to talk to a person, I'd call". A condition ("if", "kalau") opens the
    /// mention's sentence and "would" with what the customer would do instead follows it ("if you can't help, I'd like a
    /// human" wishes for one).
    /// </summary>
    private static bool IsCounterfactual(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        while (k >= 0 && !ReferenceEquals(t[k], Lex.Boundary) && !Is(t, k, Cat.Question | Cat.Cond))
        {
            k--;
        }

        if (!Is(t, k, Cat.Cond))
        {
            return false;
        }

        for (int j = m.End; j + 1 < t.Length && !Is(t, j, Cat.Question); j++)
        {
            // "I would have called", "I'd call": what the customer would do instead; "I'd like", "I would rather", "I'd
            // need" wish for it after all.
            if (WordAt(t, j) is "would" or "id" && (WordAt(t, j + 1) == "have" || DoesInstead(t, j + 1)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A wish or an ability to transfer, with no one named and nothing after it but politeness: "mau transfer dong", "bisa
    /// transfer sekarang?", "I want to transfer". A payment; "transfer pls", "please transfer" and "transfer me" ask to be
    /// handed over.
    /// </summary>
    private static bool WantsToPay(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word != "transfer" || Is(t, i + 1, Cat.Me))
        {
            return false;
        }

        int before = Is(t, i - 1, Cat.To) ? i - 2 : i - 1;
        if (!Is(t, before, Cat.Desire) && !(Is(t, before, Cat.Modal) && !Is(t, before, Cat.Polite)))
        {
            return false;
        }

        int k = i + 1;
        while (Is(t, k, Cat.Polite | Cat.QParticle | Cat.Greeting) && !Is(t, k, Cat.Not))
        {
            k++;
        }

        return IsEdge(t, k);
    }

    /// <summary>
    /// A number of something, or a model, asked for and nothing more: "I want 2", "I need 2 pcs", "I want the 128GB", "I'd
    /// like the A55", "mau 2", "minta 2", "saya butuh 2", "mau yang A55 ya". An optional subject, a wish, an article or
    /// "yang", the number (or a word with a digit), at most one word after it ("pcs") and
    /// only politeness or particles to the end. The learnt model reads "I want" and "minta" as the start of a request,
    /// but a quantity or a model is what is wanted; "I want 2 talk to a human", "transfer me to sm1" and "sum1 pls" are
    /// not this.
    /// </summary>
    private static bool AsksForAQuantity(ReadOnlySpan<Lex> t)
    {
        int k = 0;
        if (Is(t, k, Cat.Subject))
        {
            k++;
        }

        if (WordAt(t, k) is "would" or "id" && WordAt(t, k + 1) == "like")
        {
            k += 2;
        }
        else if (Is(t, k, Cat.Desire))
        {
            k++;
        }
        else
        {
            // A digit word alone may be a person shortened ("sum1 pls", "sm1").
            return false;
        }

        while (Is(t, k, Cat.Article) || WordAt(t, k) == "yang")
        {
            k++;
        }

        if (k >= t.Length || !t[k].IsNumber)
        {
            return false;
        }

        k++;
        if (k < t.Length && t[k].IsUnknown)
        {
            k++;
        }

        while (Is(t, k, Cat.Polite | Cat.QParticle | Cat.Greeting | Cat.Boundary | Cat.Question) && !Is(t, k, Cat.Not))
        {
            k++;
        }

        return k >= t.Length;
    }

    /// <summary>
    /// A wish or an ability to buy, with no one named to talk to: "mau order dong", "kak mau order, available?", "mau beli
    /// sekarang", "I want to order two", "can I buy it now". An order placed asks for no person ("mau order lewat CS"
    /// names one, and a live mention of a person is read before this).
    /// </summary>
    private static bool WantsToBuy(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word is not ("order" or "orderan" or "buy" or "purchase" or "checkout" or "beli") && !(t[i].Word == "pesan" && !Is(t, i + 1, Cat.To)))
        {
            return false;
        }

        int before = Is(t, i - 1, Cat.To) ? i - 2 : i - 1;
        if (Is(t, before, Cat.Subject))
        {
            before--;
        }

        return Is(t, before, Cat.Desire) || (Is(t, before, Cat.Modal) && !Is(t, before, Cat.Polite));
    }

    /// <summary>Where the word before the mention and the articles right before it stands ("to" of "to your team").</summary>
    private static int BeforeArticles(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        while (Is(t, k, Cat.Article))
        {
            k--;
        }

        return k;
    }

    /// <summary>A word after "would" that does something rather than wish for it: not "like", "rather", "need", "please".</summary>
    private static bool DoesInstead(ReadOnlySpan<Lex> t, int k) =>
        !IsEdge(t, k) && !Is(t, k, Cat.Desire | Cat.Polite)
        && WordAt(t, k) is not ("like" or "love" or "prefer" or "rather" or "appreciate" or "be" or "really");

    /// <summary>
    /// The mention is the other side of a conversation the customer wants a record of: "a copy of the recording of my call
    /// with the agent", "transcript of my chat with your staff", "salinan rekaman percakapan telepon saya dengan petugas".
    /// "with" before the mention, and before it a word for a conversation or a call kept as a record ("recording",
    /// "rekaman") or named as a thing ("of my chat").
    /// </summary>
    private static bool IsOtherPartyOfARecord(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = BeforeArticles(t, m);
        if (!Is(t, k, Cat.With))
        {
            return false;
        }

        k--;
        while (Is(t, k, Cat.Me) || WordAt(t, k) == "my")
        {
            k--;
        }

        if (!Is(t, k, Cat.IdNoun | Cat.Broadcast))
        {
            return false;
        }

        while (Is(t, k, Cat.IdNoun | Cat.Broadcast) || WordAt(t, k) == "my")
        {
            k--;
        }

        return WordAt(t, k) is "of" or "rekaman" or "recording";
    }

    /// <summary>
    /// The message names a person only where it is not asked for (talked about in the past, remarked on, or doing something
    /// else: "my manager asked me to ...") or counts heads ("meja untuk 6 orang") or names a worker for a job ("I need a
    /// plumber"), or, naming none, declines or puts off a request verb: what vetoes a request for a person that only the
    /// learnt model finds. A message that only asks whether the customer talks to someone ("apakah saya berbicara dengan
    /// manusia?"), whether someone real is there ("do I have a human on the line?") or who answers the chat ("ini dijawab
    /// langsung sama orang ya?") asks who is there, as does one
    /// that is only a person word and a question mark ("human?", "orang asli?") or a bare pair of alternatives ("bot?
    /// human?", "manusia atau robot?") asks who is there, not for someone, and
    /// one that is only a plea for help ("tolong", "help!") asks for help, not for a person, and one that says the
    /// customer knows a machine answers and names no person ("saya tahu saya ngobrol sama bot, langsung aja") asks for no one.
    /// </summary>
    public static bool VetoesRequest(ReadOnlySpan<Lex> t)
    {
        if (AsksForAQuantity(t) || TalksOnlyToWhoIsThere(t) || OnlyPersonQuestion(t) || AsksWhichItIs(t) || BarePlea.IsOnlyAPlea(t) || EchoesTheQuestion(t)
            || IdentityQuestion.OnlyAsksWhomTheyTalkTo(t) || IdentityQuestion.OnlyAsksWhoIsThere(t) || IdentityQuestion.OnlyAsksWhoRunsIt(t) || RefusesCalls(t)
            || PersonRequest.OnlyWearyOfSomethingElse(t) || OnlySaysNoOneAnswers(t) || (KnowsWhoIsThere(t) && !Has(t, 0, t.Length, Cat.Agent | Cat.Human | Cat.Person | Cat.Team)))
        {
            return true;
        }

        // "are you human? if not then I need one": the person named is what the question asks about, and the request
        // after the condition on the answer is asked now.
        if (IdentityCondition.RequestFollows(t) || IdentityCondition.AsksForOne(t))
        {
            return false;
        }

        bool named = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (Headcount.IsCount(t, i))
            {
                named = true;
            }
            else if (PersonRequest.PersonTarget(t, i, out Mention m))
            {
                if (IsLive(t, m) && !TellsOfThePast(t, m) && !RemarksOnStaff(t, m) && !DidSomethingElse(t, m) && !IsInReportedSpeech(t, m)
                    && !TalkedToAlready(t, m) && !IsBecome(t, m) && !OwnPersonLater(t, m) && !IsOfTheirOwn(t, m) && !IsCalledOff(t, m) && !AsksWhatAPersonMay(t, m)
                    && !DeniedInAQuestion(t, m) && !CarriesAMessage(t, m) && !IsCounterfactual(t, m) && !IsOtherPartyOfARecord(t, m) && !IsAPurpose(t, m)
                    && !IsAddressee(t, m))
                {
                    return false;
                }

                named = true;
            }
            else if (Is(t, i, Cat.Agent | Cat.Human | Cat.Person) && Is(t, i + 1, Cat.Breaker))
            {
                // "orang lain", "human error", "agent code": a word for people that names no one to hand over to.
                named = true;
            }
            else if (Is(t, i, Cat.Errand) && (Is(t, i - 1, Cat.Desire | Cat.Call) || (Is(t, i - 1, Cat.Article) && Is(t, i - 2, Cat.Desire | Cat.Call))))
            {
                // "I need a plumber", "butuh tukang ledeng ke unit saya": a worker for a job asked for, no one to talk to.
                named = true;
            }
            else if (ComesForAJob(t, i))
            {
                named = true;
            }
        }

        if (named || ComplainsOfAutomatedSends(t) || GivesAName(t))
        {
            return true;
        }

        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, Cat.Not | Cat.Later) && !IsQuestionTag(t, i) && !IdentityCondition.IsItsNegation(t, i) && DeclinesVerb(t, i, ClauseEnd(t, i)))
            {
                return true;
            }

            if (AsksToBeTakenThrough(t, i) || ConnectsAThing(t, i) || LinksTheCustomersThing(t, i) || SendsMoney(t, i) || NoMachineCan(t, i) || WantsToPay(t, i) || WantsToBuy(t, i) || ConsultsTheirOwn(t, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Asking to be taken through something, an explanation and no one to hand over to: "can you walk me through the
    /// options?", "talk me through the steps", "are you able to talk through the options with me?", "take me through the
    /// plans", "run me through the fees", "can we go through it together?". A verb that hands over no one ("walk", "talk",
    /// "run", "go", or one the lexicon does not know) with "me" or "us" or nothing between it and "through"; "put me
    /// through to an agent" and "can you get me through to billing?" hand over.
    /// </summary>
    private static bool AsksToBeTakenThrough(ReadOnlySpan<Lex> t, int i)
    {
        if (WordAt(t, i) != "through" || Is(t, i + 1, Cat.To))
        {
            return false;
        }

        int v = i - 1;
        if (Is(t, v, Cat.Me) || WordAt(t, v) == "us")
        {
            v--;
        }

        return v >= 0 && !Is(t, v, Cat.Connect | Cat.Call | Cat.Passive)
            && (t[v].Word is "walk" or "talk" or "run" or "go" || (t[v].IsUnknown && !t[v].IsNumber && v < i - 1));
    }

    /// <summary>
    /// A person denied in a question of its own, the other answer to who is there: "ini chat sama sistem ya? bukan
    /// orang?", "not a human?", "bukan manusia asli ya?". A negator opens the clause (after a greeting or a tag), only an
    /// article stands between it and the person, and tags and a '?' close it.
    /// </summary>
    private static bool DeniedInAQuestion(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        if (Is(t, k, Cat.Article))
        {
            k--;
        }

        if (!Is(t, k, Cat.Not))
        {
            return false;
        }

        k--;
        while (Is(t, k, Cat.Greeting | Cat.QParticle) && !IsEdge(t, k))
        {
            k--;
        }

        return IsEdge(t, k) && ClosesWithQuestion(t, m.End);
    }

    /// <summary>
    /// The customer says what to call them, and names no one to hand over to: "call me Sari", "just call me Dewi please",
    /// "you can call me Rizky", "panggil aku Sari aja kak". "call" or "panggil" opening its clause (after politeness, a
    /// modal or "you"), the customer, and a word the lexicon does not know (a name) closing it but for politeness; "call me
    /// back", "call me now", "panggil CS" and "panggilin supervisornya" are other words.
    /// </summary>
    private static bool GivesAName(ReadOnlySpan<Lex> t)
    {
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i].Word is not ("call" or "panggil"))
            {
                continue;
            }

            int k = i - 1;
            while (Is(t, k, Cat.Polite | Cat.Greeting | Cat.Modal | Cat.YouPerson | Cat.Only) && !Is(t, k, Cat.Not))
            {
                k--;
            }

            if (!IsEdge(t, k))
            {
                continue;
            }

            int e = i + 1;
            while (Is(t, e, Cat.Polite | Cat.Only) && !Is(t, e, Cat.Not | Cat.Later | Cat.LaterTime))
            {
                e++;
            }

            // The customer is named: "panggil supervisornya" fetches someone the lexicon does not know by that spelling.
            if (!Is(t, e, Cat.Me) || e + 1 >= t.Length || !t[e + 1].IsUnknown)
            {
                continue;
            }

            e++;

            e++;
            while (Is(t, e, Cat.Polite | Cat.Greeting | Cat.QParticle | Cat.Only) && !Is(t, e, Cat.Not | Cat.Later | Cat.LaterTime))
            {
                e++;
            }

            if (IsEdge(t, e))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A word the lexicon does not know, asked for with a wish or a verb of fetching, then "to" or "for" and a job done at
    /// a place or to a thing: "I need an engineer to come and look at the meter", "get a surveyor to collect the
    /// samples". A worker for the job, whatever the trade is called; "I need an agnet to help me" (no job) and "I need a
    /// manager to look at this" (a role) stay with the other rules.
    /// </summary>
    private static bool ComesForAJob(ReadOnlySpan<Lex> t, int i)
    {
        if (!t[i].IsUnknown || !Is(t, i + 1, Cat.Purpose) || !Is(t, i + 2, Cat.Errand))
        {
            return false;
        }

        int k = i - 1;
        if (Is(t, k, Cat.Article))
        {
            k--;
        }

        return Is(t, k, Cat.Desire | Cat.Call) && !Is(t, k - 1, Cat.Not);
    }

    /// <summary>
    /// A request for a person only the learnt model finds, in a message that names no one to be handed to (no role,
    /// person, human, team, service or machine, nothing real, no one else and no verb of handing over) and whose every word the lexicon does not know is a topic, not someone: wanting or urging with known words
    /// only ("I need it now", "give me", "I need help", "saya mau", "sekarang"), and talking to the one who is already there, about
    /// something ("I want to talk to you about my bill", "talk to me", "can we talk?", "saya mau ngomong soal tagihan",
    /// "aku mau ngomong, paketku rusak", "kita perlu bicara"). An unknown word where someone to talk to would stand (after
    /// "to" or "with", a wish or a verb of fetching: "talk to a hmuan", "I want to talk to the nurse", "i want a humna")
    /// or on its own ("represenative", "agnet pls") may be a misspelt or unlisted role, so the model's reading stays.
    /// </summary>
    private static bool TalksOnlyToWhoIsThere(ReadOnlySpan<Lex> t)
    {
        const Cat someone = Cat.Agent | Cat.Human | Cat.Person | Cat.Team | Cat.Real | Cat.RealAdj | Cat.Connect | Cat.Passive
            | Cat.ServiceTail | Cat.Who | Cat.ThirdParty;
        bool addressed = false;
        // Only asked who is there, nothing wished for, fetched or handed over ("are you a bot? if not get me one" asks).
        bool asksWhoIsThere = !Has(t, 0, t.Length, Cat.Desire | Cat.Call | Cat.Connect) && IdentityQuestion.AsksIdentity(t);
        for (int i = 0; i < t.Length; i++)
        {
            // "help" names a service only with its tail ("help desk"; "I need help" does not); a machine is someone unless it
            // is the one asked to help ("can AI help me pick a plan?") or what a message that only asks who is there asks
            // the one there may be ("do I talk to a machine?").
            bool named = Is(t, i, someone) || (Is(t, i, Cat.ServiceHead) && (!Is(t, i, Cat.Help) || Is(t, i + 1, Cat.ServiceTail)))
                || (Is(t, i, Cat.Bot) && !MachineHelps(t, i) && !asksWhoIsThere);
            if (named || NamesSomeoneByWhatTheyDo(t, i) || (Is(t, i, Cat.Greeting) && Is(t, i - 1, Cat.To | Cat.With)))
            {
                // "ngomong sama mbaknya": a form of address after "to" / "with" is the person talked to
                return false;
            }

            if (Is(t, i, Cat.Speak) && TalksHere(t, i))
            {
                addressed = true;
            }
            else if (IsUnlisted(t[i]) && !addressed && !Is(t, i - 1, Cat.Speak) && !FollowsATopicWord(t, i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A complaint that no one answers, asking for no one: "gak ada yang bales sama sekali", "ga ada yg jawab dari tadi",
    /// "tidak ada yang respon", as "no one replies at all" is. A negator, "ada", "yang" and a word of replying, in a
    /// message that names no role, person or team and wishes for, fetches or hands over no one ("gak ada yang bales,
    /// minta CS dong" asks).
    /// </summary>
    private static bool OnlySaysNoOneAnswers(ReadOnlySpan<Lex> t)
    {
        const Cat someone = Cat.Agent | Cat.Human | Cat.Person | Cat.Team | Cat.Desire | Cat.Call | Cat.Connect | Cat.Passive
            | Cat.ServiceTail | Cat.Speak;
        if (Has(t, 0, t.Length, someone))
        {
            return false;
        }

        for (int i = 0; i + 3 < t.Length; i++)
        {
            if (Is(t, i, Cat.Not) && Is(t, i + 1, Cat.Exist) && t[i + 2].Word == "yang"
                && t[i + 3].Word is "balas" or "membalas" or "jawab" or "menjawab" or "respon")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A person asked about as anyone, by what they have or are: "Can a person under 18 open an account?", "Can one
    /// person have two accounts?", "can a person with a foreign passport open an account?", "may one person own two
    /// cards?". "a" or "one" person, nothing real about them, right after "can", "could", "may" or "does" opening the
    /// clause, and right after the person "have", "under", "over", "aged", "with", "without", "own", "open" or a number.
    /// "can a person help me?" and "can a person look at this?" still ask for one.
    /// </summary>
    private static bool AsksWhatAPersonMay(ReadOnlySpan<Lex> t, Mention m)
    {
        if (m.Kind != Kind.Person || m.Real)
        {
            return false;
        }

        int k = m.Start - 1;
        if (WordAt(t, k) == "one")
        {
            k--;
        }

        int opening = k - 1;
        while (Is(t, opening, Cat.Greeting | Cat.Polite) && !IsEdge(t, opening))
        {
            opening--;
        }

        if (WordAt(t, k) is not ("can" or "could" or "may" or "does") || !IsEdge(t, opening))
        {
            return false;
        }

        int after = m.End;
        return (uint)after < (uint)t.Length
            && (Is(t, after, Cat.Has) || t[after].IsNumber || WordAt(t, after) is "under" or "over" or "aged" or "with" or "without" or "own" or "open");
    }

    /// <summary>
    /// The role is one the customer takes on: "I'd like to become an agent", "how do I become a sales agent?", "saya mau
    /// jadi agen pulsa", "cara daftar jadi agen asuransi" ("become", "menjadi" or "jadi" before it, an article and up to
    /// two words naming the kind between).
    /// </summary>
    private static bool IsBecome(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        for (int steps = 0; steps < 3 && (Is(t, k, Cat.Article) || (k >= 0 && IsUnlisted(t[k]))); steps++)
        {
            k--;
        }

        if (WordAt(t, k) is "become" or "jadi")
        {
            return true;
        }

        // "my son wants to be a customer service agent", "I'd love to be an agent": "to be" and articles only before it
        // (and the words of the role it heads: "customer service", "human").
        k = m.Start - 1;
        while (Is(t, k, Cat.Article | Cat.ServiceHead | Cat.ServiceTail | Cat.Human | Cat.Real))
        {
            k--;
        }

        return WordAt(t, k) == "be" && Is(t, k - 1, Cat.To);
    }

    /// <summary>
    /// The customer's own person, whom they say they will talk to: "I will speak to my manager about it", "I'm going to
    /// ask my boss". "my" right before the mention and "I" with "will" earlier in its clause.
    /// </summary>
    private static bool OwnPersonLater(ReadOnlySpan<Lex> t, Mention m) =>
        WordAt(t, m.Start - 1) == "my" && (SaysIWill(t, ClauseStart(t, m.Start), m.Start) || SteppingAway(t, ClauseStart(t, m.Start), m.Start));

    /// <summary>
    /// Someone of the customer's own ("my wife", "my husband", "my boss", or whoever "to my" / "with my" names) whom the
    /// customer means to consult first: "let me talk to my wife and get back to you", "I need to check with my husband
    /// first", "I'll ask my boss", "let me talk to my partner". Nothing the contact centre is asked for.
    /// </summary>
    private static bool ConsultsTheirOwn(ReadOnlySpan<Lex> t, int i) =>
        WordAt(t, i - 1) == "my" && (Is(t, i, Cat.ThirdParty) || (t[i].IsUnknown && Is(t, i - 2, Cat.To | Cat.With)))
        && (SaysIWill(t, ClauseStart(t, i), i) || SteppingAway(t, ClauseStart(t, i), i));

    /// <summary>
    /// The customer says they step away to do something themselves before <paramref name="to"/> in the clause from
    /// <paramref name="from"/>: "let me" ("let me check with my manager"), or "I need to", "I have to", "I must" ("I need to
    /// ask my husband").
    /// </summary>
    private static bool SteppingAway(ReadOnlySpan<Lex> t, int from, int to)
    {
        for (int k = from; k + 1 < to; k++)
        {
            if ((WordAt(t, k) == "let" && Is(t, k + 1, Cat.Me))
                || (WordAt(t, k) is "i" or "we" && (WordAt(t, k + 1) is "must" || (WordAt(t, k + 1) is "need" or "have" && Is(t, k + 2, Cat.To)))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A person of the customer's own side: "a real person in our team", "a human from my office" ("from", "on", "at", "of"
    /// and then "our" or "my" right after the mention, or a word the lexicon does not know, such as "in", before "our" or
    /// "my" and a team, company, business or family): someone to add or to name, not someone of the contact centre's to
    /// talk to. "the account manager handling my policy" is asked for.
    /// </summary>
    private static bool IsOfTheirOwn(ReadOnlySpan<Lex> t, Mention m)
    {
        if ((uint)m.End < (uint)t.Length && WordAt(t, m.End + 1) is "our" or "my"
            && (t[m.End].Word is "from" or "on" or "at" or "of"
                || (t[m.End].Word.Length == 0 && (Is(t, m.End + 2, Cat.Team) || WordAt(t, m.End + 2) is "company" or "business" or "family"))))
        {
            return true;
        }

        // "in our team", "my own team": a team named as the customer's.
        if (m.Kind == Kind.Team)
        {
            for (int k = m.Start; k < m.End; k++)
            {
                if (t[k].Word is "our" or "my")
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The mention is whom a document is addressed to, or who is copied in: "I need an invoice addressed to the operations
    /// manager", "tolong invoice ditujukan ke manajer keuangan", "put the billing team in cc", "cc my manager".
    /// "addressed to" or "ditujukan ke" right before it, or "cc" before or after it ("in" between), an article, "my" or
    /// "our" aside.
    /// </summary>
    private static bool IsAddressee(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        while (Is(t, k, Cat.Article) || WordAt(t, k) is "my" or "our")
        {
            k--;
        }

        return WordAt(t, k) == "cc" || (Is(t, k, Cat.To) && WordAt(t, k - 1) is "addressed" or "ditujukan")
            || WordAt(t, m.End) == "cc" || (m.End < t.Length && ReferenceEquals(t[m.End], Lex.Unknown) && WordAt(t, m.End + 1) == "cc");
    }

    /// <summary>
    /// A person called off: "forget the human, it works now", "never mind the agent", "lupakan adminnya" ("forget",
    /// "never mind" or "lupakan" right before it, an article or "real" between). "forget the bot, get me a human" still asks.
    /// </summary>
    private static bool IsCalledOff(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        while (Is(t, k, Cat.Article | Cat.Real))
        {
            k--;
        }

        return WordAt(t, k) is "forget" or "lupakan" || (WordAt(t, k) == "mind" && WordAt(t, k - 1) == "never");
    }

    /// <summary>
    /// The machine word at <paramref name="i"/> is the one that helps, may help or cannot help: "can AI help me pick a
    /// plan?", "the bot can't help", "your AI helped".
    /// </summary>
    private static bool MachineHelps(ReadOnlySpan<Lex> t, int i)
    {
        int k = i + 1;
        for (int steps = 0; steps < 2 && Is(t, k, Cat.Modal | Cat.Not) && !Is(t, k, Cat.Help); steps++)
        {
            k++;
        }

        return Is(t, k, Cat.Help);
    }

    /// <summary>
    /// "no bot can fix this", "no AI could help with that", "no machine will understand": what no machine can do, said of
    /// machines, with no person named, asks for no one (naming one, "no bot can fix this, get me a human", asks before
    /// any veto is looked at).
    /// </summary>
    private static bool NoMachineCan(ReadOnlySpan<Lex> t, int i) =>
        t[i].Word is "no" && Is(t, i + 1, Cat.Bot) && Is(t, i + 2, Cat.Modal) && !Is(t, i + 2, Cat.Polite);

    /// <summary>A word the lexicon does not know, or one with a digit in it.</summary>
    private static bool IsUnlisted(Lex lex) => lex.IsUnknown || lex.IsNumber;

    /// <summary>
    /// The talking verb at <paramref name="i"/> is addressed to the one already there or to no one: "talk to you",
    /// "talk to me", "bicara dengan kamu", "can we talk?", "ngomong soal tagihan", "aku mau ngomong, ...".
    /// </summary>
    private static bool TalksHere(ReadOnlySpan<Lex> t, int i)
    {
        int k = i + 1;
        if (Is(t, k, Cat.To | Cat.With))
        {
            k++;
        }

        // "talk to ur operater": "your" before a word the lexicon does not know is whose it is, not whom
        return IsEdge(t, k) || Is(t, k, Cat.Me | Cat.Purpose) || (Is(t, k, Cat.YouPerson) && !(t[k].Word == "youre" && k + 1 < t.Length && IsUnlisted(t[k + 1])));
    }

    /// <summary>An about-word ("about", "soal", "mengenai") earlier in the clause, with no wish or talking verb between: a topic.</summary>
    private static bool FollowsATopicWord(ReadOnlySpan<Lex> t, int i)
    {
        for (int k = i - 1; !IsEdge(t, k); k--)
        {
            if (Is(t, k, RequestVerb | Cat.To | Cat.With | Cat.Copula))
            {
                return false;
            }

            if (Is(t, k, Cat.Purpose))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "yang" opening a clause or after a wish, a verb of fetching, talking or handing over, "ada", "to" or "with" names
    /// someone by what they do: "ada yang bisa saya ajak bicara?", "minta yang lebih senior", "sama yang ngurus
    /// pengiriman", "panggilkan yang berwenang".
    /// </summary>
    private static bool NamesSomeoneByWhatTheyDo(ReadOnlySpan<Lex> t, int i) =>
        t[i].Word == "yang" && (IsEdge(t, i - 1) || Is(t, i - 1, RequestVerb | Cat.Exist | Cat.To | Cat.With));

    /// <summary>
    /// An identity question only the learnt model finds that asks how the one answering is, not what: "are you there?",
    /// "are you still there?", "are you sure?", "are you serious?", "are you busy?", "are you going to refund me?", "you are
    /// amazing", "you're the best", "kamu yakin?", "kamu serius?", "kamu masih di situ?". "you" / "kamu" with only a copula, "still", "even"
    /// or "di" before a word of how one comes across (<see cref="Cat.Remark"/>), being there, knowing or going to, and no
    /// word anywhere of what it could be (a machine, a person, a role, something real, who, talking, what it produces,
    /// alternatives). "are you real?", "are you a bto?", "kamu robot?" still ask.
    /// </summary>
    private static bool AsksHowTheyAre(ReadOnlySpan<Lex> t)
    {
        const Cat what = Cat.Bot | Cat.Human | Cat.Person | Cat.Agent | Cat.Real | Cat.RealAdj | Cat.Who | Cat.Speak | Cat.Gerund
            | Cat.IdNoun | Cat.Team | Cat.ServiceHead | Cat.ServiceTail | Cat.Or;
        const Cat state = Cat.Remark | Cat.Exist | Cat.Know | Cat.Will;
        bool how = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, what))
            {
                return false;
            }

            if (!how && Is(t, i, Cat.YouPerson))
            {
                int k = i + 1;
                while (Is(t, k, Cat.Copula | Cat.NotGap))
                {
                    k++;
                }

                // "kamu masih di situ?", "masih di sana?": being there
                bool there = k < t.Length && t[k].Word == "di" && k + 1 < t.Length && (Is(t, k + 1, Cat.YouPerson) || t[k + 1].Word is "sana" or "sini");
                // "you're the best", "you guys are the greatest": how they come across, with "the".
                bool best = Is(t, k, Cat.Article) && WordAt(t, k + 1) is "best" or "greatest";
                how = there || best || Is(t, k, state);
            }
        }

        return how;
    }

    /// <summary>
    /// An identity question that repeats its term for emphasis and asks for nothing: "manusia manusia ini manusia bukan",
    /// "human human are you a human". A word for a person said twice in a row and again after "you" / "ini", and no word
    /// of asking, urging, fetching or handing over anywhere ("orang orang, saya mau orang" and "agent agent agent" ask).
    /// </summary>
    private static bool EchoesTheQuestion(ReadOnlySpan<Lex> t)
    {
        const Cat asking = RequestVerb | Cat.Modal | Cat.Help | Cat.Exist | Cat.Later;
        int echoed = -1;
        bool asked = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, asking) || (Is(t, i, Cat.Polite) && !Is(t, i, Cat.QParticle)))
            {
                return false;
            }

            if (echoed < 0 && i + 1 < t.Length && Is(t, i, Cat.Agent | Cat.Human | Cat.Person) && ReferenceEquals(t[i], t[i + 1]))
            {
                echoed = i;
            }

            asked |= echoed >= 0 && i > echoed + 1 && ReferenceEquals(t[i], t[echoed]) && HasYouBefore(t, i);
        }

        return asked;
    }

    private static bool HasYouBefore(ReadOnlySpan<Lex> t, int i)
    {
        for (int k = i - 1; k >= 0 && k >= i - 4 && !IsEdge(t, k); k--)
        {
            if (Is(t, k, Cat.You))
            {
                return true;
            }
        }

        return false;
    }
}
