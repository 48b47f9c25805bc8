using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>The grammar of a question about who is there: "ini bot ya?", "are you a bot?", "am I talking to a human?", "siapa ini?".</summary>
internal static class IdentityQuestion
{
    /// <summary>The message asks whether the interlocutor is a bot or a person.</summary>
    public static bool AsksIdentity(ReadOnlySpan<Lex> t)
    {
        // "are you a bot? jk, where is my parcel": the question taken back.
        if (MentionRole.TakesTheQuestionBack(t))
        {
            return false;
        }

        for (int i = 0; i < t.Length; i++)
        {
            // "are you real?", "kamu nyata?"
            if (Is(t, i, Cat.RealAdj) && Is(t, i - 1, Cat.YouPerson) && OpensQuestion(t, i - 1) && Closes(t, i + 1))
            {
                return true;
            }

            if (AsksWhoRunsIt(t, i) || TalksToTheSystemQuestion(t, i) || AsksWhetherAllOfItIsAMachine(t, i))
            {
                return true;
            }

            if (IdentityTerm(t, i, out Mention m)
                && (AddressedQuestion(t, m) || TalkingToQuestion(t, m) || BareIdentityQuestion(t, m) || WhoQuestion(t, i, m)
                    || AsksWhetherSomeoneRealIsThere(t, m) || NamedOneQuestion(t, m)))
            {
                return true;
            }
        }

        // "was the call I got on Monday automated?", "telepon tadi rekaman bukan?"; "my mom asks if this is a bot".
        return CallQuestion.AsksWhetherAutomated(t) || ReportedIdentityQuestion.IsIn(t);
    }

    /// <summary>
    /// Whether all that answers here is a machine: "Is everything on this chat automated?", "is everything here done by a
    /// bot?", "is everything automated?". "is everything" opens the clause, only where it is ("here",
    /// "on this chat") and how ("done by", "handled by") stand before the machine, and the machine closes it. "is
    /// everything on this order automated?" names a thing and asks nothing of who answers.
    /// </summary>
    private static bool AsksWhetherAllOfItIsAMachine(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word != "everything" || WordAt(t, i - 1) != "is" || ClauseStart(t, i - 1) != i - 1)
        {
            return false;
        }

        int k = i + 1;
        for (int steps = 0; steps < 5 && (Is(t, k, Cat.To | Cat.You | Cat.IdNoun | Cat.Article)
            || WordAt(t, k) is "here" or "done" or "by" or "handled" or "answered" or "just"); steps++)
        {
            k++;
        }

        return IdentityTerm(t, k, out Mention m) && m.Kind == Kind.Bot && Closes(t, m.End);
    }

    /// <summary>
    /// The one answering asked about by the name it gave: "is Dina a bot", "Is Dina a real person?", "apakah Dina
    /// manusia?", "Dina itu bot?". One word the lexicon does not know (a name), right before the machine or the person
    /// (an article or "itu" between), opened by "is" or "apakah" at the start of its clause, or opening a clause that a
    /// '?' closes after "itu"; nothing after the term in its clause but particles.
    /// </summary>
    private static bool NamedOneQuestion(ReadOnlySpan<Lex> t, Mention m)
    {
        // "apakah autodebet otomatis?" asks how a thing works: "automated" says what something does, not who it is.
        if (m.Kind is not (Kind.Bot or Kind.Human or Kind.Person) || !Closes(t, m.End) || t[m.End - 1].Word == "automated")
        {
            return false;
        }

        int k = m.Start - 1;
        bool itu = false;
        if (Is(t, k, Cat.Article))
        {
            k--;
        }
        else if (WordAt(t, k) == "itu")
        {
            itu = true;
            k--;
        }

        if (k < 0 || !t[k].IsUnknown)
        {
            return false;
        }

        int lead = k - 1;
        if (WordAt(t, lead) is "is" or "apakah")
        {
            return ClauseStart(t, lead) == lead;
        }

        return itu && ClauseStart(t, k) == k && Is(t, ClauseEnd(t, m.End), Cat.Question);
    }

    /// <summary>
    /// The message asks only whether the customer, as the subject of a talking verb, is talking to someone: "apakah saya
    /// berbicara dengan manusia?", "saya lagi chat sama orang asli?", "am I talking to a person?". Its first clause is
    /// that question, closed by a '?', every later clause holds only tags or greetings, and nothing in it wishes, urges,
    /// fetches or hands over ("bisa saya bicara dengan manusia?", "saya mau bicara dengan orang?" ask for one). It asks
    /// who is there, not for someone: what vetoes a request for a person only the learnt model finds.
    /// </summary>
    internal static bool OnlyAsksWhomTheyTalkTo(ReadOnlySpan<Lex> t) => OnlyAsks(t, TalksToQuestion, doOfHavingAsks: true);

    /// <summary>
    /// "am I talking to a person?", "saya berbicara dengan siapa?", "dengan siapa saya berbicara?": the question
    /// <see cref="OnlyAsksWhomTheyTalkTo"/> looks for, ending where its mention does (or, with the who-word first, where
    /// the talking verb after it does).
    /// </summary>
    private static bool TalksToQuestion(ReadOnlySpan<Lex> t, Mention m, out int end)
    {
        end = m.End;
        if (m.Kind == Kind.Who && TalkedToFirst(t, m, out int verb))
        {
            end = verb + 1;
            return ClosesWithQuestion(t, end);
        }

        return (m.Kind is Kind.Human or Kind.Person or Kind.Who || (m.Kind == Kind.Agent && m.Real)) && SubjectTalksTo(t, m) && ClosesWithQuestion(t, m.End);
    }

    /// <summary>
    /// "dengan siapa saya (sedang) berbicara": "with" and the who-word open the clause, then the customer and the talking
    /// verb; <paramref name="verb"/> is where the verb stands.
    /// </summary>
    private static bool TalkedToFirst(ReadOnlySpan<Lex> t, Mention m, out int verb)
    {
        verb = -1;
        int with = m.Start - 1;
        if (!Is(t, with, Cat.With | Cat.To) || !OnlyGreetings(t, ClauseStart(t, with), with) || !Is(t, m.End, Cat.Subject) || Is(t, m.End, Cat.You))
        {
            return false;
        }

        int k = m.End + 1;
        for (int steps = 0; steps < 3 && Is(t, k, Cat.Progressive | Cat.Copula) && !Is(t, k, Cat.Speak); steps++)
        {
            k++;
        }

        verb = k;
        return Is(t, k, Cat.Speak);

        static bool OnlyGreetings(ReadOnlySpan<Lex> t, int from, int to)
        {
            for (int k = from; k < to; k++)
            {
                if (!Is(t, k, Cat.Greeting | Cat.QParticle))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>A question about who is there at a mention, and where it ends.</summary>
    private delegate bool QuestionAt(ReadOnlySpan<Lex> t, Mention m, out int end);

    /// <summary>
    /// Whether the message only asks <paramref name="question"/>: it asks it at some mention, every clause after it holds
    /// only tags or greetings, and no word in it wishes, urges, fetches or hands over (a modal verb among them, unless
    /// <paramref name="doOfHavingAsks"/> is false and it is the "do" of "do I have ...?").
    /// </summary>
    private static bool OnlyAsks(ReadOnlySpan<Lex> t, QuestionAt question, bool doOfHavingAsks)
    {
        const Cat asking = Cat.Modal | Cat.Desire | Cat.Will | Cat.Connect | Cat.Passive | Cat.Later | Cat.Help;
        bool asked = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, asking) && (doOfHavingAsks || !IsDoOfHaving(t, i)) && !LetMeGuess(t, i))
            {
                return false;
            }

            if (!asked && IdentityTerm(t, i, out Mention m) && question(t, m, out int end))
            {
                asked = true;
                for (int k = ClauseEnd(t, end) + 1; k < t.Length; k++)
                {
                    if (!Is(t, k, Cat.Edge | Cat.QParticle | Cat.Greeting | Cat.Polite))
                    {
                        return false;
                    }
                }
            }
        }

        return asked;
    }

    /// <summary>"let me guess", "let me see", "let me think": a lead-in of the customer's own, asking no one for anything.</summary>
    private static bool LetMeGuess(ReadOnlySpan<Lex> t, int i) => WordAt(t, i) == "let" && Is(t, i + 1, Cat.Me) && Is(t, i + 2, Cat.Lead);

    /// <summary>The customer is the subject of the talking verb before mention <paramref name="m"/>: "saya (sedang) bicara dengan ...", "am I talking to ...".</summary>
    private static bool SubjectTalksTo(ReadOnlySpan<Lex> t, Mention m)
    {
        int j = m.Start - 1;
        if (Is(t, j, Cat.With | Cat.To))
        {
            j--;
        }

        if (!Is(t, j, Cat.Speak))
        {
            return false;
        }

        int k = SubjectBefore(t, j);
        return Is(t, k, Cat.Subject) && !Is(t, k, Cat.You) && !TellsOfAnEarlierChat(t, k);
    }

    /// <summary>Where the subject of the verb at <paramref name="verb"/> would stand, past up to three progressive or copula words ("saya sedang bicara", "am I talking").</summary>
    private static int SubjectBefore(ReadOnlySpan<Lex> t, int verb)
    {
        int k = verb - 1;
        for (int steps = 0; steps < 3 && !Is(t, k, Cat.Subject) && Is(t, k, Cat.Progressive | Cat.Copula); steps++)
        {
            k--;
        }

        return k;
    }

    /// <summary>
    /// "recording" as something done to the line, not a recording that answers: "is this chat being recorded?", "are you
    /// recording this?", "are you recording our call?", "is this chat recorded?", "is this call recorded?" (right after the
    /// chat, conversation or call it is done to). "is this a recording?", "are you a recording?", "is this call a
    /// recording?" and "is this a recorded message?" still ask who is there.
    /// </summary>
    internal static bool IsRecordingDone(ReadOnlySpan<Lex> t, int i) =>
        t[i].Word == "recording"
        && (WordAt(t, i - 1) is "being" or "call"
            || Is(t, i - 1, Cat.IdNoun)
            || (Is(t, i - 1, Cat.YouPerson) && WordAt(t, i + 1) is "this" or "that" or "it" or "me" or "my" or "our" or "us" or "the" or "everything" or "what"));

    /// <summary>A word for what the customer may be talking to ("bot", "AI", "mesin", "manusia", "real person", "siapa"), with modifiers and "X or Y".</summary>
    private static bool IdentityTerm(ReadOnlySpan<Lex> t, int i, out Mention m)
    {
        m = default;
        Cat c = t[i].Cats;
        int start = i;
        Kind kind;
        if ((c & Cat.Bot) != 0)
        {
            if (Is(t, i + 1, Cat.Bot))
            {
                return false; // "AI bot": the last word is the head
            }

            if (IsRecordingDone(t, i))
            {
                return false;
            }

            kind = Kind.Bot;
        }
        else if ((c & Cat.Who) != 0)
        {
            kind = Kind.Who;
        }
        else if ((c & Cat.Human) != 0)
        {
            if (Is(t, i + 1, Cat.Agent | Cat.Person))
            {
                return false;
            }

            kind = Kind.Human;
        }
        else if ((c & Cat.Person) != 0)
        {
            kind = Kind.Person;
        }
        else if ((c & Cat.Agent) != 0)
        {
            // "Is the seller real?", "penjual ini asli?": a seller is someone the customer buys from, and a real one is
            // an honest one, not the one answering ("am I talking to the seller or a bot?" still asks).
            if (IsSeller(t, i) && !OrMachine(t, i + 1))
            {
                return false;
            }

            kind = Kind.Agent;
        }
        else if ((c & Cat.ServiceTail) != 0 && Is(t, i - 1, Cat.ServiceHead))
        {
            kind = Kind.Agent;
            start = i - 1;
        }
        else
        {
            return false;
        }

        if (Is(t, i + 1, Cat.Breaker))
        {
            return false;
        }

        bool real = false;
        int s = start - 1;
        if (kind != Kind.Who)
        {
            while (s > start - 1 - Mention.MaxModifiers && Is(t, s, Cat.Article | Cat.Real | Cat.Human | Cat.Bot))
            {
                real |= Is(t, s, Cat.Real | Cat.Human);
                s--;
            }
        }

        int e = i + 1;
        // "an AI model", "some AI system": what a machine word names after it is still the machine.
        if (kind == Kind.Bot && Is(t, e, Cat.IdNoun) && !Is(t, e, Cat.Speak | Cat.You | Cat.Copula))
        {
            e++;
        }

        // "adminnya asli orang?", "adminnya orang asli?", "cs nya beneran manusia?": a role said to be a (real) person.
        Cat trailing = kind == Kind.Agent ? Cat.Real | Cat.Human | Cat.Clitic | Cat.Person : Cat.Real | Cat.Human | Cat.Clitic;
        while (e < i + 1 + Mention.MaxModifiers && Is(t, e, trailing) && !(Is(t, e, Cat.Person) && Is(t, e + 1, Cat.Breaker)))
        {
            real |= Is(t, e, Cat.Real | Cat.Human | Cat.Person);
            e++;
        }

        // A role word is only a question of identity when it is qualified ("a real agent", "cs asli") or set against a
        // machine ("petugas atau mesin?", "chat sama petugas atau sama bot?").
        // "itu sistem apa orang?", "system or staff?": the system named first is the other alternative of the question.
        bool machineFirst = kind != Kind.Who && MachineOr(t, s);
        if (machineFirst)
        {
            s -= 2;
        }

        if (kind == Kind.Agent && !real && !OrMachine(t, e) && !machineFirst)
        {
            return false;
        }

        // "a bot or a human", "manusia atau mesin", "sama orang atau sama bot"
        for (int alternatives = 0; alternatives < Mention.MaxModifiers && kind != Kind.Who && IsOr(t, e); alternatives++)
        {
            int k = AlternativeAfter(t, e);

            if (!Is(t, k, Cat.Bot | Cat.Human | Cat.Person) && !IsSystem(t, k))
            {
                break;
            }

            e = k + 1;
            for (int n = 0; n < Mention.MaxModifiers && Is(t, e, Cat.Real | Cat.Human | Cat.Bot | Cat.Clitic); n++)
            {
                e++;
            }
        }

        m = new Mention(s + 1, e, kind, real);
        return true;
    }

    /// <summary>"seller", "penjual": a role the customer may ask to be handed to, but never the one whose identity is asked.</summary>
    internal static bool IsSeller(ReadOnlySpan<Lex> t, int k) => WordAt(t, k) is "seller" or "penjual";

    /// <summary>"or" then a machine word, with only articles, modifiers, "with" or "to" between: "atau sama mesin", "or a bot".</summary>
    private static bool OrMachine(ReadOnlySpan<Lex> t, int e)
    {
        if (!IsOr(t, e))
        {
            return false;
        }

        int k = e + 1;
        while (k < e + 1 + Mention.MaxModifiers && Is(t, k, Cat.Article | Cat.Real | Cat.With | Cat.To) && !Is(t, k, Cat.Bot))
        {
            k++;
        }

        return Is(t, k, Cat.Bot) || IsSystem(t, k);
    }

    /// <summary>
    /// "or" between two terms, or a word said for it there: "apa" and Javanese "opo" ("manusia apa robot?", "wong opo mesin") and "ka"
    /// ("staf ka program?", "robot ka orang?"), which elsewhere ask or address ("apa kabar", "ka, mau tanya").
    /// </summary>
    private static bool IsOr(ReadOnlySpan<Lex> t, int e)
    {
        if (Is(t, e, Cat.Or))
        {
            return true;
        }

        if ((uint)e >= (uint)t.Length || t[e].Word is not ("apa" or "opo" or "kak") || IsEdge(t, e - 1))
        {
            return false;
        }

        int k = AlternativeAfter(t, e);

        return Is(t, k, Cat.Bot | Cat.Human | Cat.Person | Cat.Agent) || IsSystem(t, k);
    }

    /// <summary>Where the alternative after the "or" at <paramref name="e"/> stands, past articles, modifiers, "with" and "to": "atau sama mesin", "or a real person".</summary>
    private static int AlternativeAfter(ReadOnlySpan<Lex> t, int e)
    {
        int k = e + 1;
        while (k < e + 1 + Mention.MaxModifiers && Is(t, k, Cat.Article | Cat.Real | Cat.With | Cat.To))
        {
            k++;
        }

        return k;
    }

    /// <summary>"system" then "or" just before the role at <paramref name="s"/> + 1: "sistem atau petugas?", "system or staff?".</summary>
    private static bool MachineOr(ReadOnlySpan<Lex> t, int s) => IsOr(t, s) && IsSystem(t, s - 1);

    /// <summary>"system", "sistem" set against a person: "person or system?", "petugas atau sistem?".</summary>
    private static bool IsSystem(ReadOnlySpan<Lex> t, int k) => (uint)k < (uint)t.Length && t[k].Word is "sistem";

    /// <summary>
    /// "ini bot ya?", "apakah ini bot?", "kamu robot?", "are you a bot", "are you guys bots", "is this an AI?", "r u a bot",
    /// "ini chat otomatis ya", "ini dengan siapa?"; not a term the customer goes on from ("You're a bot, so ...", see
    /// <see cref="GoesOnFromIt"/>).
    /// </summary>
    private static bool AddressedQuestion(ReadOnlySpan<Lex> t, Mention m)
    {
        if (!Addressed(t, m, out int j))
        {
            return false;
        }

        if (OpensQuestion(t, j) && Closes(t, m.End))
        {
            return !GoesOnFromIt(t, j, m.End);
        }

        // "how do I know you're not just an AI pretending to be Sarah": what follows a machine or a person doubted says
        // more of it; a role doubted must close the clause ("how do I know you're a real agent of this bank" asks whether
        // the bank is theirs).
        if (DoubtsIt(t, j) && (m.Kind != Kind.Agent || ClosesLoosely(t, m.End)))
        {
            return true;
        }

        // "saya cuma mau tau ini dibalas manusia atau tidak itu saja", "I just want to know if you are a bot".
        return WantsToKnow(t, j) && ClosesLoosely(t, m.End);
    }

    /// <summary>
    /// The customer doubts what the one answering at <paramref name="you"/> is and asks to be shown: "prove you're not a
    /// robot", "prove to me that you are human", "buktiin dong kalau kamu manusia", "how do I know you're not a bot", "how
    /// can I be sure you're a real person", "how can I tell if you're a bot", "gimana saya tau kamu bukan bot". "how do I
    /// know" needs the customer as its subject ("how do they know you're a bot" asks nothing of who answers), and a
    /// negated "prove" ("you don't have to prove you're human") asks nothing.
    /// </summary>
    private static bool DoubtsIt(ReadOnlySpan<Lex> t, int you)
    {
        int k = you - 1;
        if (Is(t, k, Cat.Cond) || WordAt(t, k) is "that" or "bahwa")
        {
            k--;
        }

        if (WordAt(t, k) == "me" && Is(t, k - 1, Cat.To))
        {
            k -= 2;
        }

        while (Is(t, k, Cat.Polite) && !Is(t, k, Cat.Not))
        {
            k--;
        }

        if (WordAt(t, k) == "prove")
        {
            return OpensDemand(t, k);
        }

        if (!(Is(t, k, Cat.Know) && !Is(t, k, Cat.Not)) && WordAt(t, k) is not ("sure" or "yakin" or "tell"))
        {
            return false;
        }

        bool customer = false;
        for (int w = k - 1; w >= k - 5 && w >= 0; w--)
        {
            if (WordAt(t, w) is "how" or "bagaimana")
            {
                return customer && OpensDemand(t, w);
            }

            if (Is(t, w, Cat.Subject))
            {
                customer = IsTheCustomer(t, w);
            }
            else if (!Is(t, w, Cat.Modal) && WordAt(t, w) != "be")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The demand at <paramref name="k"/> is the customer's own: only the one answering, a modal, politeness, a greeting,
    /// a lead or "try" stand before it in its clause ("can you prove ...", "ok so how do I know ...", "coba buktiin ...");
    /// "the captcha says prove you're human" reports someone else's.
    /// </summary>
    private static bool OpensDemand(ReadOnlySpan<Lex> t, int k)
    {
        for (int w = ClauseStart(t, k); w < k; w++)
        {
            if (Is(t, w, Cat.Not) || !(Is(t, w, Cat.Modal | Cat.You | Cat.Polite | Cat.Greeting | Cat.Lead | Cat.Copula) || WordAt(t, w) is "try" or "coba" or "to"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The customer says what they take the one answering for and goes on from it, asking nothing: "You're a bot, so I'll
    /// keep it simple: cancel order 4471.", "you are a bot, so please just cancel my order", "kamu kan bot, jadi batalin
    /// aja pesanan sy" (see <see cref="GoesOnFromIt"/>), with no '?' after it ("you're a bot, so can you even understand me?"
    /// asks something). Vetoes an identity question only the learnt model finds.
    /// </summary>
    internal static bool TakesItAsGiven(ReadOnlySpan<Lex> t)
    {
        for (int i = 0; i < t.Length; i++)
        {
            // "kamu kan bot, jadi ...": "kan" (after all) between the one answering and the term.
            if (IdentityTerm(t, i, out Mention m) && (Addressed(t, m, out int j) || AfterAllYou(t, m, out j))
                && OpensQuestion(t, j) && Closes(t, m.End) && GoesOnFromIt(t, j, m.End))
            {
                return !Has(t, m.End, t.Length, Cat.Question);
            }
        }

        return false;
    }

    /// <summary>"kamu kan bot": the one answering, then "kan", then the term <paramref name="m"/>; <paramref name="j"/> is where "kamu" stands.</summary>
    private static bool AfterAllYou(ReadOnlySpan<Lex> t, Mention m, out int j)
    {
        j = m.Start - 2;
        return WordAt(t, m.Start - 1) == "kan" && Is(t, j, Cat.You);
    }

    /// <summary>
    /// The one answering is named right before the term <paramref name="m"/>, past a copula, an article and the like: "you",
    /// "ini", "you guys", "mbak nya"; <paramref name="j"/> is where.
    /// </summary>
    private static bool Addressed(ReadOnlySpan<Lex> t, Mention m, out int j)
    {
        j = m.Start - 1;
        for (int steps = 0; steps < 5 && !Is(t, j, Cat.You) && Is(t, j, Cat.Copula | Cat.Article | Cat.Real | Cat.IdNoun | Cat.Not | Cat.With | Cat.Boundary); steps++)
        {
            j--;
        }

        // "are you guys bots?", "are you all AI?": the interlocutor addressed as a group.
        if (!Is(t, j, Cat.You) && (uint)j < (uint)t.Length && t[j].Word is "guys" or "all" && Is(t, j - 1, Cat.YouPerson))
        {
            j--;
        }

        // "mbak nya manusia kan?", "kakaknya robot ya?": a form of address with "nya" names the one addressed, as "kamu" does.
        bool addressedByTitle = !Is(t, j, Cat.You) && Is(t, j, Cat.Clitic) && Is(t, j - 1, Cat.Greeting);
        if (addressedByTitle)
        {
            j--;
        }

        return Is(t, j, Cat.You) || addressedByTitle;
    }

    /// <summary>
    /// The clause of the term ending at <paramref name="e"/> is closed by a comma or a full stop, not a '?', and the next
    /// one draws a consequence from it: "You're a bot, so I'll keep it simple: cancel order 4471.", "kamu bot, jadi
    /// langsung aja cek resi saya". The customer says what they take the one answering for and goes on; "you're a bot?",
    /// "you're a bot, aren't you?" and "kamu bot ya" still ask, and so does a guess of their own before the one answering
    /// at <paramref name="you"/> ("I think you're a bot, so please put me through to a real agent").
    /// </summary>
    private static bool GoesOnFromIt(ReadOnlySpan<Lex> t, int you, int e)
    {
        if (Has(t, ClauseStart(t, you), you, Cat.Subject))
        {
            return false;
        }

        e = PastTags(t, e);
        return Is(t, e, Cat.Boundary) && !Is(t, e, Cat.Question) && WordAt(t, e + 1) is "so" or "jadi";
    }

    /// <summary>
    /// A wish to know opens the clause before the interlocutor at <paramref name="you"/>: "mau tau ini ...", "want to know
    /// if you ...", or a request to be told: "tell me if you ...", "let me know whether this ...", "kasih tau kamu ...".
    /// </summary>
    private static bool WantsToKnow(ReadOnlySpan<Lex> t, int you)
    {
        int k = you - 1;
        while (k >= you - 3 && Is(t, k, Cat.Copula | Cat.Lead | Cat.Cond | Cat.Polite) && !Is(t, k, Cat.Know))
        {
            k--;
        }

        if (AsksToBeTold(t, k))
        {
            return true;
        }

        if (!Is(t, k, Cat.Know) || Is(t, k, Cat.Not))
        {
            return false;
        }

        for (int w = k - 1; w >= k - 3; w--)
        {
            if (Is(t, w, Cat.Desire) && !Is(t, w - 1, Cat.Not))
            {
                return true;
            }

            if (!Is(t, w, Cat.To | Cat.Only | Cat.Polite | Cat.Copula))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// "tell me" or "let me know" ends at <paramref name="k"/>, or Indonesian "kasih tau": the customer asks to be told,
    /// which asks as a wish to know does. Negated ("don't tell me", "jangan kasih tau") it asks nothing.
    /// </summary>
    private static bool AsksToBeTold(ReadOnlySpan<Lex> t, int k)
    {
        int verb = WordAt(t, k) switch
        {
            "me" when WordAt(t, k - 1) == "tell" => k - 1,
            "know" when WordAt(t, k - 1) == "me" && WordAt(t, k - 2) == "let" => k - 2,
            "tahu" when WordAt(t, k - 1) is "kasih" or "beri" => k - 1,
            _ => -1,
        };
        return verb >= 0 && !Is(t, verb - 1, Cat.Not);
    }

    /// <summary>Like <see cref="Closes"/>, with "itu saja", "that's all" after the alternatives.</summary>
    private static bool ClosesLoosely(ReadOnlySpan<Lex> t, int e)
    {
        while (Is(t, e, Cat.QParticle | Cat.Not | Cat.Polite | Cat.You | Cat.Or | Cat.Clitic | Cat.Only | Cat.Copula))
        {
            e++;
        }

        return IsEdge(t, e);
    }

    /// <summary>
    /// The customer asks whether they are talking to the system, closing with '?': "apa saya ngobrol sama sistem?",
    /// "am I talking to the system?", "saya lagi chat dengan sistem ya?". The system is a machine only set against a
    /// person elsewhere, or as the one talked to in such a question.
    /// </summary>
    private static bool TalksToTheSystemQuestion(ReadOnlySpan<Lex> t, int i)
    {
        if (WordAt(t, i) != "sistem" || !ClosesWithQuestion(t, i + 1))
        {
            return false;
        }

        int start = Is(t, i - 1, Cat.Article) ? i - 1 : i;
        return TalkingToQuestion(t, new Mention(start, i + 1, Kind.Bot, false));
    }

    /// <summary>
    /// A question whether the chat, the service or the one answering is run by a machine or a person: "is this customer
    /// service run by AI now?", "is this chat powered by a bot?", "are you operated by a real person?", "are your replies
    /// written by AI?", "are these answers generated by a bot?", "apakah chat ini
    /// dijawab oleh AI?", "ini dikelola oleh manusia atau mesin?", "ini dijawab langsung sama orang ya?". Before the verb
    /// only question openers, the interlocutor and words for the chat or the service; so "is this camera powered by AI?"
    /// asks about a product. The clause opens with a question word or ends with '?'.
    /// </summary>
    private static bool AsksWhoRunsIt(ReadOnlySpan<Lex> t, int i)
    {
        bool passive = WordAt(t, i) is "dijawab" or "dibalas" or "dikelola" or "dijalankan" or "ditangani" or "dioperasikan" or "ditulis" or "diketik";
        if (!passive && WordAt(t, i) is not ("run" or "powered" or "handled" or "operated" or "staffed" or "managed" or "answered" or "written"
            or "generated" or "typed"))
        {
            return false;
        }

        // "ini dijawab langsung sama orang ya?": "langsung" (directly) before the agent, and "sama" / "dengan" for "oleh".
        int by = Is(t, i + 1, Cat.Polite) && !Is(t, i + 1, Cat.QParticle | Cat.Not) ? i + 2 : i + 1;
        if (WordAt(t, by) is not ("by" or "oleh") && !(passive && WordAt(t, by) == "dengan"))
        {
            return false;
        }

        const Cat before = Cat.Lead | Cat.Copula | Cat.Greeting | Cat.You | Cat.IdNoun | Cat.ServiceHead | Cat.ServiceTail | Cat.Team | Cat.Article
            | Cat.Clitic | Cat.Progressive | Cat.Polite | Cat.QParticle;
        int start = ClauseStart(t, i);
        bool chat = false;
        for (int k = start; k < i; k++)
        {
            if (!Is(t, k, before) || Is(t, k, Cat.Not))
            {
                return false;
            }

            chat |= Is(t, k, Cat.You | Cat.IdNoun | Cat.ServiceTail);
        }

        int term = by + 1;
        while (Is(t, term, Cat.Article | Cat.Real) && !Is(t, term, Cat.Bot | Cat.Human | Cat.Person | Cat.Agent))
        {
            term++;
        }

        return chat && (uint)term < (uint)t.Length && IdentityTerm(t, term, out _)
            && (Is(t, start, Cat.Lead | Cat.Copula) || ClauseEndsWithQuestion(t, i));
    }

    /// <summary>
    /// The words before the interlocutor are only question openers ("apakah", "are", "jadi", "halo kak"), so the
    /// sentence is about the interlocutor, not "my son loves this robot" or "thank you robot".
    /// </summary>
    private static bool OpensQuestion(ReadOnlySpan<Lex> t, int you)
    {
        int k = you - 1;
        while (k >= you - 8 && Is(t, k, Cat.You | Cat.Copula | Cat.Lead | Cat.Greeting | Cat.Subject | Cat.Polite | Cat.IdNoun | Cat.Agent | Cat.Not))
        {
            k--;
        }

        return IsEdge(t, k);
    }

    /// <summary>"saya lagi ngomong sama bot ya?", "am I talking to a robot?", "apakah saya bicara dengan manusia?", "ngomong sama bot?".</summary>
    private static bool TalkingToQuestion(ReadOnlySpan<Lex> t, Mention m)
    {
        int j = m.Start - 1;
        if (Is(t, j, Cat.With | Cat.To))
        {
            j--;
        }

        // "ngobrol sama patung apa sama bot?": a mocking first alternative, one word after "with", before "apa"/"atau".
        if (!Is(t, j, Cat.Speak) && Is(t, j, Cat.Or | Cat.Lead) && !Is(t, j - 1, Cat.Edge) && Is(t, j - 2, Cat.With | Cat.To) && Is(t, j - 3, Cat.Speak))
        {
            j -= 3;
        }

        if (!Is(t, j, Cat.Speak) && Closes(t, m.End) && ThroughTo(t, m.Start - 1))
        {
            return true;
        }

        // "how do I know I'm not just talking to a computer": a machine or a person doubted, not a role ("... I'm not
        // talking to a scammer" doubts who runs the chat).
        bool whatItIs = m.Kind is Kind.Bot or Kind.Human || (m.Real && m.Kind is Kind.Person or Kind.Agent);
        if (whatItIs && Is(t, j, Cat.Speak) && (ClosesLoosely(t, m.End) || AndNotTheOther(t, m.End)) && DoubtedTalk(t, j))
        {
            return true;
        }

        if (!Is(t, j, Cat.Speak) || !(Closes(t, m.End) || BeforeTheyGoOn(t, m.End)))
        {
            return false;
        }

        int verb = j;
        int k = SubjectBefore(t, verb);
        if (Is(t, k, Cat.Subject))
        {
            // "can I talk to a human?" asks for one; "kemarin saya ngobrol sama manusia" tells of an earlier chat. "do I
            // talk to a machine?" opening its clause asks who is there as "am I talking to" does ("how do I talk to ..."
            // asks for one).
            bool doIAsk = WordAt(t, k - 1) is "do" && IsEdge(t, k - 2) && Is(t, verb, Cat.Speak) && !Is(t, verb, Cat.Gerund);
            return (doIAsk || !Is(t, k - 1, Cat.Modal | Cat.Desire)) && !TellsOfAnEarlierChat(t, k) && !KnowsIt(t, k - 1);
        }

        k = verb - 1;
        while (Is(t, k, Cat.Greeting | Cat.Lead | Cat.Polite | Cat.Progressive))
        {
            k--;
        }

        if (!IsEdge(t, k))
        {
            return false;
        }

        return m.Kind is Kind.Bot or Kind.Who || (Is(t, verb, Cat.Gerund) && ClosesWithQuestion(t, m.End));
    }

    /// <summary>
    /// The customer doubts, in the clause before, that they are talking to what they name, with a negator or "just" between
    /// them and the talking verb at <paramref name="verb"/>: "how do I know I'm not just talking to a computer", "how can I
    /// be sure I am not chatting with a bot?", "gimana sy tau sy gk lagi ngobrol sama robot" (see <see cref="DoubtsIt"/>).
    /// </summary>
    private static bool DoubtedTalk(ReadOnlySpan<Lex> t, int verb)
    {
        int k = verb - 1;
        for (int steps = 0; steps < 4 && !Is(t, k, Cat.Subject) && Is(t, k, Cat.Progressive | Cat.Copula | Cat.Not); steps++)
        {
            k--;
        }

        return Is(t, k, Cat.Subject) && IsTheCustomer(t, k) && DoubtsIt(t, k);
    }

    /// <summary>
    /// The customer says they know what comes after the verb of knowing at <paramref name="k"/>: "I know I'm talking to a
    /// bot", "saya tahu saya ngobrol sama bot"; "I don't know if ...", "how do I know ..." and "do I know ..." doubt it.
    /// </summary>
    private static bool KnowsIt(ReadOnlySpan<Lex> t, int k)
    {
        if (!Is(t, k, Cat.Know) || Is(t, k, Cat.Not) || !Is(t, k - 1, Cat.Subject) || !IsTheCustomer(t, k - 1))
        {
            return false;
        }

        int w = k - 2;
        while (Is(t, w, Cat.Greeting | Cat.Lead | Cat.QParticle | Cat.Done) && !Is(t, w, Cat.Not | Cat.Modal))
        {
            w--;
        }

        return IsEdge(t, w) && !ClauseEndsWithQuestion(t, k);
    }

    /// <summary>The customer as a subject: "saya", "I", "I'm", "we".</summary>
    private static bool IsTheCustomer(ReadOnlySpan<Lex> t, int k) => Is(t, k, Cat.Me) || WordAt(t, k) is "i" or "im" or "we";

    /// <summary>"a human and not a bot", "manusia dan bukan bot": the term is set against its opposite right after it.</summary>
    private static bool AndNotTheOther(ReadOnlySpan<Lex> t, int e) =>
        WordAt(t, e) is "and" or "dan" or "but" or "tapi" && Is(t, e + 1, Cat.Not);

    /// <summary>
    /// After the term, a clause of what the customer will do first: "I need to know if I'm speaking to a human before I
    /// share my card number", "saya mau tahu apakah saya bicara dengan manusia sebelum saya kasih data". "before" or
    /// "sebelum" and the customer right after it; "I've talked to a human before" ends with the adverb.
    /// </summary>
    private static bool BeforeTheyGoOn(ReadOnlySpan<Lex> t, int e) =>
        WordAt(t, e) is "before" or "sebelum" && Is(t, e + 1, Cat.Subject);

    /// <summary>
    /// "am I through to a real person?", "am I connected to a human?", "am I on with a bot?": "am", "I", a word of being
    /// put through ("through", "connected", "on") right before "to" / "with" and the term, at the start of the clause.
    /// </summary>
    internal static bool ThroughTo(ReadOnlySpan<Lex> t, int to)
    {
        if (!Is(t, to, Cat.To | Cat.With))
        {
            return false;
        }

        int v = to - 1;
        bool through = Is(t, v, Cat.To | Cat.Connect | Cat.Passive) || ((uint)v < (uint)t.Length && t[v].Word is "connected");
        // "am I put through to", "am I being connected to": one plain word between the customer and the word of being put through.
        int subject = v - 1;
        if (!Is(t, subject, Cat.Subject) && (IsPlainWordAt(t, subject) || Is(t, subject, Cat.Real | Cat.Connect | Cat.Passive)) && Is(t, subject - 1, Cat.Subject))
        {
            subject--;
        }

        if (!through || !Is(t, subject, Cat.Subject) || !Is(t, subject - 1, Cat.Progressive | Cat.Copula))
        {
            return false;
        }

        int k = subject - 2;
        while (Is(t, k, Cat.Greeting | Cat.Lead | Cat.Polite))
        {
            k--;
        }

        return IsEdge(t, k);
    }

    /// <summary>
    /// A verb of making between "who" and the one answering: a word the lexicon does not know ("made", "built",
    /// "created", "bikin", "pembuat") or "buat"; a word it knows ("told", "sent", "asked", "called") is something else
    /// done to them.
    /// </summary>
    private static bool MakesWho(ReadOnlySpan<Lex> t, int k) =>
        (uint)k < (uint)t.Length && (t[k].IsUnknown || t[k].Word is "buat");

    private static bool IsPlainWordAt(ReadOnlySpan<Lex> t, int k) => (uint)k < (uint)t.Length && t[k].Cats == Cat.None && !t[k].IsNumber;

    /// <summary>
    /// An earlier time opens the clause before the subject at <paramref name="subject"/>, with only greetings, openers
    /// and particles between: "kemarin saya ngobrol sama manusia beneran", "yesterday I talked to a real person".
    /// </summary>
    private static bool TellsOfAnEarlierChat(ReadOnlySpan<Lex> t, int subject)
    {
        int k = subject - 1;
        while (Is(t, k, Cat.Greeting | Cat.Lead | Cat.QParticle) && !Is(t, k, Cat.Past))
        {
            k--;
        }

        return Is(t, k, Cat.Past);
    }

    /// <summary>A question that is only the term and particles: "bot?", "robot kah?", "human or bot?", "some kind of AI?".</summary>
    private static bool BareIdentityQuestion(ReadOnlySpan<Lex> t, Mention m)
    {
        // A role word is a bare question only when "real" follows it ("petugasnya asli?", "cs nya beneran kah?");
        // "live agent?" with the modifier before it asks for one.
        // "anyone?", "anybody there?": calling out for someone, not asking what is there.
        // "who approves the refund, a person or the system?": the choices of who does a job.
        if (m.Kind is Kind.Who
            || t[m.End - 1].Word is "anyone" || MentionRole.ChoosesWhoDoesAJob(t, ClauseStart(t, m.Start))
            || (m.Kind is Kind.Agent && (!m.Real || Is(t, m.Start, Cat.Real | Cat.Human) || !Is(t, m.End - 1, Cat.Real | Cat.Human | Cat.Person))))
        {
            return false;
        }

        // "some kind of AI assistant?", "a sort of robot?": the kind of thing the machine is.
        if (m.Kind == Kind.Bot && WordAt(t, m.Start - 1) == "of" && WordAt(t, m.Start - 2) is "kind" or "sort" or "type")
        {
            m = m with { Start = m.Start - 2 };
        }

        const Cat filler = Cat.QParticle | Cat.Polite | Cat.Article | Cat.Real | Cat.Lead | Cat.Copula | Cat.Greeting | Cat.Not | Cat.Or;
        return OnlyFillerAround(t, m, filler, out int to) && Is(t, to, Cat.Question);
    }

    /// <summary>
    /// Whether someone real, or a machine, is there, asked with nothing else in the question: "is there a human there?",
    /// "is there an actual human here?", "anyone real there?", "real person there?", "someone real on this chat?", "ada
    /// manusia asli di sini?", "is there a bot on the line?", "do I have a human on the line?", "have I got a real person on
    /// the phone?". The one asked about is a human, a person called real or a machine, and where is said (<see
    /// cref="PlaceEnd"/>): "is anyone there?" and "is there someone there?" only call out, and "is there a human
    /// available?" or "is there a real person I can talk to?" ask for one.
    /// </summary>
    private static bool AsksWhetherSomeoneRealIsThere(ReadOnlySpan<Lex> t, Mention m) => AsksWhetherSomeoneRealIsThere(t, m, out _);

    /// <summary>As <see cref="AsksWhetherSomeoneRealIsThere(ReadOnlySpan{Lex}, Mention)"/>, with where the question ends (its question mark, or the edge after it) in <paramref name="end"/>.</summary>
    private static bool AsksWhetherSomeoneRealIsThere(ReadOnlySpan<Lex> t, Mention m, out int end)
    {
        end = -1;
        bool alternatives = Has(t, m.Start, m.End, Cat.Or);
        // "do I have a real agent or the assistant?": a role set against a machine as well.
        if (!(m.Kind is Kind.Human or Kind.Bot || (m.Kind == Kind.Person && m.Real) || (m.Kind == Kind.Agent && m.Real && alternatives)))
        {
            return false;
        }

        const Cat opening = Cat.Copula | Cat.Exist | Cat.Article | Cat.Lead | Cat.Greeting | Cat.Polite | Cat.QParticle;
        int k = m.Start - 1;
        while (Is(t, k, Cat.Article))
        {
            k--;
        }

        // "do I have", "have we got", or "I have" with a question mark: asked as what the customer has on the line;
        // "do you have" only of the line itself ("do you have a human on this chat?", not "do you have a person there?").
        k = HavingBefore(t, k, out bool copula, out bool yours);

        for (; !IsEdge(t, k); k--)
        {
            if (!Is(t, k, opening))
            {
                return false;
            }

            copula |= Is(t, k, Cat.Copula);
        }

        int e = PlaceEnd(t, m.End, out bool onTheLine);
        if (e < 0)
        {
            // "ada manusianya gak di sini?": "nya" and a tag between the one asked about and the place.
            int place = m.End;
            while (Is(t, place, Cat.Clitic | Cat.QParticle | Cat.Not) && !Is(t, place, Cat.Question))
            {
                place++;
            }

            e = place > m.End ? PlaceEnd(t, place, out onTheLine) : -1;
        }

        if (e < 0 && !yours && alternatives)
        {
            // "do I have a human or a bot?", "is there a real agent or the assistant?": the alternatives say where.
            e = m.End;
        }

        if (e < 0 || (yours && !onTheLine))
        {
            return false;
        }

        while (Is(t, e, Cat.QParticle | Cat.Polite) && !Is(t, e, Cat.Question))
        {
            e++;
        }

        end = e;
        return Is(t, e, Cat.Question) || (copula && IsEdge(t, e));
    }

    /// <summary>
    /// The word before the having that ends at <paramref name="k"/>, just before what is asked to be had: "do I have",
    /// "do we have", "have I got", "I have", or (<paramref name="yours"/>) "do you have", "have you got";
    /// <paramref name="k"/> itself when there is none. <paramref name="inverted"/> when it is asked by word order, so a
    /// question mark is not needed.
    /// </summary>
    private static int HavingBefore(ReadOnlySpan<Lex> t, int k, out bool inverted, out bool yours)
    {
        yours = Is(t, k - 1, Cat.YouPerson);
        inverted = Is(t, k, Cat.Has) ? IsDoOfHaving(t, k - 2) : WordAt(t, k) == "got" && Is(t, k - 2, Cat.Has);
        // Of the one answering, only asked ("do you have", "have you got"), never told ("you have a human on the line").
        bool having = (Is(t, k, Cat.Has) || inverted) && (yours ? inverted : Is(t, k - 1, Cat.Subject) && !Is(t, k - 1, Cat.You));
        if (!having)
        {
            (inverted, yours) = (false, false);
            return k;
        }

        return inverted ? k - 3 : k - 2;
    }

    /// <summary>The "do" at <paramref name="i"/> asks what someone has: "do I have", "do we have", "do you have".</summary>
    private static bool IsDoOfHaving(ReadOnlySpan<Lex> t, int i) =>
        WordAt(t, i) == "do" && ((Is(t, i + 1, Cat.Subject) && !Is(t, i + 1, Cat.You)) || Is(t, i + 1, Cat.YouPerson)) && Is(t, i + 2, Cat.Has);

    /// <summary>
    /// Where the place named at <paramref name="e"/> ends, or -1 when none is: where the one answering is, "there",
    /// "here", "di sini", "di sana", "on this chat", "on the line", "on the phone", "on the other end" (of the line, the
    /// phone, this chat).
    /// </summary>
    private static int PlaceEnd(ReadOnlySpan<Lex> t, int e, out bool onTheLine)
    {
        onTheLine = false;
        if (Is(t, e, Cat.Exist) || WordAt(t, e) is "here" or "sini" or "sana")
        {
            return e + 1;
        }

        if (WordAt(t, e) == "di" && WordAt(t, e + 1) is "sini" or "sana")
        {
            return e + 2;
        }

        if (!Is(t, e, Cat.To) || !Is(t, e + 1, Cat.You | Cat.Article))
        {
            return -1;
        }

        onTheLine = true;
        if (Is(t, e + 2, Cat.Speak) || WordAt(t, e + 2) is "line" or "phone")
        {
            return e + 3; // "on this chat", "on the line", "on the phone"
        }

        if (WordAt(t, e + 2) == "other" && WordAt(t, e + 3) == "end")
        {
            // "on the other end", "on the other end of this chat"
            return WordAt(t, e + 4) == "of" && Is(t, e + 5, Cat.You | Cat.Article) && (Is(t, e + 6, Cat.Speak) || WordAt(t, e + 6) is "line" or "phone")
                ? e + 7
                : e + 4;
        }

        onTheLine = false;
        return -1;
    }

    /// <summary>
    /// The message only asks who is there (<see cref="AsksWhetherSomeoneRealIsThere(ReadOnlySpan{Lex}, Mention)"/>):
    /// "do I have a human on the line?", "is there a person on the line?". Every later clause holds only tags or
    /// greetings, and nothing in it wishes, urges, fetches or hands over: it asks who is there, not for someone.
    /// </summary>
    internal static bool OnlyAsksWhoIsThere(ReadOnlySpan<Lex> t) => OnlyAsks(t, SomeoneRealIsThereQuestion, doOfHavingAsks: false);

    /// <summary>
    /// The message only asks who runs or answers the chat (<see cref="AsksWhoRunsIt"/>): "sis, ini dijawab langsung sama
    /// orang ya?", "is this chat answered by a real person?". It asks who is there, not for someone.
    /// </summary>
    internal static bool OnlyAsksWhoRunsIt(ReadOnlySpan<Lex> t) => OnlyAsks(t, RunByQuestion, doOfHavingAsks: false);

    /// <summary>The mention <paramref name="m"/> is the agent of a question <see cref="AsksWhoRunsIt"/> finds; it ends where the mention does.</summary>
    private static bool RunByQuestion(ReadOnlySpan<Lex> t, Mention m, out int end)
    {
        end = m.End;
        int verb = m.Start - 2;
        if (Is(t, verb, Cat.Polite))
        {
            verb--;
        }

        return verb >= 0 && AsksWhoRunsIt(t, verb);
    }

    /// <summary>"is there a human on the line?": the question <see cref="OnlyAsksWhoIsThere"/> looks for (not of a machine).</summary>
    private static bool SomeoneRealIsThereQuestion(ReadOnlySpan<Lex> t, Mention m, out int end)
    {
        end = -1;
        return m.Kind != Kind.Bot && AsksWhetherSomeoneRealIsThere(t, m, out end);
    }

    /// <summary>"who are you?", "who is this?", "who am I talking to?", "siapa ini?", "dengan siapa saya bicara?".</summary>
    private static bool WhoQuestion(ReadOnlySpan<Lex> t, int i, Mention m)
    {
        if (m.Kind != Kind.Who)
        {
            return false;
        }

        int k = i - 1;
        while (Is(t, k, Cat.Greeting | Cat.Lead | Cat.With | Cat.To))
        {
            k--;
        }

        if (!IsEdge(t, k))
        {
            return false;
        }

        int j = i + 1;
        for (int steps = 0; steps < 2 && !Is(t, j, Cat.You | Cat.Subject) && Is(t, j, Cat.Copula | Cat.QParticle | Cat.Polite); steps++)
        {
            j++;
        }

        if (Is(t, j, Cat.You))
        {
            return Closes(t, j + 1);
        }

        // "who is there?", "who's on the line?", "who is on the other end?", "siapa (yang) di sana?"
        if (PlaceEnd(t, j, out _) is > 0 and var place)
        {
            return Closes(t, place);
        }

        // "who made you?", "who built you", "siapa yang bikin kamu?", "siapa pembuat kamu?": who made the one answering.
        if (MakesWho(t, j) && Is(t, j + 1, Cat.YouPerson))
        {
            return Closes(t, j + 2);
        }

        if (Is(t, j, Cat.Subject) && Is(t, j + 1, Cat.Speak))
        {
            int e = j + 2;
            if (Is(t, e, Cat.With | Cat.To))
            {
                e++;
            }

            return Closes(t, e);
        }

        return false;
    }
}
