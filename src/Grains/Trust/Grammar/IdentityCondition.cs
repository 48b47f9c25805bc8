using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// A condition on who is there: "if you're a bot get me a person", "kalo robot, oper ke admin aja", or, after an
/// identity question, a bare "if not" / "if so" / "kalau bukan" / "kalau iya" ("are you human? if not, I need one").
/// The customer cannot know the answer before asking, so a request after such a condition is asked for now: its "if",
/// its "not" and a "later" after it put nothing off and decline nothing.
/// </summary>
internal static class IdentityCondition
{
    private const Cat RequestVerb = Cat.Desire | Cat.Connect | Cat.Speak | Cat.Call;

    /// <summary>The words of a bare condition that only refers back to the question before it: "not", "so", "yes", "iya", "gak".</summary>
    private const Cat BareWord = Cat.Not | Cat.QParticle | Cat.Lead;

    /// <summary>
    /// The condition opened at <paramref name="cond"/> is on who is there: it names a machine or a human before its
    /// clause ends or a request verb starts ("if you're a bot", "kalo robot", "kalau bukan manusia") and says nothing
    /// of what it can do after it ("kalau bot gak bisa bantu" is on the bot's help), or it is only
    /// "not", "so" or "yes" ("if not", "kalau iya", "kalo gak"; not "kalau gak bisa") after a question that names one.
    /// </summary>
    public static bool IsAbout(ReadOnlySpan<Lex> t, int cond)
    {
        if (!Is(t, cond, Cat.Cond))
        {
            return false;
        }

        bool named = false;
        for (int k = cond + 1; !IsEdge(t, k) && !Is(t, k, RequestVerb); k++)
        {
            // "if you're a bot I will want a human": once it is named, the customer saying what they will do or want starts
            // the clause it governs ("if the bot I'm talking to can't help" is still on the bot's help).
            if (named && Is(t, k, Cat.Subject) && !Is(t, k, Cat.You | Cat.YouPerson) && Is(t, k + 1, Cat.Will | Cat.Desire | Cat.Later | Cat.Modal))
            {
                break;
            }

            // "kalau bot gak bisa bantu", "if the bot can't help": what the machine does, not whether it is one.
            if (named && (Is(t, k, Cat.Not | Cat.Help) || (Is(t, k, Cat.Modal) && !Is(t, k, Cat.Polite))))
            {
                return false;
            }

            named |= Is(t, k, Cat.Bot | Cat.Human);
        }

        if (named)
        {
            return true;
        }

        // "kalau gak bisa", "if not needed": a condition on something else; "if not can you ...", "if not could I ..." ask a
        // question of their own after the bare condition.
        bool asksAfter = t.Length > cond + 3 && t[cond + 2].Word is "can" or "could" or "would"
            && Is(t, cond + 3, Cat.You | Cat.YouPerson | Cat.Subject);
        bool onSomethingElse = Is(t, cond + 2, Cat.Desire | Cat.Help)
            || (Is(t, cond + 2, Cat.Modal) && !Is(t, cond + 2, Cat.Polite) && !asksAfter);
        return Is(t, cond + 1, BareWord) && !onSomethingElse && NamesWhoIsThereBefore(t, cond);
    }

    /// <summary>
    /// The clause at [<paramref name="start"/>, <paramref name="before"/>) follows a condition on who is there: one
    /// inside it, or one that opens the clause just before it.
    /// </summary>
    public static bool Governs(ReadOnlySpan<Lex> t, int start, int before)
    {
        for (int k = start; k < before; k++)
        {
            if (IsAbout(t, k))
            {
                return true;
            }
        }

        if (start == 0)
        {
            return false;
        }

        int previous = start - 1;
        while (previous > 0 && !IsEdge(t, previous - 1))
        {
            previous--;
        }

        for (int k = previous; k < start - 1; k++)
        {
            if (IsAbout(t, k))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The negator at <paramref name="not"/> belongs to a condition on who is there ("if not", "kalau bukan"), not to a request.</summary>
    public static bool IsItsNegation(ReadOnlySpan<Lex> t, int not) => Is(t, not, Cat.Not) && IsAbout(t, not - 1);

    /// <summary>
    /// A request verb follows a condition on who is there, in its clause or the next: "are you human? if not then I need
    /// one", "if you're a bot get me a person". It keeps a request the learnt model finds from being vetoed because the
    /// question before names a person only as what it asks about.
    /// </summary>
    public static bool RequestFollows(ReadOnlySpan<Lex> t)
    {
        for (int c = 0; c < t.Length; c++)
        {
            if (!IsAbout(t, c))
            {
                continue;
            }

            int edges = 0;
            for (int k = c + 1; k < t.Length && edges < 2; k++)
            {
                if (IsEdge(t, k))
                {
                    edges++;
                }
                else if (Is(t, k, RequestVerb))
                {
                    return !(Is(t, k - 1, Cat.Not) && !IsItsNegation(t, k - 1));
                }
            }
        }

        return false;
    }

    /// <summary>
    /// After a question that names who is there, a request verb asks for "one" that refers back to the person asked
    /// about: "are you human? because I need one", "you a bot? if so, get me one who isn't", "are you a real person? I need
    /// to speak to one". The person named is what the question asks about, and "one" is the person asked for now; "I
    /// don't want to talk to one" declines it.
    /// </summary>
    public static bool AsksForOne(ReadOnlySpan<Lex> t)
    {
        for (int k = 1; k < t.Length; k++)
        {
            if (!string.Equals(t[k].Word, "one", StringComparison.Ordinal) || !NamesWhoIsThereBefore(t, k))
            {
                continue;
            }

            // The verb, then at most "me", "to" or "with", an article or "real": "I need one", "get me one", "give me a real
            // one", "I need to speak to one", "put me through to one".
            for (int v = k - 1; v >= 0 && v >= k - 6 && !IsEdge(t, v); v--)
            {
                if (Is(t, v, RequestVerb))
                {
                    return !Is(t, v - 1, Cat.Not) && !DeclinedInClause(t, v);
                }

                if (!Is(t, v, Cat.Me | Cat.Article | Cat.Real | Cat.To | Cat.With))
                {
                    break;
                }
            }
        }

        return false;
    }

    /// <summary>A negator before the verb at <paramref name="verb"/> in its clause that is no bare condition's: "I don't want to talk to one".</summary>
    private static bool DeclinedInClause(ReadOnlySpan<Lex> t, int verb)
    {
        for (int k = verb - 1; !IsEdge(t, k); k--)
        {
            if (Is(t, k, Cat.Not) && !IsItsNegation(t, k))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesWhoIsThereBefore(ReadOnlySpan<Lex> t, int cond)
    {
        for (int k = 0; k < cond; k++)
        {
            // "ini beneran orang? kalo bukan ...": a real person named asks who is there as "human?" does.
            if (Is(t, k, Cat.Bot | Cat.Human | Cat.RealAdj) || (Is(t, k, Cat.Real) && Is(t, k + 1, Cat.Person | Cat.Agent)))
            {
                return true;
            }
        }

        return false;
    }
}
