using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// Whether a mention of a person is one the customer asks for now, or one that only sounds like it: a form of
/// address ("admin, is the size 9 back?", "Hi CS! do you ship to Cebu?", "bisa COD, kak?"), a request declined
/// ("gak usah panggil operator", "no need to transfer me to an agent") or put off ("nanti kalau masih gagal saya minta
/// CS", "if you can't answer, I'll ask for a person"), or the thing an identity question asks about ("are you a real
/// CS agent?", "saya bicara dengan petugas atau mesin?").
/// </summary>
internal static class MentionRole
{
    /// <summary>How many tokens a negator may stand before the verb it declines: "gak usah repot panggil".</summary>
    private const int DeclineWindow = 4;

    /// <summary>
    /// What may stand with a name in a clause that only addresses someone ("halo admin", "admin lah", "hi po admin"):
    /// greetings, articles and particles, but no word of asking or urging ("please", "tolong", "mau", "dong", "aja").
    /// </summary>
    private const Cat AddressFiller = Cat.Greeting | Cat.Article | Cat.QParticle;

    /// <summary>Words that make a clause with a name in it a request rather than an address.</summary>
    private const Cat Asking = Cat.Modal | Cat.Desire | Cat.Call | Cat.Not;

    /// <summary>A verb of asking for someone: a wish, or talking, connecting or fetching.</summary>
    private const Cat RequestVerb = Cat.Desire | Cat.Connect | Cat.Speak | Cat.Call;

    /// <summary>What may stand between a negator and the verb it declines: "gak usah", "tidak perlu lagi", "don't even want to".</summary>
    private const Cat DeclineGap = Cat.Modal | Cat.Desire | Cat.Polite | Cat.QParticle | Cat.Subject | Cat.Me | Cat.NotGap | Cat.Not | Cat.To | Cat.Progressive;

    /// <summary>
    /// What may stand between "you" and the term an identity question asks about: "are you (really) a real CS agent?",
    /// "this isn't a real person", "are you a customer service agent?".
    /// </summary>
    private const Cat AskedGap = Cat.Copula | Cat.Lead | Cat.Article | Cat.Real | Cat.Progressive | Cat.Only | Cat.QParticle | Cat.Bot | Cat.Greeting
        | Cat.Not | Cat.Agent | Cat.ServiceHead | Cat.ServiceTail;

    /// <summary>
    /// The mention is asked for now: not an address, not declined or put off, not the subject of an identity
    /// question, not the customer describing themselves, not where money is sent, not a worker for a job (<see cref="Errand"/>),
    /// not someone reported and not what is swapped.
    /// </summary>
    public static bool IsLive(ReadOnlySpan<Lex> t, Mention m) =>
        !IsAddress(t, m) && !IsDeclinedOrPutOff(t, m) && !IsAskedAbout(t, m) && !DescribesSelf(t, m) && !IsPayee(t, m) && !Errand.IsFor(t, m)
        && !IsReported(t, m) && !IsSwapped(t, m) && !IsEitherChoice(t, m) && !IsComplainedOf(t, m) && !IsStaffAtAPlace(t, m) && !IsPassedAMessage(t, m)
        && !IsAskedWhereFrom(t, m);

    /// <summary>
    /// "adminnya orang mana?", "CS nya orang mana sih": a word for a person then "mana" that closes the question asks
    /// where someone is from; "sambungkan ke orang mana saja" (anyone at all) still asks for one.
    /// </summary>
    private static bool IsAskedWhereFrom(ReadOnlySpan<Lex> t, Mention m)
    {
        // The one asked about, then "orang mana": "adminnya orang mana?", "kamu orang mana?", "CS nya orang mana"; the
        // "orang" may follow the mention or end it. "orangnya mana?" asks where the person is, for one.
        int orang = Is(t, m.End, Cat.Person) && IsAskedAbout(t, m.End - 1) ? m.End
            : Is(t, m.End - 1, Cat.Person) && IsAskedAbout(t, m.End - 2) ? m.End - 1
            : -1;
        int k = orang + 1;
        if (orang < 0 || (uint)k >= (uint)t.Length || t[k].Word is not "mana")
        {
            return false;
        }

        k++;
        while (Is(t, k, Cat.QParticle | Cat.Greeting) && !Is(t, k, Cat.Only))
        {
            k++;
        }

        return IsEdge(t, k);
    }

    /// <summary>Whether the one a where-from question asks about ends at <paramref name="k"/>, perhaps with "nya" apart: "admin", "kamu", "CS nya".</summary>
    private static bool IsAskedAbout(ReadOnlySpan<Lex> t, int k)
    {
        const Cat asked = Cat.Agent | Cat.Person | Cat.YouPerson | Cat.You | Cat.ServiceHead | Cat.ServiceTail;
        return Is(t, k, asked) || (Is(t, k, Cat.Clitic) && Is(t, k - 1, asked));
    }

    /// <summary>
    /// The mention is what a complaint is about: "how do I file a complaint about one of your agents?", "where can I complain
    /// about your delivery staff?", "mau komplain soal petugas kalian". A word between ("about", "soal", "one of your") keeps
    /// the compound "complaints department" a department; "complain to a manager", "komplain ke cs" complain to someone.
    /// </summary>
    private static bool IsComplainedOf(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        for (int steps = 0; steps < 5 && k >= 0 && !IsEdge(t, k) && !Is(t, k, RequestVerb | Cat.To | Cat.With) && !IsComplaint(t, k); steps++)
        {
            k--;
        }

        return IsComplaint(t, k) && k < m.Start - 1;
    }

    /// <summary>
    /// A team something is passed on to so that they do something: "tolong sampaikan ke tim gudang supaya packingnya lebih
    /// rapi", "teruskan ke bagian gudang biar dusnya gak penyok". A message for them, not a request to talk to them.
    /// </summary>
    private static bool IsPassedAMessage(ReadOnlySpan<Lex> t, Mention m) =>
        m.Kind == Kind.Team && m.End < t.Length && t[m.End].Word is "supaya" or "agar" or "biar";

    private static bool IsComplaint(ReadOnlySpan<Lex> t, int k) => (uint)k < (uint)t.Length && t[k].Word is "complain" or "komplain";

    /// <summary>
    /// Whether there is staff who can do something at a place, asked in Indonesian ("apakah ada staf yang bisa bahasa Sunda di
    /// kantor cabang Bandung?", "di cabang Medan ada petugas yang ..."): a question about a branch, not a request to talk here
    /// ("ada cs di sini?" still asks).
    /// </summary>
    private static bool IsStaffAtAPlace(ReadOnlySpan<Lex> t, Mention m)
    {
        int start = ClauseStart(t, m.Start);
        int end = ClauseEnd(t, m.End);
        if (!Has(t, start, m.Start, Cat.Exist) || !Is(t, m.End, Cat.Purpose))
        {
            return false;
        }

        for (int k = start; k + 1 < end; k++)
        {
            if (t[k].Word is "di" && !Is(t, k + 1, Cat.You | Cat.IdNoun | Cat.Edge) && t[k + 1].Word is not ("sini" or "sana"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The mention is one side of a choice the customer says does not matter: "mau AI kek mau orang kek, pokoknya ...",
    /// "bot kek manusia kek sama aja", "mau bot mau manusia yang penting cepat". The person and a machine word each
    /// followed by "kek", or each right after a wish with no negator before it ("gak mau bot, mau orang" asks for one).
    /// </summary>
    public static bool IsEitherChoice(ReadOnlySpan<Lex> t, Mention m) =>
        (IsKek(t, m.End) && HasMachineAlternative(t, kek: true)) || (IsPlainWish(t, m.Start - 1) && HasMachineAlternative(t, kek: false));

    /// <summary>A machine word followed by "kek", or right after a wish with no negator before it.</summary>
    private static bool HasMachineAlternative(ReadOnlySpan<Lex> t, bool kek)
    {
        for (int k = 0; k < t.Length; k++)
        {
            if (Is(t, k, Cat.Bot) && (kek ? IsKek(t, k + 1) : IsPlainWish(t, k - 1)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"kek" in "X kek Y kek": either one, it does not matter which.</summary>
    private static bool IsKek(ReadOnlySpan<Lex> t, int k) => (uint)k < (uint)t.Length && string.Equals(t[k].Word, "kek", StringComparison.Ordinal);

    /// <summary>A wish with no negator right before it: the "mau" of "mau bot mau orang", not of "gak mau bot".</summary>
    private static bool IsPlainWish(ReadOnlySpan<Lex> t, int k) => Is(t, k, Cat.Desire) && !Is(t, k - 1, Cat.Not);

    /// <summary>
    /// The message names an indifferent choice between a machine and a person (<see cref="IsEitherChoice"/>): "bot kek
    /// manusia kek sama aja", "mau AI kek mau orang kek".
    /// </summary>
    private static bool NamesEitherChoice(ReadOnlySpan<Lex> t)
    {
        for (int k = 0; k < t.Length; k++)
        {
            if (Is(t, k, Cat.Human | Cat.Person | Cat.Agent) && IsEitherChoice(t, new Mention(k, k + 1, Kind.Person, Real: false)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The mention is who a verb of reporting is about: "mau laporin petugas yang minta pungli", "I want to report an agent
    /// who was rude", "report the rude staff member" (a remark, an article, a word for a person, a possessive or an
    /// unknown word may stand between). "lapor ke petugas", "report it to an agent" report to someone: the "to" keeps them.
    /// </summary>
    public static bool IsReported(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        for (int steps = 0; steps < 3 && (Is(t, k, Cat.Article | Cat.Remark | Cat.Agent | Cat.Person) || IsPlainWord(t, k)) && !Is(t, k, Cat.Report); steps++)
        {
            k--;
        }

        return Is(t, k, Cat.Report);
    }

    /// <summary>
    /// The mention is what a verb of swapping changes, right after it or after a possessive: "I want to switch operators and
    /// keep my number", "ganti operator tapi nomor tetap", "change my insurance agent". Swapping to someone ("switch me to
    /// a live agent", "ganti ke CS lain") has a "to" between, and a swap urged ("ganti operator dong", "change agent please")
    /// asks for another person.
    /// </summary>
    public static bool IsSwapped(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        for (int steps = 0; steps < 2 && IsPlainWord(t, k); steps++)
        {
            k--;
        }

        // "ganti admin lain aja": another one is asked for.
        if (!Is(t, k, Cat.Swap) || (m.End < t.Length && string.Equals(t[m.End].Word, "lain", StringComparison.Ordinal)))
        {
            return false;
        }

        int end = ClauseEnd(t, m.End);
        for (int j = ClauseStart(t, k); j < end; j++)
        {
            if (Is(t, j, Cat.Polite))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A word that plays no part: one the lexicon does not know ("insurance", "previous"), or knows only so it is never read as a name ("my", "our").</summary>
    private static bool IsPlainWord(ReadOnlySpan<Lex> t, int k) => (uint)k < (uint)t.Length && t[k].Cats == Cat.None && !ReferenceEquals(t[k], Lex.Number);

    /// <summary>
    /// The mention is where money or a thing is sent, not who the customer is handed to: "kirim ke orang", "sent it
    /// to someone", "transfer uang ke orang", "salah transfer ke orang", "transfer ke orang yang salah". Right before
    /// the "to": a verb of sending, money after a verb of sending or handing over, or a verb of handing over with a
    /// slip or money right before it or right after the mention; never "me" ("transfer me to an agent", "kirim saya ke
    /// cs") and never a handing-over verb alone ("saldo saya hilang, hubungkan ke cs" asks); or the account or balance
    /// of someone after the "to" ("transfer ke rekening cs").
    /// </summary>
    public static bool IsPayee(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        // "transfer ke rekening cs": the account of someone, money's word between the "to" and the mention.
        if (Is(t, k, Cat.Payment) && Is(t, k - 1, Cat.To))
        {
            return true;
        }

        if (!Is(t, k, Cat.To))
        {
            return false;
        }

        k--;
        if (Is(t, k, Cat.Send))
        {
            return true;
        }

        if (Is(t, k, Cat.Payment))
        {
            return Is(t, k - 1, Cat.Send | Cat.Connect);
        }

        return Is(t, k, Cat.Connect)
            && (Is(t, k - 1, Cat.Payment) || Is(t, m.End, Cat.Payment) || (Is(t, m.End, Cat.Purpose) && Is(t, m.End + 1, Cat.Payment)));
    }

    /// <summary>
    /// The customer says what they are: "saya manusia biasa", "I'm a real person too", "aku orang awam": the mention
    /// right after "I" / "saya" opening its clause, with only a copula, article or "still" between ("get me a human"
    /// and "kasih saya orang" still ask).
    /// </summary>
    public static bool DescribesSelf(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        while (Is(t, k, Cat.Copula | Cat.Article | Cat.Progressive) && !Is(t, k, Cat.Subject))
        {
            k--;
        }

        if (!Is(t, k, Cat.Subject) || Is(t, k, Cat.You))
        {
            return false;
        }

        int start = ClauseStart(t, k);
        for (int j = start; j < k; j++)
        {
            if (!Is(t, j, Cat.Greeting | Cat.Lead | Cat.QParticle))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The mention's clause holds nothing but it, greetings and articles, and some other clause of the message says
    /// something (two words or more): "Admin, stok L masih?", "Can I pay by transfer, CS?". With a greeting before
    /// it, it needs no comma: "halo admin ada diskon?". Alone it is a request ("admin", "CS!!").
    /// </summary>
    public static bool IsAddress(ReadOnlySpan<Lex> t, Mention m)
    {
        int start = ClauseStart(t, m.Start);
        int end = ClauseEnd(t, m.End);
        if (OnlyFiller(t, start, m.Start) && OnlyFiller(t, m.End, end))
        {
            return HasWords(t, 0, start, 2) || HasWords(t, end, t.Length, 2);
        }

        if (PolitelyAddressed(t, m, start, end))
        {
            return true;
        }

        // "halo admin ada diskon?": a greeting opens the message, the name follows it, the question after.
        bool greeted = start == 0 && m.Start > start && OnlyFiller(t, start, m.Start) && Is(t, m.Start - 1, Cat.Greeting);
        return greeted && HasWords(t, m.End, end, 2);
    }

    /// <summary>
    /// A role with only "please" or a greeting in the first clause, and an ordinary question after it that names no one
    /// and asks for nothing: "Support pls, when do you open on Sunday?", "admin pls, hari minggu buka jam berapa?", "cs
    /// tolong, ongkir ke bandung berapa?". The role is a form of address; "agent please, are you a bot?", "cs please, I
    /// need help" and "agent please" alone still ask.
    /// </summary>
    private static bool PolitelyAddressed(ReadOnlySpan<Lex> t, Mention m, int start, int end)
    {
        const Cat filler = AddressFiller | Cat.Polite | Cat.Modal;
        if (m.Kind != Kind.Agent || m.Real || start != 0 || end >= t.Length || !Is(t, end, Cat.Boundary))
        {
            return false;
        }

        for (int k = start; k < end; k++)
        {
            if ((k < m.Start || k >= m.End) && (!Is(t, k, filler) || Is(t, k, Cat.Desire | Cat.Call | Cat.Not | Cat.Later)))
            {
                return false;
            }
        }

        int last = t.Length - 1;
        while (last > end && Is(t, last, Cat.Boundary))
        {
            last--;
        }

        if (!Is(t, last, Cat.Question) || !HasWords(t, end, last, 3))
        {
            return false;
        }

        const Cat asking = RequestVerb | Cat.Agent | Cat.Human | Cat.Person | Cat.Bot | Cat.Real | Cat.RealAdj | Cat.Team | Cat.Help;
        for (int k = end; k < t.Length; k++)
        {
            if (Is(t, k, asking) && !IsHandingOverAsAThing(t, k, asking))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A word that only hands over, after an article, is a thing, not a verb: "what is your account for the transfer?".
    /// </summary>
    private static bool IsHandingOverAsAThing(ReadOnlySpan<Lex> t, int k, Cat asking) =>
        Is(t, k, Cat.Connect) && !Is(t, k, asking & ~Cat.Connect) && Is(t, k - 1, Cat.Article);

    /// <summary>
    /// A negator declines a request verb before the mention in its clause ("gak usah panggil operator", "tidak perlu
    /// dialihkan ke petugas", "no need for a human"), with no bot word between the verb and the mention ("gak mau
    /// bot, mau cs" asks); or a "later" word puts it off, in its clause or in a condition just before it ("nanti saya
    /// minta CS", "kalau besok masih gagal, baru saya minta operator", "if it fails, I'll call an agent").
    /// </summary>
    public static bool IsDeclinedOrPutOff(ReadOnlySpan<Lex> t, Mention m)
    {
        if (LaterRightAfter(t, m.End) || ForSomeoneElseLater(t, m) || DeclinedWhenOffered(t, m))
        {
            return true;
        }

        int start = ClauseStart(t, m.Start);

        // A condition on who is there puts nothing off: "are you a bot? if not, I'll ask for an agent", "kalo robot,
        // nanti saya minta cs", "kamu manusia? kalau bukan tolong oper ke agen" ask now.
        bool onIdentity = IdentityCondition.Governs(t, start, m.Start);
        for (int i = start; i < m.Start; i++)
        {
            if (Is(t, i, Cat.Later) && !onIdentity)
            {
                return true;
            }

            if (Is(t, i, Cat.Not) && !IsQuestionTag(t, i) && !IdentityCondition.IsItsNegation(t, i) && DeclinesVerb(t, i, m.Start))
            {
                return true;
            }
        }

        // A condition just before: "nanti kalau masih error, saya minta CS", "kalau belum beres, saya akan minta
        // manajer", "if it isn't fixed by Monday, I will ask for a manager", "if the refund is not in by Friday, then I
        // want a supervisor" (a deadline named in the condition).
        if (start > 0 && !onIdentity)
        {
            int previous = ClauseStart(t, start - 1);
            return Has(t, previous, start - 1, Cat.Cond)
                && (Has(t, previous, start - 1, Cat.Later | Cat.LaterTime) || SaysIWill(t, start, m.Start) || SaysAfterThat(t, start, m.Start));
        }

        return false;
    }

    /// <summary>
    /// The request is put as a question and turned down right after it: "talk to a human? no thanks", "an agent? nah,
    /// no need", "sambung ke CS? gak usah, makasih", "ngobrol sama petugas? nggak deh", "a person? no, I'm good". The
    /// mention's clause ends in '?', then a negator opens the next clause, and after it only thanks, "need" or "usah"
    /// with nothing asked for after them, "I'm fine" / "I'm good", nothing at all, or, once the refusal closes its clause,
    /// nothing that asks for anyone ("nggak deh, udah beres"). "no? then get me an agent", "no, I want a person", "no,
    /// just transfer me" and "talk to a human? no? why not" still ask.
    /// </summary>
    private static bool DeclinedWhenOffered(ReadOnlySpan<Lex> t, Mention m)
    {
        int q = ClauseEnd(t, m.End);
        if (!Is(t, q, Cat.Question) || !Is(t, q + 1, Cat.Not) || Is(t, q + 1, Cat.Modal))
        {
            return false;
        }

        int k = q + 2;
        bool clauseEnded = false;
        while (k < t.Length && (Is(t, k, Cat.Not | Cat.Boundary) || (Is(t, k, Cat.QParticle) && !Is(t, k, Cat.Question))) && !Is(t, k, Cat.Modal))
        {
            clauseEnded |= Is(t, k, Cat.Boundary);
            k++;
        }

        if (k >= t.Length)
        {
            return true;
        }

        if (Is(t, k, Cat.Thanks) || string.Equals(t[k].Word, "thank", StringComparison.Ordinal))
        {
            return true;
        }

        // "no need", "gak usah", "ga perlu": the need denied, with nothing asked for after it.
        if (Is(t, k, Cat.Desire) && !Is(t, k, Cat.Speak | Cat.Connect | Cat.Call))
        {
            int j = k + 1;
            while (Is(t, j, Cat.QParticle | Cat.Polite) && !Is(t, j, Cat.Desire))
            {
                j++;
            }

            return IsEdge(t, j) && !Is(t, j, Cat.Question);
        }

        // "no, I'm good", "nah I'm fine".
        int after = Is(t, k, Cat.Subject) ? k + 1 : k;
        if (after > k && Is(t, after, Cat.Copula | Cat.Progressive))
        {
            after++;
        }

        if (after > k && Is(t, after, Cat.Indifferent | Cat.NegAfterNot) && IsEdge(t, after + 1))
        {
            return true;
        }

        // "ngobrol sama petugas? nggak deh, udah beres": the refusal closes its clause and nothing after it asks for anyone.
        const Cat asking = RequestVerb | Cat.Modal | Cat.Agent | Cat.Human | Cat.Person | Cat.Team | Cat.ServiceTail | Cat.Passive;
        return clauseEnded && !Is(t, k, Cat.Question) && !Has(t, k, t.Length, asking);
    }

    /// <summary>
    /// A later time right after the mention closes its clause, with only particles around it: "talk to an agent later,
    /// first the invoice", "cs nya nanti aja", "operator besok deh" (not "sambungin ke cs nanti saya jelasin", nor "minta
    /// cs sekarang, bukan nanti").
    /// </summary>
    private static bool LaterRightAfter(ReadOnlySpan<Lex> t, int end)
    {
        const Cat particles = Cat.Clitic | Cat.Polite | Cat.QParticle | Cat.Only;
        int k = end;
        for (int steps = 0; steps < 2 && Is(t, k, particles) && !Is(t, k, Cat.LaterTime | Cat.Not); steps++)
        {
            k++;
        }

        if (!Is(t, k, Cat.LaterTime))
        {
            return false;
        }

        k++;
        // "next week", "besok pagi", "minggu depan": a later time of several words.
        while (Is(t, k, Cat.LaterTime) && !Is(t, k, Cat.Not))
        {
            k++;
        }

        while (Is(t, k, particles | Cat.Greeting) && !Is(t, k, Cat.Not))
        {
            k++;
        }

        return IsEdge(t, k) || Is(t, k, Cat.Lead);
    }

    /// <summary>
    /// The person is for someone else, later: the mention's clause, or the one before or after it, names someone the
    /// customer speaks for and a later time ("ada petugas yang bisa bahasa Jawa? buat nenek saya besok", "my mum will
    /// call an agent tomorrow").
    /// </summary>
    private static bool ForSomeoneElseLater(ReadOnlySpan<Lex> t, Mention m)
    {
        int start = ClauseStart(t, m.Start);
        int end = ClauseEnd(t, m.End);
        int from = start > 0 ? ClauseStart(t, start - 1) : start;
        int to = end < t.Length ? ClauseEnd(t, end + 1) : end;
        return Has(t, from, to, Cat.ThirdParty) && Has(t, from, to, Cat.LaterTime);
    }

    /// <summary>
    /// The mention's clause says how staff come across and asks for nothing: "petugas di cabang itu judes banget", "the
    /// staff at the counter were so friendly": not asked for when only the learnt model reads a request in it.
    /// </summary>
    private static bool RemarksOnStaff(ReadOnlySpan<Lex> t, Mention m)
    {
        int start = ClauseStart(t, m.Start);
        int end = ClauseEnd(t, m.End);
        bool remark = false;
        for (int k = start; k < end; k++)
        {
            if (Is(t, k, RequestVerb | Cat.Modal | Cat.Exist) || (Is(t, k, Cat.Polite) && !Is(t, k, Cat.QParticle)))
            {
                return false;
            }

            remark |= Is(t, k, Cat.Remark);
        }

        return remark;
    }

    /// <summary>
    /// The mention is what an identity question asks about: the other side of an "or" that is not a person too
    /// ("petugas atau mesin?", "a bot or a person?"; or after what the person does: "ada petugas yang baca chat ini
    /// atau cuma sistem?"), or the term after "you" / "this" in a clause with no request
    /// verb ("are you a real CS agent?", "kamu manusia?", "is this a real person?"; not "ini cs nya mana?").
    /// </summary>
    public static bool IsAskedAbout(ReadOnlySpan<Lex> t, Mention m)
    {
        // "am I through to a real person?", "am I connected to a human?" ask who is there.
        if (OrBeside(t, m) || OrMachineAfterWhatTheyDo(t, m) || IdentityQuestion.ThroughTo(t, m.Start - 1) || RoleSaidToBeAPerson(t, m))
        {
            return true;
        }

        int start = ClauseStart(t, m.Start);
        int k = m.Start - 1;
        while (k >= start && Is(t, k, AskedGap) && !Is(t, k, Cat.You))
        {
            k--;
        }

        return k >= start && Is(t, k, Cat.You) && !Has(t, start, ClauseEnd(t, m.End), RequestVerb | Cat.Modal);
    }

    /// <summary>
    /// A role asked whether it is a (real) person, in a question of its own: "adminnya orang asli?", "adminnya asli
    /// orang?", "cs nya beneran manusia?", "apakah petugasnya orang beneran?". The role opens the question (after only
    /// openers, articles or greetings), a word for a person follows it with only "nya" or a word of being real between,
    /// and only such words and particles lead to the '?'. Both the role and the person word are asked about, not asked
    /// for ("mau cs manusia asli dong" still asks).
    /// </summary>
    private static bool RoleSaidToBeAPerson(ReadOnlySpan<Lex> t, Mention m)
    {
        int role = m.Start;
        while (role < m.End && !Is(t, role, Cat.Agent))
        {
            role++;
        }

        if (role == m.End)
        {
            role = m.Start - 1;
            while (Is(t, role, Cat.Real | Cat.Clitic) && !Is(t, role, Cat.Agent))
            {
                role--;
            }

            if (!Is(t, role, Cat.Agent))
            {
                return false;
            }
        }

        int k = role - 1;
        while (Is(t, k, Cat.Lead | Cat.Copula | Cat.Article | Cat.Greeting) && !Is(t, k, Cat.Desire | Cat.Modal))
        {
            k--;
        }

        if (!IsEdge(t, k))
        {
            return false;
        }

        k = role + 1;
        bool person = false;
        while (Is(t, k, Cat.Real | Cat.Clitic | Cat.Person | Cat.Human | Cat.Copula | Cat.QParticle) && !Is(t, k, Cat.Breaker | Cat.Agent))
        {
            person |= Is(t, k, Cat.Person | Cat.Human);
            k++;
        }

        return person && Is(t, k, Cat.Question);
    }

    /// <summary>
    /// The message names a person only where it is not asked for (talked about in the past, remarked on, or doing something
    /// else: "my manager asked me to ...") or counts heads ("meja untuk 6 orang") or names a worker for a job ("I need a
    /// plumber"), or, naming none, declines or puts off a request verb: what vetoes a request for a person that only the
    /// learnt model finds. A message that only asks whether the customer talks to someone ("apakah saya berbicara dengan
    /// manusia?") asks who is there, as does one
    /// that is only a person word and a question mark ("human?", "orang asli?") or a bare pair of alternatives ("bot?
    /// human?", "manusia atau robot?") asks who is there, not for someone, and
    /// one that is only a plea for help ("tolong", "help!") asks for help, not for a person.
    /// </summary>
    public static bool VetoesRequest(ReadOnlySpan<Lex> t)
    {
        if (TalksOnlyToWhoIsThere(t) || OnlyPersonQuestion(t) || AsksWhichItIs(t) || BarePlea.IsOnlyAPlea(t) || EchoesTheQuestion(t)
            || IdentityQuestion.OnlyAsksWhomTheyTalkTo(t))
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
                    && !TalkedToAlready(t, m))
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
        }

        if (named || ComplainsOfAutomatedSends(t))
        {
            return true;
        }

        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, Cat.Not | Cat.Later) && !IsQuestionTag(t, i) && !IdentityCondition.IsItsNegation(t, i) && DeclinesVerb(t, i, ClauseEnd(t, i)))
            {
                return true;
            }

            if (ConnectsAThing(t, i) || LinksTheCustomersThing(t, i) || SendsMoney(t, i))
            {
                return true;
            }
        }

        return false;
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
            | Cat.ServiceHead | Cat.ServiceTail | Cat.Bot | Cat.Who | Cat.ThirdParty;
        bool addressed = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, someone) || NamesSomeoneByWhatTheyDo(t, i) || (Is(t, i, Cat.Greeting) && Is(t, i - 1, Cat.To | Cat.With)))
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

    /// <summary>A word the lexicon does not know, or one with a digit in it.</summary>
    private static bool IsUnlisted(Lex lex) => ReferenceEquals(lex, Lex.Unknown) || ReferenceEquals(lex, Lex.Number);

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
    /// amazing", "kamu yakin?", "kamu serius?", "kamu masih di situ?". "you" / "kamu" with only a copula, "still", "even"
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
                how = there || Is(t, k, state);
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

    /// <summary>
    /// What vetoes an identity question only the learnt model finds: the message asks where someone is from
    /// (<see cref="AsksWhereFrom"/>) or about a thing (<see cref="AsksAboutAThing"/>), or says the customer knows it is a
    /// machine (<see cref="KnowsWhoIsThere"/>), or asks about a quality of the chat (<see cref="AsksAboutTheChat"/>) or
    /// complains of something automated that is not this chat (<see cref="ComplainsOfAutomatedSends"/>), or only thanks
    /// or praises the machine (<see cref="PraisesTheBot"/>).
    /// </summary>
    public static bool VetoesIdentity(ReadOnlySpan<Lex> t) =>
        AsksHowTheyAre(t) || AsksWhereFrom(t) || AsksAboutAThing(t) || KnowsWhoIsThere(t)
        || AsksWhoDecides(t) || OffersAMachine(t) || VouchesForSomeoneElse(t) || SaysWhatTheyAre(t) || DoesNotCareWho(t)
        || AsksAboutTheChat(t) || ComplainsOfAutomatedSends(t) || PraisesTheBot(t) || AsksWhichRole(t)
        || AsksHowTheMachineRuns(t) || AsksWhetherAThingIsAutomatic(t) || AsksWhetherTheyRead(t) || AsksWhereASendCameFrom(t)
        || NamesNothingOfWhoIsThere(t);

    /// <summary>What a message may name of what the one answering could be: a machine, a person, a role, something real, who, a team, alternatives.</summary>
    private const Cat WhatTheyCouldBe = Cat.Bot | Cat.Human | Cat.Person | Cat.Agent | Cat.Real | Cat.RealAdj | Cat.Who | Cat.Gerund | Cat.Team | Cat.Or;

    /// <summary>
    /// An identity question only the learnt model finds that asks whether something the customer was sent came from the
    /// business: "is this email from you really?", "is this call from you?", "is this sms from your bank?". Something sent
    /// or pointed to (an e-mail, an SMS, a call, a link, a message) before "from" and the business or a name after it,
    /// and no word anywhere of what the one answering could be (a machine, a person, a role, something real, who,
    /// talking, alternatives): "is this message from a bot?" and "is this email from you or from a bot?" still ask.
    /// </summary>
    private static bool AsksWhereASendCameFrom(ReadOnlySpan<Lex> t)
    {
        const Cat what = WhatTheyCouldBe | Cat.Speak;
        bool sent = false;
        bool from = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, what))
            {
                return false;
            }

            if (Is(t, i, Cat.Edge))
            {
                sent = false;
            }

            sent |= Is(t, i, Cat.Broadcast | Cat.Thing | Cat.IdNoun);
            from |= sent && t[i].Word == "from" && i + 1 < t.Length
                && (Is(t, i + 1, Cat.You | Cat.YouPerson | Cat.Article | Cat.Me) || ReferenceEquals(t[i + 1], Lex.Unknown));
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
            if (ReferenceEquals(t[i], Lex.Unknown) || ReferenceEquals(t[i], Lex.Number) || Is(t, i, IdentityContent) || IsAutomated(t, i))
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
    /// right after it, closing the question ("is this automatic renewal?"); and the message names no other machine,
    /// nothing of the interlocutor or the chat ("this" unless it points at the thing, "you", "reply", "chat"), no talking
    /// and no one ("is this automatic?", "is this reply automatic?", "apakah ini otomatis?", "are these automatic
    /// answers?" and "is tihs automated?" still ask).
    /// </summary>
    public static bool AsksWhetherAThingIsAutomatic(ReadOnlySpan<Lex> t)
    {
        const Cat here = WhoIsThere | Cat.You | Cat.IdNoun | Cat.Speak | Cat.ServiceTail | Cat.Team | Cat.Subject;
        bool automatic = false;
        for (int i = 0; i < t.Length; i++)
        {
            if ((Is(t, i, here) && !PointsAtAThing(t, i)) || (Is(t, i, Cat.Bot) && !IsAutomated(t, i)))
            {
                return false;
            }

            if (IsAutomated(t, i) && IsThingWord(t, i + 1) && (IsEdge(t, i + 2) || Is(t, i + 2, Cat.Or)))
            {
                // "is this automatic renewal?", "is it automatic billing or manual?": the thing is named after it
                automatic = true;
                continue;
            }

            if (!IsAutomated(t, i) || !(IsEdge(t, i + 1) || Is(t, i + 1, Cat.Or)))
            {
                continue;
            }

            const Cat thing = Cat.Thing | Cat.Payment | Cat.Breaker | Cat.Broadcast;
            for (int k = i - 1; !IsEdge(t, k); k--)
            {
                bool named = Is(t, k, thing) || (ReferenceEquals(t[k], Lex.Unknown) && (t[i].Word is "automatic" || Is(t, k - 1, Cat.Article | Cat.Clitic)));
                if (named)
                {
                    automatic = true;
                    break;
                }
            }
        }

        return automatic;
    }

    private static bool IsAutomated(ReadOnlySpan<Lex> t, int k) => (uint)k < (uint)t.Length && t[k].Word is "automated" or "automatic";

    /// <summary>
    /// "this" / "that" before a thing or a payment (or before "automatic" and one), or "ini" / "itu" after one, points at
    /// it, not at the one answering: "is this renewal automatic?", "is this automatic renewal?", "perpanjangan ini otomatis?";
    /// "is this automatic?", "is this reply automatic?", "is this line automated?" and "is this an automatic reply?" point
    /// at the chat.
    /// </summary>
    private static bool PointsAtAThing(ReadOnlySpan<Lex> t, int k) =>
        (uint)k < (uint)t.Length
        && ((t[k].Word is "this" or "that" && (IsThingWord(t, k + 1) || (IsAutomated(t, k + 1) && IsThingWord(t, k + 2))))
            || (t[k].Word is "ini" or "itu" && IsThingWord(t, k - 1)));

    /// <summary>A thing or a payment the lexicon knows ("product", "refund", "renewal", "langganan").</summary>
    private static bool IsThingWord(ReadOnlySpan<Lex> t, int k) => Is(t, k, Cat.Thing | Cat.Payment);

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
    /// quality?", "was my call recorded?" (closing the question after a known word that is no article); not "is this a
    /// recorded message?", "is this a recording?" nor "is this pre-recorded?".
    /// </summary>
    private static bool IsRecordedAsAQuality(ReadOnlySpan<Lex> t, int k) =>
        (uint)k < (uint)t.Length && t[k].Word is "recording"
        && (IsBeing(t, k - 1) || (Is(t, k + 1, Cat.Purpose) && IsPlainWord(t, k + 2))
            || (Is(t, k + 1, Cat.Question) && IsKnownWord(t, k - 1) && !Is(t, k - 1, Cat.Article | Cat.Bot)));

    /// <summary>A word the lexicon knows (no boundary, number or unknown word such as the "pre" of "pre-recorded").</summary>
    private static bool IsKnownWord(ReadOnlySpan<Lex> t, int k) =>
        (uint)k < (uint)t.Length && !IsEdge(t, k) && !ReferenceEquals(t[k], Lex.Unknown) && !ReferenceEquals(t[k], Lex.Number);

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
    /// "... is there a real person?" (not "... but I need a real person for this"). Something automatic ("... or some auto
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

            person = (person || Is(t, k, Cat.Human | Cat.Person | Cat.Real | Cat.YouPerson)) && !Is(t, k, Cat.Edge);
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
    /// who is there; it vetoes an identity question only the learnt model finds.
    /// </summary>
    public static bool AsksWhereFrom(ReadOnlySpan<Lex> t)
    {
        for (int i = 0; i + 1 < t.Length; i++)
        {
            if (Is(t, i, Cat.Person) && string.Equals(t[i + 1].Word, "mana", StringComparison.Ordinal))
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
        for (int steps = 0; steps < 2 && (IsPlainWord(t, k) || Is(t, k, Cat.Article | Cat.Greeting | Cat.Lead)); steps++)
        {
            k--;
        }

        if (IsEdge(t, k))
        {
            int j = m.End;
            // "a real person at the counter told me ...": a place after the person is still before what they did.
            for (int steps = 0; steps < 3 && (IsPlainWord(t, j) || Is(t, j, Cat.Clitic | Cat.Has | Cat.Article) || IsAt(t, j)) && !Is(t, j, Cat.Done); steps++)
            {
                j++;
            }

            if (Is(t, j, Cat.Done) && !IsEdge(t, j + 1)
                && !Is(t, j + 1, Cat.Subject | Cat.Modal | Cat.Desire | Cat.Polite | Cat.QParticle | Cat.Greeting))
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

    private static bool IsAt(ReadOnlySpan<Lex> t, int k) => (uint)k < (uint)t.Length && t[k].Word is "at";

    /// <summary>
    /// The mention's clause speaks of an earlier contact ("tim CS kemarin sangat membantu", "the agent I had
    /// yesterday was lovely"): not asked for now when only the learnt model reads a request in it. An earlier time only
    /// after the mention, with a verb of handing over, fetching or a modal before it and no earlier time there, says
    /// which person is asked for now: "can I speak to the agent who helped me yesterday", "tolong sambungkan lagi ke
    /// petugas yang bantu saya kemarin".
    /// </summary>
    private static bool TellsOfThePast(ReadOnlySpan<Lex> t, Mention m)
    {
        int start = ClauseStart(t, m.Start);
        int end = ClauseEnd(t, m.End);
        if (!Has(t, start, end, Cat.Past))
        {
            return false;
        }

        return Has(t, start, m.End, Cat.Past | Cat.Done) || !Has(t, start, m.Start, Cat.Connect | Cat.Call | Cat.Modal);
    }

    /// <summary>
    /// The customer has already talked to the person: "tadi udah ngobrol sama petugas, makasih", "I already spoke to an
    /// agent, thanks", "sudah pernah bicara dengan CS kok", "I've already talked with a human, all sorted". Something
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

        if (!Is(t, j, Cat.With | Cat.To))
        {
            return false;
        }

        j--;
        if (!Is(t, j, Cat.Speak) || Is(t, j, Cat.Gerund))
        {
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
    /// (<see cref="Cat.Payment"/>: "account", "rekening", "money") in its clause after it, or an amount right after it;
    /// "escalate to tier 2" names a level, not money.
    /// </summary>
    private static bool SendsMoney(ReadOnlySpan<Lex> t, int verb)
    {
        if (!Is(t, verb, Cat.Connect) || Is(t, verb, Cat.Passive) || Is(t, verb + 1, Cat.Me))
        {
            return false;
        }

        if ((uint)(verb + 1) < (uint)t.Length && ReferenceEquals(t[verb + 1], Lex.Number))
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

        return false;
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

            // "you don't have to connect me", "no need to have an agent": "have to" says it must, and the negator says it need not.
            if (!Is(t, k, DeclineGap) && !(Is(t, k, Cat.Has) && Is(t, k + 1, Cat.To)))
            {
                return false;
            }
        }

        return false;
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

        bool thing = ReferenceEquals(t[j], Lex.Unknown) || Is(t, j, Cat.Thing | Cat.Payment)
            || (t[j].Cats == Cat.None && !ReferenceEquals(t[j], Lex.Number) && (IsEdge(t, j + 1) || Is(t, j + 1, Cat.Subject)));
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
    /// ada petugasnya?", "ini orang ato bukan?", "is this automated or is there a real person?". Not when anything in the
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
            if ((Is(t, k, asking) && !Is(t, k, Cat.IdNoun)) || (Is(t, k, Cat.Agent) && Is(t, k + 1, Cat.Agent)))
            {
                return false;
            }

            question |= Is(t, k, Cat.Question | Cat.QParticle);
            if (or < 0 && Is(t, k, Cat.Or))
            {
                or = k;
            }
        }

        if (or < 0 || !question)
        {
            return false;
        }

        int start = ClauseStart(t, or);
        int end = ClauseEnd(t, or);
        bool machineNamed = Has(t, start, end, machine);
        bool personNamed = Has(t, start, end, person);
        // "ini orang atau bukan?": a person or not is the same question as a person or a machine.
        bool orNot = Is(t, or + 1, Cat.Not) && Has(t, start, or, person);
        return personNamed && (machineNamed || orNot) && Has(t, start, or, machine | person) && (Has(t, or + 1, end, machine | person) || orNot);
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

    private static int ClauseStart(ReadOnlySpan<Lex> t, int i)
    {
        while (i > 0 && !IsEdge(t, i - 1))
        {
            i--;
        }

        return i;
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

    private static bool Has(ReadOnlySpan<Lex> t, int from, int to, Cat cats)
    {
        for (int k = Math.Max(0, from); k < to && k < t.Length; k++)
        {
            if (Is(t, k, cats))
            {
                return true;
            }
        }

        return false;
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
