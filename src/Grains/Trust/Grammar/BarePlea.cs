using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// A message that is only a plea for help, with no one named and nothing else said: "tolong", "help!", "tolong dong
/// kak", "pls help me", "bantu ya". It asks for help, not for a person; it vetoes a request only the learnt model finds.
/// </summary>
internal static class BarePlea
{
    /// <summary>The words a bare plea is made of: help words, urging and politeness, forms of address, particles, "me".</summary>
    private const Cat PleaWord = Cat.Help | Cat.Polite | Cat.Greeting | Cat.QParticle | Cat.Clitic | Cat.Me;

    /// <summary>Words that name someone or ask for them: any of them and the message is more than a plea.</summary>
    private const Cat Asking = Cat.Agent | Cat.Human | Cat.Person | Cat.Bot | Cat.Team | Cat.Speak | Cat.Connect
        | Cat.Passive | Cat.Call | Cat.Desire | Cat.ServiceTail | Cat.Who | Cat.ThirdParty;

    public static bool IsOnlyAPlea(ReadOnlySpan<Lex> t)
    {
        bool help = false;
        for (int i = 0; i < t.Length; i++)
        {
            if (Is(t, i, Cat.Edge))
            {
                continue;
            }

            if (!Is(t, i, PleaWord) || Is(t, i, Asking))
            {
                return false;
            }

            help |= Is(t, i, Cat.Help) || (Is(t, i, Cat.Polite) && Is(t, i, Cat.Modal));
        }

        return help;
    }
}
