namespace CxCluster.Grains.Handoffs;

/// <summary>
/// Whether a customer waiting for a human asks about the wait or their place in the queue, in English or Indonesian:
/// "how long do I have to wait?", "how much longer?", "how many people are ahead of me?", "what's my position?",
/// "when will someone answer?", "is anyone coming?", "still waiting...", "berapa lama lagi?", "masih lama ya?",
/// "antrian ke berapa?", "kapan saya dilayani?", "sampai kapan nunggu?", "giliran saya kapan?", "am I next?", "will it
/// be long?"; "how long does shipping take?" and "berapa lama pengiriman?" ask about something else. Read only while a
/// conversation is queued, where nobody else answers it: the answer is the place and wait again, so a message read
/// this way that asked something else costs the customer one repeated notice, while a question missed is left unanswered.
/// </summary>
/// <remarks>
/// Words are compared in lower case with a letter drawn out three times or more read once ("lamaaa", "loooong").
/// Words alone that say little ("wait, my receipt", "pelanggan lama", "how much is it", "kapan paket sampai")
/// count only beside the words that make them about the wait.
/// </remarks>
public static class WaitQuestion
{
    /// <summary>Words after "when will"/"kapan" that make it a question about being served.</summary>
    private static readonly HashSet<string> Served = new(StringComparer.Ordinal)
    {
        "someone", "somebody", "anyone", "anybody", "agent", "agents", "human", "person", "representative", "rep", "staff",
        "they", "turn", "helped", "served", "answer", "answered", "reply", "respond", "connected", "through", "come", "coming",
        "dibalas", "dibales", "balas", "bales", "dijawab", "direspon", "direspons", "respon", "dilayani", "layani", "giliran",
        "gilirannya", "agen", "agentnya", "agennya", "cs", "csnya", "admin", "adminnya", "operator", "operatornya",
        "petugas", "petugasnya", "orang", "manusia", "datang", "dateng", "nyambung", "tersambung", "disambung", "sambung",
        "masuk",
    };

    /// <summary>Words that with "lama" ask how long: "berapa lama", "masih lama", "lama lagi", "kok lama", "lama banget".</summary>
    private static readonly HashSet<string> HowLong = new(StringComparer.Ordinal)
    {
        "berapa", "brp", "brapa", "masih", "msh", "kok", "lagi", "lg", "banget", "bgt", "sekali", "amat", "gini", "begini",
        "nunggu", "menunggu", "nungguin", "tunggu", "nya",
    };

    /// <summary>Words after "how many" that make it about those ahead: "how many people are ahead", "how many more minutes".</summary>
    private static readonly HashSet<string> Ahead = new(StringComparer.Ordinal)
    {
        "people", "ahead", "more", "minutes", "mins", "hours", "left", "before", "front",
    };

    /// <summary>Words just before "in line" / "the line" that make it the queue: "am I still in line", "my place in the line".</summary>
    private static readonly HashSet<string> InLine = new(StringComparer.Ordinal)
    {
        "still", "place", "position", "front", "ahead", "in", "wait", "waiting", "am",
    };

    /// <summary>
    /// Things whose time a customer may ask about while waiting that are not the wait: "how long does shipping take?",
    /// "berapa lama pengiriman ke bandung?". With one of them, and no one to be served by, "how long" asks about it.
    /// </summary>
    private static readonly HashSet<string> OtherTopics = new(StringComparer.Ordinal)
    {
        "shipping", "ship", "shipment", "delivery", "deliver", "delivered", "arrive", "arrival", "refund", "refunds", "package",
        "parcel", "order", "processing", "process", "transfer", "warranty", "repair", "installation", "verification", "approval",
        "pengiriman", "kirim", "dikirim", "paket", "pesanan", "pengembalian", "proses", "diproses", "garansi", "verifikasi",
        "pencairan", "cair", "ongkir",
    };

    private static readonly Predicate<string> IsOtherTopic = OtherTopics.Contains;

    private static readonly Predicate<string> IsServed = Served.Contains;

    /// <summary>Whether <paramref name="text"/> asks about the wait or the place in the queue.</summary>
    public static bool IsIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var w = Words(text);
        var otherTopic = w.Exists(IsOtherTopic) && !w.Exists(IsServed);
        for (var i = 0; i < w.Count; i++)
        {
            if (AsksAt(w, i, otherTopic))
            {
                return true;
            }
        }
        return false;
    }

    private static bool AsksAt(List<string> w, int i, bool otherTopic)
    {
        var word = w[i];
        var next = At(w, i + 1);
        var before = At(w, i - 1);
        switch (word)
        {
            case "how" when next is "long" || (next == "much" && At(w, i + 2) == "longer"):
                return !otherTopic;
            case "long" when (before == "be" && At(w, i - 2) is "it" or "this" or "that") || before == "take":
                // "will it be long?", "is this going to take long?"
                return !otherTopic;
            case "next" when before is "im" || (before == "i" && At(w, i - 2) == "am") || (before == "be" && At(w, i - 2) == "i"):
                // "am I next?", "will I be next?"
                return true;
            case "how" when next == "many":
                return Within(w, i + 2, 4, Ahead);
            case "longer" when before is "any" or "much" or "bit":
                return true;
            case "waiting" or "waited" or "queue" or "queued" or "queuing" or "queueing" or "eta" or "position":
                return true;
            case "wait" when before is "to" or "the" or "long" or "still" or "more" or "keep" or "gotta" or "this" or "my" or "your"
                || next is "time" or "times" or "longer" or "much" or "so" or "forever":
                return true;
            case "line" when before is "in" or "the" && Within(w, i - 3, 3, InLine):
                return true;
            case "turn" or "place" when before == "my" || next == "in":
                return true;
            case "when" when next is "will" or "is" or "does" or "do" or "can" or "would" or "are":
                return Within(w, i + 2, 5, Served);
            case "coming" or "there" or "available" when before is "anyone" or "someone" or "anybody" or "somebody" or "agent" or "human":
                return true;
            case "update" or "updates" when before is "any" or "an":
                return true;
            case "lama" or "lamanya":
                return !otherTopic && (HowLong.Contains(before ?? "") || HowLong.Contains(next ?? ""));
            case "kapan" when before is "sampai" or "sampe" or "smp" or "sampek":
                return true;
            case "kapan":
                return Within(w, i + 1, 3, Served) || Within(w, i - 2, 2, Served);
            case "berapa" or "brp" or "brapa" when next is "orang" or "menit" or "jam" or "lama" or "antrian" or "antrean" or "urutan" or "nomor":
                return !(otherTopic && next is "lama" or "jam");
            case "nunggu" or "menunggu" or "nungguin" or "tunggu" or "ditunggu" or "nunggunya" or "giliran" or "gilirannya" or "giliranku"
                or "posisi" or "posisinya" or "urutan" or "urutannya":
                return true;
        }
        // "antri", "antrian", "antreannya", "ngantri", "mengantre": queueing, with or without its verb prefix.
        var stem = word.AsSpan();
        stem = stem.StartsWith("meng") ? stem[4..] : stem.StartsWith("ng") ? stem[2..] : stem;
        return stem.StartsWith("antri") || stem.StartsWith("antre");
    }

    private static string? At(List<string> w, int i) => i >= 0 && i < w.Count ? w[i] : null;

    private static bool Within(List<string> w, int from, int count, HashSet<string> words)
    {
        for (var k = Math.Max(0, from); k < Math.Min(w.Count, from + count); k++)
        {
            if (words.Contains(w[k]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The words of <paramref name="text"/> in lower case, apostrophes dropped, a letter run of three or more read once.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var run = 0;
        foreach (var raw in text)
        {
            if (raw is '\'' or '\u2019')
            {
                continue;
            }
            if (!char.IsLetterOrDigit(raw))
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
                continue;
            }
            var c = char.ToLowerInvariant(raw);
            run = word.Length > 0 && word[^1] == c ? run + 1 : 1;
            if (run == 3)
            {
                // The third of a run: the run is read once ("lamaaa" reads "lama"), and what follows of it is dropped.
                word.Length--;
            }
            else if (run < 3)
            {
                word.Append(c);
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return words;
    }
}
