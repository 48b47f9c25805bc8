using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// Sarcasm that praises a failure, being unread, resignation and scorn in a word or two; and the look-alikes that are
/// none: a dog in a product, a third party's need, where to be answered, a remark made mild by what follows.
/// </summary>
internal static partial class ToneScanner
{
    /// <summary>
    /// The clause [<paramref name="from"/>, <paramref name="end"/>) reports a failure: a trouble not denied ("charged
    /// twice" has its count, "the refund just vanished", "the app crashed", "paket saya hilang", "saldo kepotong"), not yet
    /// come ("3 minggu belum dateng juga", "still hasn't arrived") or nothing ("3 weeks and nothing"). "great, it arrived",
    /// "mantap, sudah sampai", "great, no errors", "keren, udah gak error" and "nice, the problem is fixed" report none.
    /// </summary>
    private static bool ReportsAFailure(ReadOnlySpan<Lex> t, int from, int end)
    {
        for (int n = from; n < end; n++)
        {
            // A word of mending in the clause says the failure is over ("the error is fixed", "masalahnya sudah beres").
            if (t[n].Word is "fixed" or "solved" or "resolved" or "beres" or "working" or "normal")
            {
                return false;
            }
        }

        for (int n = from; n < end; n++)
        {
            if (IsTrouble(t, n) && !Has(t, n - 2, n, Cat.Not) && t[n].Word is not ("problem" or "issue" or "gone") && !OwnMistake(t, from, n))
            {
                return true;
            }

            // "charged twice", "ditagih dua kali", "my card was charged three times", "dobel potong".
            if (t[n].Word is "charged" or "ditagih" or "dobel" && IsCountedIn(t, from, end))
            {
                return true;
            }

            // "belum dateng", "not arrived yet", "still not here".
            if (Is(t, n, Cat.Not) && t[n].Word is not ("no" or "nope" or "nah") && WordAt(t, n - 1) != "pernah"
                && (IsArrival(WordAt(t, n + 1)) || IsArrival(WordAt(t, n + 2))))
            {
                return true;
            }

            // "3 weeks and nothing", "two days and still nothing".
            if (t[n].Word == "nothing" && n == end - 1 && n > from)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A mistake the customer owns: "my bad", "salah saya", or "wrong" or "salah" of their own choice ("I picked the wrong
    /// colour", "I accidentally ordered the wrong size", "I've selected the wrong date", "saya salah pilih warna", "salah
    /// pesan", "gw salah klik", "kepencet yang salah"). "I got the wrong size", "you sent the wrong one", "they picked the
    /// wrong colour" and "kalian salah pilih" are someone else's.
    /// </summary>
    private static bool OwnMistake(ReadOnlySpan<Lex> t, int from, int n)
    {
        // "my bad", "my mistake", "salah saya", "salahku".
        if (WordAt(t, n - 1) == "my" || (t[n].Word == "salah" && IsFirstPerson(WordAt(t, n + 1))))
        {
            return true;
        }

        // "I gave the wrong phone number": the trouble is read a word or two after the "wrong" the customer owns.
        if (t[n].Word is not ("wrong" or "salah"))
        {
            int w = n - 1;
            while (w >= from && w >= n - 3 && t[w].Word is not ("wrong" or "salah"))
            {
                w--;
            }

            if (w < from || w < n - 3)
            {
                return false;
            }

            n = w;
        }

        // "salah pilih", "saya tadi salah pesen", "duh salah klik": a wrong choice made by the customer, with no one but
        // them named before it ("kalian salah pilih" and "kurirnya salah ketik" are someone else's).
        if (t[n].Word == "salah" && IsChoosing(WordAt(t, n + 1)))
        {
            for (int k = from; k < n; k++)
            {
                if (!(IsFirstPerson(t[k].Word) || IsAside(t[k].Word) || Is(t, k, Cat.Polite | Cat.Greeting | Cat.Lead | Cat.QParticle)))
                {
                    return false;
                }
            }

            return true;
        }

        for (int k = from; k < n; k++)
        {
            // "kepencet yang salah", "keklik yang salah": pressed by accident, the customer's.
            if (t[k].Word == "kepencet")
            {
                return true;
            }

            if (!IsFirstPerson(t[k].Word))
            {
                continue;
            }

            // "I picked", "I accidentally ordered", "I've just selected", "I must have typed", "saya tadi pilih".
            int v = k + 1;
            while (v < n && v <= k + 3 && IsAside(t[v].Word))
            {
                v++;
            }

            if (v < n && IsChoosing(t[v].Word))
            {
                return true;
            }
        }

        return false;

        static bool IsFirstPerson(string word) => word is "i" or "im" or "ive" or "we" or "saya" or "aku" or "ku" or "gue" or "gw" or "sy";

        // What may stand between the customer and their choice: "I accidentally ordered", "I must have typed", "saya tadi pilih".
        static bool IsAside(string word) => word is "have" or "had" or "just" or "must" or "mistakenly" or "already" or "also" or "tadi"
            or "udah" or "sudah" or "malah" or "ya" or "eh" or "oh";

        // The canonical words of choosing, typing, pressing and buying, present and past.
        static bool IsChoosing(string word) => word is "picked" or "pick" or "chose" or "choose" or "ordered" or "order" or "written" or "wrote"
            or "selected" or "clicked" or "entered" or "pressed" or "bought" or "buy" or "purchase" or "booked" or "schedule" or "added"
            or "used" or "filled" or "scanned" or "put" or "gave" or "send" or "pay"
            or "pilih" or "ketik" or "klik" or "pencet" or "masukin" or "input" or "beli" or "orderan" or "pesan" or "kepencet" or "transfer";
    }

    private static bool IsArrival(string word) => word is "datang" or "sampai" or "arrived" or "here" or "come" or "came";

    /// <summary>A count of times in [<paramref name="from"/>, <paramref name="end"/>): "twice", "three times", "dua kali", "dobel".</summary>
    private static bool IsCountedIn(ReadOnlySpan<Lex> t, int from, int end)
    {
        for (int n = from; n < end; n++)
        {
            if (t[n].Word is "twice" or "thrice" or "dobel"
                || (t[n].Word is "time" or "kali" && (IsNumberAt(t, n - 1) || WordAt(t, n - 1) is "two" or "three" or "four" or "dua" or "tiga" or "empat" or "multiple" or "several")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word of waiting in [<paramref name="from"/>, <paramref name="end"/>): "another week of waiting".</summary>
    private static bool HasWait(ReadOnlySpan<Lex> t, int from, int end)
    {
        for (int n = from; n < end; n++)
        {
            if (IsWait(t, n) || t[n].Word == "waiting")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Scorn in a word or two, the whole message: "yeah right", "oh yeah right.", "wow. just wow.". "yeah right, the blue
    /// one", "yeah, right here" and "wow, just wow, it's beautiful" go on to say something else.
    /// </summary>
    private static bool ScoffsAlone(ReadOnlySpan<Lex> t, int i)
    {
        bool scoff = t[i].Word switch
        {
            "yeah" => WordAt(t, i + 1) == "right",
            "just" => WordAt(t, i + 1) == "wow",
            _ => false,
        };
        if (!scoff)
        {
            return false;
        }

        for (int k = 0; k < t.Length; k++)
        {
            if (!IsEdge(t, k) && t[k].Word is not ("yeah" or "right" or "oh" or "just" or "wow" or "sure"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Told to read again what was written, impatiently: "read again", "no. that's not it. read again", "read my message
    /// again", "baca lagi dong chatnya", "tolong baca lagi chat saya". "read" or "baca" opening its clause (after
    /// "please", "tolong", "no" at most), "again" or "lagi" right after it or after what is to be read, and after that only
    /// urging or one word naming the chat. "let me read it again", "I read again the instructions", "can you read it
    /// again?", "tolong baca lagi syaratnya di mana ya" are not.
    /// </summary>
    private static bool TellsToReadAgain(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word is not ("read" or "baca"))
        {
            return false;
        }

        int start = ClauseStart(t, i);
        for (int k = start; k < i; k++)
        {
            if (!Is(t, k, Cat.Polite | Cat.Greeting) && t[k].Word is not ("no" or "tidak"))
            {
                return false;
            }
        }

        int end = ClauseEnd(t, i);
        if (Is(t, end, Cat.Question))
        {
            return false;
        }

        int a = i + 1;
        while (a < end && a <= i + 3 && t[a].Word is not ("again" or "lagi"))
        {
            if (!(t[a].Word is "it" or "my" or "this" or "message" or "messages" or "chat" or "pesan" || Is(t, a, Cat.Me)))
            {
                return false;
            }

            a++;
        }

        if (a >= end || t[a].Word is not ("again" or "lagi"))
        {
            return false;
        }

        int named = 0;
        for (int k = a + 1; k < end; k++)
        {
            if (Is(t, k, Cat.Polite | Cat.QParticle | Cat.Greeting | Cat.Me) || t[k].Word is "chat" or "pesan" or "message" or "messages")
            {
                continue;
            }

            if (!t[k].IsUnknown || ++named > 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Giving up, with a particle of resignation: "terserah deh", "terserah lah", "ya terserah deh", "whatever then".
    /// "terserah" or "whatever" alone answers a choice ("whatever."), and "terserah kakak aja mana yang bagus" leaves it to
    /// the one answering.
    /// </summary>
    private static bool GivesUp(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word is not ("terserah" or "whatever"))
        {
            return false;
        }

        int start = ClauseStart(t, i);
        int end = ClauseEnd(t, i);
        if (Is(t, end, Cat.Question))
        {
            return false;
        }

        bool resigned = false;
        for (int k = start; k < end; k++)
        {
            if (k == i)
            {
                continue;
            }

            if (t[k].Word is "deh" or "po" or "then" or "sudah" && k > i)
            {
                resigned = true;
            }
            else if (t[k].Word is not ("ya" or "oh" or "ugh"))
            {
                return false;
            }
        }

        return resigned;
    }

    /// <summary>
    /// Giving up and waiting, with or without a particle or a comma: "terserah deh nunggu aja", "terserah, saya tunggu
    /// aja", "fine whatever i'll wait", "whatever, I'm gonna keep waiting then", as "whatever, I'll just wait" is.
    /// "terserah" or "whatever", then within a clause or two only the customer, particles, "just" or "I'll" and a word of
    /// waiting that closes its clause (after "then", "aja", "forever" at most). A message that asks something or thanks,
    /// a choice left to the one answering ("terserah kakak aja, saya tunggu") and a wait for something ("terserah, saya
    /// tunggu restoknya") are not.
    /// </summary>
    private static bool WaitsAfterGivingUp(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word is not ("terserah" or "whatever") || Has(t, 0, t.Length, Cat.Question | Cat.Thanks))
        {
            return false;
        }

        int boundaries = 0;
        int k = i + 1;
        for (; k < t.Length && k <= i + 6 && !IsWait(t, k) && t[k].Word != "waiting"; k++)
        {
            if (Is(t, k, Cat.Boundary))
            {
                if (++boundaries > 1)
                {
                    return false;
                }
            }
            else if (!(Is(t, k, Cat.QParticle | Cat.Polite | Cat.Me | Cat.Subject | Cat.Later | Cat.Will)
                || t[k].Word is "just" or "keep" or "then"))
            {
                return false;
            }
        }

        if (k >= t.Length || k > i + 6)
        {
            return false;
        }

        for (int n = k + 1; n < t.Length && !Is(t, n, Cat.Boundary); n++)
        {
            if (!(Is(t, n, Cat.QParticle | Cat.Polite) || t[n].Word is "then" or "forever" or "again"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The same again and again: "jawabannya gitu lagi gitu lagi", "itu lagi itu lagi", "the same thing again and again".
    /// </summary>
    private static bool SameAgainAndAgain(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word == "again")
        {
            return WordAt(t, i + 1) == "and" && WordAt(t, i + 2) == "again" && !IsSupposed(t, i);
        }

        return t[i].Word == "lagi" && i > 0 && t[i - 1].Word.Length != 0 && !Is(t, i - 1, Cat.Edge)
            && WordAt(t, i + 1) == t[i - 1].Word && WordAt(t, i + 2) == "lagi";
    }

    /// <summary>
    /// "anjing" naming the animal: after a thing for it or "untuk"/"buat" ("makanan anjing", "mainan anjing", "kalung
    /// anjing", "shampoo buat anjing"), or with "saya", "peliharaan", "kucing" after it ("anjing saya alergi"). "anjing lu",
    /// "anjing!", "dasar anjing" and "kurir anjing" swear.
    /// </summary>
    private static bool IsTheAnimal(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word != "anjing")
        {
            return false;
        }

        return WordAt(t, i - 1) is "makanan" or "mainan" or "kalung" or "kandang" or "pakan" or "camilan" or "sampo" or "peliharaan" or "untuk" or "buat"
            || (WordAt(t, i + 1) is "saya" or "peliharaan" or "kucing" && !Has(t, ClauseStart(t, i), i, Cat.YouPerson));
    }

    /// <summary>
    /// A threat phrase that is only someone's need: "my lawyer needs a copy of the contract", "pengacara saya minta
    /// salinan kontrak", "my lawyer asked for the invoice". "my lawyer will be in touch" threatens.
    /// </summary>
    private static bool OnlyTheirNeed(ReadOnlySpan<Lex> t, Phrase phrase, int end) =>
        phrase.Words[^1] is "lawyer" or "attorney" or "saya" && phrase.Words[0] is "my" or "pengacara"
        && (Is(t, end, Cat.Desire) || WordAt(t, end) is "needs" or "wants" or "asked" or "asks" or "ask");

    /// <summary>"just answer here", "just answer me here": where to be answered, no impatience ("just answer me!" is).</summary>
    private static bool AnswersHere(ReadOnlySpan<Lex> t, Phrase phrase, int end) =>
        phrase.Words is ["just", "answer"] && (WordAt(t, end) is "here" || (Is(t, end, Cat.Me) && WordAt(t, end + 1) is "here"));

    /// <summary>
    /// A remark on how someone else came across, made mild by what follows: "the delivery person was rude but the package
    /// is fine", "kurirnya tadi agak jutek sih tapi paketnya aman kok" ("but" / "tapi" later in the message, and after it
    /// "fine", "ok", "aman", "baik" or "gapapa"). Said of the ones answering ("you were rude", "your courier was rude")
    /// it stays.
    /// </summary>
    private static bool MadeMild(ReadOnlySpan<Lex> t, int i)
    {
        if (!Is(t, i, Cat.Remark) || NamesThem(t, i, Cat.YouPerson | Cat.Bot, theirs: true))
        {
            return false;
        }

        for (int k = i + 1; k < t.Length; k++)
        {
            if (t[k].Word is not ("but" or "tapi"))
            {
                continue;
            }

            for (int n = k + 1; n < t.Length && n <= k + 6 && !IsEdge(t, n); n++)
            {
                if (t[n].Word is "fine" or "ok" or "aman" or "baik" or "gapapa" && !Has(t, n - 2, n, Cat.Not))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// "again?!", "lagi?!", "AGAIN!?": the message is only "again" asked in disbelief, a question mark and an exclamation
    /// mark together. "again?" alone may ask for more, and "again and again" says something else.
    /// </summary>
    internal static bool AgainInDisbelief(ReadOnlySpan<Lex> t, string text)
    {
        bool again = false;
        foreach (Lex lex in t)
        {
            if (lex.Word is "again" or "lagi")
            {
                again = true;
            }
            else if ((lex.Cats & Cat.Edge) == 0)
            {
                return false;
            }
        }

        return again && text.Contains('?', StringComparison.Ordinal) && text.Contains('!', StringComparison.Ordinal);
    }

    /// <summary>
    /// Blame put on someone else, sarcastically: "sure, blame the courier, classic", "iya iya, salahin kurir terus", "go
    /// on, blame the weather". "blame" or "salahin" opening its clause (after "just", "ya" at most) with no negator before
    /// it ("jangan salahin kurirnya", "don't blame the courier") and no question ("who do I blame?").
    /// </summary>
    private static bool BlamesSomeoneElse(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word is not ("blame" or "salahin"))
        {
            return false;
        }

        int start = ClauseStart(t, i);
        for (int k = start; k < i; k++)
        {
            if (t[k].Word is not ("just" or "ya" or "sure" or "oh" or "yeah" or "so"))
            {
                return false;
            }
        }

        // Blame put on oneself ("blame it on me, I typed the wrong address") is no sarcasm.
        return !Is(t, ClauseEnd(t, i), Cat.Question) && !Has(t, 0, t.Length, Cat.Question) && i + 1 < t.Length && !IsEdge(t, i + 1)
            && !Has(t, i + 1, ClauseEnd(t, i), Cat.Me) && WordAt(t, i + 1) is not ("myself" or "diri" or "saya" or "aku" or "gue" or "gw");
    }

    /// <summary>
    /// Having said it already, and "again." closing the message in a clause of its own: "I said the BLUE one, not the red
    /// one. again.", "saya bilang yang BIRU, bukan merah. lagi.". "I said it's fine. again, thanks" goes on.
    /// </summary>
    private static bool SaidItAgain(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word is not ("again" or "lagi") || !IsEdge(t, i - 1) || i == 0 || !IsEdge(t, i + 1) || !IsEdge(t, i + 2) && i + 2 < t.Length)
        {
            return false;
        }

        for (int k = 0; k + 1 < i; k++)
        {
            if (Is(t, k, Cat.Subject) && t[k + 1].Word is "said" or "bilang")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A word of frustration that is not the customer's: in a clause of hearsay ("katanya kerjaan CS capek ya", "kata
    /// kurirnya dia capek"), after a third party who keeps doing something ("my kid keeps saying ..."), or a question
    /// whether what the customer did is bad ("is it bad that I ordered 3 of them?").
    /// </summary>
    private static bool NotTheirComplaint(ReadOnlySpan<Lex> t, int i)
    {
        int start = ClauseStart(t, i);
        // "kata sandi" is a password, no hearsay.
        if (WordAt(t, start) == "kata" && WordAt(t, start + 1) is not ("sandi" or "sandinya" or "kunci" or "kuncinya"))
        {
            return true;
        }

        if (t[i].Word == "keep" && WordAt(t, i + 1) == "saying" && (Has(t, Math.Max(start, i - 2), i, Cat.ThirdParty) || (i - 2 >= start && WordAt(t, i - 2) is "my" or "our")))
        {
            return true;
        }

        return t[i].Word == "bad" && WordAt(t, i - 1) == "it" && WordAt(t, i - 2) == "is" && WordAt(t, i + 1) is "that" or "if"
            && Is(t, ClauseEnd(t, i), Cat.Question);
    }

    /// <summary>
    /// Threatening to leave as a customer: "you'll lose a customer", "keep this up and you'll lose me as a customer", "you
    /// just lost a loyal customer". "lose" or "lost" and "customer" within four words in a clause that asks nothing ("will I
    /// lose my customer points?" asks).
    /// </summary>
    private static bool LosesACustomer(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word is not ("lose" or "lost") || Is(t, ClauseEnd(t, i), Cat.Question) || WordAt(t, i + 1) is "my" or "our")
        {
            return false;
        }

        // The one losing is the one answering ("you'll lose a customer", "you just lost a loyal customer"); "I lost the
        // customer number" tells of a number.
        if (!Has(t, ClauseStart(t, i), i, Cat.You))
        {
            return false;
        }

        for (int k = i + 1; k <= i + 4 && !IsEdge(t, k); k++)
        {
            if (t[k].Word == "customer")
            {
                return WordAt(t, k + 1) is not ("number" or "id" or "service" or "code" or "account" or "care" or "support");
            }
        }

        return false;
    }
}
