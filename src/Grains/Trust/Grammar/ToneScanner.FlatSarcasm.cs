using static CxCluster.Grains.Trust.Grammar.Tokens;

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
    /// that totally answers my question", "oh sure, that really clears it up", "wow, so helpful", "gee, very informative".
    /// The scoff ("yeah", "sure", "wow", "gee", with "oh" or "well" before it) opens the message; the next clause is at
    /// most one word of who or what helped ("that", "this", "it", "you"), an overstating word ("totally", "really",
    /// "clearly", "so", "very", "super") and a word of helping or being helpful, and it closes the message after a few
    /// words more. "yeah, that answers my question", "that totally answers my question, thanks!" and "wow, so fast"
    /// are not.
    /// </summary>
    private static bool ClaimsHelpFlatly(ReadOnlySpan<Lex> t, bool thanks)
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
        while (WordAt(t, k) is "yeah" or "sure" or "wow" or "gee")
        {
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
        return end - k <= 4 && end >= t.Length - 1 && !Has(t, 0, t.Length, Cat.Question);
    }

    /// <summary>
    /// A wait accepted in resignation: "sure, I'll just wait another month then", "I guess I'll just wait forever", "fine,
    /// I'll just wait then". "just wait" in a clause that asks, supposes and offers nothing ("can", "if", "could"), then
    /// "forever", or "another" and a length of time, or "then" closing it after a scoff opening the message ("sure",
    /// "yeah", "fine", "great", "whatever"). "I'll wait, no rush", "I'll just wait for the courier then", "I can just wait
    /// another week if needed" and "ok I'll just wait another day, no worries" are calm.
    /// </summary>
    private static bool WaitsInResignation(ReadOnlySpan<Lex> t, int i)
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

        // "no rush", "no problem", "no worries", "that's fine": the wait is made light of.
        for (int k = i + 1; k < t.Length; k++)
        {
            if (t[k].Word is "rush" or "problem" or "worries" or "fine")
            {
                return false;
            }
        }

        for (int k = i + 1; k < end; k++)
        {
            if (t[k].Word == "forever"
                || (t[k].Word == "another" && WordAt(t, k + 1) is "day" or "week" or "month" or "year" or "hour" or "minute" or "ages"))
            {
                return true;
            }
        }

        return WordAt(t, end - 1) == "then" && WordAt(t, 0) is "sure" or "yeah" or "fine" or "great" or "whatever" or "perfect" && Is(t, 1, Cat.Boundary);
    }

    /// <summary>
    /// How hard it can be to do the simple thing, asked of the one answering: "how hard is it to just refund me", "how
    /// difficult is it for you to call me back", "how hard can it be to simply answer". "how hard", "how difficult" or
    /// "how complicated", then "is", "can", "was" or "would" and at most three words before "to", and "just" or "simply"
    /// after it, "me" or "simple" after it ("a simple question"), or "for you" before it. "how hard is it to assemble? just curious" and "how hard is it to
    /// set up the router?" ask.
    /// </summary>
    private static bool AsksHowHardItIs(ReadOnlySpan<Lex> t, int i)
    {
        if (t[i].Word != "how" || WordAt(t, i + 1) is not ("hard" or "difficult" or "complicated")
            || WordAt(t, i + 2) is not ("is" or "can" or "was" or "would"))
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

        if (forYou)
        {
            return true;
        }

        for (int k = to + 1; k < end; k++)
        {
            if (t[k].Word is "just" or "simply" or "me" or "simple")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Why it takes so long or is so hard, asked in exasperation: "why does this take so long", "why is it taking so
    /// long", "why is everything so confusing with you". "why", then "so" and "hard", "difficult", "complicated",
    /// "confusing" or "slow", or "so long" after a word of taking, in the same clause. "why is the cable so long?" asks.
    /// </summary>
    private static bool AsksWhySoHard(ReadOnlySpan<Lex> t, int i)
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
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How this is even supposed to work, asked in exasperation: "ini gimana sih kerjanya", "gimana sih ini", "kok gimana
    /// sih", "ini gimana sih?". "gimana sih" in a clause opened by "ini", "itu" or "kok" (after "duh", "lah" at most) and
    /// closed by it, one word of how it works or a complaint opened by "kok", or closed by "ini", "itu", "kalian" or "kerjanya". A way asked after
    /// ("gimana sih caranya daftar?"), a supposition ("gimana sih kalau mau retur?") and "gimana cara kerjanya?" ask.
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
            || (after == 1 && t[i + 2].Word is "ini" or "itu" or "kalian" or "kerjanya");
    }

    /// <summary>
    /// Where one's things are, or why, asked with "?!" or "!?": "mana paket saya?!", "where is my refund?!", "kenapa
    /// belum dikirim?!", "kapan sampainya?!", "why?!", "kok gak bisa?!". A clause closed by '?' (with '!' beside it in
    /// the text) with "why", "kenapa", "kok", "kapan" or "how come" in it, or "where", "mana", "dimana" or "when" and the
    /// customer's own thing or something not done ("my", "saya", "belum", "still"). "mana yang lebih murah?", "where is
    /// my order?", "are you a bot?!", "when is the sale?!" and "really?! it's on sale?!" are not.
    /// </summary>
    internal static bool AsksInExasperation(ReadOnlySpan<Lex> t, string text)
    {
        if (!text.Contains("?!", StringComparison.Ordinal) && !text.Contains("!?", StringComparison.Ordinal))
        {
            return false;
        }

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
                if (word is "why" or "kenapa" or "kok" or "kapan" || (word == "how" && WordAt(t, k + 1) == "come"))
                {
                    return true;
                }

                where |= word is "where" or "dimana" or "when" || (word == "mana" && WordAt(t, k + 1) != "yang");
                owned |= word is "my" or "our" or "still" || Is(t, k, Cat.Me | Cat.Not | Cat.Progressive);
            }

            if (where && owned)
            {
                return true;
            }
        }

        return false;
    }
}
