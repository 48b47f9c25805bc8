using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>Question tags, declined and put-off verbs, wishes for a thing, alternatives and the clauses they stand in.</summary>
internal static partial class MentionRole
{
    /// <summary>
    /// A negator right after "bisa" / "dapat" asks "can or not" ("bisa gak disambung ke CS?"), it refuses nothing;
    /// after "please", "tolong" or "do" it still refuses ("please don't transfer me", "do not escalate").
    /// </summary>
    public static bool IsQuestionTag(ReadOnlySpan<Lex> t, int not) =>
        Is(t, not, Cat.Not) && Is(t, not - 1, Cat.Modal) && Is(t, not - 1, Cat.NotGap) && !Is(t, not - 1, Cat.Not | Cat.Polite);

    /// <summary>
    /// "after this" / "after that" before <paramref name="to"/> in the clause: "kalau masih muter, abis ini saya minta supervisor",
    /// "if it fails again, after that I want a manager": the request follows what the condition waits for.
    /// </summary>
    private static bool SaysAfterThat(ReadOnlySpan<Lex> t, int from, int to)
    {
        for (int k = from; k + 1 < to; k++)
        {
            if (t[k].Word is "habis" or "setelah" or "after" && t[k + 1].Word is "ini" or "itu" or "this" or "that")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"I" then "will" before <paramref name="to"/> in the clause: "saya akan minta", "I will ask", "I'm gonna ask".</summary>
    private static bool SaysIWill(ReadOnlySpan<Lex> t, int from, int to)
    {
        for (int k = from; k + 1 < to; k++)
        {
            if (Is(t, k, Cat.Subject) && (Is(t, k + 1, Cat.Will) || (Is(t, k + 1, Cat.Progressive) && Is(t, k + 2, Cat.Will))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The negator at <paramref name="not"/> declines a request verb within <see cref="DeclineWindow"/> tokens before
    /// <paramref name="before"/>, with only gap words between and no bot word after the verb.
    /// </summary>
    /// <remarks>"can't" says what cannot be done, it declines nothing: "why can't I talk to a human?" asks for one.</remarks>
    private static bool DeclinesVerb(ReadOnlySpan<Lex> t, int not, int before)
    {
        if (Is(t, not, Cat.Modal) || IsOtherwise(t, not) || IsAnswerThenUrging(t, not))
        {
            return false;
        }

        // "no I want a person", "nope i need an agent": an answer "no", then a wish of the customer's own.
        int answer = not;
        while (answer < not + 3 && Is(t, answer + 1, Cat.Not) && Is(t, answer + 1, Cat.QParticle))
        {
            answer++; // "no no I want customer service"
        }

        if (Is(t, answer, Cat.QParticle) && Is(t, answer + 1, Cat.Subject) && !Is(t, answer + 2, Cat.Not) && (IsEdge(t, not - 1) || Is(t, not - 1, Cat.Not)))
        {
            return false;
        }

        for (int k = not + 1; k < before && k <= not + DeclineWindow; k++)
        {
            if (Is(t, k, RequestVerb))
            {
                return !Has(t, k + 1, before, Cat.Bot) && !WishesForAThing(t, k, before);
            }

            // "aku males telpon orang", "I'd prefer not to call a person": declining to ring someone declines talking to them.
            if (Is(t, k, Cat.Broadcast))
            {
                return true;
            }

            // "I never asked to speak to anyone", "I didn't ask for an agent": a request denied ever made.
            // "I never asked for an agent, but now I need one" asks after all.
            if (t[k].Word is "ask" or "asked" or "requested")
            {
                return OnlyWhatWasAsked(t, k + 1, before) && !AsksAfterAll(t, before);
            }

            // "you don't have to connect me", "no need to have an agent": "have to" says it must, and the negator says it need not.
            // "ga jadi minta cs": what was wished is called off.
            if (!Is(t, k, DeclineGap) && !(Is(t, k, Cat.Has) && Is(t, k + 1, Cat.To)) && !(k == not + 1 && t[k].Word == "jadi"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>How many tokens after a request denied ever made are read for someone asked for after all.</summary>
    private const int AfterAllWindow = 30;

    /// <summary>
    /// Someone asked for after all, after the mention at <paramref name="mention"/>: a clause opened by "but" that wishes,
    /// urges or asks ("but now I need one", "but please get me one", "but I want one now"), a hand-over urged in a clause
    /// of its own ("I didn't ask for an agent. Please connect me to one.", "..., tapi sekarang tolong sambungkan") or one
    /// wished for ("Now I need one"). A clause with a negator asks nothing ("but I don't want one"), and "why did you
    /// transfer me" asks why it was done.
    /// </summary>
    private static bool AsksAfterAll(ReadOnlySpan<Lex> t, int mention)
    {
        bool but = false;
        bool denied = false;
        int clause = mention + 1;
        // What follows soon after, so that a long message of denials is read in one pass.
        for (int k = mention + 1; k < t.Length && k <= mention + AfterAllWindow; k++)
        {
            if (IsEdge(t, k) || t[k].Word is "but" or "tapi" or "tp" or "though")
            {
                but = !IsEdge(t, k);
                denied = false;
                clause = k + 1;
                continue;
            }

            denied |= Is(t, k, Cat.Not);
            if (denied)
            {
                continue;
            }

            if ((but && (Is(t, k, RequestVerb) || t[k].Word is "get" or "give"))
                || (Is(t, k, Cat.Connect) && !Is(t, k, Cat.Gerund) && OnlyUrgingBefore(t, clause, k))
                || (Is(t, k, Cat.Desire) && WordAt(t, k + 1) == "one"))
            {
                return true;
            }
        }

        return false;

        // "please", "now", "tolong", "sekarang" and "just" at most before the verb: an urging of its own.
        static bool OnlyUrgingBefore(ReadOnlySpan<Lex> t, int from, int to)
        {
            for (int k = from; k < to; k++)
            {
                if (!Is(t, k, Cat.Polite) && t[k].Word is not ("just" or "then" or "so" or "ok" or "okay"))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Whether [<paramref name="from"/>, <paramref name="before"/>) holds only what a denied asking asked for: "for",
    /// "to", an article, being real, the customer or a verb of talking or handing over ("never asked to speak to", "didn't
    /// ask for a real"), and no machine.
    /// </summary>
    private static bool OnlyWhatWasAsked(ReadOnlySpan<Lex> t, int from, int before)
    {
        for (int k = from; k < before; k++)
        {
            if (!(t[k].Word == "for" || Is(t, k, Cat.To | Cat.With | Cat.Article | Cat.Real | Cat.Me | Cat.Speak | Cat.Connect)) || Is(t, k, Cat.Bot))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "if not" before an urging or a request verb, or alone in its clause, means "otherwise": "kalau bukan, tolong
    /// sambungkan ke CS", "klo bkn tlg sambungin ke admin asli", "if not please transfer me". The negator is the
    /// condition's, not the verb's ("kalau tidak usah ke CS, ..." still declines).
    /// </summary>
    private static bool IsOtherwise(ReadOnlySpan<Lex> t, int not) =>
        Is(t, not - 1, Cat.Cond) && !Is(t, not + 1, Cat.Desire | Cat.NotGap)
        && (IsEdge(t, not + 1) || Is(t, not + 1, Cat.Polite | Cat.Connect | Cat.Speak | Cat.Call));

    /// <summary>
    /// A bare "no" answering the bot, then an urging word: "main menu no just transfer me to a person", "no please
    /// connect me". "no need to transfer me" and "no transfer please" still decline.
    /// </summary>
    private static bool IsAnswerThenUrging(ReadOnlySpan<Lex> t, int not) =>
        Is(t, not, Cat.QParticle) && Is(t, not + 1, Cat.Polite) && !Is(t, not + 1, Cat.Desire | Cat.NotGap);

    /// <summary>
    /// The wish at <paramref name="k"/> is for a thing, not a verb or a person: "I don't want the options", "gak mau menu",
    /// "don't need the links". Declining it declines no request ("gak mau menu, langsung ke cs aja", "i dont want options i
    /// want an agent").
    /// </summary>
    private static bool WishesForAThing(ReadOnlySpan<Lex> t, int k, int before)
    {
        if (!Is(t, k, Cat.Desire) || Is(t, k, Cat.Speak | Cat.Connect | Cat.Call))
        {
            return false;
        }

        int j = k + 1;
        while (Is(t, j, Cat.Article) && j < k + 3)
        {
            j++;
        }

        // "ga usah repot sambungin ke orang": a word of bother before the verb declines the verb.
        // A word that plays no part alone names a thing when the clause ends or the customer speaks again after it ("i dont
        // want a refund i want a human"); "I don't want my call transferred" declines the transfer.
        if (j >= before)
        {
            return false;
        }

        bool thing = t[j].IsUnknown || Is(t, j, Cat.Thing | Cat.Payment)
            || (t[j].Cats == Cat.None && !t[j].IsNumber && (IsEdge(t, j + 1) || Is(t, j + 1, Cat.Subject)));
        return thing && !Is(t, j + 1, RequestVerb | Cat.Passive);
    }

    private static bool OrBeside(ReadOnlySpan<Lex> t, Mention m)
    {
        const Cat skip = Cat.Article | Cat.With | Cat.To | Cat.Real | Cat.Copula;
        int after = m.End;
        while (after < m.End + 2 && Is(t, after, skip))
        {
            after++;
        }

        // "can transfer me to your staff or not?", "bisa sambung ke cs atau tidak?": "or not" asks whether it can be done.
        if (Is(t, after, Cat.Or) && !Is(t, after + 1, Cat.Not) && !NamesPersonNear(t, after + 1, +1))
        {
            return true;
        }

        int before = m.Start - 1;
        while (before > m.Start - 3 && Is(t, before, skip))
        {
            before--;
        }

        return Is(t, before, Cat.Or) && !NamesPersonNear(t, before - 1, -1);
    }

    /// <summary>
    /// A machine on the other side of an "or" after what the person does, within a few words of the mention and with no
    /// verb of asking between: "ada petugas yang baca chat ini atau cuma sistem?", "do staff read these or only a
    /// machine?". The person is what the question asks about, not someone asked for.
    /// </summary>
    private static bool OrMachineAfterWhatTheyDo(ReadOnlySpan<Lex> t, Mention m)
    {
        const Cat asking = Cat.Desire | Cat.Connect | Cat.Call | Cat.Modal | Cat.Agent | Cat.Human | Cat.Person;
        for (int k = m.End; k <= m.End + 5 && !IsEdge(t, k) && !Is(t, k, asking); k++)
        {
            if (Is(t, k, Cat.Or))
            {
                int j = k + 1;
                while (j < k + 3 && Is(t, j, Cat.Only | Cat.Polite | Cat.Copula | Cat.Article) && !Is(t, j, Cat.Bot | Cat.IdNoun))
                {
                    j++;
                }

                // a machine word, or what answers ("atau cuma sistem?")
                return Is(t, j, Cat.Bot | Cat.IdNoun);
            }
        }

        return false;
    }

    private static bool NamesPersonNear(ReadOnlySpan<Lex> t, int from, int step)
    {
        for (int k = from, n = 0; n < 3 && !IsEdge(t, k); k += step, n++)
        {
            // "a bot agent", "AI agent", "virtual assistant": a machine, not a person.
            if (Is(t, k, Cat.Agent | Cat.Human | Cat.Person | Cat.ServiceTail) && !Is(t, k - 1, Cat.Bot))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A question that only asks which one is there, a machine or a person, and asks for no one: "ini chat otomatis atau
    /// ada petugasnya?", "ini orang ato bukan?", "is this automated or is there a real person?", "beneran manusia ya, bukan
    /// bot?" (<see cref="DeniesTheOther"/>). Not when anything in the
    /// message wishes, pleads, calls, talks or connects ("bot or human? human please", "robot atau orang? mau orang aja"),
    /// nor when it says a role again and again.
    /// </summary>
    public static bool AsksWhichItIs(ReadOnlySpan<Lex> t)
    {
        const Cat asking = RequestVerb | Cat.Modal | Cat.Polite | Cat.Passive;
        const Cat machine = Cat.Bot | Cat.IdNoun;
        const Cat person = Cat.Human | Cat.Person | Cat.Agent;
        bool question = false;
        int or = -1;
        for (int k = 0; k < t.Length; k++)
        {
            // A role said again and again pleads for one: "is this a recording or a live person operator operator".
            // "chat" is a verb of talking and also what is on screen ("ini chat otomatis?"): here it names the chat.
            // "ya" tags a question ("manusia ya?"); it pleads for nothing.
            if ((Is(t, k, asking) && !Is(t, k, Cat.IdNoun) && WordAt(t, k) != "ya") || (Is(t, k, Cat.Agent) && Is(t, k + 1, Cat.Agent)))
            {
                return false;
            }

            question |= Is(t, k, Cat.Question | Cat.QParticle);
            if (or < 0 && Is(t, k, Cat.Or))
            {
                or = k;
            }
        }

        if (!question)
        {
            return false;
        }

        if (or < 0)
        {
            return DeniesTheOther(t);
        }

        int start = ClauseStart(t, or);
        int end = ClauseEnd(t, or);
        bool machineNamed = Has(t, start, end, machine);
        bool personNamed = Has(t, start, end, person);
        // "ini orang atau bukan?": a person or not is the same question as a person or a machine.
        bool orNot = Is(t, or + 1, Cat.Not) && Has(t, start, or, person);
        return personNamed && (machineNamed || orNot) && Has(t, start, or, machine | person) && (Has(t, or + 1, end, machine | person) || orNot);
    }

    /// <summary>
    /// The choice asked as one kind, then the other denied in a tag of its own closing the question: "ini yang chat sama
    /// saya beneran manusia ya, bukan bot?", "you're a human, not a bot?". A negator right after a comma, then a machine
    /// (or a person) and the '?', with a person (or a machine) in the clause before.
    /// </summary>
    private static bool DeniesTheOther(ReadOnlySpan<Lex> t)
    {
        for (int k = 1; k + 2 < t.Length; k++)
        {
            if (!Is(t, k, Cat.Not) || !Is(t, k - 1, Cat.Boundary) || Is(t, k - 1, Cat.Question))
            {
                continue;
            }

            int other = Is(t, k + 1, Cat.Article) ? k + 2 : k + 1;
            if (!ClosesWithQuestion(t, other + 1))
            {
                continue;
            }

            int before = ClauseStart(t, k - 1);
            if ((Is(t, other, Cat.Bot) && Has(t, before, k - 1, Cat.Human | Cat.Person))
                || (Is(t, other, Cat.Human | Cat.Person) && Has(t, before, k - 1, Cat.Bot)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OnlyPersonQuestion(ReadOnlySpan<Lex> t)
    {
        int words = 0;
        foreach (Lex lex in t)
        {
            if ((lex.Cats & Cat.Edge) != 0)
            {
                continue;
            }

            // "bot? human?", "human or bot?": a bare pair of alternatives asks who is there too.
            if ((lex.Cats & (Cat.Human | Cat.Person | Cat.Real | Cat.Article | Cat.Bot | Cat.Or)) == 0 || (lex.Cats & Cat.Agent) != 0)
            {
                return false;
            }

            words++;
        }

        int last = t.Length - 1;
        while (last >= 0 && t[last].Cats == Cat.Boundary)
        {
            last--;
        }

        return words > 0 && last >= 0 && (t[last].Cats & Cat.Question) != 0;
    }

    /// <summary>
    /// Where the clause of <paramref name="i"/> ends, with the clauses after it that only go on to deny ("..., not a bot"),
    /// which are part of what it says; never past a '?'.
    /// </summary>
    private static int ClauseEndWithDenials(ReadOnlySpan<Lex> t, int i)
    {
        int end = ClauseEnd(t, i);
        while (end < t.Length && !Is(t, end, Cat.Question) && Is(t, end + 1, Cat.Not))
        {
            end = ClauseEnd(t, end + 1);
        }

        return end;
    }

    private static bool OnlyFiller(ReadOnlySpan<Lex> t, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (!Is(t, k, AddressFiller) || Is(t, k, Asking | Cat.Polite))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasWords(ReadOnlySpan<Lex> t, int from, int to, int least)
    {
        int words = 0;
        for (int k = from; k < to && words < least; k++)
        {
            if (!IsEdge(t, k))
            {
                words++;
            }
        }

        return words >= least;
    }
}
