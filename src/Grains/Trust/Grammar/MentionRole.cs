using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// Whether a mention of a person is one the customer asks for now, or one that only sounds like it: a form of
/// address ("admin, is the size 9 back?", "Hi CS! do you ship to Cebu?", "bisa COD, kak?"), a request declined
/// ("gak usah panggil operator", "no need to transfer me to an agent") or put off ("nanti kalau masih gagal saya minta
/// CS", "if you can't answer, I'll ask for a person"), or the thing an identity question asks about ("are you a real
/// CS agent?", "saya bicara dengan petugas atau mesin?").
/// </summary>
internal static partial class MentionRole
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
        && !IsAskedWhereFrom(t, m) && !IsPairCompound(t, m) && !AskedForOnAnEarlierDay(t, m) && !IsAWorkersOwnAsk(t, m);

    /// <summary>
    /// The mention is who a worker at the customer's door asks for: "kurirnya minta ngomong sama orang di resepsionis",
    /// "the courier wants to talk to someone at reception", "the driver asked to speak to a person at the gate". A courier,
    /// driver or tradesman opens the clause (after an article or "my" at most), then a wish or a verb of asking or wanting
    /// and a verb of talking, with no "me" or "I" between ("the courier told me to call an agent" and "driver gak datang,
    /// saya mau ngomong sama CS" are the customer's). Someone of the business's ("driver mau ngomong sama cs", "the courier
    /// wants to talk to customer service": the customer asks for them on the worker's behalf) and a worker who writes
    /// ("driver here, want to talk to a person") are asked for.
    /// </summary>
    private static bool IsAWorkersOwnAsk(ReadOnlySpan<Lex> t, Mention m)
    {
        if (m.Kind is Kind.Agent or Kind.Team)
        {
            return false;
        }

        int k = ClauseStart(t, m.Start);
        while (k < m.Start && (Is(t, k, Cat.Article | Cat.Greeting) || WordAt(t, k) is "my" or "our"))
        {
            k++;
        }

        if (WordAt(t, k) is not ("courier" or "driver" or "tukang" or "plumber" or "electrician" or "handyman" or "cleaner")
            || WordAt(t, k + 1) == "here")
        {
            return false;
        }

        bool asks = false;
        bool talks = false;
        for (int j = k + 1; j < m.Start; j++)
        {
            if (Is(t, j, Cat.Me | Cat.Subject | Cat.Not))
            {
                return false;
            }

            asks |= Is(t, j, Cat.Desire) || t[j].Word is "asked" or "asks" or "ask" or "wants" or "wanted";
            talks |= asks && Is(t, j, Cat.Speak);
        }

        return talks;
    }

    /// <summary>
    /// The mention was asked for on an earlier day, told as what happened: "kemarin minta spv, nunggu sejam, terus
    /// putus", "istri saya kemarin minta disambungkan ke cs tapi gak ada yang telpon balik", "yesterday I asked for a
    /// supervisor and got cut off", "dulu sy selalu minta cs, tp skrg chat ini udah oke". "yesterday" or "kemarin" before
    /// the mention in its clause (or "dulu" opening it), a verb of asking, handing over or talking between, and nothing
    /// after the mention that asks again: a verb of handing over, a wish, a modal other than "how" ("please", "tolong",
    /// "bisa"), "again", "lagi", "mana", "dong" or a word of hurry keep it asked for now ("kemarin saya minta cs, tolong sambungkan sekarang", "yesterday I asked for a manager,
    /// where is he?").
    /// </summary>
    private static bool AskedForOnAnEarlierDay(ReadOnlySpan<Lex> t, Mention m)
    {
        int start = ClauseStart(t, m.Start);
        int earlier = -1;
        for (int k = start; k < m.Start; k++)
        {
            if (t[k].Word is "yesterday" or "kemarin" || (k == start && t[k].Word == "dulu"))
            {
                earlier = k;
                break;
            }
        }

        if (earlier < 0 || !Has(t, earlier + 1, m.Start, RequestVerb | Cat.Done))
        {
            return false;
        }

        for (int k = m.End; k < t.Length; k++)
        {
            if (Is(t, k, Cat.Connect | Cat.Desire | Cat.Call)
                || (Is(t, k, Cat.Modal) && t[k].Word is not ("bagaimana" or "how" or "cara"))
                || t[k].Word is "again" or "lagi" or "mana" or "where" or "dong" or "asap" or "cepat" or "cepetan" or "segera" or "buruan"
                    or "secepatnya" or "langsung")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "a person-to-person transfer", "human to human payments": the word twice with "to" between, naming a kind of
    /// thing that follows, not someone to talk to. Followed by a word of talking or of a conversation ("a human to human
    /// conversation", "person to person chat") it still asks for one.
    /// </summary>
    private static bool IsPairCompound(ReadOnlySpan<Lex> t, Mention m)
    {
        int head = m.End - 1;
        int second;
        if (WordAt(t, m.End) == "to" && WordAt(t, m.End + 1) == t[head].Word)
        {
            second = m.End + 1;
        }
        else if (WordAt(t, m.Start - 1) == "to" && WordAt(t, m.Start - 2) == t[head].Word && m.Start == head)
        {
            second = head;
        }
        else
        {
            return false;
        }

        int next = second + 1;
        return next < t.Length && !IsEdge(t, next) && !Is(t, next, Cat.Speak | Cat.IdNoun | Cat.Help | Cat.Gerund | Cat.Polite | Cat.QParticle);
    }

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
    /// rapi", "teruskan ke bagian gudang biar dusnya gak penyok". A message for them, not a request to talk to them. The
    /// team's name may be one word the lexicon knows for something else ("gudang", a warehouse).
    /// </summary>
    private static bool IsPassedAMessage(ReadOnlySpan<Lex> t, Mention m) =>
        (m.Kind == Kind.Team && (IsSoThat(t, m.End) || (!IsEdge(t, m.End) && IsSoThat(t, m.End + 1)))) || PassesSomethingOn(t, m);

    /// <summary>
    /// Something other than the customer is passed on to the mention: "please pass this on to your team: the app crashes",
    /// "pass this to your team ya", "forward my feedback to your manager", "pass that along to the supervisor". One to three
    /// words between the verb and "to" ("on" aside), none of them the customer ("pass me on to your team" hands the customer
    /// over); without "on" or "along" only a team is told ("pass this to a specialist" hands the case over), and what is
    /// told follows in a clause of its own ("can you pass this to your team" alone hands the case over).
    /// </summary>
    private static bool PassesSomethingOn(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = BeforeArticles(t, m);
        if (!Is(t, k, Cat.To))
        {
            return false;
        }

        // "pass this to a specialist", "pass this to someone who can help" hand the case over; a team is told.
        int j = k - 1;
        if (WordAt(t, j) is "on" or "along")
        {
            j--;
        }
        else if (m.Kind != Kind.Team)
        {
            return false;
        }

        int words = 0;
        while (words < 3 && !IsEdge(t, j) && !Is(t, j, Cat.Me | Cat.Connect | Cat.Speak))
        {
            j--;
            words++;
        }

        // What is passed on follows in a clause of its own: "...: the app crashes", "..., app nya crash terus". Without it
        // ("can you pass this to your team", "pass this on to someone who can actually help me") the case is handed over.
        int end = ClauseEnd(t, m.End);
        return words > 0 && WordAt(t, j) is "pass" or "forward" && !Is(t, end, Cat.Question) && HasWords(t, end, t.Length, 2);
    }

    private static bool IsSoThat(ReadOnlySpan<Lex> t, int k) => WordAt(t, k) is "supaya" or "agar" or "biar";

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
    private static bool IsPlainWord(ReadOnlySpan<Lex> t, int k) => (uint)k < (uint)t.Length && t[k].Cats == Cat.None && !t[k].IsNumber;

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
    /// it, it needs no comma: "halo admin ada diskon?". Alone it is a request ("admin", "CS!!"). So is one named with
    /// "a" or "an" (nobody is addressed as "a real person"; "..., a real person?" and "you, a real person, or the
    /// system?" still ask who is there), and one right after a clause that turns from the machine
    /// (<see cref="TurnsFromTheMachine"/>): "not this automated thing, a real person", "no bot, human", "I give up,
    /// human".
    /// </summary>
    public static bool IsAddress(ReadOnlySpan<Lex> t, Mention m)
    {
        int start = ClauseStart(t, m.Start);
        int end = ClauseEnd(t, m.End);
        if (OnlyFiller(t, start, m.Start) && OnlyFiller(t, m.End, end))
        {
            if ((HasIndefiniteArticle(t, start, m.End) && !Is(t, end, Cat.Question) && WordAt(t, end + 1) is not "or")
                || (start > 0 && TurnsFromTheMachine(t, ClauseStart(t, start - 1), start - 1))
                || UrgedRightAfter(t, end))
            {
                return false;
            }

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
    /// The clause after the boundary at <paramref name="end"/> only urges: "supervisor. now. this is the fourth time ...",
    /// "cs, sekarang juga!", "agent, asap, ...". Nobody addressed is urged; the role is asked for.
    /// </summary>
    private static bool UrgedRightAfter(ReadOnlySpan<Lex> t, int end)
    {
        if (end >= t.Length || Is(t, end, Cat.Question))
        {
            return false;
        }

        int k = end + 1;
        bool urged = false;
        for (; k < t.Length && !IsEdge(t, k); k++)
        {
            if (!IsUrging(t, k))
            {
                return false;
            }

            urged = true;
        }

        return urged && !Is(t, k, Cat.Question);
    }

    private static bool HasIndefiniteArticle(ReadOnlySpan<Lex> t, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (t[k].Word is "a" or "an")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The clause [<paramref name="from"/>, <paramref name="to"/>) turns from the machine: a negator before a machine word
    /// with no person word between ("not this automated thing", "no bot", "no more bots", "bukan bot"), or giving up ("I
    /// give up", "gave up", "I quit", "nyerah", "menyerah").
    /// </summary>
    private static bool TurnsFromTheMachine(ReadOnlySpan<Lex> t, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (t[k].Word is "quit" or "nyerah" or "menyerah"
                || (t[k].Word is "give" or "gave" or "giving" && k + 1 < to && t[k + 1].Word is "up"))
            {
                return true;
            }

            if (Is(t, k, Cat.Not))
            {
                for (int j = k + 1; j < to && !Is(t, j, Cat.Agent | Cat.Human | Cat.Person); j++)
                {
                    if (Is(t, j, Cat.Bot))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
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
    /// minta CS", "kalau besok masih gagal, baru saya minta operator", "if it fails, I'll call an agent"), or the customer
    /// says what they will do after a condition in the same clause ("if it still doesn't work I will need a human").
    /// </summary>
    public static bool IsDeclinedOrPutOff(ReadOnlySpan<Lex> t, Mention m)
    {
        if (LaterRightAfter(t, m.End) || ForSomeoneElseLater(t, m) || DeclinedWhenOffered(t, m) || NoneNeeded(t, m) || RequestCalledOff(t, m))
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

            // A condition opening the same clause, then what the customer will do: "if it still doesn't work I will need
            // a human", "if the refund isn't in by Friday I'm going to ask for a manager", read as with a comma between;
            // or a day named in it as a deadline: "if this isn't fixed by friday I want to speak to a supervisor".
            if (Is(t, i, Cat.Cond) && !onIdentity && (SaysIWill(t, i + 1, m.Start) || NamesADeadline(t, i + 1, m.Start)))
            {
                return true;
            }

            if (Is(t, i, Cat.Not) && !IsQuestionTag(t, i) && !IdentityCondition.IsItsNegation(t, i) && DeclinesVerb(t, i, m.Start))
            {
                return true;
            }
        }

        // A wish put as a condition, then the customer's own plan: "kalau mau ngomong sama orang, sy telpon aja nanti",
        // "kalau mau ngomong sama orang mending sy telpon aja", "if I want to talk to someone I'll just call": no one asked
        // for here. "kalau mau ngomong sama orang gimana caranya?" asks how, and stays a request.
        if (!onIdentity && Has(t, start, m.Start, Cat.Cond) && Has(t, start, m.Start, Cat.Desire) && OwnPlanAfter(t, m.End))
        {
            return true;
        }

        // A condition just before: "nanti kalau masih error, saya minta CS", "kalau belum beres, saya akan minta
        // manajer", "if it isn't fixed by Monday, I will ask for a manager", "if the refund is not in by Friday, then I
        // want a supervisor" (a deadline named in the condition).
        if (start > 0 && !onIdentity)
        {
            int previous = ClauseStart(t, start - 1);
            return Has(t, previous, start - 1, Cat.Cond)
                && (Has(t, previous, start - 1, Cat.Later | Cat.LaterTime) || SaysIWill(t, start, m.Start) || SaysAfterThat(t, start, m.Start)
                    || OnceDone(t, previous, start - 1));
        }

        return false;
    }

    /// <summary>
    /// A condition of something coming to be in [<paramref name="from"/>, <paramref name="to"/>): "kalau udah ready",
    /// "kalau barang sudah sampai", "kalo udah ada kabar": "sudah" after the condition word, a time still to come. "kalau
    /// sudah begini" and "kalau udah telat gini" (now that it has come to this) are now, and so is a condition that tells
    /// of a trouble ("kalau udah sampai tapi rusak", "kalau sudah bayar tapi belum masuk") or a request urged now ("...,
    /// saya minta CS sekarang").
    /// </summary>
    private static bool OnceDone(ReadOnlySpan<Lex> t, int from, int to)
    {
        for (int k = to + 1; k < t.Length && !IsEdge(t, k); k++)
        {
            if (t[k].Word is "sekarang" or "now" or "segera")
            {
                return false;
            }
        }

        for (int k = from; k < to; k++)
        {
            if (Is(t, k, Cat.Not | Cat.Breaker) || t[k].Word is "tapi" or "but")
            {
                return false;
            }
        }

        for (int k = from; k < to; k++)
        {
            if (!Is(t, k, Cat.Cond))
            {
                continue;
            }

            for (int j = k + 1; j < to && j <= k + 3; j++)
            {
                if (t[j].Word == "sudah")
                {
                    return !PointsAtNow(t, j + 1, to);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// "begini", "begitu" or "ini" / "itu" in [<paramref name="from"/>, <paramref name="to"/>): what has come to be is
    /// what is happening now ("kalau sudah begini", "kalau sudah seperti ini", "kalau udah telat gini", "kalo udah kayak
    /// gitu").
    /// </summary>
    private static bool PointsAtNow(ReadOnlySpan<Lex> t, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (t[k].Word is "begini" or "gini" or "begitu" or "gitu" or "ini" or "itu")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A day or a later time named as a deadline in [<paramref name="from"/>, <paramref name="to"/>): "by friday", "before
    /// monday", "until next week", "sebelum jumat", "sampai senin". "my order from last week" and "from monday" name no
    /// deadline.
    /// </summary>
    private static bool NamesADeadline(ReadOnlySpan<Lex> t, int from, int to)
    {
        for (int j = from + 1; j < to; j++)
        {
            if (Is(t, j, Cat.LaterTime) && WordAt(t, j - 1) is "by" or "before" or "until" or "till" or "sebelum" or "sampai" or "hingga")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// No one of the kind needed: "no human needed", "no manager required", "no real person needed, thanks". "no" right
    /// before the mention (an article or "real" between) and "needed" or "required" right after it. "No, human needed"
    /// answers the bot and asks for one.
    /// </summary>
    private static bool NoneNeeded(ReadOnlySpan<Lex> t, Mention m)
    {
        int k = m.Start - 1;
        while (Is(t, k, Cat.Article | Cat.Real))
        {
            k--;
        }

        return WordAt(t, k) == "no" && WordAt(t, m.End) is "needed" or "required";
    }

    /// <summary>
    /// A request called off by the customer: "cancel my request for an agent", "batal minta CS nya, udah ketemu", "cancel
    /// aja minta cs nya", "batalin minta operator". "cancel" or "batal" in the mention's clause, then only "my",
    /// "the", "that", "this" or a particle ("aja", "ya", "deh") before a wish or a request word ("request", "minta"), and
    /// the mention right after it ("for", an article, "real" or a particle aside). "cancel my order and connect me to an
    /// agent" and "cancel my request for a refund and get me an agent" ask.
    /// </summary>
    private static bool RequestCalledOff(ReadOnlySpan<Lex> t, Mention m)
    {
        for (int i = ClauseStart(t, m.Start); i < m.Start; i++)
        {
            if (t[i].Word is not ("cancel" or "batal"))
            {
                continue;
            }

            int k = i + 1;
            while (k < m.Start && (t[k].Word is "my" or "the" or "that" or "this" or "dulu" or "yang" || (Is(t, k, Cat.QParticle | Cat.Only) && !Is(t, k, Cat.Not))))
            {
                k++;
            }

            if (k >= m.Start || !Is(t, k, Cat.Desire))
            {
                continue;
            }

            // The person is what was asked for: right after the wish ("minta CS nya"), or after "for" and an article ("my
            // request for an agent"). "cancel my request for a refund and get me an agent" still asks.
            int j = k + 1;
            while (j < m.Start && (Is(t, j, Cat.Article | Cat.Real) || (Is(t, j, Cat.QParticle | Cat.Only) && !Is(t, j, Cat.Not)) || (j == k + 1 && t[j].Word == "for")))
            {
                j++;
            }

            if (j == m.Start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// After <paramref name="from"/>, the customer says what they will do themselves: "sy telpon aja", "saya telepon
    /// nanti", "I'll call", "I will just call": the customer, then within three words a call or a word of later, and
    /// nothing asked after it.
    /// </summary>
    private static bool OwnPlanAfter(ReadOnlySpan<Lex> t, int from)
    {
        for (int k = from; k < t.Length; k++)
        {
            // "kalau mau ngomong sama cs saya harus telpon ke mana?" asks how to reach one.
            if (Is(t, k, Cat.Question) || t[k].Word is "how" or "gimana" or "bagaimana" or "caranya" or "where" or "mana")
            {
                return false;
            }
        }

        for (int k = from; k < t.Length; k++)
        {
            // "I'll" is read as one word of later; "nanti saya chat lagi" puts the later first.
            if ((t[k].Word == "ill" && !IsEdge(t, k + 1)) || (Is(t, k, Cat.Later) && Is(t, k + 1, Cat.Me | Cat.Subject)))
            {
                return true;
            }

            if (!Is(t, k, Cat.Me | Cat.Subject))
            {
                continue;
            }

            for (int j = k + 1; j <= k + 3 && j < t.Length && !IsEdge(t, j); j++)
            {
                if (Is(t, j, Cat.Broadcast | Cat.Later | Cat.Will) && !Is(t, j, Cat.Connect | Cat.Desire))
                {
                    return true;
                }
            }
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
    /// staff at the counter were so friendly", or whether they helped ("agen di cabang sudirman sangat membantu", "the
    /// agent was not helpful"): not asked for when only the learnt model reads a request in it.
    /// </summary>
    /// <summary>
    /// A word of having helped at <paramref name="k"/>, said of the person ending before <paramref name="from"/> ("sangat
    /// membantu", "was not helpful"), not of one wished for ("cs yang membantu", "an agent who is helpful").
    /// </summary>
    private static bool SaysWhetherTheyHelped(ReadOnlySpan<Lex> t, int from, int k) =>
        t[k].Word is "membantu" or "helpful" or "berguna" or "useful" && !Has(t, from, k, Cat.Purpose) && !Has(t, from, k, Cat.Who);

    private static bool IsPraiseWord(string word) =>
        word.Length != 0 && Lexicon.PhrasesByFirstWord.TryGetValue(word, out Phrase[]? phrases) && ToneScanner.IsSingleWordOf(phrases, Tone.Praise);

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

            // "orangnya baik banget", "the agent was lovely": how they were, a word of praise among them.
            remark |= Is(t, k, Cat.Remark) || (k >= m.End && SaysWhetherTheyHelped(t, m.End, k))
                || (k >= m.End && (t[k].Word is "baik" or "kind" || IsPraiseWord(t[k].Word)));
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
}
