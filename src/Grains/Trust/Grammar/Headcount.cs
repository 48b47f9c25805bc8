using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// A word for people right after a number counts heads ("meja untuk 6 orang", "tiket 2 orang dewasa", "a room for
/// 3 persons"): it names no one to hand over to. After a verb of talking or handing over the number is "to" written
/// as "2" ("lemme talk 2 sb", "connect me 2 someone").
/// </summary>
internal static class Headcount
{
    private const Cat HandingOver = Cat.Speak | Cat.Connect | Cat.Passive | Cat.Call | Cat.Me | Cat.Gerund;

    public static bool IsCount(ReadOnlySpan<Lex> t, int i) =>
        i > 0 && t[i - 1].IsNumber && Is(t, i, Cat.Person | Cat.Human) && !Is(t, i - 2, HandingOver);
}
