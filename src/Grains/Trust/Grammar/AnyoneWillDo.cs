using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// Anyone real will do: "any real person is fine", "anyone human will do", "any staff member is fine, just not a bot",
/// "siapa aja boleh, yang penting manusia", "siapa aja yang orang beneran boleh". A person made "any" ("any" among its
/// modifiers; "anyone" with "real" or "human" after it; in Indonesian "siapa aja" / "siapa saja" in the message with a
/// person who is human or real), a word of acceptance in the message (<see cref="Cat.Indifferent"/>: "fine", "mind",
/// "terserah", "gapapa"; "boleh"; "will do") and no machine accepted with it (one after a negator is refused: "just not
/// a bot"). "anyone can sign for the parcel", "any colour is fine" and "siapa aja boleh ambil paketnya" name no one to
/// talk to.
/// </summary>
internal static class AnyoneWillDo
{
    public static bool Accepts(ReadOnlySpan<Lex> t, Mention m) =>
        IsAnyone(t, m) && HasAcceptance(t) && !AcceptsAMachine(t);

    private static bool IsAnyone(ReadOnlySpan<Lex> t, Mention m)
    {
        for (int k = m.Start; k < m.End; k++)
        {
            if (t[k].Word is "any" || (t[k].Word is "anyone" && Is(t, k + 1, Cat.Real | Cat.Human)))
            {
                return true;
            }
        }

        if (m.Kind is not Kind.Human && !m.Real)
        {
            return false;
        }

        for (int k = 0; k + 1 < t.Length; k++)
        {
            if (Is(t, k, Cat.Who) && t[k + 1].Word is "saja")
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAcceptance(ReadOnlySpan<Lex> t)
    {
        for (int k = 0; k < t.Length; k++)
        {
            if (Is(t, k, Cat.Indifferent) || t[k].Word is "boleh" || (Is(t, k, Cat.Will) && Is(t, k + 1, Cat.Modal) && t[k + 1].Word is "do"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AcceptsAMachine(ReadOnlySpan<Lex> t)
    {
        for (int k = 0; k < t.Length; k++)
        {
            if (Is(t, k, Cat.Bot) && !Is(t, k - 1, Cat.Not) && !(Is(t, k - 1, Cat.Article) && Is(t, k - 2, Cat.Not)))
            {
                return true;
            }
        }

        return false;
    }
}
