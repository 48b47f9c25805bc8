using CxCluster.Grains.Trust.Understanding;

namespace CxCluster.Grains.Trust;

/// <summary>What the grammar alone reads in a message.</summary>
/// <param name="AsksIdentity">The grammar finds an identity question.</param>
/// <param name="AsksForHuman">The grammar finds a request for a person.</param>
/// <param name="DeclinesPerson">The message declines or puts off a person: vetoes the model's request for a person.</param>
public readonly record struct GrammarVerdict(bool AsksIdentity, bool AsksForHuman, bool DeclinesPerson);

/// <summary>
/// The learnt half of the recogniser: a linear model over hashed character n-grams and words
/// (<see cref="MessageFeatures"/>, <see cref="LinearSignalModel"/>), trained on the train split of
/// <c>data/understanding</c>. A signal is raised when the grammar finds it or the model does; a request for a
/// person that only the model finds is vetoed when the message declines or puts off a person ("gak perlu
/// disambung ke operator", "no need for a human", "nanti saya minta CS").
/// </summary>
public static partial class MessageSignals
{
    private const int LearntSignalCount = 2;

    /// <summary>
    /// What the hand-written grammar alone says about <paramref name="text"/>, without the learnt model: for the
    /// trainer, which chooses the model's thresholds for the combination.
    /// </summary>
    public static GrammarVerdict Grammar(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Lex[] buffer = System.Buffers.ArrayPool<Lex>.Shared.Rent(text.Length + 1);
        try
        {
            ReadOnlySpan<Lex> tokens = buffer.AsSpan(0, Tokenize(text, buffer));
            return new GrammarVerdict(AsksIdentity(tokens), AsksForHuman(tokens), DeclinesOrPostponesPerson(tokens));
        }
        finally
        {
            System.Buffers.ArrayPool<Lex>.Shared.Return(buffer);
        }
    }

    /// <summary>How far after a negator or a "later" word a request verb is still read as declined or put off.</summary>
    private const int VetoWindow = 4;

    /// <summary>
    /// A negator or a "later" word followed, within <see cref="VetoWindow"/> tokens of the same clause, by a wish, a
    /// connect, speak or call verb, unless a bot word comes after it in that clause ("gak mau bot, mau cs" still asks); or only a person word and a question mark.
    /// </summary>
    private static bool DeclinesOrPostponesPerson(ReadOnlySpan<Lex> t)
    {
        if (OnlyPersonQuestion(t))
        {
            return true;
        }

        for (int i = 0; i < t.Length; i++)
        {
            if (!Is(t, i, Cat.Not | Cat.Later))
            {
                continue;
            }

            for (int k = i + 1; k <= i + VetoWindow && k < t.Length && !Is(t, k, Cat.Edge); k++)
            {
                if (Is(t, k, Cat.Desire | Cat.Connect | Cat.Speak | Cat.Call) && !BotLaterInClause(t, k))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Only a word for a person and a question mark ("human?", "orang asli?"): it asks who is there, not for someone.</summary>
    private static bool OnlyPersonQuestion(ReadOnlySpan<Lex> t)
    {
        int words = 0;
        foreach (Lex lex in t)
        {
            if ((lex.Cats & Cat.Edge) != 0)
            {
                continue;
            }

            if ((lex.Cats & (Cat.Human | Cat.Person | Cat.Real | Cat.Article)) == 0 || (lex.Cats & Cat.Agent) != 0)
            {
                return false;
            }

            words++;
        }

        int last = t.Length - 1;
        while (last >= 0 && t[last].Cats == Cat.Boundary)
        {
            last--;
        }

        return words > 0 && last >= 0 && (t[last].Cats & Cat.Question) != 0;
    }

    private static bool BotLaterInClause(ReadOnlySpan<Lex> t, int k)
    {
        for (int j = k + 1; j < t.Length && !Is(t, j, Cat.Edge); j++)
        {
            if (Is(t, j, Cat.Bot))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The embedded model, loaded on first use (not when the grammar alone is asked); immutable.</summary>
    private static class Learnt
    {
        public static readonly LinearSignalModel Model = Checked(LinearSignalModel.Embedded);

        public static readonly int Identity = Model.IndexOf("identity");

        public static readonly int Human = Model.IndexOf("human");

        private static LinearSignalModel Checked(LinearSignalModel model) => model.Signals.Count == LearntSignalCount
            ? model
            : throw new InvalidOperationException($"the understanding model has {model.Signals.Count} signals, {LearntSignalCount} expected");
    }
}
