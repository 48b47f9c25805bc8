namespace CxCluster.Grains.Trust;

/// <summary>Which offer of a person the customer's next message may answer: the one the cluster made last, if any.</summary>
[GenerateSerializer, Alias("cx.OfferAwaiting")]
public enum OfferAwaiting
{
    /// <summary>No offer waits for an answer.</summary>
    None,

    /// <summary>"Would you like me to connect you with a human agent?": a warning's offer, asked as a question.</summary>
    Asked,

    /// <summary>"... If you like, I can connect you with a human agent.": the offer the honest answer to an identity question ends with.</summary>
    Mentioned,
}

/// <summary>
/// A customer's yes to the offer of a person the cluster just made: "yes", "yes please", "ya", "iya boleh", "mau kak",
/// "sure", "ok", "👍", "please connect me", "boleh, sambungkan". Only words of assent, politeness and address, at most
/// six of them; "no", "nanti aja", "ok thanks" (which may close the matter as well as accept) and anything more ("yes, but
/// first tell me my balance") answer something else. After an identity answer, whose offer is only mentioned, a bare
/// "ok" or "sip" acknowledges the answer rather than accepting the offer.
/// </summary>
public static class HumanOfferReply
{
    private static readonly HashSet<string> Assent = new(StringComparer.Ordinal)
    {
        "yes", "yess", "yesss", "yep", "yup", "yeah", "yea", "yah", "y", "sure", "definitely", "absolutely", "course",
        "please", "pls", "plz", "plis", "pliss", "connect", "transfer",
        "ya", "yaa", "iya", "iyaa", "iye", "iy", "yoi", "mau", "boleh", "bole", "setuju", "silakan", "silahkan", "tentu",
        "gas", "yuk", "ayo", "tolong", "sambungkan", "sambungin", "hubungkan", "hubungin", "oper",
    };

    /// <summary>Assent that may only acknowledge what was said: a yes to a question, not to a mention.</summary>
    private static readonly HashSet<string> Acknowledgement = new(StringComparer.Ordinal)
    {
        "ok", "okay", "oke", "okey", "okk", "k", "kk", "sip", "siap", "alright", "fine",
    };

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "kak", "ka", "kk", "min", "mimin", "sis", "gan", "bang", "mas", "mba", "mbak", "pak", "bu", "dong", "deh", "aja", "saja",
        "sih", "lah", "nya", "aku", "saya", "sy", "me", "it", "go", "ahead", "do", "of", "that", "would", "be", "great",
        "good", "sounds", "nice", "i", "id", "like", "want", "to", "with", "a", "an", "the", "human", "agent", "person",
        "ke", "dengan", "sama", "agen", "manusia", "cs", "orang", "now", "sekarang",
    };

    private static readonly HashSet<string> Thanks = new(StringComparer.Ordinal)
    {
        "thanks", "thank", "thx", "ty", "makasih", "terima", "kasih", "trims", "tq", "you",
    };

    /// <summary>Words for the person an offer is of, in the languages the offers are made in.</summary>
    private static readonly string[] PersonWords =
    [
        "human", "agent", "person", "someone", "representative", "rep", "staff", "specialist", "advisor", "adviser",
        "operator", "supervisor", "manager", "team", "colleague", "customer service", "cs", "admin", "manusia", "agen",
        "petugas", "orang", "staf", "tim", "konsultan",
    ];

    /// <summary>Words that hand the customer over or let them talk to someone, as an offer of a person says.</summary>
    private static readonly string[] HandOverWords =
    [
        "connect", "transfer", "put you through", "pass you", "hand you over", "escalate", "talk to", "speak to", "speak with",
        "chat with", "hubungkan", "menghubungkan", "sambungkan", "menyambungkan", "alihkan", "mengalihkan", "oper",
        "teruskan", "bicara dengan", "berbicara dengan", "ngobrol dengan",
    ];

    /// <summary>
    /// What an AI message does to an offer of a person waiting for an answer: one that offers a person itself ("Shall I
    /// put you through to one of our representatives?", "Mau saya hubungkan dengan admin kami?", the cluster's own offer
    /// relayed as the AI's words) asks anew when it asks, and keeps the offer open when it does not; any other ("The
    /// delivery person will arrive at 3pm. Would you like the tracking link?") has moved on, so a yes then answers the AI.
    /// </summary>
    public static OfferAwaiting AfterAiMessage(string? text, OfferAwaiting awaiting)
    {
        // Most AI messages come with no offer waiting and ask nothing: no word is looked for in them.
        if (string.IsNullOrEmpty(text) || (awaiting == OfferAwaiting.None && !text.Contains('?'))
            || !ContainsAny(text, HandOverWords) || !ContainsAny(text, PersonWords))
        {
            return OfferAwaiting.None;
        }

        return text.Contains('?') ? OfferAwaiting.Asked : awaiting;
    }

    /// <summary>Whether <paramref name="text"/> holds one of <paramref name="words"/> as whole words (a plural 's' allowed), case aside.</summary>
    private static bool ContainsAny(string text, string[] words)
    {
        foreach (string word in words)
        {
            int at = 0;
            while ((at = text.IndexOf(word, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                int end = at + word.Length;
                if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end]) || text[end] is 's' or 'S'))
                {
                    return true;
                }

                at = end;
            }
        }

        return false;
    }

    /// <summary>Words that answer, acknowledge, thank or greet and ask nothing ("ok", "oke kak", "thanks", "ya", "no", "halo").</summary>
    private static readonly HashSet<string> Chatter = new(StringComparer.Ordinal)
    {
        "ok", "okay", "oke", "okey", "okk", "okeh", "k", "kk", "sip", "siap", "alright", "fine", "noted", "baik", "baiklah",
        "yes", "yess", "yep", "yup", "yeah", "yea", "y", "sure", "ya", "yaa", "iya", "iyaa", "iye", "iy", "yoi",
        "no", "nope", "nah", "tidak", "gak", "ga", "gk", "nggak", "enggak", "engga", "ngga",
        "thanks", "thank", "thx", "ty", "tq", "makasih", "terima", "kasih", "trims", "you", "so", "much", "very",
        "hi", "hello", "halo", "hallo", "hai", "hey", "pagi", "siang", "sore", "malam", "selamat", "good", "morning", "bye",
        "kak", "ka", "min", "mimin", "sis", "gan", "bang", "mas", "mba", "mbak", "pak", "bu", "dong", "deh", "sih", "lah",
        "nya", "aja", "saja", "please", "pls", "plz",
    };

    /// <summary>
    /// Whether <paramref name="text"/> only answers, acknowledges, thanks or greets: "ok", "oke kak", "thanks!", "ya", "👍".
    /// Sent again and again to each new answer of the AI, it repeats nothing the customer asked.
    /// </summary>
    public static bool IsOnlyChatter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 60)
        {
            return false;
        }

        int words = 0;
        foreach (string word in Words(text))
        {
            if (++words > 5 || (word != "\U0001F44D" && !Chatter.Contains(word)))
            {
                return false;
            }
        }

        // "???" again and again is no acknowledgement.
        return words > 0;
    }

    /// <summary>Whether <paramref name="text"/> accepts the offer that <paramref name="awaiting"/> says waits for an answer.</summary>
    public static bool Accepts(string text, OfferAwaiting awaiting)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (awaiting == OfferAwaiting.None || text.Length > 80)
        {
            return false;
        }

        int words = 0;
        bool assent = false;
        bool acknowledged = false;
        bool thanked = false;
        foreach (string word in Words(text))
        {
            words++;
            if (words > 6)
            {
                return false;
            }

            if (word == "\U0001F44D")
            {
                assent = true;
            }
            else if (Assent.Contains(word))
            {
                assent = true;
            }
            else if (Acknowledgement.Contains(word))
            {
                acknowledged = true;
            }
            else if (Thanks.Contains(word))
            {
                thanked = true;
            }
            else if (!Filler.Contains(word))
            {
                return false;
            }
        }

        // "ok thanks" may close the matter; "yes thanks" accepts. After an identity answer, "ok" only acknowledges it.
        return assent || (acknowledged && !thanked && awaiting == OfferAwaiting.Asked);
    }

    /// <summary>The message's words in lower case, letters repeated for emphasis kept ("yesss"), a thumbs up as a word of its own.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var word = new System.Text.StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsLetter(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.ConvertToUtf32(c, text[i + 1]) == 0x1F44D)
            {
                yield return "\U0001F44D";
                i++;
            }
            else if (char.IsDigit(c))
            {
                // A number answers something else ("yes 2").
                yield return "#";
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
