using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// Someone else's question about who is there, passed on by the customer: "my mom asks if this is a bot", "my wife wants
/// to know if a human is answering", "mama saya nanya ini yang bales robot apa orang"; or someone else's claim that the
/// customer asks to have confirmed: "my son says you're AI. is he right?", "kata anak saya ini AI, iya kah?", "my colleague
/// bet me you're an AI, who wins?". The customer asks it, and it gets an honest answer.
/// </summary>
internal static class ReportedIdentityQuestion
{
    /// <summary>
    /// A third party (<see cref="Cat.ThirdParty"/>: "my mom", "anak saya") with a verb of asking or wondering ("asks",
    /// "wants to know", "wondering", "nanya") or of saying or betting ("says", "bilang", "bet", "kata" before them), and
    /// right after it (past "if", "whether", "apakah", "me", "to know") the one answering ("you", "this", "ini", "kamu")
    /// and, in the same clause, a machine, a person or being real, with no wish, having or ability between ("my dad asks
    /// if you have a human agent" asks for one, not who is there) and no thing named right after it ("my mom asks if this
    /// robot vacuum is on sale", "my mum asked if you're a real shop"). A claim said is asked only with a question
    /// elsewhere in the message ("my son says you're a bot lol" asks nothing).
    /// </summary>
    public static bool IsIn(ReadOnlySpan<Lex> t)
    {
        for (int i = 0; i < t.Length; i++)
        {
            if (!Is(t, i, Cat.ThirdParty))
            {
                continue;
            }

            int start = ClauseStart(t, i);
            int end = ClauseEnd(t, i);
            int verb = -1;
            bool asks = false;
            if (WordAt(t, start) == "kata" && start < i)
            {
                verb = i;
            }
            else
            {
                for (int k = i + 1; k < end && k <= i + 3; k++)
                {
                    string word = t[k].Word;
                    // "wants" asks only as "wants to know": "my son wants this robot" wants a toy.
                    if (word is "ask" or "asked" or "wondering" or "wonder" or "tanya" or "said" or "bilang" or "bet" or "think"
                        || (word == "wants" && WordAt(t, k + 1) == "to" && WordAt(t, k + 2) == "know"))
                    {
                        verb = k;
                        asks = word is "ask" or "asked" or "wondering" or "wonder" or "wants" or "tanya";
                        break;
                    }

                    if (!(t[k].IsUnknown || Is(t, k, Cat.Subject | Cat.Me | Cat.Progressive) || word is "keep" or "is" or "always"))
                    {
                        break;
                    }
                }
            }

            if (verb < 0)
            {
                continue;
            }

            int you = verb + 1;
            while (you < end && you <= verb + 4 && !Is(t, you, Cat.You)
                && (t[you].Word is "if" or "whether" or "apakah" or "kalau" or "to" or "know" || Is(t, you, Cat.Me) || (t[you].IsUnknown && you == verb + 1)))
            {
                you++;
            }

            if (!Is(t, you, Cat.You) || !NamesWhoIsThere(t, you + 1, end))
            {
                continue;
            }

            if (asks || Has(t, 0, t.Length, Cat.Question))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A machine, a person or being real in [<paramref name="from"/>, <paramref name="end"/>), said of the one answering.</summary>
    private static bool NamesWhoIsThere(ReadOnlySpan<Lex> t, int from, int end)
    {
        for (int k = from; k < end; k++)
        {
            if (Is(t, k, Cat.Desire | Cat.Has | Cat.Modal | Cat.Connect | Cat.Call) && !Is(t, k, Cat.Copula))
            {
                return false;
            }

            if (Is(t, k, Cat.Bot | Cat.Human | Cat.Person | Cat.RealAdj))
            {
                // "this robot vacuum", "a real lifesaver", "a real shop": a thing or a praise named after the word (after
                // "real" also a word the lexicon knows but gives no part).
                return !((uint)(k + 1) < (uint)t.Length
                    && (((t[k + 1].IsUnknown || (t[k + 1].Cats == Cat.None && Is(t, k, Cat.RealAdj))) && !t[k + 1].IsNumber)
                        || Is(t, k + 1, Cat.Purpose)));
            }
        }

        return false;
    }
}
