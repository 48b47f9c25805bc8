using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>What vetoes an identity question that only the learnt model finds, and what an identity question names.</summary>
internal static partial class MentionRole
{
    /// <summary>
    /// What vetoes an identity question only the learnt model finds: the message asks where someone is from
    /// (<see cref="AsksWhereFrom"/>) or about a thing (<see cref="AsksAboutAThing"/>), or says the customer knows it is a
    /// machine (<see cref="KnowsWhoIsThere"/>), or asks about a quality of the chat (<see cref="AsksAboutTheChat"/>) or
    /// complains of something automated that is not this chat (<see cref="ComplainsOfAutomatedSends"/>), or only thanks
    /// or praises the machine (<see cref="PraisesTheBot"/>) or calls it or the one answering names (<see cref="CallsTheOneAnsweringNames"/>),
    /// or only refuses the machine (<see cref="PersonRequest.OnlyRefusesTheMachine"/>: "no bot please").
    /// </summary>
    public static bool VetoesIdentity(ReadOnlySpan<Lex> t) =>
        AsksHowTheyAre(t) || AsksWhereFrom(t) || AsksAboutAThing(t) || KnowsWhoIsThere(t)
        || AsksWhoDecides(t) || AsksWhoDoesAJob(t) || OffersAMachine(t) || VouchesForSomeoneElse(t) || SaysWhatTheyAre(t) || DoesNotCareWho(t)
        || AsksAboutTheChat(t) || ComplainsOfAutomatedSends(t) || PraisesTheBot(t) || AsksWhichRole(t)
        || AsksHowTheMachineRuns(t) || AsksWhetherAThingIsAutomatic(t) || AsksWhetherTheyRead(t) || AsksWhereASendCameFrom(t)
        || NamesNothingOfWhoIsThere(t) || CallsTheOneAnsweringNames(t) || PersonRequest.OnlyRefusesTheMachine(t) || AsksWhatKindOfBusiness(t)
        || AsksAboutSomeoneElse(t) || IdentityQuestion.TakesItAsGiven(t) || AsksIfGenuine(t) || OnlyDemandsAPerson(t) || AsksWhetherItIsRecorded(t)
        || OnlyInsultsInAQuestion(t) || AsksHowToReachOne(t) || NamesAMachineProduct(t) || PersonRequest.OnlyAsksIfYouHave(t)
        || ScornsYouPeople(t) || CountsOwnMessages(t) || PraisesAThingReally(t) || TakesTheQuestionBack(t)
        || NamesAPaymentThing(t) || AsksHowAThingIsHandled(t);

    /// <summary>
    /// Every machine word is "virtual" naming a way of paying, not a machine: "kowe ngerti ora nomer rekening virtual
    /// account ku nang endi?", "where do I find my virtual account number?" ("virtual" right before money), with no
    /// person, being real or alternative in the message. "is this a bot account" still asks.
    /// </summary>
    private static bool NamesAPaymentThing(ReadOnlySpan<Lex> t)
    {
        bool named = false;
        for (int k = 0; k < t.Length; k++)
        {
            if (Is(t, k, Cat.Human | Cat.Person | Cat.RealAdj | Cat.Or) || (Is(t, k, Cat.Bot) && (t[k].Word != "virtual" || !Is(t, k + 1, Cat.Payment))))
            {
                return false;
            }

            named |= Is(t, k, Cat.Bot);
        }

        return named;
    }

    /// <summary>
    /// Whether a thing of the customer's is handled by a machine, not who answers: "klaim asuransi iki diproses AI opo
    /// ora?", "apakah klaim asuransi ini diproses AI atau tidak?". A thing (a word of a thing, or two words the lexicon
    /// does not know), "ini" or "iki" pointing at it, one word of handling and the machine, in a message that names
    /// nothing of the interlocutor or the chat, no talking, no one and not the customer ("chat ini dijawab AI?", "kamu
    /// dijalankan AI?", "pesan ini dibalas bot?" and "yang ngebales ini artificial intelligence ya?" still ask).
    /// </summary>
    private static bool AsksHowAThingIsHandled(ReadOnlySpan<Lex> t)
    {
        const Cat chat = Cat.YouPerson | Cat.IdNoun | Cat.Speak | Cat.Gerund | Cat.Me | Cat.Subject | Cat.Human | Cat.Person | Cat.Agent
            | Cat.ServiceTail | Cat.Who;
        if (Has(t, 0, t.Length, chat))
        {
            return false;
        }

        for (int j = 1; j + 2 < t.Length; j++)
        {
            const Cat thing = Cat.Thing | Cat.Payment | Cat.Breaker;
            if (t[j].Word is "ini" or "iki"
                && (Is(t, j - 1, thing) || (t[j - 1].IsUnknown && j > 1 && (t[j - 2].IsUnknown || Is(t, j - 2, thing))))
                && t[j + 1].IsUnknown && !t[j + 1].IsNumber && Is(t, j + 2, Cat.Bot))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A question of who is there taken back as a joke: "is ths a bot lol jk where is my parcel", "are you a bot? just
    /// kidding", "ini bot ya wkwk becanda, paket saya mana". "kidding", "joking", "jk" or "bercanda" after a machine, a
    /// person or being real, not said of anyone ("are you kidding me?", "kamu bercanda?", "you must be joking, are you a
    /// bot?"), not denied ("I'm not kidding", "no kidding", "gak bercanda", "stop joking": said in earnest) and with no
    /// question asked of who is there after it.
    /// </summary>
    public static bool TakesTheQuestionBack(ReadOnlySpan<Lex> t)
    {
        const Cat who = Cat.Bot | Cat.Human | Cat.Person | Cat.RealAdj;
        int last = -1;
        for (int k = 0; k < t.Length; k++)
        {
            if (Is(t, k, who))
            {
                last = k;
            }
        }

        for (int k = last + 1; k < t.Length && last >= 0; k++)
        {
            if (t[k].Word is "kidding" or "joking" or "bercanda" && !Is(t, k - 1, Cat.You | Cat.YouPerson | Cat.Progressive | Cat.Not)
                && WordAt(t, k - 1) is not ("are" or "is" or "be" or "were" or "was" or "stop"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A statement of how the one answering is or does, with nothing of what it is: "you are right", "you're welcome", "you
    /// guys are awesome", "you are so slow", "you are a joke", "anda lambat sekali". It opens (after greetings) with "you"
    /// and "are" (or "you guys are", "you people are", "youre"), or with an Indonesian word for the one answering and only
    /// words the lexicon knows after it, and no word after that names a machine, a person, a role, being real, who, an
    /// alternative, talking or being automated, or makes a question: "you are a bot", "you are real", "you're human
    /// right", "you are so slow, are you a bot?", "you are fake" and "kamu robot" still ask or say who is there. "right"
    /// right after "are" (or after one word that stresses it: "you are absolutely right") is what the customer agrees
    /// with, not a tag that asks. A word of <paramref name="text"/> that begins as one for a machine or its ways ("you are
    /// so robotic", "you are just a template", "you are copy pasting", "you are scripted"), known to the lexicon or not,
    /// says what the one answering is, and the statement still tells.
    /// </summary>
    public static bool JudgesTheOneAnswering(ReadOnlySpan<Lex> t, string text)
    {
        int k = 0;
        while (Is(t, k, Cat.Greeting | Cat.Boundary))
        {
            k++;
        }

        if (!Is(t, k, Cat.You) || !Is(t, k, Cat.YouPerson))
        {
            return false;
        }

        string you = t[k].Word;
        k++;
        if (you == "you")
        {
            if (WordAt(t, k) is "guys" or "all" or "person")
            {
                k++;
            }

            if (WordAt(t, k) is not ("are" or "r" or "were"))
            {
                return false;
            }

            k++;
        }
        else if (you is "youve")
        {
            return false;
        }

        int complement = k;
        if (WordAt(t, complement) is "so" or "absolute" or "total" or "complete" or "very" or "quite" or "too" or "really")
        {
            complement++;
        }

        if (complement >= t.Length || IsEdge(t, complement))
        {
            return false;
        }

        for (int i = k; i < t.Length; i++)
        {
            // Without "are" (Indonesian, Javanese) a word the lexicon does not know may be one for who is there misspelled
            // or in another tongue ("sampeyan menungso tenan ora"), and a negator closing it asks for a yes.
            if (you != "you" && you != "youre" && (t[i].IsUnknown || t[i].IsNumber || (Is(t, i, Cat.Not) && IsEdge(t, i + 1))))
            {
                return false;
            }

            bool agreed = i == complement && t[i].Word == "right";
            if (Is(t, i, Cat.Question | IdentityContent) || IsAutomated(t, i) || t[i].Word == "fake" || (!agreed && AsksForAYes(t, i)))
            {
                return false;
            }
        }

        // The text itself last: a word for a machine the lexicon does not know is a blank to the tokens.
        return !MachineLike.IsIn(text);
    }

    /// <summary>
    /// An identity question only the learnt model finds in a message that only asks how to reach a person: "how do i
    /// talk to an actual human here", "how can I speak to a real person?", "how do I get a live agent", "is there a way to
    /// reach a human here?". "how", "do" or "can" and "I" (or "is there a way to") open it, a verb of talking, fetching
    /// or handing over follows at once, and nothing names a machine,
    /// the one answering or an alternative ("how do I know you're a real person?" and "how do I talk to a human, or is
    /// this a bot?" still ask who is there).
    /// </summary>
    private static bool AsksHowToReachOne(ReadOnlySpan<Lex> t)
    {
        int k = 0;
        while (Is(t, k, Cat.Greeting))
        {
            k++;
        }

        // "is there a way to reach a human here?", "is there any way to talk to a person?": the same, asked of a way.
        if (WordAt(t, k) == "is" && WordAt(t, k + 1) == "there" && WordAt(t, k + 2) is "a" or "any" && WordAt(t, k + 3) == "way"
            && WordAt(t, k + 4) == "to")
        {
            k += 5;
        }
        else if (WordAt(t, k) != "how" || WordAt(t, k + 1) is not ("do" or "can" or "could" or "would" or "should" or "to"))
        {
            return false;
        }
        else
        {
            k += WordAt(t, k + 1) == "to" ? 2 : 2 + (Is(t, k + 2, Cat.Subject) ? 1 : 0);
        }

        if (!Is(t, k, Cat.Speak | Cat.Call | Cat.Connect) || Is(t, k, Cat.Gerund))
        {
            return false;
        }

        bool person = false;
        for (int i = k + 1; i < t.Length; i++)
        {
            if (Is(t, i, Cat.Bot | Cat.Or | Cat.You | Cat.YouPerson | Cat.Who | Cat.Not))
            {
                return false;
            }

            person |= Is(t, i, Cat.Human | Cat.Person | Cat.Agent);
        }

        return person;
    }

    /// <summary>
    /// An insult asked as a question of the one answering, naming no one who could be there: "are you an idiot?", "are you
    /// stupid or what", "kamu bego ya?". Every word known, a word of abuse, "you", and nothing else of what an identity
    /// question names ("are you a stupid bot?", "are you an idiot or a real person?" still ask).
    /// </summary>
    private static bool OnlyInsultsInAQuestion(ReadOnlySpan<Lex> t)
    {
        bool insulted = false;
        bool addressed = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i].IsUnknown || t[i].IsNumber || (Is(t, i, IdentityContent & ~(Cat.YouPerson | Cat.Or)) && !Is(t, i, Cat.Abusive)))
            {
                return false;
            }

            insulted |= Is(t, i, Cat.Abusive);
            addressed |= Is(t, i, Cat.YouPerson);
        }

        return insulted && addressed;
    }

    /// <summary>
    /// Whether the one answering records the call, asked with no other word for who is there: "are you recording this?",
    /// "are you recording our call?". "are you a recording?" and "are you recording this, or are you a bot?" ask who is there.
    /// </summary>
    private static bool AsksWhetherItIsRecorded(ReadOnlySpan<Lex> t)
    {
        const Cat who = Cat.Bot | Cat.Human | Cat.Person | Cat.Agent | Cat.Real | Cat.RealAdj | Cat.Who;
        bool recorded = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (IdentityQuestion.IsRecordingDone(t, i))
            {
                recorded = true;
            }
            else if (Is(t, i, who))
            {
                return false;
            }
        }

        return recorded;
    }

    /// <summary>
    /// An identity question only the learnt model finds in a message that is only a person demanded, with no '?': "orang
    /// asli. sekarang.", "real person please", "manusia!", "live agent now". Only words for a person, a role, "real",
    /// articles, politeness, greetings and wishes; no machine, no alternative. It asks for one ("human?" and "human or
    /// bot" may ask who is there).
    /// </summary>
    private static bool OnlyDemandsAPerson(ReadOnlySpan<Lex> t)
    {
        const Cat demand = Cat.Human | Cat.Person | Cat.Agent | Cat.Real | Cat.Article | Cat.Polite | Cat.Greeting | Cat.Desire;
        bool person = false;
        foreach (Lex lex in t)
        {
            if ((lex.Cats & Cat.Edge) != 0)
            {
                if ((lex.Cats & Cat.Question) != 0)
                {
                    return false;
                }

                continue;
            }

            if ((lex.Cats & demand) == 0 || (lex.Cats & (Cat.Bot | Cat.Or | Cat.Not | Cat.Who | Cat.QParticle)) != 0)
            {
                return false;
            }

            person |= (lex.Cats & (Cat.Human | Cat.Person | Cat.Agent)) != 0;
        }

        return person;
    }

    /// <summary>
    /// An identity question only the learnt model finds where "real" is set against a fraud and nothing names a machine,
    /// a person or the one answering: "Is this message real or is it a scam?", "ini beneran dari bank atau penipuan ya?",
    /// "is this offer real or fake?". It asks whether something is genuine, not who answers; "are you real or fake?" and
    /// "is this a real person or a scam?" still ask.
    /// </summary>
    private static bool AsksIfGenuine(ReadOnlySpan<Lex> t)
    {
        bool genuine = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, Cat.Bot | Cat.Human | Cat.Person | Cat.Who | Cat.YouPerson))
            {
                return false;
            }

            genuine |= Is(t, i, Cat.Real) && FraudSetAgainst(t, i);
        }

        return genuine;
    }

    /// <summary>"or" after "real" at <paramref name="i"/> in its clause, then a word for a fraud: "real or fake", "beneran dari bank atau penipuan".</summary>
    private static bool FraudSetAgainst(ReadOnlySpan<Lex> t, int i)
    {
        for (int k = i + 1; k <= i + 6 && !IsEdge(t, k); k++)
        {
            if (!Is(t, k, Cat.Or))
            {
                continue;
            }

            for (int j = k + 1; j <= k + 4 && !IsEdge(t, j); j++)
            {
                if (WordAt(t, j) is "scam" or "fake" or "palsu" or "tipu" or "penipuan" or "hoax" or "fraud" or "phishing")
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// An identity question only the learnt model finds in a message about someone else the customer deals with, a
    /// seller or a worker who comes to them (a courier, a driver), said to be real, a bot or automatic: "seller ini
    /// asli gak sih?", "kurirnya akun bot ya? gak pernah bales", "sellernya bales otomatis ya? cepet banget", "apakah
    /// penjual ini manusia asli atau akun bot?", "is the courier a bot?".
    /// Nothing in the message points at the one answering or at the chat: no "you", no other role, no verb of talking,
    /// no who-word and not the customer ("am I talking to the seller or a bot?"); "this" and "ini" only right next to the
    /// one named ("this seller", "penjual ini"). "seller ini bot ya? kamu juga?" still asks.
    /// </summary>
    private static bool AsksAboutSomeoneElse(ReadOnlySpan<Lex> t)
    {
        const Cat here = Cat.YouPerson | Cat.Speak | Cat.Who | Cat.ServiceTail | Cat.Team | Cat.Subject | Cat.Agent;
        bool named = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (IsSomeoneElse(t, i))
            {
                named = true;
                continue;
            }

            if (Is(t, i, here) || (Is(t, i, Cat.You) && !IsSomeoneElse(t, i - 1) && !IsSomeoneElse(t, i + 1)))
            {
                return false;
            }
        }

        return named;
    }

    /// <summary>A seller, or a worker who comes to the customer: "seller", "penjual", "courier", "kurir", "driver", "sopir".</summary>
    private static bool IsSomeoneElse(ReadOnlySpan<Lex> t, int k) =>
        IdentityQuestion.IsSeller(t, k) || WordAt(t, k) is "courier" or "driver";

    /// <summary>
    /// An identity question only the learnt model finds in a message that asks what kind of business the one answering is:
    /// "are you a registered company in Indonesia?", "are you a real company?", "are you a legit store", "is this the real
    /// Nike store or a reseller?", "apakah ini toko resmi?", "kalian perusahaan asli?". "you" or "this" and, later in its
    /// clause, a word for a business; and no word anywhere for a machine, a person, a role, who, or talking. "are you a real
    /// company or a bot?" and "is this store's chat a person?" still ask.
    /// </summary>
    private static bool AsksWhatKindOfBusiness(ReadOnlySpan<Lex> t)
    {
        const Cat someone = Cat.Bot | Cat.Human | Cat.Person | Cat.Agent | Cat.Who | Cat.Speak | Cat.Gerund | Cat.IdNoun;
        bool business = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, someone))
            {
                return false;
            }

            if (IsBusiness(t, i))
            {
                for (int k = i - 1; !IsEdge(t, k); k--)
                {
                    business |= Is(t, k, Cat.You);
                }
            }
        }

        return business;
    }

    /// <summary>
    /// An identity question only the learnt model finds in a message that calls the machine or the one answering names,
    /// which says who the customer takes it for and asks nothing: "this bot is dumb", "the bot is an idiot", "dumb robot",
    /// "you are a useless bot", "bots like you are the reason I hate this company", "you people are incompetent", "you are
    /// hopeless", "bot ga guna", "bot ini tidak berguna", "kamu bot bodoh". A machine word or "you" ("you people", "kamu")
    /// and, in its clause, a word of abuse or contempt ("dumb", "useless", "goblok") or a help word negated ("tidak berguna", "not
    /// helpful"); and nothing anywhere that makes it a question (<see cref="AsksForAYes"/>: no question mark, "is this",
    /// "apakah", "ya", "kah", "bukan", "right", "or") and no word of someone else who could be there (a person, a role, being
    /// real, who, talking; "you" is the machine named). "is this a dumb bot?", "are you a stupid bot", "useless bot,
    /// are you even a real person?" and "stupid bot or a human" still ask.
    /// </summary>
    public static bool CallsTheOneAnsweringNames(ReadOnlySpan<Lex> t)
    {
        // "you" is no one else: "you are a useless bot" says what the customer takes it for.
        const Cat asking = Cat.Question | (WhoIsThere & ~Cat.YouPerson);
        bool named = false;
        for (int i = 0; i < t.Length; i++)
        {
            // "you people", "you guys": the ones answering, addressed.
            bool addressed = Is(t, i, Cat.Person) && Is(t, i - 1, Cat.YouPerson);
            if ((Is(t, i, asking) && !addressed) || AsksForAYes(t, i))
            {
                return false;
            }

            named = named || (Is(t, i, Cat.Bot | Cat.YouPerson) && HasContemptInClause(t, i));
        }

        return named;
    }

    /// <summary>
    /// Whether the word at <paramref name="i"/> makes a question of its clause without a question mark: "is", "are" or "am"
    /// (or "aren't", "isn't") right before "you" or "this" ("wtf is this a bot", "are you a stupid bot", "you're a useless
    /// bot, aren't you"), or opening a clause before an article
    /// ("is the bot dumb or what"; "the bot is an idiot" says it), "apakah" or "apa" opening a
    /// clause (after greetings only: "halo apakah ini robot saya nggak ngerti"), or a particle that asks for a yes ("ya", "kah", "bukan", "right", "or"), but not a negator of a help word ("bot
    /// ga guna") nor a particle of emphasis ("sih", "nih", "dong").
    /// </summary>
    private static bool AsksForAYes(ReadOnlySpan<Lex> t, int i)
    {
        string word = t[i].Word;
        if (word is "am" or "is" or "are" or "r" or "was" or "were")
        {
            return Is(t, i + 1, Cat.You | Cat.YouPerson) || (IsEdge(t, i - 1) && Is(t, i + 1, Cat.Article));
        }

        if (word is "arent" or "isnt" or "aint" or "wasnt" or "werent")
        {
            // a tag that asks: "you're a useless bot, aren't you"
            return Is(t, i + 1, Cat.You | Cat.YouPerson);
        }

        if (word is "apakah" or "apa")
        {
            // "halo apakah ini robot ...": a greeting may open the clause before it.
            int k = i - 1;
            while (Is(t, k, Cat.Greeting) && !IsEdge(t, k))
            {
                k--;
            }

            return IsEdge(t, k);
        }

        return Is(t, i, Cat.QParticle) && word is not ("sih" or "nih" or "deh" or "dong" or "wae" or "ah")
            && !(Is(t, i, Cat.Not) && (ToneScanner.NegatesHelp(t, i) || Is(t, i + 1, Cat.Negative | Cat.Abusive)));
    }

    /// <summary>A word of abuse or contempt in the clause of the word at <paramref name="i"/> (<see cref="ToneScanner.SoundsBadAt"/>).</summary>
    private static bool HasContemptInClause(ReadOnlySpan<Lex> t, int i)
    {
        for (int k = ClauseStart(t, i); !IsEdge(t, k); k++)
        {
            if (ToneScanner.SoundsBadAt(t, k))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a message may name of what the one answering could be: a machine, a person, a role, something real, who, a team, alternatives.</summary>
    private const Cat WhatTheyCouldBe = Cat.Bot | Cat.Human | Cat.Person | Cat.Agent | Cat.Real | Cat.RealAdj | Cat.Who | Cat.Gerund | Cat.Team | Cat.Or;

    /// <summary>
    /// An identity question only the learnt model finds that asks whether something the customer was sent came from the
    /// business: "is this email from you really?", "is this call from you?", "is this sms from your bank?". Something sent
    /// or pointed to (an e-mail, an SMS, a call, a link, a message) before "from" and the business or a name after it,
    /// and no word anywhere of what the one answering could be (a machine, a person, a role, something real, who,
    /// talking, alternatives; "automated" before the thing sent says how it was sent: "did this automated call really come
    /// from your company?"): "is this message from a bot?" and "is this email from you or from a bot?" still ask.
    /// </summary>
    private static bool AsksWhereASendCameFrom(ReadOnlySpan<Lex> t)
    {
        const Cat what = WhatTheyCouldBe | Cat.Speak;
        bool sent = false;
        bool from = false;
        for (int i = 0; i < t.Length; i++)
        {
            // "automated" of "this automated call" says how it was sent, not who is there.
            if (Is(t, i, what) && !(IsAutomated(t, i) && Is(t, i + 1, Cat.Broadcast | Cat.Thing | Cat.IdNoun)))
            {
                return false;
            }

            if (Is(t, i, Cat.Edge))
            {
                sent = false;
            }

            sent |= Is(t, i, Cat.Broadcast | Cat.Thing | Cat.IdNoun);
            from |= sent && t[i].Word == "from" && i + 1 < t.Length
                && (Is(t, i + 1, Cat.You | Cat.YouPerson | Cat.Article | Cat.Me) || t[i + 1].IsUnknown);
        }

        return from;
    }

    /// <summary>
    /// An identity question only the learnt model finds that asks whether the one answering read something, not who they
    /// are: "did you read my message?", "have you even read what I wrote", "kamu baca chat saya gak sih?". "read" or "baca"
    /// with "you" / "kamu" shortly before it, and no word anywhere of what the one answering could be (a machine, a person,
    /// a role, something real, who, a team, alternatives): "did you read my message? are you a bot?" still asks.
    /// </summary>
    private static bool AsksWhetherTheyRead(ReadOnlySpan<Lex> t)
    {
        bool read = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, WhatTheyCouldBe))
            {
                return false;
            }

            read |= t[i].Word is "read" or "baca" && HasYouBefore(t, i);
        }

        return read;
    }

    /// <summary>What an identity question names: a machine, a person or a role, being real, who, talking, or the reply itself (or "automatic").</summary>
    private const Cat IdentityContent = WhoIsThere | Cat.Bot | Cat.IdNoun | Cat.Speak | Cat.Team | Cat.ServiceHead | Cat.ServiceTail | Cat.Exist
        | Cat.Broadcast;

    /// <summary>
    /// A message that names nothing an identity question asks about, only known words ("ini gimana sih", "kok gitu sih",
    /// "what is this?"): no machine, person, role, being real, who, alternative, talking or reply. A word the lexicon does
    /// not know, or one written with digits, may be one of them misspelled ("ini bto?", "ini b0t ya"), so it keeps what the
    /// learnt model found.
    /// </summary>
    public static bool NamesNothingOfWhoIsThere(ReadOnlySpan<Lex> t)
    {
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i].IsUnknown || t[i].IsNumber || Is(t, i, IdentityContent) || IsAutomated(t, i))
            {
                return false;
            }
        }

        return true;
    }


    /// <summary>What a message may name that makes it about who is there: a person, the interlocutor as a person, being real, who, alternatives.</summary>
    private const Cat WhoIsThere = Cat.YouPerson | Cat.Human | Cat.Person | Cat.Agent | Cat.Real | Cat.RealAdj | Cat.Who | Cat.Or | Cat.Gerund;

    /// <summary>
    /// Whether a machine is working, not whether it is one: "is the chat bot down?", "bot lagi error ya?", "is the chatbot
    /// broken again?", "botnya lagi gangguan?". A machine word with a word of failing (<see cref="Cat.Breaker"/>: "down",
    /// "error", "broken", "rusak", "gangguan") right after it, or after only "nya", "is" or "lagi", and no word in the
    /// message for a person, the interlocutor as a person, being real, who or an alternative ("is this a bot? it's
    /// broken, are you a human?" still asks).
    /// </summary>
    public static bool AsksHowTheMachineRuns(ReadOnlySpan<Lex> t)
    {
        bool failing = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, WhoIsThere))
            {
                return false;
            }

            if (!Is(t, i, Cat.Bot))
            {
                continue;
            }

            int k = i + 1;
            for (int steps = 0; steps < 2 && Is(t, k, Cat.Clitic | Cat.Copula | Cat.Progressive) && !Is(t, k, Cat.Breaker); steps++)
            {
                k++;
            }

            // Sundanese "lain" closes a question ("ieu bot lain?", "isn't this a bot?"); "another" fails at nothing.
            failing |= Is(t, k, Cat.Breaker) && t[k].Word is not "lain";
        }

        return failing;
    }

    /// <summary>
    /// Whether a feature or a process is automatic, not who answers: "is autopay automatic?", "is the refund automated?",
    /// "apakah pembayarannya otomatis?", "is the renewal automatic or manual?". "automatic" ("auto", "automatically"),
    /// or "automated" ("otomatis") after an article or a word of a thing, closes the question or comes before "or"; the
    /// thing stands before it in its clause (a word the lexicon does not know, or a thing, money or a failing word), or
    /// right after it ("is this automatic renewal?", "is this automated payment set up?"); and the message names no other machine,
    /// nothing of the interlocutor or the chat ("this" unless it points at the thing, "you", "reply", "chat"), no talking
    /// and no one ("is this automatic?", "is this reply automatic?", "apakah ini otomatis?", "are these automatic
    /// answers?" and "is tihs automated?" still ask); after the question the customer and "it" may speak of the thing
    /// ("Is this charge automatic? I didn't authorize it"), "you" may not.
    /// </summary>
    public static bool AsksWhetherAThingIsAutomatic(ReadOnlySpan<Lex> t)
    {
        const Cat here = WhoIsThere | Cat.You | Cat.IdNoun | Cat.Speak | Cat.ServiceTail | Cat.Team | Cat.Subject;
        // After the question, the customer and "it" speak of the thing ("Is this charge automatic? I didn't authorize it");
        // "you" is still one who answers (WhoIsThere).
        const Cat hereLater = here & ~(Cat.Subject | Cat.You);
        bool automatic = false;
        int askedUntil = int.MaxValue;
        for (int i = 0; i < t.Length; i++)
        {
            if ((Is(t, i, i > askedUntil ? hereLater : here) && !PointsAtAThing(t, i)) || (Is(t, i, Cat.Bot) && !IsAutomated(t, i)))
            {
                return false;
            }

            if (IsAutomated(t, i) && IsThingWord(t, i + 1))
            {
                // "is this automatic renewal?", "is it automatic billing or manual?", "is this automated payment set
                // up?": the thing is named after it
                automatic = true;
                askedUntil = Math.Min(askedUntil, ClauseEnd(t, i));
                continue;
            }

            // A question particle may close it: "langganan ini perpanjang otomatis ya?", "SMS OTP ini dikirim otomatis kan?".
            int after = i + 1;
            while (Is(t, after, Cat.QParticle) && !Is(t, after, Cat.Or))
            {
                after++;
            }

            if (!IsAutomated(t, i) || !(IsEdge(t, after) || Is(t, after, Cat.Or)))
            {
                continue;
            }

            const Cat thing = Cat.Thing | Cat.Payment | Cat.Breaker | Cat.Broadcast;
            for (int k = i - 1; !IsEdge(t, k); k--)
            {
                bool named = Is(t, k, thing) || (t[k].IsUnknown && (t[i].Word is "automatic" || Is(t, k - 1, Cat.Article | Cat.Clitic)));
                if (named)
                {
                    automatic = true;
                    askedUntil = Math.Min(askedUntil, ClauseEnd(t, i));
                    break;
                }
            }
        }

        return automatic;
    }

    /// <summary>
    /// A question that is only about a product a machine word describes, not about who answers: "Is this automated watch
    /// waterproof?", "is this an AI translator accurate?", "Is it a robot mop or just a vacuum?", "Is this an AI-powered
    /// camera?", "is the coffee machine automatic?", "ini robot vacuum ya kak?", "ini mesin cuci otomatis ya kak?". The
    /// message is that one question: "is", "are" or "does" and "this", "the", "that" or "it" ("apakah" and "ini" or "itu"),
    /// an article, then "AI", "robot", "automated", "automatic" or "mesin" (past "powered") and a word the lexicon does
    /// not know, or such a word and "machine"; after it only more such words, things, words of what it is like, "to",
    /// "automatic", particles, "kak", or "or" and another product, to the end. "is this AI tbh it sounds like AI", "is this an automated voice hello", "is
    /// this thing automated" and "is this the ai thing again" still ask who is there.
    /// </summary>
    private static bool NamesAMachineProduct(ReadOnlySpan<Lex> t)
    {
        int k = 0;
        bool english = WordAt(t, k) is "is" or "are" or "does";
        if (english)
        {
            k++;
            if (WordAt(t, k) is not ("this" or "the" or "that" or "it"))
            {
                return false;
            }
        }
        else
        {
            if (WordAt(t, k) == "apakah")
            {
                k++;
            }

            if (WordAt(t, k) is not ("ini" or "itu"))
            {
                return false;
            }
        }

        k++;
        bool article = Is(t, k, Cat.Article);
        while (Is(t, k, Cat.Article))
        {
            k++;
        }

        // In English a word of its own after the machine word may say what it is like rather than name a product ("is this
        // AI legit?", "is this robot trained?"): a product is told by an article before the pair ("an AI translator?"), a
        // word after it ("AI translator accurate?"), an alternative, or a word before "machine" ("coffee machine").
        bool told = !english || article;
        if (t.Length > k && t[k].Word is "ai" or "robot" or "automated" or "automatic" or "mesin")
        {
            k++;
            if (WordAt(t, k) == "powered")
            {
                k++;
            }

            if (!IsProductWord(t, k))
            {
                return false;
            }
        }
        else if (IsProductWord(t, k) && WordAt(t, k + 1) == "machine")
        {
            told = true;
        }
        else
        {
            return false;
        }

        for (k++; k < t.Length && !IsEdge(t, k); k++)
        {
            told |= !Is(t, k, Cat.QParticle | Cat.Polite);
            if (WordAt(t, k) == "or")
            {
                // "or just a vacuum": another product as the alternative, nothing of who could be there.
                for (k++; k < t.Length && !IsEdge(t, k); k++)
                {
                    if (!(IsProductWord(t, k) || Is(t, k, Cat.Article | Cat.Thing) || t[k].Word is "just" or "only"))
                    {
                        return false;
                    }
                }

                break;
            }

            // What it is like ("waterproof", "good on rugs", "easy to install") and how the customer addresses the shop ("kak").
            if (!(IsProductWord(t, k) || Is(t, k, Cat.Thing | Cat.To | Cat.Remark | Cat.NegAfterNot) || t[k].Word is "automatic" or "automated" or "machine" or "kak"
                || (Is(t, k, Cat.QParticle | Cat.Polite) && !Is(t, k, Cat.Not))))
            {
                return false;
            }
        }

        // Nothing after the question but its mark.
        return told && (k >= t.Length || (Is(t, k, Cat.Question) && k == t.Length - 1));

        static bool IsProductWord(ReadOnlySpan<Lex> t, int k) =>
            (uint)k < (uint)t.Length && ReferenceEquals(t[k], Lex.Unknown);
    }

    /// <summary>"automated" (or "otomatis", read as it) or "automatic" stands at <paramref name="k"/>.</summary>
    internal static bool IsAutomated(ReadOnlySpan<Lex> t, int k) => (uint)k < (uint)t.Length && t[k].Word is "automated" or "automatic";

    /// <summary>
    /// "this" / "that" before a thing or a payment (or before "automatic" and one, perhaps after "a" / "an"), or "ini" /
    /// "itu" after one, points at it, not at the one answering: "is this renewal automatic?", "is this automatic renewal?",
    /// "is this an automatic payment?", "perpanjangan ini otomatis?"; "is this automatic?", "is this reply automatic?", "is
    /// this line automated?", "is this an automatic reply?" and "is this an automated account?" point at the chat.
    /// </summary>
    private static bool PointsAtAThing(ReadOnlySpan<Lex> t, int k)
    {
        if ((uint)k >= (uint)t.Length)
        {
            return false;
        }

        if (t[k].Word is "ini" or "itu")
        {
            return IsThingWord(t, k - 1);
        }

        if (t[k].Word is not ("this" or "that"))
        {
            return false;
        }

        // After an article only "automatic", or "automated" before money ("is this an automated charge every month?"): "is
        // this an automated account?" asks whether the account is a bot.
        return IsThingWord(t, k + 1) || (IsAutomated(t, k + 1) && IsThingWord(t, k + 2))
            || (Is(t, k + 1, Cat.Article) && (uint)(k + 2) < (uint)t.Length
                && ((t[k + 2].Word == "automatic" && IsThingWord(t, k + 3))
                    || (IsAutomated(t, k + 2) && Is(t, k + 3, Cat.Payment) && t[k + 3].Word != "account")));
    }

    /// <summary>
    /// A thing or a payment the lexicon knows ("product", "refund", "renewal", "langganan"), or a subscription, a plan or a
    /// package, which the lexicon knows as breakers of a person's compound ("agent subscription"): "is this subscription
    /// automatic?".
    /// </summary>
    private static bool IsThingWord(ReadOnlySpan<Lex> t, int k) =>
        Is(t, k, Cat.Thing | Cat.Payment) || WordAt(t, k) is "subscription" or "plan" or "package";

    /// <summary>
    /// Whether the one answering holds a role, and nothing else: "are you an agent?", "are you the manager?", "kamu admin?".
    /// Only "you" as a person, one role (a role word, or a service: "are you customer service?") and the small words of a
    /// question; no machine word, nothing real, no person, no alternative and no negator. "are you a real agent?", "are you
    /// an agent or a bot?" and "kamu admin asli?" still ask who is there.
    /// </summary>
    public static bool AsksWhichRole(ReadOnlySpan<Lex> t)
    {
        const Cat small = Cat.Copula | Cat.Lead | Cat.Greeting | Cat.QParticle | Cat.Polite | Cat.Article | Cat.Edge;
        bool you = false;
        int roles = 0;
        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, Cat.YouPerson))
            {
                you = true;
            }
            else if (Is(t, i, Cat.Agent) && !Is(t, i, Cat.Bot | Cat.Human | Cat.Real | Cat.RealAdj | Cat.Not | Cat.Or))
            {
                roles++;
            }
            else if (Is(t, i, Cat.ServiceHead) && Is(t, i + 1, Cat.ServiceTail))
            {
                roles++;
                i++;
            }
            else if (!Is(t, i, small) || Is(t, i, Cat.Bot | Cat.Human | Cat.Real | Cat.RealAdj | Cat.Not | Cat.Or | Cat.Person | Cat.Who))
            {
                return false;
            }
        }

        return you && roles == 1;
    }

    /// <summary>
    /// Thanks or praise for the machine, asking nothing: "thanks bot", "nice one robot", "makasih bot pinter 👍", "mantap
    /// bot". No question mark, no word for the interlocutor, the customer, talking, a person or who, and every machine
    /// word has a word of thanks or praise (<see cref="Cat.Thanks"/>, <see cref="Cat.Remark"/>) at most two words from it
    /// in its clause. "thanks, are you a bot?", "so you're a bot, thanks" and "lho ini bot toh" still ask.
    /// </summary>
    public static bool PraisesTheBot(ReadOnlySpan<Lex> t)
    {
        const Cat asking = Cat.Question | Cat.You | Cat.YouPerson | Cat.Subject | Cat.Speak | Cat.Gerund | Cat.Human | Cat.Person
            | Cat.Who | Cat.Or | Cat.RealAdj;
        bool machine = false;
        for (int i = 0; i < t.Length; i++)
        {
            // the "you" of "thank you" is no interlocutor asked about
            if (Is(t, i, asking) && !(Is(t, i, Cat.You) && i > 0 && (t[i - 1].Word is "thank" || Is(t, i - 1, Cat.Thanks))))
            {
                return false;
            }

            if (Is(t, i, Cat.Bot))
            {
                machine = true;
                if (!Praised(t, i))
                {
                    return false;
                }
            }
        }

        return machine;
    }

    /// <summary>A word of thanks or praise at most two words before or after <paramref name="i"/>, in its clause ("thank you bot").</summary>
    private static bool Praised(ReadOnlySpan<Lex> t, int i)
    {
        for (int k = i - 1; k >= i - 2 && !IsEdge(t, k); k--)
        {
            if (Is(t, k, Cat.Thanks | Cat.Remark) || t[k].Word is "thank")
            {
                return true;
            }
        }

        for (int k = i + 1; k <= i + 2 && !IsEdge(t, k); k++)
        {
            if (Is(t, k, Cat.Thanks | Cat.Remark))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A question about a quality of the chat, the app or the line, not who answers: "is this chat secure?", "is this chat
    /// safe to send my card number?", "chat ini aman gak?", "apakah percakapan ini direkam?", "is this call being
    /// recorded?". A clause with a quality (<see cref="Cat.Thing"/>: "secure", "free", "official", "aman", "direkam"; or
    /// "being recorded", "recorded for ..."), no machine word after it and no word for
    /// a person, for the interlocutor as a person, for being real, for who, nor an alternative; and no other clause names a machine or asks
    /// who is there ("is this chat secure? or is it a bot?" still asks). "is this a recording?", "ini rekaman?" and "is
    /// this chat a bot?" name no quality and still ask.
    /// </summary>
    public static bool AsksAboutTheChat(ReadOnlySpan<Lex> t)
    {
        const Cat someone = Cat.YouPerson | Cat.Human | Cat.Person | Cat.Agent | Cat.Real | Cat.RealAdj | Cat.Who | Cat.Gerund | Cat.Or;
        for (int start = 0; start < t.Length; start = ClauseEnd(t, start) + 1)
        {
            int end = ClauseEnd(t, start);
            int quality = start;
            while (quality < end && !Is(t, quality, Cat.Thing) && !IsRecordedAsAQuality(t, quality))
            {
                quality++;
            }

            // "being" of "being recorded" is no human being.
            int being = IsRecordedAsAQuality(t, quality) && IsBeing(t, quality - 1) ? quality - 1 : quality;
            // "aplikasi ini aman?", "is this AI safe?" ask about the app; "ini video call sama bot?" names who is there after it.
            if (quality < end && !Has(t, start, being, someone) && !Has(t, being + 1, end, someone) && !Has(t, quality + 1, end, Cat.Bot)
                && !AsksElsewhere(t, start, end))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "recorded" said of the line, kept or stored: "is this call being recorded?", "is this conversation recorded for
    /// quality?", "chat ini di-record gak?", "was my call recorded?" (closing the question after a known word that is no
    /// article); not "is this a recorded message?", "is this a recording?" nor "is this pre-recorded?".
    /// </summary>
    private static bool IsRecordedAsAQuality(ReadOnlySpan<Lex> t, int k) =>
        (uint)k < (uint)t.Length
        && ((t[k].Word == "record" && WordAt(t, k - 1) == "di")
            || (t[k].Word is "recording"
                && (IsBeing(t, k - 1) || (Is(t, k + 1, Cat.Purpose) && IsPlainWord(t, k + 2))
                    || (Is(t, k + 1, Cat.Question) && IsKnownWord(t, k - 1) && !Is(t, k - 1, Cat.Article | Cat.Bot)))));

    /// <summary>A word the lexicon knows (no boundary, number or unknown word such as the "pre" of "pre-recorded").</summary>
    private static bool IsKnownWord(ReadOnlySpan<Lex> t, int k) =>
        (uint)k < (uint)t.Length && !IsEdge(t, k) && !t[k].IsUnknown && !t[k].IsNumber;

    private static bool IsBeing(ReadOnlySpan<Lex> t, int k) => (uint)k < (uint)t.Length && t[k].Word is "being";

    /// <summary>
    /// A complaint about something machine-sent that is not this chat: "please stop sending me automated emails", "tolong
    /// stop kirim SMS otomatis", "your robocalls are annoying", "kenapa saya terus dapat telepon robot?". A
    /// <see cref="Cat.Broadcast"/> word with a machine word ("automated", "automatic", "auto", "otomatis", "robot") at
    /// most two words before or three after it in its clause (or one that is machine-made itself: "robocalls"), not asked
    /// about as "this" ("is this an automated call?", "SMS ini otomatis?" still ask) nor in a yes-or-no question ("was that
    /// a robocall?", "telepon tadi rekaman bukan?" still ask), and no word in the message for a
    /// person, the interlocutor, talking, a reply or who ("stop the automated texts, are you a bot too?" still asks).
    /// Vetoes both signals of the learnt model.
    /// </summary>
    public static bool ComplainsOfAutomatedSends(ReadOnlySpan<Lex> t)
    {
        const Cat here = Cat.YouPerson | Cat.Human | Cat.Person | Cat.Agent | Cat.Real | Cat.RealAdj | Cat.Who | Cat.Speak | Cat.Gerund
            | Cat.IdNoun | Cat.ServiceTail | Cat.Team;
        if (Has(t, 0, t.Length, here))
        {
            return false;
        }

        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, Cat.Broadcast) && !IsThisOne(t, i) && !IsAskedWhether(t, i) && (IsMachineMade(t, i) || MachineBeside(t, i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A machine word at most two words before or three after <paramref name="i"/>, in its clause: "automated emails", "SMS otomatis", "calls from a robot".</summary>
    private static bool MachineBeside(ReadOnlySpan<Lex> t, int i)
    {
        for (int k = i - 1; k >= i - 2 && !IsEdge(t, k); k--)
        {
            if (IsMachineWord(t, k))
            {
                return true;
            }
        }

        for (int k = i + 1; k <= i + 3 && !IsEdge(t, k); k++)
        {
            if (IsMachineWord(t, k))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A machine word, or "automatic" / "auto", which the lexicon leaves out of <see cref="Cat.Bot"/> ("automatic payment", "auto debit" are no interlocutor).</summary>
    private static bool IsMachineWord(ReadOnlySpan<Lex> t, int k) =>
        Is(t, k, Cat.Bot) || ((uint)k < (uint)t.Length && t[k].Word is "automatic");

    /// <summary>A broadcast word that names the machine itself: "robocall".</summary>
    private static bool IsMachineMade(ReadOnlySpan<Lex> t, int i) => t[i].Word is "robocall";

    /// <summary>
    /// The broadcast word is what a yes-or-no question asks about: a clause closed by '?' that is only the broadcast and
    /// machine words with particles ("robocall?", "automated call?"), opens with a copula and names neither the customer nor
    /// the business before the word ("was that a robocall?", "was yesterday's call an automated one?"), or ends in a tag
    /// ("telepon tadi rekaman bukan?", "panggilan itu otomatis kah?"), or asks whether a machine called the customer ("did a
    /// robot call me?"). "why do I keep getting robocalls?", "kenapa saya
    /// dapat telepon otomatis terus ya?" and "apakah kalian pakai telepon otomatis?" still complain or ask about the business.
    /// </summary>
    private static bool IsAskedWhether(ReadOnlySpan<Lex> t, int i)
    {
        int start = i;
        while (!IsEdge(t, start - 1))
        {
            start--;
        }

        int end = ClauseEnd(t, i);
        if (!Is(t, end, Cat.Question))
        {
            return false;
        }

        const Cat bare = Cat.Broadcast | Cat.Bot | Cat.Article | Cat.QParticle | Cat.Copula | Cat.Greeting;
        bool onlyBare = true;
        for (int k = start; k < end && onlyBare; k++)
        {
            onlyBare = Is(t, k, bare) || IsMachineWord(t, k);
        }

        // "did a robot call me?", "mesin yang nelpon saya?": whether the caller was a machine.
        return onlyBare
            || (Is(t, start, Cat.Copula) && !Has(t, start, i, Cat.You | Cat.YouPerson | Cat.Subject | Cat.Me))
            || t[end - 1].Word is "bukan" or "kah"
            || CallQuestion.MachineCalled(t, i - 1) || CallQuestion.MachineCalled(t, i - 2);
    }

    /// <summary>The broadcast word is what "this" / "ini" points at, with only articles and machine words between: "is this an automated call?", "SMS ini otomatis?".</summary>
    private static bool IsThisOne(ReadOnlySpan<Lex> t, int i)
    {
        int k = i - 1;
        for (int steps = 0; steps < 3 && (Is(t, k, Cat.Article | Cat.Copula) || IsMachineWord(t, k)) && !Is(t, k, Cat.You); steps++)
        {
            k--;
        }

        return Is(t, k, Cat.You) || Is(t, i + 1, Cat.You);
    }

    /// <summary>Words for whoever the customer may be talking to, or for talking: a clause with one is about the chat.</summary>
    private const Cat Interlocutor = Cat.You | Cat.YouPerson | Cat.Agent | Cat.Speak | Cat.Gerund | Cat.IdNoun | Cat.Who | Cat.ServiceTail;
}
