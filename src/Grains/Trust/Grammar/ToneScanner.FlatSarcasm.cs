using static CxCluster.Grains.Trust.Grammar.Tokens;
using static CxCluster.Grains.Trust.Grammar.Spellings;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// Sarcasm with no word of failure and exasperated questions: help claimed flatly and overstated, a wait accepted in
/// resignation, how hard it can be to do the simple thing, why it takes so long, how this is even supposed to work, and
/// where one's things are asked with "?!". Their calm look-alikes ask or thank.
/// </summary>
internal static partial class ToneScanner
{
    /// <summary>
    /// Help claimed flatly after a scoff in a clause of its own, overstated and with no thanks in the message: "yeah,
    /// that totally answers my question", "oh sure, that really clears it up", "wow, so helpful.", "gee, very informative",
    /// "yeah right, super helpful". The scoff ("yeah", "sure", "wow", "gee", "yeah right", with "oh" or "well" before it)
    /// opens the message; the next clause is at most one word of who or what helped ("that", "this", "it", "you"), an
    /// overstating word ("totally", "really", "clearly", "so", "very", "super") and a word of helping or being helpful,
    /// and it closes the message after a few words more. An exclamation mark or a smiley in the message is gladness,
    /// save after "yeah right": "Wow, that really helped!", "wow, so helpful :)". "yeah, that answers my question",
    /// "that totally answers my question, thanks!", "wow so helpful, thank you" and "wow, so fast" are not.
    /// </summary>
    private static bool ClaimsHelpFlatly(ReadOnlySpan<Lex> t, bool thanks, ReadOnlySpan<char> text)
    {
        if (thanks)
        {
            return false;
        }

        int k = 0;
        while (WordAt(t, k) is "oh" or "well")
        {
            k++;
        }

        bool scoffed = false;
        bool right = false;
        while (WordAt(t, k) is "yeah" or "sure" or "wow" or "gee" || (scoffed && WordAt(t, k) == "right"))
        {
            right |= t[k].Word == "right";
            scoffed = true;
            k++;
        }

        if (!scoffed || !Is(t, k, Cat.Boundary) || Is(t, k, Cat.Question))
        {
            return false;
        }

        k++;
        if (WordAt(t, k) is "that" or "this" or "it" or "you" || (k < t.Length && t[k].Word.Length == 0))
        {
            k++;
        }

        if (WordAt(t, k) is not ("total" or "really" or "clearly" or "definitely" or "so" or "very" or "super" or "real"))
        {
            return false;
        }

        k++;
        if (WordAt(t, k) is not ("answers" or "answered" or "answer" or "helps" or "helped" or "help" or "clears" or "clear"
            or "explains" or "explained" or "solved" or "helpful" or "useful" or "informative"))
        {
            return false;
        }

        // "my question", "it up", "a lot", "everything": a few words more, then the message ends with no question.
        int end = ClauseEnd(t, k);
        return end - k <= 4 && end >= t.Length - 1 && !Has(t, 0, t.Length, Cat.Question)
            && (right || (!text.Contains('!') && !Smiles(text)));
    }

    /// <summary>
    /// A wait accepted in resignation: "sure, I'll just wait another month then", "I guess I'll just wait forever", "yeah
    /// I'll just wait another week, again", "fine, I'll just wait then". "just wait" in a clause that asks, supposes and
    /// offers nothing ("can", "if", "could"), then "forever"; or "another" and a length of time after a scoff ("sure",
    /// "yeah", "fine", "whatever", "right" opening the message, or "I guess" before the wait) or with "again" right after
    /// it; or "then" closing it after a scoff opening the message in a clause of its own. A message that makes light of the
    /// wait anywhere ("ok", "it's ok", "no problem", "no worries", "no rush", "that's fine", "alright", "gpp", "santai")
    /// or thanks is calm, and so is a "fine" of its own only when it opens the message ("fine, I'll just wait then").
    /// "Perfect, I'll just wait then", "I'll just wait another hour and check again", "I'll just wait for the courier
    /// then", "I can just wait another week if needed" and "ok I'll just wait another day, no worries" are calm.
    /// </summary>
    private static bool WaitsInResignation(ReadOnlySpan<Lex> t, int i, ReadOnlySpan<char> text)
    {
        if (t[i].Word != "wait" || WordAt(t, i - 1) != "just")
        {
            return false;
        }

        int start = ClauseStart(t, i);
        int end = ClauseEnd(t, i);
        if (Is(t, end, Cat.Question) || Has(t, start, i, Cat.Modal | Cat.Cond))
        {
            return false;
        }

        int open = 0;
        while (WordAt(t, open) is "oh" or "well")
        {
            open++;
        }

        // "fine," opening the message is the scoff; "that's fine" anywhere, like "ok" or "no worries", makes light of it.
        bool fineOpens = WordAt(t, open) == "fine" && IsEdge(t, open + 1);
        for (int k = 0; k < t.Length; k++)
        {
            if (t[k].Word is "ok" or "gapapa" or "rush" or "problem" or "worries" or "thank" || Is(t, k, Cat.Thanks)
                || (t[k].Word == "fine" && !(fineOpens && k == open)))
            {
                return false;
            }
        }

        if (SaysWord(text, "alright", "santai", "np"))
        {
            return false;
        }

        // "sure thing" (a word the lexicon does not know after it) agrees.
        bool scoff = WordAt(t, open) is "sure" or "yeah" or "fine" or "whatever" or "right" && (IsEdge(t, open + 1) || t[open + 1].Word.Length != 0);
        for (int k = start; k < i; k++)
        {
            scoff |= t[k].Word == "guess";
        }

        for (int k = i + 1; k < end; k++)
        {
            if (t[k].Word == "forever")
            {
                return true;
            }

            // "another week again", "another week, again": the same wait once more.
            if (t[k].Word == "another" && WordAt(t, k + 1) is "day" or "week" or "month" or "year" or "hour" or "minute" or "ages")
            {
                return scoff || WordAt(t, k + 2) == "again"
                    || (Is(t, k + 2, Cat.Boundary) && WordAt(t, k + 3) == "again" && IsEdge(t, k + 4));
            }
        }

        return WordAt(t, end - 1) == "then" && scoff && Is(t, open + 1, Cat.Boundary);
    }

    /// <summary>
    /// How hard it can be to do the simple thing, asked of the one answering: "how hard is it to just refund me", "how
    /// difficult is it for you to call me back", "how hard can it be to simply answer", "how hard is it to refund us".
    /// "how hard", "how difficult" or "how complicated", then "is", "can", "was" or "would" and at most three words
    /// before "to"; and "just" or "simply" after it, "for you" before it, "a simple question" or "a simple request", or,
    /// asked as "is" or "can", "me" or "us" right after the verb after "to" with no thing asked for after them ("how hard
    /// is it to give us a refund"). "how hard is it to assemble? just curious", "how hard is it to send me a replacement?",
    /// "how hard is it to set up the router?", "how difficult is it to set up for someone like me?", "how hard would it be
    /// to send me a sample first?" and "how hard is it to learn a simple recipe?" ask.
    /// </summary>
    private static bool AsksHowHardItIs(ReadOnlySpan<Lex> t, int i, ReadOnlySpan<char> text)
    {
        if (t[i].Word != "how" || WordAt(t, i + 1) is not ("hard" or "difficult" or "complicated")
            || WordAt(t, i + 2) is not ("is" or "can" or "was" or "would") || AsksOutOfCuriosity(t, text))
        {
            return false;
        }

        int end = ClauseEnd(t, i);
        bool forYou = false;
        int to = i + 3;
        for (; to < end && to <= i + 6 && t[to].Word != "to"; to++)
        {
            forYou |= t[to].Word == "you" && WordAt(t, to - 1) == "for";
        }

        if (to >= end || t[to].Word != "to")
        {
            return false;
        }

        // "how hard is it to refund me", "how hard can it be to call us back": the customer, right after the verb, and
        // not given something after it ("how hard is it to send me a replacement?" asks how it is done).
        if (forYou || (WordAt(t, i + 2) is "is" or "can" && to + 2 < end && WordAt(t, to + 2) is "me" or "us" && !GivesTheCustomerAThing(t, to + 3, end)))
        {
            return true;
        }

        for (int k = to + 1; k < end; k++)
        {
            if (t[k].Word is "just" or "simply" || (t[k].Word == "simple" && WordAt(t, k + 1) is "question" or "request"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// After "send me", "get us", asked with a question mark: a thing given, named after an article or determiner ("a
    /// replacement?", "an invoice?", "another one?", "the receipt?"), and neither money owed ("give us a refund", "send me
    /// my money"), the right one at last ("the right size", "a working one", "the actual item", "the item I paid for":
    /// one that should have come before, in exasperation) nor an answer ("give me a straight answer", "send me a reply",
    /// "give me a call back").
    /// </summary>
    private static bool GivesTheCustomerAThing(ReadOnlySpan<Lex> t, int k, int end)
    {
        if (k >= end || !Is(t, end, Cat.Question) || WordAt(t, k) is not ("a" or "an" or "another" or "the" or "some" or "one" or "new"))
        {
            return false;
        }

        for (int n = k + 1; n < end; n++)
        {
            if (t[n].Word is "right" or "working" or "actual" or "refund" or "money" or "pay" or "answer" or "reply" or "response"
                or "call" or "callback")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Why it takes so long or is so hard, asked in exasperation of the service: "why does this take so long", "why is
    /// it taking so long", "why is everything so confusing with you", "why is the refund so slow", "why is your app so
    /// confusing". "why", then "so" and "hard", "difficult", "complicated", "confusing" or "slow", or "so long" after a
    /// word of taking, in the same clause, said of what the service does (<see cref="AsksWhyOfTheService"/>).
    /// "why is the cable so long?", "why is the mattress so hard?", "why is my bread so hard after baking?" ask of a thing,
    /// and "why does shipping take so long? just curious" asks out of curiosity.
    /// </summary>
    private static bool AsksWhySoHard(ReadOnlySpan<Lex> t, int i, ReadOnlySpan<char> text)
    {
        if (t[i].Word != "why")
        {
            return false;
        }

        int end = ClauseEnd(t, i);
        for (int k = i + 1; k + 1 < end; k++)
        {
            if (t[k].Word != "so")
            {
                continue;
            }

            string next = t[k + 1].Word;
            if (next is "hard" or "difficult" or "complicated" or "confusing" or "slow"
                || (next == "long" && WordAt(t, k - 1) is "take" or "takes" or "taking" or "took"))
            {
                return AsksWhyOfTheService(text) && !AsksOutOfCuriosity(t, text);
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a "why ... so hard" or "why ... take so long" in <paramref name="text"/> is said of the service: of no
    /// subject ("why so slow"), of one opening with "it", "you", "everything" or "they" ("why is it so hard", "why do you
    /// make it so hard"), of "this" or "that" alone ("why is this so difficult"), or of a subject that names what the
    /// service does or runs ("the process", "my refund", "delivery", "shipping", "ordering", "your app", "the website",
    /// "customer service", "getting a refund"). A thing of the customer's or a product ("the mattress", "my bread",
    /// "this pillow", "the dough") is asked about.
    /// </summary>
    private static bool AsksWhyOfTheService(ReadOnlySpan<char> text)
    {
        int pos = 0;
        bool inWhy = false;
        bool service = false;
        bool lone = false;
        int words = 0;
        while (NextWord(text, ref pos, out ReadOnlySpan<char> word, out bool broke))
        {
            if (broke)
            {
                inWhy = false;
            }

            if (WordIs(word, "why"))
            {
                inWhy = true;
                service = false;
                lone = false;
                words = 0;
                continue;
            }

            if (!inWhy)
            {
                continue;
            }

            if (WordIs(word, "so"))
            {
                int after = pos;
                if (NextWord(text, ref after, out ReadOnlySpan<char> next, out bool brokeAfter) && !brokeAfter
                    && (IsOneOf(next, "hard", "difficult", "complicated", "confusing", "slow") || WordIs(next, "long")))
                {
                    // "long" is read only after a word of taking, which the tokens checked.
                    if (words == 0 || service || (words == 1 && lone))
                    {
                        return true;
                    }
                }

                continue;
            }

            // "is", "does", "did" before the subject; "always", "still", "even" anywhere in it; the verb of taking after it.
            if ((words == 0 && IsOneOf(word, "is", "are", "was", "were", "does", "do", "did", "has", "have"))
                || IsOneOf(word, "always", "still", "even", "really", "just", "ever", "now", "take", "takes", "taking", "took"))
            {
                continue;
            }

            if (words == 0 && IsOneOf(word, "it", "its", "you", "u", "youre", "everything", "everyone", "anything", "they", "theyre"))
            {
                service = true;
            }

            lone = words == 0 && IsOneOf(word, "this", "that");
            service |= IsOneOf(word, "process", "processing", "refund", "refunds", "refunding", "delivery", "deliveries", "shipping",
                "shipment", "ordering", "order", "orders", "package", "parcel", "tracking", "checkout", "payment", "payments", "app",
                "website", "site", "web", "system", "service", "support", "return", "returns", "returning", "exchange",
                "cancellation", "cancelling", "canceling", "login", "registration", "verification", "reply", "replies",
                "response", "answer", "courier", "getting", "reaching", "contacting", "claim", "complaint", "chat", "team",
                "staff", "agent", "account", "transfer", "withdrawal", "billing", "invoice", "customer");
            words++;
        }

        return false;
    }

    /// <summary>
    /// The customer says they ask out of curiosity: "just curious", "just wondering", "penasaran", "cuma nanya",
    /// "hanya bertanya".
    /// </summary>
    private static bool AsksOutOfCuriosity(ReadOnlySpan<Lex> t, ReadOnlySpan<char> text)
    {
        for (int k = 1; k < t.Length; k++)
        {
            if (t[k].Word == "tanya" && WordAt(t, k - 1) is "cuma" or "hanya")
            {
                return true;
            }
        }

        return SaysWord(text, "curious", "wondering", "penasaran");
    }

    /// <summary>
    /// How this is even supposed to work, asked in exasperation: "ini gimana sih kerjanya", "gimana sih ini", "kok gimana
    /// sih", "ini gimana sih?". "gimana sih" in a clause opened by "ini", "itu" or "kok" (after "duh", "lah" at most) and
    /// closed by it, one word of how it works or a complaint opened by "kok", or closed by "ini", "itu", "kalian" or "kerjanya"; or
    /// "gimana sih" alone closing what the customer said before it, with no question mark ("udah bayar tapi barang gak
    /// dikirim, gimana sih"; "mau retur, gimana sih?" and "mau tanya, gimana sih" ask). A way asked after
    /// ("gimana sih caranya daftar?"), a supposition ("gimana sih kalau mau retur?") and "gimana cara kerjanya?" ask.
    /// The lexicon reads "gimana" as its canonical word "bagaimana", which is the word looked for.
    /// </summary>
    private static bool AsksHowThisEvenWorks(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word != "bagaimana" || WordAt(t, i + 1) != "sih")
        {
            return false;
        }

        int start = ClauseStart(t, i);
        int end = ClauseEnd(t, i);
        for (int k = start; k < end; k++)
        {
            if (t[k].Word is "cara" or "caranya" or "kalau" or "biar" or "supaya" or "untuk" or "buat")
            {
                return false;
            }
        }

        bool opened = false;
        for (int k = start; k < i; k++)
        {
            if (t[k].Word is "ini" or "itu" or "kok")
            {
                opened = true;
            }
            else if (!Is(t, k, Cat.Lead | Cat.QParticle | Cat.Greeting))
            {
                return false;
            }
        }

        // "ini gimana sih kok belum sampai": a complaint goes on after it.
        int after = end - (i + 2);
        return (opened && (after == 0 || (after == 1 && t[i + 2].Word is "kerjanya" or "ini" or "itu") || t[i + 2].Word == "kok"))
            || (after == 1 && t[i + 2].Word is "ini" or "itu" or "kalian" or "kerjanya")
            || (after == 0 && !Is(t, end, Cat.Question) && SaysSomethingBefore(t, start));

        // "udah bayar tapi barang gak dikirim, gimana sih": closing what was said before it, with no question mark. A wish
        // or a question announced with no trouble told ("mau tanya, gimana sih", "kak mau daftar, gimana sih") asks how.
        static bool SaysSomethingBefore(ReadOnlySpan<Lex> t, int start)
        {
            bool said = false;
            bool asks = false;
            bool trouble = false;
            for (int k = 0; k < start; k++)
            {
                said |= !IsEdge(t, k) && !Is(t, k, Cat.Greeting | Cat.Polite | Cat.QParticle);
                asks |= Is(t, k, Cat.Desire) || t[k].Word is "tanya" or "nanya" or "bertanya";
                trouble |= Is(t, k, Cat.Not | Cat.Negative);
            }

            return said && (!asks || trouble);
        }
    }

    /// <summary>
    /// Where one's things are, or why, asked with "?!" or "!?": "mana paket saya?!", "where is my refund?!", "kenapa
    /// belum dikirim?!", "kapan paket saya sampai?!", "why?!", "kok gak bisa?!". A clause closed by '?' (with '!' beside
    /// it in the text) with "why", "kenapa", "kok" or "how come" in it, or "where", "mana", "dimana", "when" or "kapan"
    /// and the customer's own thing ("my", "saya", "paketku"), an answer waited for ("when will you reply?!", "kapan
    /// dibalas?!") or something not done ("belum", "still"). "mana yang lebih
    /// murah?", "where is my order?", "are you a bot?!", "when is the sale?!", "when will it arrive?!", "kapan paketnya
    /// sampai?!", "kapan flash sale nya?!" and "really?! it's on sale?!" are not (impatience at most), nor is a question asked
    /// in excitement (<see cref="LooksForward"/>): "When is my order coming?! So excited", "kapan sampainya?! gak sabar".
    /// </summary>
    internal static bool AsksInExasperation(ReadOnlySpan<Lex> t, string text)
    {
        if ((!text.Contains("?!", StringComparison.Ordinal) && !text.Contains("!?", StringComparison.Ordinal)) || LooksForward(t, text))
        {
            return false;
        }

        bool? mine = null;
        for (int q = 0; q < t.Length; q++)
        {
            if (!Is(t, q, Cat.Question))
            {
                continue;
            }

            int start = ClauseStart(t, q);
            bool where = false;
            bool owned = false;
            for (int k = start; k < q; k++)
            {
                string word = t[k].Word;
                if (word is "why" or "kenapa" or "kok" || (word == "how" && WordAt(t, k + 1) == "come"))
                {
                    return true;
                }

                where |= word is "where" or "dimana" or "when" or "kapan" || (word == "mana" && WordAt(t, k + 1) != "yang");
                // An answer waited for is the customer's own too: "when will you reply?!", "kapan dibalas?!".
                owned |= word is "my" or "our" or "still" or "reply" or "responds" or "respon" or "balas" or "dibalas"
                    or "membalas" or "jawab" || Is(t, k, Cat.Me | Cat.Not | Cat.Progressive);
            }

            // The text is looked through once, however many questions it asks.
            if (where && (owned || (mine ??= SaysMine(text))))
            {
                return true;
            }
        }

        return false;

        // "paketku", "pesananku": a thing with "-ku" (mine) on it, which the lexicon does not split off; "buku" is a book.
        static bool SaysMine(ReadOnlySpan<char> text)
        {
            int pos = 0;
            while (NextWord(text, ref pos, out ReadOnlySpan<char> word, out _))
            {
                if (word.Length >= 6 && word.EndsWith("ku", StringComparison.OrdinalIgnoreCase) && !word.EndsWith("buku", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The customer looks forward to something: "so excited", "can't wait to try it", "cannot wait!", "yay", "so happy",
    /// "gak sabar", "senang", "asyik", "seru", none of them denied ("not excited", "gak seru", "can't wait any longer").
    /// </summary>
    private static bool LooksForward(ReadOnlySpan<Lex> t, ReadOnlySpan<char> text)
    {
        for (int k = 0; k < t.Length; k++)
        {
            string word = t[k].Word;
            if ((word is "excited" or "yay" or "senang" or "asik" && !IsNegated(t, k))
                || (word == "happy" && WordAt(t, k - 1) is "so" or "very" or "really" or "super" && !IsNegated(t, k - 1))
                || (word is "cant" or "cannot" && WordAt(t, k + 1) == "wait" && (WordAt(t, k + 2) is "to" or "for" || IsEdge(t, k + 2))))
            {
                return true;
            }
        }

        int pos = 0;
        bool negator = false;
        while (NextWord(text, ref pos, out ReadOnlySpan<char> word, out bool broke))
        {
            bool denied = negator && !broke;
            if ((WordIs(word, "sabar") && denied) || (IsOneOf(word, "seru", "exciting") && !denied))
            {
                return true;
            }

            negator = IsOneOf(word, "gak", "ga", "nggak", "ngga", "enggak", "engga", "gk", "tidak", "tak", "not");
        }

        return false;
    }

    /// <summary>A smiling face, a heart, a thumbs up or folded hands in <paramref name="text"/>: ":)", ":D", "🙂", "😊", "👍", "🙏", "❤".</summary>
    private static bool Smiles(ReadOnlySpan<char> text)
    {
        foreach (string smiley in (ReadOnlySpan<string>)[":)", ":-)", ":D", ":-D", "=)", "(:", "^^", "^_^", "<3", ":]",
            "\U0001F642", "\U0001F60A", "\U0001F600", "\U0001F603", "\U0001F604", "\U0001F601", "\U0001F606", "\U0001F60D",
            "\U0001F970", "\U0001F929", "\U0001F973", "\U0001F917", "\U0001F618", "\U0001F44D", "\U0001F64F", "\u2764", "\u2665", "\u263A"])
        {
            if (text.Contains(smiley, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a word of <paramref name="text"/> is one of <paramref name="words"/> (see <see cref="Spellings.WordIs"/>).</summary>
    private static bool SaysWord(ReadOnlySpan<char> text, params ReadOnlySpan<string> words)
    {
        int pos = 0;
        while (NextWord(text, ref pos, out ReadOnlySpan<char> word, out _))
        {
            if (IsOneOf(word, words))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The next word of <paramref name="text"/> from <paramref name="pos"/>: a run of letters, an apostrophe between two
    /// of them included ("it's"). <paramref name="broke"/> tells whether a mark that closes a clause (. , ; : ! ? or a
    /// line break) stands before it. Words the lexicon does not know ("curious", "sabar", "mattress") are read here.
    /// </summary>
    private static bool NextWord(ReadOnlySpan<char> text, ref int pos, out ReadOnlySpan<char> word, out bool broke)
    {
        broke = false;
        while (pos < text.Length && !char.IsLetter(text[pos]))
        {
            broke |= text[pos] is '.' or ',' or ';' or ':' or '!' or '?' or '\n';
            pos++;
        }

        int from = pos;
        while (pos < text.Length && (char.IsLetter(text[pos])
            || (text[pos] is '\'' or '\u2019' && pos + 1 < text.Length && char.IsLetter(text[pos + 1]) && pos > from)))
        {
            pos++;
        }

        word = text[from..pos];
        return word.Length != 0;
    }
}
