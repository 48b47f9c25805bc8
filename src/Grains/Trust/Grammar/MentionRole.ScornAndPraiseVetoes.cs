using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>Identity questions only the learnt model finds in scorn of "you people", a count of messages sent, or a thing praised as really good.</summary>
internal static partial class MentionRole
{
    /// <summary>What a message with none of these names could be asked about who is there.</summary>
    private const Cat WhoIsThereWords = Cat.Bot | Cat.Human | Cat.Agent | Cat.RealAdj | Cat.Who | Cat.Or | Cat.Speak | Cat.Gerund;

    /// <summary>
    /// "you people" said in scorn, with nothing asked of who is there: "why is it always something with you people", "what
    /// is wrong with you people", "you people never get my address right". The only word for a person stands right after
    /// "you", and no machine, human, role, being real, who, alternative or talking is named. "are you people bots?" asks.
    /// </summary>
    private static bool ScornsYouPeople(ReadOnlySpan<Lex> t)
    {
        bool scorn = false;
        for (int k = 0; k < t.Length; k++)
        {
            if (Is(t, k, WhoIsThereWords) || (Is(t, k, Cat.Real) && !Is(t, k, Cat.Copula)))
            {
                return false;
            }

            if (Is(t, k, Cat.Person))
            {
                if (WordAt(t, k - 1) != "you" || WordAt(t, k - 2) is "are" or "r")
                {
                    return false;
                }

                scorn = true;
            }
        }

        return scorn;
    }

    /// <summary>
    /// Counting one's own messages about the same thing: "ini pesan ketiga saya soal hal yang sama", "this is the third
    /// message about my refund". A word for a message with an ordinal beside it, and nothing named of who is there.
    /// </summary>
    private static bool CountsOwnMessages(ReadOnlySpan<Lex> t)
    {
        bool counted = false;
        for (int k = 0; k < t.Length; k++)
        {
            if (Is(t, k, WhoIsThereWords | Cat.Person))
            {
                return false;
            }

            counted |= Is(t, k, Cat.IdNoun) && (WordAt(t, k + 1) is "ketiga" || WordAt(t, k - 1) is "third");
        }

        return counted;
    }

    /// <summary>
    /// A thing praised as really good, with "beneran", "asli", "serius" as "really": "beneran deh ini enak", "asli ini murah
    /// banget", "beneran bagus produknya". A word of praise, a word of being real, and nothing named of who is there ("ini
    /// beneran orang?", "kamu beneran bot?" ask).
    /// </summary>
    private static bool PraisesAThingReally(ReadOnlySpan<Lex> t)
    {
        bool praise = false;
        bool real = false;
        for (int k = 0; k < t.Length; k++)
        {
            if (Is(t, k, WhoIsThereWords | Cat.Person | Cat.YouPerson | Cat.IdNoun))
            {
                return false;
            }

            praise |= IsPraiseWord(t[k].Word);
            real |= Is(t, k, Cat.Real) || t[k].Word is "serius";
        }

        return praise && real;
    }
}
