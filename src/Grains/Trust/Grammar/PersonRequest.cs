using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>The grammar of a request for a person: "hubungkan ke cs", "saya mau bicara dengan CS", "agent please", "ada cs?".</summary>
internal static class PersonRequest
{
    /// <summary>
    /// The message asks to be handed to a person: a person word in one of the patterns of a request, and asked for
    /// now (<see cref="MentionRole.IsLive"/>: not a form of address, not declined or put off, not what an identity
    /// question asks about).
    /// </summary>
    public static bool AsksForHuman(ReadOnlySpan<Lex> t)
    {
        // "ini chat otomatis atau ada petugasnya?" asks which one is there, not for one.
        if (MentionRole.AsksWhichItIs(t))
        {
            return false;
        }

        // "agent agent", "hello is this a bot hello operator operator": a role said twice in a row pleads for one.
        if (RepeatsARole(t))
        {
            return true;
        }

        for (int i = 0; i < t.Length; i++)
        {
            if (TransferWithoutTarget(t, i) || RefusesTheMachine(t, i) || AsksToBeCalled(t, i))
            {
                return true;
            }

            // The patterns first: they are cheap and rarely match; whether the mention is asked for now reads its clause.
            // A department or team is asked for only by a verb of handing over or talking: "the billing team was great",
            // "tim keluhan sudah balas" and "apply for a job in your sales team" name one without asking.
            if (SomeoneElse(t, i) || AsksWhomToTalkTo(t, i) || TalksWithTheStaffPerson(t, i) || PersonOverMachine(t, i))
            {
                return true;
            }

            // Waiting for one ("I'll wait for a human.") is asked now whatever "I'll" puts off elsewhere.
            if (PersonTarget(t, i, out Mention m)
                && (WaitsForOne(t, m)
                    || ((ConnectRequest(t, m) || SpeakRequest(t, m) || AnotherOne(t, m)
                            || (m.Kind != Kind.Team && (DirectRequest(t, m) || AvailabilityQuestion(t, m) || BareRequest(t, m) || NeededNow(t, m) || HandledByOne(t, m) || AnyoneWillDo.Accepts(t, m)
                                || SaysItAgain(t, m) || AskedForAlready(t, m) || AskedToDoIt(t, m)))
                            || (m.Kind == Kind.Team && BareTeamRequest(t, m)))
                        && MentionRole.IsLive(t, m))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A wish to talk with, or be put through to, the staff person a form of address with "nya" names ("masnya",
    /// "mbaknya", "kakaknya"): "aku mau ngobrol sama mbaknya", "saya ingin bicara dengan masnya dong", "tolong sambungin ke
    /// kakaknya". Said to a chat, it asks for the person behind it. The wish right before the verb, not declined, and the
    /// form of address closing its clause (politeness aside); "mbaknya cantik" and "kakaknya robot ya?" ask for no one.
    /// </summary>
    private static bool TalksWithTheStaffPerson(ReadOnlySpan<Lex> t, int i)
    {
        if (WordAt(t, i) != "masnya" || !Is(t, i - 1, Cat.With | Cat.To))
        {
            return false;
        }

        int verb = i - 2;
        if (!Is(t, verb, Cat.Speak | Cat.Connect) || Is(t, verb, Cat.Gerund))
        {
            return false;
        }

        bool wished = Is(t, verb, Cat.Connect) ? WishRightBefore(t, verb) || Is(t, verb - 1, Cat.Polite) || IsEdge(t, verb - 1)
            : WishRightBefore(t, verb) || (Is(t, verb - 1, Cat.To) && WishRightBefore(t, verb - 1));
        if (!wished || DeclinedRightBefore(t, verb) || (Is(t, verb - 1, Cat.Desire) && Is(t, verb - 2, Cat.Not)))
        {
            return false;
        }

        int e = i + 1;
        while (Is(t, e, Cat.Polite | Cat.QParticle | Cat.Only) && !Is(t, e, Cat.Not))
        {
            e++;
        }

        return IsEdge(t, e) && MentionRole.IsLive(t, new Mention(i, i + 1, Kind.Person, false));
    }

    /// <summary>
    /// The machine turned down and a person chosen, each in a clause of its own: "bot no. person yes.", "robot no, human
    /// yes", "bot nggak, orang iya", "no bot, human please". A person word closing with "yes" or politeness after a
    /// machine word with a negator.
    /// </summary>
    private static bool PersonOverMachine(ReadOnlySpan<Lex> t, int i)
    {
        if (!Is(t, i, Cat.Bot))
        {
            return false;
        }

        bool refused = (Is(t, i + 1, Cat.Not) && IsEdge(t, i + 2) && !Is(t, i + 2, Cat.Question))
            || (WordAt(t, i - 1) is "no" && IsEdge(t, i - 2) && IsEdge(t, i + 1) && !Is(t, i + 1, Cat.Question));
        if (!refused)
        {
            return false;
        }

        int k = Is(t, i + 1, Cat.Not) ? i + 3 : i + 2;
        while (Is(t, k, Cat.Article | Cat.Real))
        {
            k++;
        }

        if (!Is(t, k, Cat.Human | Cat.Person | Cat.Agent) || Is(t, k, Cat.Not))
        {
            return false;
        }

        k++;
        if (!(WordAt(t, k) is "yes" or "iya" or "ya" or "yep" or "yess" || (Is(t, k, Cat.Polite) && !Is(t, k, Cat.Not))))
        {
            return false;
        }

        k++;
        while (Is(t, k, Cat.Polite | Cat.QParticle) && !Is(t, k, Cat.Not))
        {
            k++;
        }

        return IsEdge(t, k) && !Is(t, k, Cat.Question);
    }

    /// <summary>
    /// The customer asks whom they should talk to, about something or at all: "who do I speak to about a refund?", "who
    /// can I chat with?", "saya harus ngomong sama siapa?", "saya bisa bicara dengan siapa soal tagihan?", "dengan siapa saya
    /// bisa bicara?". Someone to be
    /// put through to is wanted. "who am I talking to?" asks who is there; whom to contact or call ("who do I contact for
    /// a warranty claim?") asks where to write or ring, for no one here.
    /// </summary>
    private static bool AsksWhomToTalkTo(ReadOnlySpan<Lex> t, int i)
    {
        int k;
        if (t[i].Word is "who" && WordAt(t, i + 1) is "do" or "does" or "can" or "could" or "may" or "must"
            && WordAt(t, i + 2) is "i" or "we")
        {
            k = i + 3;
            if (WordAt(t, k) is not ("talk" or "speak" or "chat"))
            {
                return false;
            }

            k++;
            if (Is(t, k, Cat.To | Cat.With))
            {
                k++;
            }

            return IsEdge(t, k) || Is(t, k, Cat.Question) || WordAt(t, k) is "about" or "for";
        }

        if (t[i].Word is "harus" or "bisa" or "perlu"
            && WordAt(t, i + 1) is "bicara" or "berbicara" or "ngomong" or "chat")
        {
            k = i + 2;
            if (Is(t, k, Cat.To | Cat.With))
            {
                k++;
            }

            return Is(t, k, Cat.Who) && (IsEdge(t, k + 1) || Is(t, k + 1, Cat.Question | Cat.Purpose | Cat.QParticle));
        }

        // "dengan siapa saya bisa bicara?", "sama siapa sy harus ngomong soal refund?": whom, put first.
        if (t[i].Word is "siapa" && Is(t, i + 1, Cat.Subject) && WordAt(t, i + 2) is "harus" or "bisa" or "perlu"
            && WordAt(t, i + 3) is "bicara" or "berbicara" or "ngomong" or "chat")
        {
            k = i + 4;
            return IsEdge(t, k) || Is(t, k, Cat.Question | Cat.Purpose | Cat.QParticle);
        }

        return false;
    }

    /// <summary>
    /// The machine refused or had enough of anywhere in the message ("no bot please", "I'm done talking to a machine"),
    /// nothing asked: no question mark, and no "is", "are" or "am" before "you" or "this" ("no bot, are you one?").
    /// </summary>
    public static bool OnlyRefusesTheMachine(ReadOnlySpan<Lex> t)
    {
        bool refused = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, Cat.Question) || (WordAt(t, i) is "is" or "are" or "am" or "r" && Is(t, i + 1, Cat.You | Cat.YouPerson)))
            {
                return false;
            }

            refused = refused || RefusesTheMachine(t, i);
        }

        return refused;
    }

    /// <summary>A word for someone a customer can be handed to ("cs", "agent", "customer service", "human", "orang"), with its modifiers.</summary>
    public static bool PersonTarget(ReadOnlySpan<Lex> t, int i, out Mention m)
    {
        m = default;
        Cat c = t[i].Cats;
        int start = i;
        Kind kind;
        if ((c & Cat.Agent) != 0)
        {
            kind = Kind.Agent;
        }
        else if ((c & Cat.ServiceTail) != 0 && Is(t, i - 1, Cat.ServiceHead))
        {
            kind = Kind.Agent;
            start = i - 1;
        }
        else if ((c & Cat.Human) != 0)
        {
            kind = Kind.Human;
        }
        else if ((c & Cat.Person) != 0)
        {
            kind = Kind.Person;
        }
        else if ((c & Cat.Team) != 0)
        {
            return TeamTarget(t, i, out m);
        }
        else
        {
            return false;
        }

        // "human agent", "orang cs": the role word that follows is the head.
        if (kind != Kind.Agent && (Is(t, i + 1, Cat.Agent) || (Is(t, i + 1, Cat.ServiceHead) && Is(t, i + 2, Cat.ServiceTail))))
        {
            return false;
        }

        // "human resources", "agent code", "orang tua"; "admin lain", "cs lain" is another one of them.
        if (Is(t, i + 1, Cat.Breaker) && !(kind == Kind.Agent && IsAnother(t, i + 1)))
        {
            return false;
        }

        // "orang cs", "wong CS", "team leader": a word for someone or a team before a role is part of it.
        bool real = false;
        int s = start - 1;
        while (s > start - 1 - Mention.MaxModifiers && Is(t, s, Cat.Article | Cat.Real | Cat.Human | (kind == Kind.Agent ? Cat.Person | Cat.Team : Cat.None)))
        {
            real |= Is(t, s, Cat.Real | Cat.Human);
            s--;
        }

        // "ngobrol sama mbak cs", "sambungkan ke kak admin", "sama mba2 cs": a title between "with" or "to" and the role
        // names the one asked for, it does not address the one answering.
        int title = s;
        while (kind == Kind.Agent && title > s - 2 && Is(t, title, Cat.Greeting))
        {
            title--;
        }

        if (title < s && Is(t, title, Cat.With | Cat.To))
        {
            s = title;
        }

        // "an Urdu-speaking rep", "a Spanish speaking agent": the language the role speaks qualifies it.
        if (kind == Kind.Agent && s == start - 1 && Is(t, s, Cat.Gerund) && Is(t, s, Cat.Speak) && s > 0 && t[s - 1].IsUnknown)
        {
            s -= 2;
            while (s > start - 3 - Mention.MaxModifiers && Is(t, s, Cat.Article))
            {
                s--;
            }
        }

        int e = i + 1;
        while (e < i + 1 + Mention.MaxModifiers && Is(t, e, Cat.Real | Cat.Human | Cat.Clitic))
        {
            real |= Is(t, e, Cat.Real | Cat.Human);
            e++;
        }

        m = new Mention(s + 1, e, kind, real);
        return true;
    }

    /// <summary>
    /// A department or team with the words that name it: "the billing team", "your complaints department", "bagian
    /// penagihan", "tim keluhan". Up to <see cref="TeamNameWords"/> words the lexicon does not know name it, before
    /// the team word (English) or after it (Indonesian); a named team ends there ("switch to the premium team plan"
    /// names a plan), and a word the lexicon knows for a part it plays ("my", "our", "another") is not part of the name, and a team with "saya" or "kami" after it
    /// is the customer's own.
    /// </summary>
    private static bool TeamTarget(ReadOnlySpan<Lex> t, int i, out Mention m)
    {
        m = default;
        if (Is(t, i + 1, Cat.Breaker | Cat.Agent | Cat.Human | Cat.Person))
        {
            return false;
        }

        int start = i;
        while (start > i - TeamNameWords && start > 0 && IsNameWord(t[start - 1]))
        {
            start--;
        }

        int end = i + 1;
        if (start < i)
        {
            if (end < t.Length && t[end].IsUnknown)
            {
                return false;
            }
        }
        else
        {
            while (end < i + 1 + TeamNameWords && end < t.Length && IsNameWord(t[end]))
            {
                end++;
            }
        }

        // "tim saya", "bagian keuangan kami": the customer's own team.
        if (Is(t, end, Cat.Me | Cat.Subject))
        {
            return false;
        }

        while (Is(t, start - 1, Cat.Article) && start > i - TeamNameWords - 2)
        {
            start--;
        }

        m = new Mention(start, end, Kind.Team, false);
        return true;
    }

    /// <summary>
    /// A word that may name a department or team: one the lexicon does not know, or one it knows that plays no part alone
    /// ("fraud" of "the fraud department").
    /// </summary>
    private static bool IsNameWord(Lex word) =>
        word.IsUnknown || (word.Cats == Cat.None && !word.IsNumber && word.Word.Length > 0);

    /// <summary>How many unknown words may name a department or team: "the data protection team", "bagian klaim asuransi".</summary>
    private const int TeamNameWords = 2;

    /// <summary>
    /// A wish declined for the machine itself, with nothing more said of it, leaves a person as the one wanted: "I don't
    /// want to talk to a bot", "I do not want a machine", "gak mau bot", "ngga mau sama bot", "saya tidak mau bicara dengan
    /// mesin", "gak mau ngomong sama AI lagi", "no more bots please", "jangan bot, orang aja". The negator, then a wish ("want", "need", "mau", "butuh"), then perhaps a
    /// talking verb with "to" or "with", an article and the machine word closing its clause (politeness or "lagi" aside).
    /// The machine asked to do something ("I don't want a bot to answer my emails") or named in a question
    /// ("don't want a bot?") is not declined this way.
    /// </summary>
    private static bool RefusesTheMachine(ReadOnlySpan<Lex> t, int i)
    {
        if (HadEnoughOfTheMachine(t, i))
        {
            return true;
        }

        if (!Is(t, i, Cat.Not))
        {
            return false;
        }

        if (t[i].Word is "no" && i + 1 < t.Length && t[i + 1].Word is "more")
        {
            // "no more bots please", "no more AI"
            return ClosesOnTheMachine(t, i + 2);
        }

        if (t[i].Word is "no" && IsEdge(t, i - 1) && Is(t, i + 1, Cat.Bot))
        {
            // "no bot please", "no bots!", "no robot pls"; "there's no bot" and "no bot can fix this" are not refusals
            return ClosesOnTheMachine(t, i + 1);
        }

        if (t[i].Word is "jangan" && !(i > 0 && t[i - 1].Word is "jangan") && !(i + 1 < t.Length && t[i + 1].Word is "jangan"))
        {
            // "jangan bot, orang aja", "jangan sama mesin lagi"; "jangan-jangan ini bot?" (perhaps it is) asks
            return ClosesOnTheMachine(t, Is(t, i + 1, Cat.With) ? i + 2 : i + 1);
        }

        if (!Is(t, i + 1, Cat.Desire))
        {
            return false;
        }

        int k = i + 2;
        // "I don't want to be served by a machine", "saya tidak mau dilayani mesin", "gak mau dibalas bot": being served,
        // answered or helped by the machine declines it as talking to it does.
        if (Is(t, k, Cat.To) && WordAt(t, k + 1) == "be" && IsServedBy(t, k + 2))
        {
            k += 2;
        }

        if (IsServedBy(t, k))
        {
            k++;
            if (WordAt(t, k) is "by" or "oleh" || Is(t, k, Cat.With))
            {
                k++;
            }

            if (Is(t, k, Cat.Article))
            {
                k++;
            }

            return ClosesOnTheMachine(t, k);
        }

        if (Is(t, k, Cat.To) && Is(t, k + 1, Cat.Speak))
        {
            k++;
        }

        if (Is(t, k, Cat.Speak))
        {
            k++;
        }

        if (Is(t, k, Cat.To | Cat.With))
        {
            k++;
        }

        if (Is(t, k, Cat.Article))
        {
            k++;
        }

        return ClosesOnTheMachine(t, k);
    }

    /// <summary>
    /// Having had enough of the machine, with nothing more said of it: "I'm done talking to a machine", "done with this
    /// bot", "enough with the bots", "enough of your bot", "I'm tired of talking to a bot", "sick of this bot", "fed up
    /// with the bot", "I hate talking to bots", "capek ngomong sama mesin", "bosen ngobrol sama robot", "males chat sama
    /// bot". A word of having had enough (<see cref="Weariness"/>), perhaps a talking verb, "with", "to" or "of", perhaps
    /// "the", "this" or "your", and the machine word closing its clause but for politeness. "enough of the bot to answer
    /// questions", "is the bot done?" and "I hate bots that ..." are not.
    /// </summary>
    private static bool HadEnoughOfTheMachine(ReadOnlySpan<Lex> t, int i)
    {
        int k = Weariness(t, i);
        if (k < 0)
        {
            return false;
        }

        // "sick of this bot", "done with", "fed up with", "enough of": what links the weariness to what it is of.
        bool linked = WordAt(t, k - 1) == "of";
        if (!linked && (Is(t, k, Cat.With | Cat.To) || WordAt(t, k) == "of"))
        {
            k++;
            linked = true;
        }

        if (Is(t, k, Cat.Speak) && (Is(t, k, Cat.Gerund) || !IsEnglish(t[i].Word)))
        {
            // "talking to", "ngomong sama"
            if (!Is(t, k + 1, Cat.With | Cat.To))
            {
                return false;
            }

            k += 2;
            linked = true;
        }
        else if (t[i].Word == "hate")
        {
            // "I hate bots" is an opinion; "I hate talking to bots" is about this chat.
            return false;
        }

        if (!linked)
        {
            return false;
        }

        if (Is(t, k, Cat.Article) || WordAt(t, k) == "this")
        {
            k++;
        }

        return ClosesOnTheMachine(t, k);

        static bool IsEnglish(string word) => word is "done" or "enough" or "tired" or "sick" or "fed" or "hate";
    }

    /// <summary>
    /// Having had enough of something that is neither the machine, the chat nor the one answering, and no one named and
    /// nothing handed over anywhere: "I'm fed up with these constant outages", "sick of the delays", "capek sama
    /// aplikasinya". A request only the model finds there (it learnt weariness beside requests) is vetoed; "I'm done with
    /// this", "fed up with the bot" and "I'm fed up, get me a person" are left to what else the message says.
    /// </summary>
    public static bool OnlyWearyOfSomethingElse(ReadOnlySpan<Lex> t)
    {
        const Cat someone = Cat.Agent | Cat.Human | Cat.Person | Cat.Connect | Cat.Call | Cat.Team | Cat.Bot | Cat.Who;
        const Cat here = Cat.Bot | Cat.You | Cat.YouPerson | Cat.IdNoun | Cat.Speak | Cat.Gerund | Cat.ServiceTail | Cat.ServiceHead | Cat.Me;
        bool weary = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, someone))
            {
                return false;
            }

            int k = Weariness(t, i);
            if (k < 0 || weary)
            {
                continue;
            }

            if (WordAt(t, k - 1) != "of")
            {
                if (!Is(t, k, Cat.With | Cat.To) && WordAt(t, k) != "of")
                {
                    continue;
                }

                k++;
            }

            while (Is(t, k, Cat.Article) && !Is(t, k, Cat.You))
            {
                k++;
            }

            weary = !IsEdge(t, k) && !Is(t, k, here);
        }

        return weary;
    }

    /// <summary>
    /// Where what follows a word of having had enough starts, or -1: "done", "enough", "hate", "capek", "bosan",
    /// "malas", "tired of", "sick of", "fed up" (then "with" or "of" follow).
    /// </summary>
    private static int Weariness(ReadOnlySpan<Lex> t, int i) => t[i].Word switch
    {
        "done" or "enough" or "hate" or "capek" or "bosan" or "malas" => i + 1,
        "tired" or "sick" => WordAt(t, i + 1) == "of" ? i + 2 : -1,
        "fed" => WordAt(t, i + 1) == "up" ? i + 2 : -1,
        _ => -1,
    };

    /// <summary>A verb of being served, answered or helped by someone: "served", "answered", "dilayani", "dibalas", "dijawab".</summary>
    private static bool IsServedBy(ReadOnlySpan<Lex> t, int k) =>
        WordAt(t, k) is "served" or "answered" or "helped" or "handled" or "dilayani" or "dibalas" or "dijawab";

    /// <summary>A machine word at <paramref name="k"/> closing its clause but for politeness or "lagi", not with a question mark.</summary>
    private static bool ClosesOnTheMachine(ReadOnlySpan<Lex> t, int k)
    {
        if (!Is(t, k, Cat.Bot))
        {
            return false;
        }

        k++;
        while (Is(t, k, Cat.Polite | Cat.QParticle | Cat.Progressive))
        {
            k++;
        }

        return IsEdge(t, k) && !Is(t, k, Cat.Question);
    }

    /// <summary>
    /// A handing-over verb whose clause names no one, so the person is understood: "transfer me", "put me through
    /// please", "sambungin dong", "oper aja kak", "bisa dialihkan?", "eskalasikan ya kak" (only "me" and "through"/"ke"
    /// may follow the verb, then politeness); not declined or put off ("gak usah transfer", "nanti saya minta dioper"),
    /// and "transfer" only with "me" ("mau transfer dong" pays).
    /// </summary>
    private static bool TransferWithoutTarget(ReadOnlySpan<Lex> t, int i)
    {
        if (!Is(t, i, Cat.Connect))
        {
            return false;
        }

        bool wished = WishRightBefore(t, i);
        if (Is(t, i, Cat.Passive) && !wished)
        {
            return false;
        }

        int k = i + 1;
        if (Is(t, k, Cat.Me))
        {
            k++;
        }

        if (Is(t, k, Cat.To) && !Is(t, k, Cat.Purpose))
        {
            k++;
        }

        while (Is(t, k, Cat.Polite | Cat.QParticle | Cat.Greeting) && !Is(t, k, Cat.Not))
        {
            k++;
        }

        if (!IsEdge(t, k))
        {
            return false;
        }

        // "udah transfer ya" is a payment; with "me" after it, or a wish or politeness before it, it asks to be handed over.
        // "transfer" itself moves money as often as people ("mau transfer dong", "bisa transfer sekarang?", "I want to
        // transfer"): only "transfer me" hands the customer over.
        bool aimed = Is(t, i + 1, Cat.Me) || ((wished || Is(t, i - 1, Cat.Polite) || BidsEscalation(t, i)) && t[i].Word != "transfer");
        var verb = new Mention(i, i + 1, Kind.Agent, false);
        return aimed && !DeclinedRightBefore(t, i) && !MentionRole.IsDeclinedOrPutOff(t, verb);
    }

    /// <summary>
    /// "escalate pls", "eskalasikan ya kak", "ok escalate": escalating, bidden at the head of its clause (after nothing but
    /// a form of address or politeness), is asked of the one answering; "sudah saya eskalasikan" and "they escalated"
    /// report it.
    /// </summary>
    private static bool BidsEscalation(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word is not ("escalate" or "eskalasi"))
        {
            return false;
        }

        for (int k = ClauseStart(t, i); k < i; k++)
        {
            if (!Is(t, k, Cat.Greeting | Cat.Polite) || Is(t, k, Cat.Not | Cat.Later | Cat.Past))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The customer asks to be called, now, with no one else named: "call me pls", "phone me back", "can you ring me?",
    /// "can u guys call me?", "Kindly request you to call me on my registered mobile number", "whatsapp me pls", "telpon saya dong kak",
    /// "tolong telepon saya balik", "tlg telpon balik sy", "bisa telpon saya balik ga?", "tlg hubungi sy ke 0812...",
    /// "tolong hubungi saya secepatnya di nomor wa ini"; in the passive after a plea ("mohon dihubungi kembali terkait klaim saya", "minta ditelpon balik ya"); or a call back named
    /// as the thing wanted ("call back request", "Yes I want a callback", "can I have a callback regarding my application?",
    /// "request a callback please", "I'd like to schedule a callback", "requesting a callback for tomorrow morning"). A call is a person
    /// on the line. Only politeness, a modal, a wish, the customer or "you" may open the clause before the verb, and only
    /// "back", politeness, a form of address, a closing "can?" ("call me back can?"), how to reach the customer ("on
    /// WhatsApp", "at 0812...", "di nomor ini") or
    /// what the call is about may follow; so "don't call me", "jangan telpon saya", "stop calling me", "call me later",
    /// "telpon saya nanti aja", "call me a taxi", "call me when the courier is here", "telpon saya rusak" (my phone), "the
    /// driver should call me" and "I missed your callback" do not ask, and neither does a call after or before a
    /// condition ("kalau nyasar, telpon saya", "hubungi saya lewat WA kalau barang sudah ready").
    /// </summary>
    private static bool AsksToBeCalled(ReadOnlySpan<Lex> t, int i)
    {
        int e;
        int verb = i;
        if (WordAt(t, i) is "call" or "phone" or "ring" or "telepon" or "hubungi" or "whatsapp" && Is(t, i + 1, Cat.Me))
        {
            e = i + 2;
        }
        else if (WordAt(t, i) is "ditelepon" or "dihubungi" && Is(t, i - 1, Cat.Polite | Cat.Desire | Cat.Modal)
            && (Is(t, i - 2, Cat.Subject) || Is(t, i - 1, Cat.Desire) || WordAt(t, i + 1) is "kembali" or "balik" or "semula"))
        {
            // The customer is the one to call: "saya mohon dihubungi", "minta ditelpon balik", "minta ditelpon aja" (a
            // wish is the customer's own); "driver grabnya ga dateng2, tolong dihubungi" asks for the driver to be called.
            e = i + 1;
        }
        else if (WordAt(t, i) is "call" or "telepon" or "hubungi" && WordAt(t, i - 1) == "di" && Is(t, i - 2, Cat.Desire))
        {
            // The passive written apart, wished for oneself: "minta di-call aja deh kak", "mau di telpon balik".
            verb = i - 1;
            e = i + 1;
        }
        else if (WordAt(t, i) is "telepon" or "hubungi" or "call" && WordAt(t, i + 1) is "balik" or "kembali"
            && (Is(t, i + 2, Cat.Me) || (WordAt(t, i + 2) == "ke" && NamesAWayToCall(t, i + 3, ClauseEnd(t, i + 2)))))
        {
            // "tlg telpon balik sy", "tolong telpon balik ke nomor saya aja ya kak", Malay "boleh call balik saya tak?":
            // "balik" before the customer.
            e = Is(t, i + 2, Cat.Me) ? i + 3 : i + 2;
        }
        else if (CallBackNoun(t, i) is > 0 and var after)
        {
            e = after;
        }
        else
        {
            return false;
        }

        int start = ClauseStart(t, verb);
        bool modal = false;
        for (int k = start; k < verb; k++)
        {
            bool opener = Is(t, k, Cat.Polite | Cat.Modal | Cat.Greeting | Cat.QParticle | Cat.YouPerson | Cat.Desire | Cat.Subject | Cat.To | Cat.Article)
                || (t[k].Word is "guys" or "all" && Is(t, k - 1, Cat.YouPerson)) || (t[k].Word is "get" or "have" && Is(t, k - 1, Cat.Subject))
                || (t[k].Word is "schedule" or "book" or "arrange" && CallBackNoun(t, verb) > 0)
                || (t[k].Word == "id" && Is(t, k + 1, Cat.Modal | Cat.Desire)); // "I'd like a callback": "I'd" reads as "id"
            if (!opener || Is(t, k, Cat.Not | Cat.Will | Cat.Later | Cat.Done))
            {
                return false;
            }

            modal |= Is(t, k, Cat.Modal);
        }

        // "sore" of "sore ini" names the time, not the one called.
        while (WordAt(t, e) is "back" or "balik" or "kembali" or "semula" or "request"
            || (Is(t, e, Cat.Polite | Cat.Greeting | Cat.QParticle) && !Is(t, e, Cat.Not | Cat.Later | Cat.LaterTime) && PastATimeOfToday(t, e) == e)
            || (modal && IsClosingTag(t, e))
            || (WordAt(t, e) == "can" && Is(t, e + 1, Cat.Question)))
        {
            e++;
        }

        // "call me back tomorrow morning", "telpon sy jam 3 ya", "call me back after 5pm today on ...": a call asked for now,
        // at a time the customer names.
        // "in English" is no time ("in 5 minutes" is), though a time may open with "in".
        int untimed = e;
        int timed = PastACallTime(t, e);
        if (timed > e)
        {
            e = timed;
            while (Is(t, e, Cat.Polite | Cat.Greeting | Cat.QParticle) && !Is(t, e, Cat.Not | Cat.Later | Cat.LaterTime))
            {
                e++;
            }
        }

        int end = ClauseEnd(t, e);
        // "call me on 0812...", "telpon saya di nomor wa ini", "hubungi saya lewat WA", "phone me on whatsapp", "call me
        // about my claim": where to call, or what about, not when.
        bool closes = IsEdge(t, e) || (t[e].IsNumber && IsEdge(t, e + 1))
            || (WordAt(t, e) is "lewat" or "via" or "melalui" && !IsEdge(t, e + 1))
            || (WordAt(t, e) is "at" or "on" or "di" or "ke" or "by" or "through" && NamesAWayToCall(t, e + 1, end))
            || (WordAt(t, e) is "about" or "regarding" or "terkait" or "mengenai" or "soal" or "tentang" && !IsEdge(t, e + 1)
                && !Has(t, e, end, Cat.Later | Cat.LaterTime | Cat.Past))
            || WhenFree(t, e)
            || InALanguage(t, untimed);
        // "hubungi saya lewat WA kalau barang sudah ready": called once something happens, not now.
        return closes && !AfterACondition(t, start) && !Has(t, e, end, Cat.Cond);
    }

    /// <summary>
    /// The call asked for in a language, closing its clause: "in Spanish", "in English please", "pakai bahasa Jawa", "dalam
    /// bahasa Inggris ya kak", "berbahasa Sunda".
    /// </summary>
    private static bool InALanguage(ReadOnlySpan<Lex> t, int e)
    {
        // "in", "pakai", "pake", "using" are words the lexicon does not know; "dalam", "dengan" ("sama") are.
        if (IsEdge(t, e) || t[e].IsNumber || !(t[e].Word.Length == 0 || WordAt(t, e) is "dalam" or "dengan"))
        {
            return false;
        }

        int k = WordAt(t, e + 1) == "bahasa" ? e + 2 : e + 1;
        if (!IsLanguage(WordAt(t, k)))
        {
            return false;
        }

        for (k++; Is(t, k, Cat.Polite | Cat.Greeting | Cat.QParticle) && !Is(t, k, Cat.Not | Cat.Later | Cat.LaterTime); k++)
        {
        }

        return IsEdge(t, k);
    }

    private static bool IsLanguage(string word) => word is "english" or "spanish" or "french" or "german" or "dutch" or "portuguese"
        or "italian" or "russian" or "arabic" or "mandarin" or "cantonese" or "hokkien" or "chinese" or "japanese" or "korean" or "thai"
        or "vietnamese" or "tagalog" or "tamil" or "urdu" or "bengali" or "punjabi" or "welsh" or "malay" or "indonesian" or "inggris"
        or "indonesia" or "jawa" or "sunda" or "melayu";

    /// <summary>
    /// Past a time named for the call at <paramref name="e"/>: "tomorrow morning", "besok pagi jam 8an", "jam 3", "after
    /// 5pm today", "at 10", "on Monday", "around 3pm", "for tomorrow 9am", "sekitar jam 2". It opens with a day to come, a
    /// number, "jam", or "at", "after", "around", "on", "for", "setelah", "sekitar" before one, and goes on with days, numbers, parts of the day and
    /// words the lexicon does not know ("5pm today"); a word for later ("later", "nanti"), the past or a condition is no
    /// time named. <paramref name="e"/> itself when no time stands there.
    /// </summary>
    private static int PastACallTime(ReadOnlySpan<Lex> t, int e)
    {
        int k = e;
        // "sore ini", "hari ini", "malam ini", "nanti sore", "ntar malam": a time of this day.
        if (PastATimeOfToday(t, k) is var today && today > k)
        {
            return today;
        }

        // "around" reads as "there" ("is anyone around?").
        if (WordAt(t, k) is "at" or "after" or "there" or "on" or "for" or "setelah" or "sekitar" or "abis" or "habis" or "by"
            && (IsTimeWord(t, k + 1) || (WordAt(t, k + 1) is "jam" or "pukul" && IsNumberAt(t, k + 2))))
        {
            k++;
        }

        if (!IsTimeWord(t, k) && !(WordAt(t, k) == "jam" && IsNumberAt(t, k + 1)))
        {
            return e;
        }

        int limit = Math.Min(t.Length, k + 6);
        while (k < limit && (IsTimeWord(t, k) || WordAt(t, k) is "jam" or "pukul" or "" or "after" or "before" or "at" or "there" or "sekitar"
            || (Is(t, k, Cat.Greeting) && !Is(t, k, Cat.Polite))))
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// Past a part of this day named at <paramref name="k"/>: "sore ini" (this afternoon), "hari ini" (today), "malam
    /// ini", "pagi ini", or one after a word for later ("nanti sore", "ntar malam", "nanti siang jam 2"); <paramref
    /// name="k"/> itself otherwise. A part of the day alone ("pagi", "malam") is a greeting.
    /// </summary>
    private static int PastATimeOfToday(ReadOnlySpan<Lex> t, int k)
    {
        bool later = WordAt(t, k) is "nanti" or "ntar" or "entar" or "nnti" or "ntr";
        int part = later ? k + 1 : k;
        if (WordAt(t, part) is not ("pagi" or "siang" or "sore" or "malam" or "hari") || (!later && WordAt(t, part + 1) != "ini"))
        {
            return k;
        }

        int past = WordAt(t, part + 1) == "ini" ? part + 2 : part + 1;
        return WordAt(t, past) is "jam" or "pukul" && IsNumberAt(t, past + 1) ? past + 2 : past;
    }

    /// <summary>A day to come or a number: "tomorrow", "besok", "Monday", "3", "5pm"; not a vague "later", "nanti".</summary>
    private static bool IsTimeWord(ReadOnlySpan<Lex> t, int k) =>
        (Is(t, k, Cat.LaterTime) && !Is(t, k, Cat.Not | Cat.Past) && t[k].Word is not ("later" or "afterwards" or "eventually" or "mamaya" or "nanti" or "ntar" or "entar" or "nnti" or "ntr"))
        || IsNumberAt(t, k);

    /// <summary>
    /// "when you're free", "whenever you can", "when available": a call at the caller's first chance, which is now; "when
    /// the courier is here" waits for something to happen. "when" then only "you", a copula, a modal and one of "free",
    /// "available" or "can" closing the clause.
    /// </summary>
    private static bool WhenFree(ReadOnlySpan<Lex> t, int e)
    {
        if (WordAt(t, e) != "when")
        {
            return false;
        }

        int k = e + 1;
        while (Is(t, k, Cat.YouPerson | Cat.Copula) && !Is(t, k, Cat.Not))
        {
            k++;
        }

        if (WordAt(t, k) is not ("free" or "available" or "can"))
        {
            return false;
        }

        k++;
        while (Is(t, k, Cat.Polite | Cat.QParticle) && !Is(t, k, Cat.Not))
        {
            k++;
        }

        return IsEdge(t, k);
    }

    /// <summary>
    /// A negator that closes the question a modal opened, as a tag, with only a form of address or a particle after it:
    /// "bisa telpon saya balik ga?", "bisa hubungi saya nggak" (can you, or not?), "bisa telpon saya balik ga kak". It
    /// asks; a negator anywhere else declines.
    /// </summary>
    private static bool IsClosingTag(ReadOnlySpan<Lex> t, int e)
    {
        if (!Is(t, e, Cat.Not) || !Is(t, e, Cat.QParticle))
        {
            return false;
        }

        int k = e + 1;
        while (Is(t, k, Cat.Greeting | Cat.Polite | Cat.QParticle) && !Is(t, k, Cat.Not | Cat.Later | Cat.LaterTime))
        {
            k++;
        }

        return IsEdge(t, k);
    }

    /// <summary>
    /// A call back named as a thing, right here: "callback" or "call back" after an article, a wish or a plea, or opening its
    /// clause ("call back request", "a callback please", "request a call back", "min tlg callback ya"). The index after it, or 0.
    /// </summary>
    private static int CallBackNoun(ReadOnlySpan<Lex> t, int i)
    {
        int after = WordAt(t, i) == "callback" ? i + 1
            : WordAt(t, i) == "call" && WordAt(t, i + 1) == "back" ? i + 2
            : 0;
        bool named = after > 0 && (Is(t, i - 1, Cat.Article | Cat.Desire | Cat.Polite) || IsEdge(t, i - 1)) && !Is(t, i - 1, Cat.Not);
        return named ? after : 0;
    }

    /// <summary>A number, or a word for one or for a way to call ("number", "nomor", "WhatsApp", "mobile"), from <paramref name="k"/> to the clause's end.</summary>
    private static bool NamesAWayToCall(ReadOnlySpan<Lex> t, int k, int end)
    {
        for (; k < end; k++)
        {
            if (t[k].IsNumber || t[k].Word is "number" or "nomor" or "whatsapp" or "mobile" or "hp" or "telepon" or "phone" or "email")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The customer says they will wait or hold for a person: "I'll wait for a human.", "I'll hold for a real person,
    /// thanks", "Happy to wait for a person.", "I can wait for a real agent, no rush", "I'd rather wait for an agent",
    /// "saya tunggu petugasnya aja deh", "nunggu CS aja". "wait" or "hold" and "for" (or "tunggu", "nunggu") right before
    /// the person; before the verb only the customer, a modal, "will", "I'll", "happy to", "rather", greetings or
    /// politeness; after it only politeness, thanks, "then" or the suffix "nya". "I waited for an agent for an hour",
    /// "still waiting for an agent", "I can't wait for an agent", "don't wait for an agent" and "should I wait for an
    /// agent?" say or ask something else.
    /// </summary>
    private static bool WaitsForOne(ReadOnlySpan<Lex> t, Mention m)
    {
        if (m.Kind == Kind.Team)
        {
            return false;
        }

        int verb = m.Start - 1;
        bool english = WordAt(t, verb) == "for";
        if (english)
        {
            verb--;
        }

        if (english ? WordAt(t, verb) is not ("wait" or "hold") : WordAt(t, verb) is not ("menunggu" or "tunggu"))
        {
            return false;
        }

        for (int k = ClauseStart(t, verb); k < verb; k++)
        {
            bool opener = Is(t, k, Cat.Subject | Cat.Modal | Cat.Will | Cat.Later | Cat.Greeting | Cat.Polite | Cat.To)
                || WordAt(t, k) is "happy" or "rather" or "then" || (WordAt(t, k) == "id" && WordAt(t, k + 1) == "rather");
            if (!opener || Is(t, k, Cat.Not))
            {
                return false;
            }
        }

        int e = m.End;
        while (!IsEdge(t, e) && (Is(t, e, Cat.Polite | Cat.QParticle | Cat.Thanks | Cat.Clitic) || WordAt(t, e) == "then") && !Is(t, e, Cat.Not))
        {
            e++;
        }

        return IsEdge(t, e) && !Is(t, e, Cat.Question);
    }

    /// <summary>The clause before the one starting at <paramref name="start"/> opens with a condition: "kalau kurirnya nyasar, telpon saya".</summary>
    private static bool AfterACondition(ReadOnlySpan<Lex> t, int start)
    {
        if (start < 2)
        {
            return false;
        }

        int before = ClauseStart(t, start - 2);
        return Has(t, before, start - 1, Cat.Cond);
    }

    /// <summary>"lain" after a role: another one ("ganti admin lain aja", "cs lain dong").</summary>
    private static bool IsAnother(ReadOnlySpan<Lex> t, int k) =>
        (uint)k < (uint)t.Length && string.Equals(t[k].Word, "lain", StringComparison.Ordinal);

    /// <summary>
    /// Someone else ("orang lain", "somebody else", "someone other than you", "anyone but you") swapped for, looked for,
    /// wished for or urged: "ganti orang lain aja", "cari orang lain dong", "oper ke orang lain aja", "I want somebody
    /// else", "can I talk to someone else?", "someone other than you please", "anyone but you, please", "orang lain
    /// selain kamu dong"; the verb right before the word or before its "ke", a wish right before it, a verb of talking
    /// after a wish or a modal, or a clause of its own with politeness. "orang lain bisa pakai akun saya?", "cara
    /// transfer ke orang lain", "saya mau transfer ke orang lain", "gak usah ganti orang lain" and "I don't want someone
    /// else" ask for no one. Only this pattern reads it: "orang lain" is no person to any other.
    /// </summary>
    private static bool SomeoneElse(ReadOnlySpan<Lex> t, int i)
    {
        if (!Is(t, i, Cat.Person) || Is(t, i, Cat.Agent | Cat.Human))
        {
            return false;
        }

        bool another = IsAnother(t, i + 1);
        int e = another || IsOther(t, i + 1) ? i + 2 : i + 1;
        // "someone other than you", "anyone but you", "anyone except you", "orang lain selain kamu"
        bool notYou = IsExcept(t, e) && Is(t, e + 1, Cat.YouPerson);
        if (notYou)
        {
            e += 2;
        }
        else if (!another)
        {
            return false;
        }

        int j = i - 1;
        while (Is(t, j, Cat.Article | Cat.Me) && j > i - 3)
        {
            j--;
        }

        int wish = j;
        // "put me through to someone else": "through" and "to" both before the person.
        for (int steps = 0; steps < 2 && Is(t, j, Cat.To | Cat.With); steps++)
        {
            j--;
        }

        // "transfer me to someone else", "bisa oper saya ke orang lain?": the customer handed over.
        bool me = Is(t, j, Cat.Me) && j < wish;
        if (me)
        {
            j--;
        }

        bool verb = (another && (Is(t, j, Cat.Swap) || (j >= 0 && t[j].Word == "cari") || (Is(t, j, Cat.Connect) && (me || Is(t, e, Cat.Polite) || AskedOfYou(t, j)))))
            || (Is(t, wish, Cat.Desire | Cat.Call) && !Is(t, wish, Cat.Connect | Cat.Speak) && !Is(t, wish - 1, Cat.Not))
            || (j < wish && Is(t, j, Cat.Speak) && !Is(t, j, Cat.Gerund) && (WishRightBefore(t, j) || (Is(t, j - 1, Cat.To) && WishRightBefore(t, j - 1))))
            || OnItsOwn(t, i, e, notYou || RefusesYouBefore(t, j));
        return verb && !DeclinedRightBefore(t, j) && MentionRole.IsLive(t, new Mention(i, i + 1, Kind.Person, false));
    }

    /// <summary>
    /// The one answering is asked whether they can do the verb at <paramref name="verb"/>: "lu bisa oper ke orang lain?",
    /// "can you transfer to someone else?". Handing over is theirs to do, so it hands the customer over, not money.
    /// </summary>
    private static bool AskedOfYou(ReadOnlySpan<Lex> t, int verb) =>
        (Is(t, verb - 1, Cat.Modal) && Is(t, verb - 2, Cat.YouPerson)) || (Is(t, verb - 1, Cat.YouPerson) && Is(t, verb - 2, Cat.Modal));

    /// <summary>
    /// Someone else in a clause of their own, with nothing but greetings or politeness before: urged right after or in
    /// the clause that follows ("someone else please", "orang lain aja", "anyone but you, please"), or set against the
    /// one answering with no question ("anyone but you!").
    /// </summary>
    private static bool OnItsOwn(ReadOnlySpan<Lex> t, int i, int e, bool notYou)
    {
        int k = i - 1;
        while (Is(t, k, Cat.Greeting | Cat.Polite | Cat.Article) && !Is(t, k, Cat.Not))
        {
            k--;
        }

        if (!IsEdge(t, k))
        {
            return false;
        }

        bool urged = Is(t, e, Cat.Polite | Cat.Only) && !Is(t, e, Cat.Not);
        while (Is(t, e, Cat.Polite | Cat.Only | Cat.QParticle) && !Is(t, e, Cat.Not))
        {
            e++;
        }

        if (!IsEdge(t, e) || Is(t, e, Cat.Question))
        {
            return false;
        }

        // "anyone but you, please": politeness alone in the next clause.
        if (!urged && Is(t, e, Cat.Boundary) && Is(t, e + 1, Cat.Polite) && !Is(t, e + 1, Cat.Not))
        {
            int n = e + 1;
            while (Is(t, n, Cat.Polite | Cat.Only | Cat.QParticle) && !Is(t, n, Cat.Not))
            {
                n++;
            }

            urged = IsEdge(t, n) && !Is(t, n, Cat.Question);
        }

        return urged || notYou;
    }

    /// <summary>
    /// The clause before the one at <paramref name="k"/> only turns the one answering down: "not you, someone else", "no,
    /// not you. somebody else", "bukan kamu, orang lain". Greetings, politeness and an answering "no" may stand around it.
    /// </summary>
    private static bool RefusesYouBefore(ReadOnlySpan<Lex> t, int k)
    {
        if (!Is(t, k, Cat.Boundary) || Is(t, k, Cat.Question))
        {
            return false;
        }

        int n = k - 1;
        while (Is(t, n, Cat.Polite | Cat.Greeting | Cat.QParticle) && !Is(t, n, Cat.Not))
        {
            n--;
        }

        if (!Is(t, n, Cat.YouPerson) || !Is(t, n - 1, Cat.Not))
        {
            return false;
        }

        n -= 2;
        while (Is(t, n, Cat.Polite | Cat.Greeting | Cat.QParticle | Cat.Not) || (Is(t, n, Cat.Boundary) && !Is(t, n, Cat.Question)))
        {
            n--;
        }

        return n < 0;
    }

    /// <summary>"other" of "someone other than you".</summary>
    private static bool IsOther(ReadOnlySpan<Lex> t, int k) => (uint)k < (uint)t.Length && t[k].Word is "other";

    /// <summary>"than", "but", "except", "selain", "kecuali" before the one answering: "other than you", "anyone but you".</summary>
    private static bool IsExcept(ReadOnlySpan<Lex> t, int k) => (uint)k < (uint)t.Length && t[k].Word is "than" or "but" or "except" or "selain";

    /// <summary>
    /// A role swapped for another one: "ganti admin lain aja kak", "tolong ganti ke agen lain", "pindah ke cs lain"; the
    /// swapping verb right before the role or before its "ke".
    /// </summary>
    private static bool AnotherOne(ReadOnlySpan<Lex> t, Mention m)
    {
        if (m.Kind != Kind.Agent || !IsAnother(t, m.End))
        {
            return false;
        }

        int j = m.Start - 1;
        if (Is(t, j, Cat.To))
        {
            j--;
        }

        return Is(t, j, Cat.Swap | Cat.Connect) && !DeclinedRightBefore(t, j);
    }

    /// <summary>
    /// Up to two words the lexicon does not know right before a role after a verb of talking or handing over name
    /// what it does: "connect me to the branch officer", "can I speak to the loan officer". Returns where they start.
    /// </summary>
    private static int QualifierStart(ReadOnlySpan<Lex> t, Mention m)
    {
        return m.Kind == Kind.Agent ? BeforeUnknownWords(t, m.Start - 1, 2) + 1 : m.Start;
    }

    /// <summary>
    /// Where the run of words the lexicon does not know that ends at <paramref name="k"/> begins, less one: the
    /// position before it, walking back over at most <paramref name="max"/> of them (<paramref name="k"/> itself when
    /// it is no unknown word). "line", known only for where someone is ("on the line"), and a kind of business
    /// (<see cref="Tokens.IsBusiness"/>) qualify a role as such a word would ("your line manager", "the store manager").
    /// </summary>
    private static int BeforeUnknownWords(ReadOnlySpan<Lex> t, int k, int max)
    {
        int stop = k - max;
        while (k > stop && k >= 0 && (t[k].IsUnknown || t[k].Word is "line" || IsBusiness(t, k)))
        {
            k--;
        }

        return k;
    }

    /// <summary>"hubungkan ke cs", "sambungkan saya dengan petugas", "connect me to an agent", "escalate this to a manager".</summary>
    private static bool ConnectRequest(ReadOnlySpan<Lex> t, Mention m)
    {
        int j = QualifierStart(t, m) - 1;
        // "hook me up with an agent": "up" of the verb, before or after the customer.
        for (int steps = 0; steps < 5 && (Is(t, j, Cat.To | Cat.With | Cat.Me | Cat.You | Cat.Article | Cat.Polite) || IsHookUp(t, j)); steps++)
        {
            j--;
        }

        j = PastWhatIsEscalated(t, j);
        if (!Is(t, j, Cat.Connect) || DeclinedRightBefore(t, j))
        {
            return false;
        }

        // "can I transfer to a bigger team?": the customer moves, nobody is asked for.
        if (m.Kind == Kind.Team && Is(t, j - 1, Cat.Subject))
        {
            return false;
        }

        // "bisa disambungkan ke cs?" asks for it; "saya sudah dioper ke cs" reports it.
        return !Is(t, j, Cat.Passive) || HasWishBefore(t, j, 3);
    }

    /// <summary>The "up" of "hook up", "hook me up": "hook" one or two words before it.</summary>
    private static bool IsHookUp(ReadOnlySpan<Lex> t, int j) =>
        WordAt(t, j) == "up" && (WordAt(t, j - 1) == "hook" || (Is(t, j - 1, Cat.Me) && WordAt(t, j - 2) == "hook"));

    /// <summary>
    /// Where "escalate" stands before what it escalates, when <paramref name="j"/> is "to" after up to three words that name
    /// a case ("escalate case 90211 to a senior advisor", "escalate my ticket to your manager", "eskalasikan komplain saya ke
    /// atasan"): words the lexicon does not know or that play no part, numbers, articles and "my". <paramref name="j"/>
    /// itself otherwise; only escalating moves a case to a person ("forward my email to your manager" passes a message on).
    /// </summary>
    private static int PastWhatIsEscalated(ReadOnlySpan<Lex> t, int j)
    {
        if (!Is(t, j + 1, Cat.To) && !Is(t, j, Cat.To))
        {
            return j;
        }

        int k = Is(t, j, Cat.To) ? j - 1 : j;
        for (int steps = 0; steps < 3 && k >= 0 && (IsNameWord(t[k]) || t[k].IsNumber || Is(t, k, Cat.Article | Cat.Me)); steps++)
        {
            k--;
        }

        return k < j && WordAt(t, k) is "escalate" or "eskalasi" ? k : j;
    }

    /// <summary>
    /// "saya mau bicara dengan CS", "mau ngomong sama orang dong", "I want to speak to a real person", "talk to a human",
    /// "can I talk to one of your agents", "can I video call with one of your staff" (a call with someone is talking to them).
    /// </summary>
    private static bool SpeakRequest(ReadOnlySpan<Lex> t, Mention m)
    {
        int j = QualifierStart(t, m) - 1;
        while (Is(t, j, Cat.Article) && j >= m.Start - 5)
        {
            j--;
        }

        // "one of your staff", "any of your agents": one of them.
        if (WordAt(t, j) == "of" && WordAt(t, j - 1) is "one" or "any" or "someone" or "anyone")
        {
            j -= 2;
        }

        if (Is(t, j, Cat.With | Cat.To))
        {
            j--;
        }

        bool call = WordAt(t, j) == "call" && Is(t, j + 1, Cat.With);
        if (!Is(t, j, Cat.Speak) && !call)
        {
            return false;
        }

        int verb = j;
        if (call)
        {
            // "video call with", "a phone call with".
            while (WordAt(t, verb - 1) is "video" or "phone" or "voice" or "telepon" && verb > 0)
            {
                verb--;
            }
        }

        int k = verb - 1;
        for (int steps = 0; steps < 3 && Is(t, k, Cat.To | Cat.Subject | Cat.Me | Cat.Polite) && !Is(t, k, Cat.Modal | Cat.Desire); steps++)
        {
            k--;
        }

        if (Is(t, k, Cat.Modal | Cat.Desire))
        {
            return !(Is(t, k, Cat.Desire) && Is(t, k - 1, Cat.Not));
        }

        // An imperative: the verb opens its clause ("talk to a human", "bicara dengan cs").
        k = verb - 1;
        while (Is(t, k, Cat.Greeting | Cat.Polite))
        {
            k--;
        }

        if (!IsEdge(t, k))
        {
            return false;
        }

        // "talking to a human?" asks who is there rather than for someone.
        return !(Is(t, verb, Cat.Gerund) && ClosesWithQuestion(t, m.End));
    }

    /// <summary>
    /// "minta agen", "panggil operator", "mau orang", "I need a human", "get me an agent", "butuh bantuan petugas", "minta
    /// dibantu CS", "Request for agent", "requesting for a live agent".
    /// </summary>
    private static bool DirectRequest(ReadOnlySpan<Lex> t, Mention m)
    {
        int j = m.Start - 1;
        for (int steps = 0; steps < 3 && (Is(t, j, Cat.With | Cat.Me | Cat.Polite | Cat.Help) || (WordAt(t, j) == "for" && Is(t, j - 1, Cat.Desire)))
            && !Is(t, j, Cat.Desire | Cat.Call); steps++)
        {
            j--;
        }

        // "I'd like the branch manager": up to two words the lexicon does not know name the role, after an article.
        int named = BeforeUnknownWords(t, j, 2);
        if (named < j && Is(t, named, Cat.Article) && PoliteWish(t, named - 1))
        {
            j = named - 1;
        }

        if (!Is(t, j, Cat.Desire | Cat.Call) && !PoliteWish(t, j))
        {
            return false;
        }

        if (Is(t, j, Cat.Desire) && Is(t, j - 1, Cat.Not))
        {
            return false;
        }

        return ContinuesAsRequest(t, m.End);
    }

    /// <summary>
    /// A person asked whether they can do it, the question opening its clause: "can a real person help me?", "could an
    /// actual human look at my claim?", "can a real someone cek klaim gw?", "bisa orang beneran bantu saya?", "can an agent
    /// help me?", "bisa cs bantu cek?". A real person or a human may be asked to do anything; an agent only to help. The
    /// modal opens the clause (after a greeting or a plea at most), and a verb follows the person: "can a human be
    /// trusted with this?", "can agents work from home?" and "I can help a real person" ask for no one.
    /// </summary>
    private static bool AskedToDoIt(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        if (Is(t, k, Cat.Article))
        {
            k--;
        }

        // Whether they can: "will a real person read my complaint?" and "do real humans work there?" ask something else.
        if (WordAt(t, k) is not ("can" or "could" or "may" or "bisa" or "dapat" or "boleh" or "pwede"))
        {
            return false;
        }

        for (k--; !IsEdge(t, k); k--)
        {
            if (!Is(t, k, Cat.Greeting | Cat.Polite) || Is(t, k, Cat.Not))
            {
                return false;
            }
        }

        int e = Is(t, m.End, Cat.Clitic) ? m.End + 1 : m.End;
        if (IsEdge(t, e) || Is(t, e, Cat.Question))
        {
            return false;
        }

        if (Is(t, e, Cat.Help))
        {
            // "can your staff help carry the luggage": a hand with a job, not someone to talk to.
            return !Is(t, e + 1, Cat.Errand) && !Has(t, e, ClauseEnd(t, e), Cat.Later | Cat.LaterTime | Cat.Cond);
        }

        // Anything but a help word only for a real person or a human, and only a verb the lexicon does not know as
        // something else: "be", "work", "there", "yang" and the like.
        return (m.Real || m.Kind == Kind.Human) && (t[e].Cats & ~(Cat.Thing | Cat.Errand)) == Cat.None && !t[e].IsNumber
            && t[e].Word is not ("there" or "here" or "be" or "yang" or "who" or "that" or "and" or "or" or "from" or "at" or "in" or "on"
                or "of" or "for" or "with" or "without" or "ever" or "even" or "really" or "actually" or "still" or "also" or "dari" or "di"
                or "dan" or "atau" or "juga" or "masih" or "s")
            // "can a real person's name be used ...": the person's thing is what the question is about.
            && WordAt(t, e + 1) is not ("be" or "is" or "are" or "s")
            && !Has(t, e, ClauseEnd(t, e), Cat.Later | Cat.LaterTime | Cat.Cond);
    }

    /// <summary>
    /// "I would like the manager", "I'd like a supervisor": "like" right after "would" (or the "'d" of "I'd", which the
    /// tokenizer reads as "id") wishes for what follows, where "like" alone ("I like the agent") praises.
    /// </summary>
    private static bool PoliteWish(ReadOnlySpan<Lex> t, int j) =>
        j > 0 && j < t.Length && t[j].Word == "like" && t[j - 1].Word is "would" or "id";

    /// <summary>"ada cs?", "ada orang beneran?", "is there a human I can talk to?", "is a human available?", "do you have a live agent?".</summary>
    private static bool AvailabilityQuestion(ReadOnlySpan<Lex> t, Mention m) =>
        (Is(t, m.Start - 1, Cat.Exist)
            && !AfterAMachineOr(t, m.Start - 1)
            && (m.Kind != Kind.Person || m.Real)
            && ClauseEndsWithQuestion(t, m.End)
            && ContinuesAsRequest(t, m.End)
            && !DoesAnotherJob(t, m.End))
        || AskedIfFree(t, m)
        || AskedIfYouHave(t, m)
        || AskedForOneWhoCanHelp(t, m);

    /// <summary>
    /// Whether the person asked about is described by a job other than taking the customer: "is there a human who checks
    /// my documents?", "apakah ada manusia yang mengecek dokumen KTP saya?", "ada manusia yang verifikasi KTP?". "who",
    /// "yang" or "that" at <paramref name="e"/>, and nothing in its clause that helps, talks, calls, connects, answers,
    /// speaks a language or is free to ("is there a human who can help?", "ada orang yang bisa saya ajak bicara?", "is
    /// there a human who can answer my question?", "is there an agent who speaks english?", "ada cs yang online?" ask for
    /// one). A question of how the business works.
    /// </summary>
    private static bool DoesAnotherJob(ReadOnlySpan<Lex> t, int e)
    {
        if (WordAt(t, e) is not ("yang" or "who" or "that") || IsEdge(t, e + 1) || Is(t, e + 1, Cat.Question))
        {
            return false;
        }

        int end = ClauseEnd(t, e + 1);
        if (Has(t, e + 1, end, Cat.Help | Cat.Speak | Cat.Call | Cat.Connect | Cat.Polite | Cat.Real | Cat.Human | Cat.Agent))
        {
            return false;
        }

        // "is there an agent who speaks english?", "ada cs yang bisa bahasa inggris?": one who can take the customer in
        // their language.
        for (int k = e + 1; k < end; k++)
        {
            if (IsLanguage(t[k].Word) || t[k].Word is "bahasa" or "speaks" or "online" or "available" or "free" or "answer" or "reply"
                or "responds" or "jawab" or "balas")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether there is someone who can help the customer, asked: "ada orang yg bisa bantu ga sih", "ada orang yang bisa
    /// bantu saya?", "is there a person who can help me?". The person is there ("ada", "is there"), "yang" / "who" / "that"
    /// follows with a modal and help, for the customer or no one named ("bantu ambil paket" is a hand with a job), and a
    /// '?' or a closing negator ("ga", "nggak") asks it. "ada orang yang bisa bantu saya kemarin" tells, and "ada yang
    /// bisa bantu?" names no person.
    /// </summary>
    private static bool AskedForOneWhoCanHelp(ReadOnlySpan<Lex> t, Mention m)
    {
        if (!Is(t, m.Start - 1, Cat.Exist) || AfterAMachineOr(t, m.Start - 1) || WordAt(t, m.End) is not ("yang" or "who" or "that")
            || !Is(t, m.End + 1, Cat.Modal) || !Is(t, m.End + 2, Cat.Help))
        {
            return false;
        }

        int e = m.End + 3;
        if (Is(t, e, Cat.Me))
        {
            e++;
        }

        bool tag = false;
        while (Is(t, e, Cat.Polite | Cat.Greeting | Cat.QParticle) && !Is(t, e, Cat.Later | Cat.LaterTime))
        {
            tag |= Is(t, e, Cat.Not);
            e++;
        }

        return IsEdge(t, e) && (tag || Is(t, e, Cat.Question));
    }

    /// <summary>
    /// "or" right before <paramref name="exist"/>, after a machine or "automated": "Is this chat automated atau ada manusia
    /// yang baca?", "ini bot atau ada orang?". Someone there is the other answer to who is there, not someone asked for.
    /// </summary>
    private static bool AfterAMachineOr(ReadOnlySpan<Lex> t, int exist) =>
        Is(t, exist - 1, Cat.Or) && (Is(t, exist - 2, Cat.Bot) || MentionRole.IsAutomated(t, exist - 2));

    /// <summary>
    /// The message asks whether the business has someone to take the customer (<see cref="AskedIfYouHave"/>: "have you
    /// got a human?", "do you have a live agent?") and names no machine, no alternative and no "who": it asks for one, not
    /// who is there, so an identity question only the learnt model finds in it is vetoed.
    /// </summary>
    internal static bool OnlyAsksIfYouHave(ReadOnlySpan<Lex> t)
    {
        if (Has(t, 0, t.Length, Cat.Bot | Cat.Who | Cat.Or | Cat.Gerund))
        {
            return false;
        }

        for (int i = 0; i < t.Length; i++)
        {
            if (PersonTarget(t, i, out Mention m) && AskedIfYouHave(t, m) && MentionRole.IsLive(t, m))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the business has someone to take the customer, asked of the one answering: "do you have a live agent?",
    /// "do you guys have live agents", "have you got a real person I can talk to?", "do you have customer service?", "do
    /// you have a live chat agent?", "do you have human support?". "do you have" or "have you got" opens the clause (after
    /// a greeting, politeness or a leading "so" or "oh"), and the clause ends after the person or goes on as a request
    /// does ("available", "I can talk to"); a person word needs "real" or "live" with it. "do you have a customer service number?", "do you have agents in
    /// Surabaya?" and "do you have a human on this chat?" (who is there: an identity question) ask for no one.
    /// </summary>
    private static bool AskedIfYouHave(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        // "a live chat agent": the chat the role answers on.
        if (m.Kind == Kind.Agent && WordAt(t, k) == "chat" && Is(t, k - 1, Cat.Real))
        {
            k -= 2;
            while (Is(t, k, Cat.Article))
            {
                k--;
            }
        }

        // "human support": the service a human gives.
        int end = m.Kind == Kind.Human && Is(t, m.End, Cat.ServiceTail) ? m.End + 1 : m.End;
        bool got = WordAt(t, k) == "got";
        if (!got && !(Is(t, k, Cat.Has) && WordAt(t, k) == "have"))
        {
            return false;
        }

        k--;
        if (WordAt(t, k) is "guys" or "all")
        {
            k--;
        }

        if (!Is(t, k, Cat.YouPerson) || WordAt(t, k - 1) != (got ? "have" : "do"))
        {
            return false;
        }

        // "hi, do you have ...", "so do you have ...", "ok have you got ..."
        bool opens = IsEdge(t, k - 2) || Is(t, k - 2, Cat.Greeting | Cat.Polite | Cat.Lead);
        return opens
            && (m.Kind != Kind.Person || m.Real)
            && (WordAt(t, end) is "who" or "that" ? WhoCanTakeMe(t, end + 1) : ContinuesAsRequest(t, end));
    }

    /// <summary>
    /// Someone had who can take the customer, from <paramref name="k"/> after "who" or "that": "who can help me", "that
    /// could talk to me". "staff who speak Tagalog" or "someone who can install it" ask what the business has, not for one.
    /// </summary>
    private static bool WhoCanTakeMe(ReadOnlySpan<Lex> t, int k) =>
        Is(t, k, Cat.Modal)
        && (Is(t, k + 1, Cat.Help) || (Is(t, k + 1, Cat.Speak) && Is(t, k + 2, Cat.To | Cat.With) && Is(t, k + 3, Cat.Me)));

    /// <summary>
    /// Whether someone is free to take the customer, asked with the verb first: "is a human available?", "is an agent
    /// online?", "are any agents available", "is anyone available right now?". The copula opens the clause, only an
    /// article stands between it and the person, and "available" or "online" follows, closing the clause but for
    /// politeness ("now"). Without the verb the clause opens with "any" or "anyone" and closes with a '?': "any human
    /// available?", "anyone online?", "any agents available? need help with my delivery".
    /// </summary>
    private static bool AskedIfFree(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        if (Is(t, k, Cat.Article))
        {
            k--;
        }

        if (m.End >= t.Length || t[m.End].Word is not ("available" or "online"))
        {
            return false;
        }

        bool verbFirst = Is(t, k, Cat.Copula) && t[k].Word is "is" or "are" && IsEdge(t, k - 1);
        bool anyFirst = IsEdge(t, k) && WordAt(t, k + 1) is "any" or "anyone";
        if (!verbFirst && !anyFirst)
        {
            return false;
        }

        int e = m.End + 1;
        while (Is(t, e, Cat.Polite | Cat.QParticle) && !Is(t, e, Cat.Not))
        {
            e++;
        }

        return verbFirst ? IsEdge(t, e) : Is(t, e, Cat.Question);
    }

    /// <summary>
    /// A person said to be needed, as a heading is written: "Agent needed", "human agent needed for order 8812", "real
    /// person required asap", "Supervisor needed here, please". The mention opens its clause (greetings, urging, articles
    /// or "real" aside), "needed" or "required" follows it, then only urging or "here" to the clause's end, or what it is
    /// for ("for order 8812", "regarding my claim"); no '?' closes it ("agent needed?" asks whether one is). "no human
    /// needed" and "is a human needed to sign?" ask for no one.
    /// </summary>
    private static bool NeededNow(ReadOnlySpan<Lex> t, Mention m)
    {
        if (WordAt(t, m.End) is not ("needed" or "required"))
        {
            return false;
        }

        int k = m.Start - 1;
        while (Is(t, k, Cat.Article | Cat.Real | Cat.Greeting) || IsUrging(t, k))
        {
            k--;
        }

        if (!IsEdge(t, k))
        {
            return false;
        }

        int e = m.End + 1;
        while (IsUrging(t, e) || WordAt(t, e) == "here")
        {
            e++;
        }

        int end = ClauseEnd(t, e);
        bool purpose = WordAt(t, e) is "for" or "regarding" or "about" or "untuk" or "terkait" && !IsEdge(t, e + 1);
        return (IsEdge(t, e) || purpose) && !Is(t, end, Cat.Question);
    }

    /// <summary>
    /// A person asked to handle it, in the passive: "Can this be looked at by an actual person?", "can my case be checked
    /// by a human please", "I'd like to be helped by a real person", "I need this to be reviewed by an agent". "by" right
    /// before the mention (articles and "real" aside), the mention closing its clause (urging aside), and before "by" in
    /// the clause "be" with a modal opening the clause or a wish; no negator, no past ("was", "were", "been"), nothing
    /// written, typed or said and no question word ("is this written by a person?" asks who is there, "how can this be
    /// done by a person?" how).
    /// </summary>
    private static bool HandledByOne(ReadOnlySpan<Lex> t, Mention m)
    {
        int by = m.Start - 1;
        while (Is(t, by, Cat.Article | Cat.Real))
        {
            by--;
        }

        if (WordAt(t, by) != "by")
        {
            return false;
        }

        int e = m.End;
        while (IsUrging(t, e) || (Is(t, e, Cat.QParticle) && !Is(t, e, Cat.Not)))
        {
            e++;
        }

        if (!IsEdge(t, e))
        {
            return false;
        }

        int start = ClauseStart(t, by);
        int k = start;
        while (Is(t, k, Cat.Greeting) || IsUrging(t, k))
        {
            k++;
        }

        // "can", "could", "please": asked; "will this be reviewed by a human?" asks what happens.
        bool modal = Is(t, k, Cat.Modal) && !Is(t, k, Cat.Will) && t[k].Word != "will";
        bool be = false;
        bool wish = false;
        for (int j = start; j < by; j++)
        {
            if (Is(t, j, Cat.Not | Cat.IdNoun | Cat.Speak | Cat.Gerund | Cat.Who) || t[j].Word is "was" or "were" or "been" or "how" or "why" or "what" or "when")
            {
                return false;
            }

            be |= t[j].Word == "be";
            wish |= Is(t, j, Cat.Desire);
        }

        return be && (modal || wish);
    }

    /// <summary>A clause that is only the person word and politeness: "agent", "cs dong", "human please", "live agent", "Operator!!!".</summary>
    private static bool BareRequest(ReadOnlySpan<Lex> t, Mention m)
    {
        const Cat filler = Cat.Polite | Cat.Greeting | Cat.Real | Cat.Article | Cat.Desire | Cat.Call;
        if (!OnlyFillerAround(t, m, filler, out int to))
        {
            return DirectedBareRequest(t, m, filler);
        }

        bool support = m.Real || HasAround(t, m, to, Cat.Polite | Cat.Desire | Cat.Call);

        // "human?" on its own asks who is there; "cs?" asks for one.
        if (m.Kind != Kind.Agent && Is(t, to, Cat.Question))
        {
            return false;
        }

        return m.Kind != Kind.Person || support;
    }

    /// <summary>
    /// A department or team named alone in its clause with a plea or an urging: "fraud department please, ...", "the
    /// billing team asap", "bagian klaim dong", "tolong tim teknis". Only articles, greetings, wishes and such words stand
    /// with it, and no '?' closes it ("billing team?" asks about one); "hi support team, ..." and "thanks billing team"
    /// plead for nothing, and a team with no name ("Team please, what time ...?") is how the business is addressed.
    /// </summary>
    private static bool BareTeamRequest(ReadOnlySpan<Lex> t, Mention m)
    {
        if (!OnlyFillerAround(t, m, Cat.Polite | Cat.Greeting | Cat.Article | Cat.Desire | Cat.QParticle, out int to) || Is(t, to, Cat.Question))
        {
            return false;
        }

        // "Team please, what time does the store close?", "Support pls, ...": a team with no name addresses the business.
        bool named = false;
        for (int k = m.Start; k < m.End; k++)
        {
            named |= IsNameWord(t[k]);
        }

        if (!named)
        {
            return false;
        }

        for (int k = ClauseStart(t, m.Start); k < to; k++)
        {
            if ((k < m.Start || k >= m.End) && (IsUrging(t, k) || WordAt(t, k) == "dong"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A role said twice in a row, closing its clause, pleads for one whatever the question before it: "hello is this a
    /// bot hello agent agent", "is this a robot robot agent agent", "operator operator please". "agen-agen itu di pasar"
    /// and "admin2 nya sabar" are Indonesian plurals. (Two roles side by side also keep <see
    /// cref="MentionRole.AsksWhichItIs"/> from reading the message as asking which one is there, so nothing vetoes it.)
    /// </summary>
    private static bool RepeatsARole(ReadOnlySpan<Lex> t)
    {
        for (int k = 1; k < t.Length; k++)
        {
            if (!Is(t, k, Cat.Agent) || !ReferenceEquals(t[k], t[k - 1]))
            {
                continue;
            }

            int e = k + 1;
            while (e < t.Length && (ReferenceEquals(t[e], t[k]) || Is(t, e, Cat.Polite | Cat.QParticle)))
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
    /// The customer says again the role they asked for, the verb understood: "i said agent", "I typed HUMAN already", "I
    /// said customer service!", "saya bilang CS", "udah aku bilang admin". A role or the word human (not someone), right
    /// after "said", "typed", "wrote", "bilang" or "ketik" whose subject is the customer and opens the clause (perhaps
    /// with "already" / "sudah"), and nothing after it in the clause but politeness, "already" or "again"; "my friend
    /// said agent", "I said the agent was rude" and "did I say agent?" stay.
    /// </summary>
    private static bool SaysItAgain(ReadOnlySpan<Lex> t, Mention m)
    {
        if (m.Kind is not (Kind.Agent or Kind.Human))
        {
            return false;
        }

        int k = m.Start - 1;
        while (Is(t, k, Cat.Article | Cat.Real))
        {
            k--;
        }

        if (k < 0 || t[k].Word is not ("said" or "written" or "wrote" or "bilang" or "ketik"))
        {
            return false;
        }

        int e = m.End;
        while (!IsEdge(t, e) && (Is(t, e, Cat.Polite | Cat.Done) || t[e].Word == "again"))
        {
            e++;
        }

        return TheCustomerOpensTheClause(t, k - 1, haveToo: false, Cat.Done | Cat.Greeting) && IsEdge(t, e) && !Is(t, e, Cat.Question);
    }

    /// <summary>
    /// Whether the customer is the subject of a verb that ends at <paramref name="k"/> and opens its clause: "already"
    /// words (and with <paramref name="haveToo"/> "have", "had", "'ve") between the subject and the verb, and only words of
    /// <paramref name="beforeSubject"/> before it ("I said agent", "udah aku bilang admin", "hi, I've asked for a person").
    /// </summary>
    private static bool TheCustomerOpensTheClause(ReadOnlySpan<Lex> t, int k, bool haveToo, Cat beforeSubject)
    {
        while (k >= 0 && !Is(t, k, Cat.Subject) && (Is(t, k, Cat.Done) || (haveToo && t[k].Word is "have" or "had" or "'ve")))
        {
            k--;
        }

        if (!Is(t, k, Cat.Subject))
        {
            return false;
        }

        k--;
        while (Is(t, k, beforeSubject) && !IsEdge(t, k))
        {
            k--;
        }

        return IsEdge(t, k);
    }

    /// <summary>
    /// The customer says they asked for one already, and so asks again: "I asked for a person", "I already asked for an
    /// agent", "I asked for a human agent twice already", "I requested a real person 10 minutes ago", "I've asked for a
    /// human, not a bot". A role or a person (not a team) right after "asked for" or "requested", whose subject is the
    /// customer and opens the clause (perhaps with "already" or "have"), and nothing after it in the clause but politeness,
    /// "already", "again", a count or how long ago; "I asked a person at the store", "if I asked for a human…", "I asked
    /// for a human last week and it was great" and "I asked for a person?" stay.
    /// </summary>
    private static bool AskedForAlready(ReadOnlySpan<Lex> t, Mention m)
    {
        if (m.Kind is not (Kind.Agent or Kind.Human or Kind.Person))
        {
            return false;
        }

        int k = m.Start - 1;
        while (Is(t, k, Cat.Article | Cat.Real))
        {
            k--;
        }

        if (WordAt(t, k) == "for" && WordAt(t, k - 1) == "asked")
        {
            k -= 2;
        }
        else if (WordAt(t, k) == "requested")
        {
            k--;
        }
        else
        {
            return false;
        }

        // A count or a time after it ("3 times", "10 minutes ago": "ago" is a word the lexicon does not know).
        int e = m.End;
        while (!IsEdge(t, e) && (Is(t, e, Cat.Polite | Cat.Done)
            || t[e].Word is "#" or "again" or "twice" or "thrice" or "time" or "before" or "minute" or "hour" or "day" or "several"
                or "many" or "two" or "three"
            || (t[e].Word.Length == 0 && WordAt(t, e - 1) is "minute" or "hour" or "day")))
        {
            e++;
        }

        return TheCustomerOpensTheClause(t, k, haveToo: true, Cat.Greeting) && IsEdge(t, e) && !Is(t, e, Cat.Question);
    }

    /// <summary>
    /// A clause that is only "to" a role with politeness, the verb understood: "langsung ke cs aja", "ke admin dong",
    /// "straight to an agent please". A role, not someone ("ke orang" sends), and a word of urging in the clause, or
    /// nothing else in the message ("ke CS", "to an agent."; "ke cs?" asks where it goes).
    /// </summary>
    private static bool DirectedBareRequest(ReadOnlySpan<Lex> t, Mention m, Cat filler)
    {
        if (m.Kind != Kind.Agent || !Is(t, m.Start - 1, Cat.To) || Is(t, m.Start - 1, Cat.Not))
        {
            return false;
        }

        var widened = new Mention(m.Start - 1, m.End, m.Kind, m.Real);
        return OnlyFillerAround(t, widened, filler & ~(Cat.Desire | Cat.Call), out int to)
            && (HasAround(t, widened, to, Cat.Polite) || IsTheWholeMessage(t, widened))
            && !Is(t, to, Cat.Question);
    }

    /// <summary>"ke CS", "to an agent.": the role and where to go are all the message says, so they are where the customer wants to go.</summary>
    private static bool IsTheWholeMessage(ReadOnlySpan<Lex> t, Mention m)
    {
        if (m.Start != 0)
        {
            return false;
        }

        for (int k = m.End; k < t.Length; k++)
        {
            if (!ReferenceEquals(t[k], Lex.Boundary))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A negator right before the verb at <paramref name="verb"/> declines it ("don't transfer me"), or with "have to",
    /// "need to" or "want to" between ("you don't have to transfer me", "I don't want to be transferred"), unless it asks
    /// "can or not" ("bisa gak disambung?") or belongs to a condition on who is there ("are you human? if not transfer me").
    /// </summary>
    private static bool DeclinedRightBefore(ReadOnlySpan<Lex> t, int verb)
    {
        int not = verb - 1;
        if (Is(t, not, Cat.To) && Is(t, not - 1, Cat.Has | Cat.Desire))
        {
            not -= 2;
        }

        return Is(t, not, Cat.Not) && !MentionRole.IsQuestionTag(t, not) && !IdentityCondition.IsItsNegation(t, not);
    }

    private static bool ContinuesAsRequest(ReadOnlySpan<Lex> t, int e) =>
        IsEdge(t, e) || Is(t, e, Cat.Polite | Cat.QParticle | Cat.Real | Cat.Purpose | Cat.Not | Cat.Subject | Cat.Human | Cat.Help)
        || (Is(t, e, Cat.Agent) && Is(t, e - 1, Cat.Agent) && ReferenceEquals(t[e], t[e - 1]))
        || AtThisPoint(t, e) || AtYourEnd(t, e);

    /// <summary>
    /// Where the one asked for is, on the business's side, closing the clause: "here", "at your company", "on your end",
    /// "from your side", "in your team" ("How do I reach an actual person at your company?", "I need a real person here").
    /// </summary>
    private static bool AtYourEnd(ReadOnlySpan<Lex> t, int e)
    {
        if (WordAt(t, e) == "here")
        {
            return IsEdge(t, e + 1) || Is(t, e + 1, Cat.Polite | Cat.QParticle);
        }

        if (WordAt(t, e) is not ("at" or "on" or "from" or "in") || WordAt(t, e + 1) != "your")
        {
            return false;
        }

        int k = e + 2;
        while (!IsEdge(t, k) && k < e + 4 && !Is(t, k, Cat.Not | Cat.Later | Cat.LaterTime | Cat.Cond | Cat.Past))
        {
            k++;
        }

        return IsEdge(t, k);
    }

    /// <summary>
    /// When it is asked, closing the clause: "at this point", "at the moment", "at this stage", "at this time", "at once"
    /// ("I just want a human at this point"). "a person at the counter" names where someone is, not when.
    /// </summary>
    private static bool AtThisPoint(ReadOnlySpan<Lex> t, int e)
    {
        if (WordAt(t, e) != "at")
        {
            return false;
        }

        if (WordAt(t, e + 1) == "once")
        {
            return IsEdge(t, e + 2) || Is(t, e + 2, Cat.Polite);
        }

        return WordAt(t, e + 1) is "this" or "the" && WordAt(t, e + 2) is "point" or "moment" or "stage" or "time"
            && (IsEdge(t, e + 3) || Is(t, e + 3, Cat.Polite));
    }

    /// <summary>A wish or a modal before position <paramref name="j"/> with only "me", "I" or politeness between: "minta disambungkan", "can you please transfer".</summary>
    private static bool WishRightBefore(ReadOnlySpan<Lex> t, int j)
    {
        for (int k = j - 1; k >= 0 && k >= j - 4; k--)
        {
            if (Is(t, k, Cat.Modal | Cat.Desire))
            {
                return true;
            }

            if (!Is(t, k, Cat.Me | Cat.Subject | Cat.You | Cat.Polite))
            {
                return false;
            }
        }

        return false;
    }

    private static bool HasWishBefore(ReadOnlySpan<Lex> t, int j, int window)
    {
        for (int k = j - 1; k >= 0 && k >= j - window && !Is(t, k, Cat.Edge); k--)
        {
            if (Is(t, k, Cat.Modal | Cat.Desire))
            {
                return true;
            }
        }

        return false;
    }
}
