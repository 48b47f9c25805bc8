using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// A yes-or-no question whether a call the customer had was a machine: "was the call I got on Monday automated?",
/// "was that a robocall?", "telepon dari kalian kemarin itu rekaman bukan?", "yang nelpon saya tadi mesin ya?". A call
/// word opens the clause after only openers, articles and times, with no one named before it, nor the business ("are your calls
/// automated?" asks what the business does), and the clause closes with a machine word, question tags ("bukan", "ya",
/// "kah") and a '?'; or the clause asks whether a machine called the customer ("did a robot call me?"). A clause
/// with "recorded" or "recording" in it asks whether a call is kept ("was this call
/// recorded?", "is call recording automatic?"), and an email or an SMS is no call.
/// </summary>
internal static class CallQuestion
{
    /// <summary>What may stand before the call word: "was the", "tadi yang", "kemarin itu".</summary>
    private const Cat Opener = Cat.Copula | Cat.Lead | Cat.Article | Cat.Purpose | Cat.Done | Cat.Past | Cat.Greeting;

    public static bool AsksWhetherAutomated(ReadOnlySpan<Lex> t)
    {
        for (int start = 0; start < t.Length; start = ClauseEnd(t, start) + 1)
        {
            int end = ClauseEnd(t, start);
            if (!Is(t, end, Cat.Question))
            {
                continue;
            }

            int last = end - 1;
            while (last > start && Is(t, last, Cat.QParticle | Cat.Not | Cat.Greeting) && !IsMachine(t, last))
            {
                last--;
            }

            int call = start;
            while (call < last && Is(t, call, Opener) && !IsCall(t, call) && t[call].Word is not "your")
            {
                call++;
            }

            if (IsCall(t, call) && IsMachine(t, last) && (call < last || t[call].Word is "robocall") && !KeptOnRecord(t, start, end))
            {
                return true;
            }

            // "did a machine call me this morning?", "apakah robot yang menelepon saya?": the machine is the caller.
            if (MachineCalled(t, call))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A machine word, the verb "call" or "yang" and a call word, and the customer: "robot call me", "mesin yang nelpon
    /// saya". A recording calls no one, and "rekaman telepon saya", "mesin telepon saya" name the customer's things.
    /// </summary>
    public static bool MachineCalled(ReadOnlySpan<Lex> t, int k)
    {
        if (!Is(t, k, Cat.Bot) || t[k].Word is "recording" or "rekaman")
        {
            return false;
        }

        int c = Is(t, k + 1, Cat.Copula) ? k + 2 : k + 1;
        return IsCall(t, c) && (c == k + 2 || t[c].Word is "call") && Is(t, c + 1, Cat.Me);
    }

    /// <summary>A word for a telephone call: "call", "robocall", "telepon", "panggilan".</summary>
    private static bool IsCall(ReadOnlySpan<Lex> t, int k) =>
        (uint)k < (uint)t.Length && t[k].Word is "call" or "robocall" or "telepon" or "panggilan";

    /// <summary>A machine word, "automatic", or "robocall" itself.</summary>
    private static bool IsMachine(ReadOnlySpan<Lex> t, int k) =>
        Is(t, k, Cat.Bot) || ((uint)k < (uint)t.Length && t[k].Word is "automatic" or "robocall");

    private static bool KeptOnRecord(ReadOnlySpan<Lex> t, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (t[k].Word is "recording")
            {
                return true;
            }
        }

        return false;
    }
}
