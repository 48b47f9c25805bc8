using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// A person asked for to do a job to a thing or at a place: "I need someone to collect the return parcel", "send a
/// person to install the router", "butuh orang buat angkut lemari", "minta orang untuk jemput paket". The customer
/// wants a worker for a task, not someone to talk to ("I need someone to look at my account" still asks).
/// </summary>
internal static class Errand
{
    /// <summary>
    /// Right after the mention: "to", "for", "who", "buat", "untuk", "yang", at most one word of urging, then a job
    /// (<see cref="Cat.Errand"/>) not done to the chat or a call ("someone to pick up my chat", "... the phone" still ask).
    /// </summary>
    public static bool IsFor(ReadOnlySpan<Lex> t, Mention m)
    {
        if (OperatesAHiredMachine(t, m))
        {
            return true;
        }

        int k = m.End;
        if (!Is(t, k, Cat.Purpose))
        {
            return false;
        }

        k++;
        if (Is(t, k, Cat.Polite) && !Is(t, k, Cat.Errand))
        {
            k++;
        }

        // "someone to sign for the parcel": signing for a delivery is a job at the door.
        if (!Is(t, k, Cat.Errand) && !(WordAt(t, k) == "sign" && Is(t, k + 1, Cat.Purpose) && WordAt(t, k + 1) == "for"))
        {
            return false;
        }

        // "someone to pick up my chat", "someone to pick up the phone": the job is talking to the customer.
        for (int j = k + 1; j <= k + 3 && !IsEdge(t, j); j++)
        {
            if (Is(t, j, Cat.Speak | Cat.IdNoun) || IsAPhone(t[j].Word) || IsOnline(t[j].Word))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An operator that comes with something hired, named in the same clause: "do you have operators for the forklift
    /// rental?", "do you have an operator available for the crane hire", "sewa excavator sudah termasuk operatornya?".
    /// The customer asks about a machine's crew, not for someone to talk to; with a verb of talking or handing over in the
    /// clause ("can I talk to an operator about my car rental?") the operator is still someone to talk to.
    /// </summary>
    private static bool OperatesAHiredMachine(ReadOnlySpan<Lex> t, Mention m)
    {
        if (WordAt(t, m.End - 1) != "operator")
        {
            return false;
        }

        bool hired = false;
        for (int k = ClauseStart(t, m.Start); !IsEdge(t, k); k++)
        {
            if (Is(t, k, Cat.Speak | Cat.Connect | Cat.Passive))
            {
                return false;
            }

            hired |= WordAt(t, k) is "rental" or "hire" or "sewa";
        }

        return hired;
    }

    private static bool IsAPhone(string word) => word is "phone" or "call" or "telepon";

    /// <summary>"someone to come online", "orang yang datang online": the job is being there in the chat.</summary>
    private static bool IsOnline(string word) => word is "online";
}
