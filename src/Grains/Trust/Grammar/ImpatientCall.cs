using System.Buffers;
using static CxCluster.Grains.Trust.Grammar.Characters;
using static CxCluster.Grains.Trust.Grammar.Tokens;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// A call to check whether anyone is there, made impatiently: "hello??? anyone??", "halo??? ada orang??", "hellooo?",
/// "is anyone there??", "kak???". Impatience, read like a negative phrase ("still waiting", "cepetan").
/// </summary>
/// <remarks>
/// The tokenizer keeps one '?' of a run and collapses letters drawn out for emphasis, so this reads the text itself:
/// a clause of only words that check for someone (a greeting or form of address, "anyone", "someone", "orang", "there",
/// "ada", with "is", "are you", particles and politeness around them) closed by two or more question marks, or by one
/// after a word with a letter drawn out three times or more. "hello?", "halo kak?", "ok??", "human??", "are you real??"
/// and "where is my order??" are no such call.
/// </remarks>
internal static class ImpatientCall
{
    /// <summary>The words that may stand in such a call besides the ones that check for someone.</summary>
    private const Cat Around = Cat.Copula | Cat.Lead | Cat.You | Cat.YouPerson | Cat.QParticle | Cat.Polite | Cat.Clitic | Cat.Article;

    public static bool IsIn(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (!IsQuestionChar(text[i]))
            {
                continue;
            }

            int run = i;
            while (run < text.Length && IsQuestionChar(text[run]))
            {
                run++;
            }

            int start = i;
            while (start > 0 && !IsClauseMark(text[start - 1]))
            {
                start--;
            }

            ReadOnlySpan<char> clause = text.AsSpan(start, i - start);
            if ((run - i >= 2 || IsDrawnOut(clause)) && ChecksForSomeone(clause))
            {
                return true;
            }

            i = run - 1;
        }

        return false;
    }

    /// <summary>
    /// A message of nothing but three or more question marks (with exclamation marks or full stops beside them, if any):
    /// "?????", "???!!". Bewilderment at the last answer, impatiently; one or two ("?", "??") may only ask what was meant.
    /// </summary>
    public static bool IsOnlyMarks(string text)
    {
        int marks = 0;
        foreach (char c in text)
        {
            if (IsQuestionChar(c))
            {
                marks++;
            }
            else if (!(char.IsWhiteSpace(c) || IsBang(c) || c == '.'))
            {
                return false;
            }
        }

        return marks >= 3;
    }

    private static bool IsClauseMark(char c) => IsQuestionChar(c) || IsBang(c) || c is '.' or ',' or ';' or ':' or '\n' or '\r' or '\u2026';

    /// <summary>A letter written three or more times in a row: "hellooo", "halooo", "kaaak".</summary>
    private static bool IsDrawnOut(ReadOnlySpan<char> clause)
    {
        for (int k = 2; k < clause.Length; k++)
        {
            if (char.IsLetter(clause[k]) && char.ToLowerInvariant(clause[k]) == char.ToLowerInvariant(clause[k - 1])
                && char.ToLowerInvariant(clause[k]) == char.ToLowerInvariant(clause[k - 2]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ChecksForSomeone(ReadOnlySpan<char> clause)
    {
        if (clause.Length == 0 || clause.Length > 80)
        {
            return false;
        }

        Lex[] buffer = ArrayPool<Lex>.Shared.Rent(clause.Length + 1);
        try
        {
            ReadOnlySpan<Lex> t = buffer.AsSpan(0, Tokenizer.Tokenize(clause, buffer));
            bool calls = false;
            for (int k = 0; k < t.Length; k++)
            {
                if (IsCall(t, k))
                {
                    calls = true;
                }
                else if (!Is(t, k, Around) || Is(t, k, Cat.Not | Cat.Bot | Cat.Human | Cat.Agent | Cat.Real | Cat.RealAdj))
                {
                    return false;
                }
            }

            return calls;
        }
        finally
        {
            ArrayPool<Lex>.Shared.Return(buffer);
        }
    }

    /// <summary>A greeting or form of address ("hello", "halo", "kak"; not "ok"), "anyone", "someone", "orang", "there" or "ada".</summary>
    private static bool IsCall(ReadOnlySpan<Lex> t, int k) =>
        (Is(t, k, Cat.Greeting) && t[k].Word is not "ok")
        || Is(t, k, Cat.Exist)
        || (Is(t, k, Cat.Person) && t[k].Word is "anyone" or "someone" or "orang");
}
