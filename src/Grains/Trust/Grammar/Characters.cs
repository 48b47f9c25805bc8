namespace CxCluster.Grains.Trust.Grammar;

/// <summary>What a character means to the tokenizer, the surface features and the fingerprint.</summary>
internal static class Characters
{
    public static bool IsBang(char c) => c is '!' or '\uFF01' or '\u00A1';

    public static bool IsQuestionChar(char c) => c is '?' or '\uFF1F' or '\u00BF';

    /// <summary>An apostrophe or a star between two letters joins them: "don't" reads "dont", "f*ck" reads "fck".</summary>
    public static bool IsJoiner(ReadOnlySpan<char> text, int j) =>
        text[j] is '\'' or '\u2019' or '`' or '*'
        && j > 0 && j + 1 < text.Length
        && char.IsLetter(text[j - 1]) && char.IsLetter(text[j + 1]);
}
