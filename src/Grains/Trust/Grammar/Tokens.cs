namespace CxCluster.Grains.Trust.Grammar;

/// <summary>Questions about the tokens around a position, shared by the patterns of the grammar.</summary>
internal static class Tokens
{
    /// <summary>The token at <paramref name="i"/> exists and plays one of <paramref name="cats"/>.</summary>
    public static bool Is(ReadOnlySpan<Lex> t, int i, Cat cats) => (uint)i < (uint)t.Length && (t[i].Cats & cats) != 0;

    /// <summary>The canonical word of the token at <paramref name="i"/>, or "" before the first token and after the last.</summary>
    public static string WordAt(ReadOnlySpan<Lex> t, int i) => (uint)i < (uint)t.Length ? t[i].Word : "";

    /// <summary>A number stands at <paramref name="i"/> (false past either end).</summary>
    public static bool IsNumberAt(ReadOnlySpan<Lex> t, int i) => (uint)i < (uint)t.Length && t[i].IsNumber;

    /// <summary>
    /// A word that urges or pleads ("please", "now", "asap", "tolong", "sekarang"): politeness that is neither a copula
    /// ("just"), "only" nor a question particle ("ya", "sih").
    /// </summary>
    public static bool IsUrging(ReadOnlySpan<Lex> t, int i) => Is(t, i, Cat.Polite) && !Is(t, i, Cat.Copula | Cat.Only | Cat.QParticle);

    /// <summary>
    /// A word for a kind of business: "company", "store", "shop", "reseller", "toko", "perusahaan". It asks what the
    /// business is ("are you a registered company?") or qualifies a role ("the store manager").
    /// </summary>
    public static bool IsBusiness(ReadOnlySpan<Lex> t, int k) =>
        WordAt(t, k) is "company" or "business" or "shop" or "store" or "reseller" or "distributor" or "dealer" or "franchise" or "brand"
            or "firm" or "retailer" or "merchant" or "vendor" or "supplier" or "outlet" or "toko" or "perusahaan" or "gerai";

    /// <summary>Before the first token, after the last, or on a boundary or '?'.</summary>
    public static bool IsEdge(ReadOnlySpan<Lex> t, int i) => i < 0 || i >= t.Length || (t[i].Cats & Cat.Edge) != 0;

    /// <summary>Where the clause at <paramref name="i"/> ends: its boundary or '?', or the end of the message.</summary>
    public static int ClauseEnd(ReadOnlySpan<Lex> t, int i)
    {
        while (i < t.Length && !IsEdge(t, i))
        {
            i++;
        }

        return i;
    }

    /// <summary>Some token in [<paramref name="from"/>, <paramref name="to"/>) plays one of <paramref name="cats"/>.</summary>
    public static bool Has(ReadOnlySpan<Lex> t, int from, int to, Cat cats)
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

    /// <summary>Where the clause at <paramref name="i"/> starts: right after its opening boundary or '?', or at the first token.</summary>
    public static int ClauseStart(ReadOnlySpan<Lex> t, int i)
    {
        while (i > 0 && !IsEdge(t, i - 1))
        {
            i--;
        }

        return i;
    }

    /// <summary>The clause ends after position <paramref name="e"/>, allowing only trailing question particles.</summary>
    public static bool Closes(ReadOnlySpan<Lex> t, int e) => IsEdge(t, PastTags(t, e));

    /// <summary>Like <see cref="Closes"/>, and the clause ends in a question mark.</summary>
    public static bool ClosesWithQuestion(ReadOnlySpan<Lex> t, int e) => Is(t, PastTags(t, e), Cat.Question);

    /// <summary>
    /// Where the tags after position <paramref name="e"/> end: question particles, a negator, politeness, "you", "or",
    /// "nya", "again" and a form of address at the clause's end ("ya", "kan", "gak sih", "or not", "you", "a bot again?",
    /// "ini bot ya kak?"); what stands there closes the clause or goes on.
    /// </summary>
    public static int PastTags(ReadOnlySpan<Lex> t, int e)
    {
        while (Is(t, e, Cat.QParticle | Cat.Not | Cat.Polite | Cat.You | Cat.Or | Cat.Clitic) || WordAt(t, e) == "again"
            || (Is(t, e, Cat.Greeting) && (IsEdge(t, e + 1) || Is(t, e + 1, Cat.QParticle))))
        {
            e++;
        }

        return e;
    }

    /// <summary>A '?' ends the clause within a few words after position <paramref name="e"/>.</summary>
    public static bool ClauseEndsWithQuestion(ReadOnlySpan<Lex> t, int e)
    {
        int limit = Math.Min(t.Length, e + 12);
        while (e < limit && !Is(t, e, Cat.Edge))
        {
            e++;
        }

        return Is(t, e, Cat.Question);
    }

    /// <summary>
    /// Every other word of the mention's clause is a filler. Scans outwards and stops at the first other word, so
    /// it costs little however long the message. <paramref name="end"/> is the clause's closing edge.
    /// </summary>
    public static bool OnlyFillerAround(ReadOnlySpan<Lex> t, Mention m, Cat filler, out int end)
    {
        end = m.End;
        for (int k = m.Start - 1; !IsEdge(t, k); k--)
        {
            if (!Is(t, k, filler))
            {
                return false;
            }
        }

        for (; !IsEdge(t, end); end++)
        {
            if (!Is(t, end, filler))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Some word of the mention's clause, outside the mention, plays one of <paramref name="cats"/>.</summary>
    public static bool HasAround(ReadOnlySpan<Lex> t, Mention m, int end, Cat cats)
    {
        for (int k = m.Start - 1; !IsEdge(t, k); k--)
        {
            if (Is(t, k, cats))
            {
                return true;
            }
        }

        for (int k = m.End; k < end; k++)
        {
            if (Is(t, k, cats))
            {
                return true;
            }
        }

        return false;
    }
}
