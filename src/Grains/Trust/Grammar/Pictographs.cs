namespace CxCluster.Grains.Trust.Grammar;

/// <summary>
/// Pictographs that stand for a word in a customer message: "🤖?" asks whether it is a bot, "are you 🤖 or 🧑?" whether
/// it is a bot or a person, "😡😡" is angry, "😢" and "😭" are sad, "🙄" and "🙃" weary or sarcastic, "🤬" swears, "👎"
/// and "💩 pelayanannya" say it is bad. The tokenizer of the grammar and the normalisation of the learnt model's features
/// (<see cref="Understanding.MessageFeatures"/>) both read them as the word, so the two halves of the recogniser agree.
/// </summary>
internal static class Pictographs
{
    /// <summary>The word read for the robot face, U+1F916.</summary>
    public const string Robot = "bot";

    /// <summary>The word read for a bust in silhouette (U+1F464) or a person (U+1F9D1).</summary>
    public const string Person = "human";

    /// <summary>The word read for an angry, pouting or huffing face (U+1F620, U+1F621, U+1F624).</summary>
    public const string Angry = "angry";

    /// <summary>The word read for a face with symbols over its mouth (U+1F92C): swearing.</summary>
    public const string Swearing = "fuck";

    /// <summary>The word read for a crying, disappointed, weary or tired face (U+1F622, U+1F62D, U+1F61E, U+1F629, U+1F62B).</summary>
    public const string Sad = "sad";

    /// <summary>
    /// The word read for a face with rolling eyes (U+1F644) or an upside-down face (U+1F643): weariness or sarcasm
    /// ("love how my express delivery takes 9 days 🙃").
    /// </summary>
    public const string Weary = "ugh";

    /// <summary>The word read for a thumbs down (U+1F44E).</summary>
    public const string ThumbsDown = "bad";

    /// <summary>The word read for a pile of poo (U+1F4A9).</summary>
    public const string Poo = "bullshit";

    /// <summary>
    /// The word <paramref name="text"/> stands for at <paramref name="at"/> (a surrogate pair), or null; a variation
    /// selector or skin tone after it is not read.
    /// </summary>
    public static string? WordAt(ReadOnlySpan<char> text, int at)
    {
        if (at + 1 >= text.Length || !char.IsHighSurrogate(text[at]) || !char.IsLowSurrogate(text[at + 1]))
        {
            return null;
        }

        return char.ConvertToUtf32(text[at], text[at + 1]) switch
        {
            0x1F916 => Robot,
            0x1F464 or 0x1F9D1 => Person,
            0x1F620 or 0x1F621 or 0x1F624 => Angry,
            0x1F622 or 0x1F62D or 0x1F61E or 0x1F629 or 0x1F62B => Sad,
            0x1F644 or 0x1F643 => Weary,
            0x1F92C => Swearing,
            0x1F44E => ThumbsDown,
            0x1F4A9 => Poo,
            _ => null,
        };
    }

    /// <summary>Whether <paramref name="word"/>, read for a pictograph, is a face that shows a mood (angry, sad, weary).</summary>
    public static bool IsFace(string word) => word is Angry or Sad or Weary;

    /// <summary>A question mark ornament, "❓" or "❔", asks as '?' does.</summary>
    public static bool IsQuestionOrnament(char c) => c is '\u2753' or '\u2754';
}
