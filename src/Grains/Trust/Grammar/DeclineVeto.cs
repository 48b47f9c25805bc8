using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// The veto on the learnt recogniser's request for a person: the message declines or puts off a person ("gak perlu
/// disambung ke operator", "no need for a human", "nanti saya minta CS"), or only names one with a question mark.
/// </summary>
internal static class DeclineVeto
{
    /// <summary>How far after a negator or a "later" word a request verb is still read as declined or put off.</summary>
    private const int VetoWindow = 4;

    /// <summary>
    /// A negator or a "later" word followed, within <see cref="VetoWindow"/> tokens of the same clause, by a wish, a
    /// connect, speak or call verb, unless a bot word comes after it in that clause ("gak mau bot, mau cs" still asks); or only a person word and a question mark.
    /// </summary>
    public static bool DeclinesOrPostponesPerson(ReadOnlySpan<Lex> t)
    {
        if (OnlyPersonQuestion(t))
        {
            return true;
        }

        for (int i = 0; i < t.Length; i++)
        {
            if (!Is(t, i, Cat.Not | Cat.Later))
            {
                continue;
            }

            for (int k = i + 1; k <= i + VetoWindow && k < t.Length && !Is(t, k, Cat.Edge); k++)
            {
                if (Is(t, k, Cat.Desire | Cat.Connect | Cat.Speak | Cat.Call) && !BotLaterInClause(t, k))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Only a word for a person and a question mark ("human?", "orang asli?"): it asks who is there, not for someone.</summary>
    private static bool OnlyPersonQuestion(ReadOnlySpan<Lex> t)
    {
        int words = 0;
        foreach (Lex lex in t)
        {
            if ((lex.Cats & Cat.Edge) != 0)
            {
                continue;
            }

            if ((lex.Cats & (Cat.Human | Cat.Person | Cat.Real | Cat.Article)) == 0 || (lex.Cats & Cat.Agent) != 0)
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

    private static bool BotLaterInClause(ReadOnlySpan<Lex> t, int k)
    {
        for (int j = k + 1; j < t.Length && !Is(t, j, Cat.Edge); j++)
        {
            if (Is(t, j, Cat.Bot))
            {
                return true;
            }
        }

        return false;
    }
}
