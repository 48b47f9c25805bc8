using static CxCluster.Grains.Trust.Grammar.Characters;

namespace CxCluster.Grains.Trust.Grammar;

/// <summary>Normalizes a message into canonical tokens, the grammar's input.</summary>
/// <remarks>
/// Lower case, punctuation turned into clause boundaries, '?' kept as a token of its own, letters repeated for
/// emphasis collapsed ("pleaseee", "tolooong"), the reduplication mark folded out ("muter2" reads as "muter muter")
/// and informal spellings mapped onto one canonical word through the <see cref="Lexicon"/> ("gak", "ga", "nggak",
/// "tdk" all read as "tidak").
/// </remarks>
internal static class Tokenizer
{
    /// <summary>Words longer than this are never in the lexicon, so they are not looked up.</summary>
    public const int MaxWordLength = 40;

    /// <summary>
    /// Writes the tokens of <paramref name="text"/> into <paramref name="output"/>, which holds at least
    /// <c>text.Length + 1</c> tokens, and returns how many there are.
    /// </summary>
    public static int Tokenize(ReadOnlySpan<char> text, Lex[] output)
    {
        Span<char> word = stackalloc char[MaxWordLength];
        int n = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (Pictographs.WordAt(text, i) is { } pictograph)
            {
                // "🤖?" reads "bot ?", "🧑" reads "human"; a face is a clause of its own ("is this chatgpt 😭", "get me a
                // human 😩"), so the clause before it still closes where it did.
                bool face = Pictographs.IsFace(pictograph);
                if (face)
                {
                    n = EmitBoundary(output, n);
                }

                n = Emit(output, n, Find(pictograph));
                if (face)
                {
                    n = EmitBoundary(output, n);
                }

                i += 2;
                continue;
            }

            if ((char.IsLetterOrDigit(c) || (c == '@' && i + 1 < text.Length && char.IsLetter(text[i + 1])))
                && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && Unleet(text, i, out int leetEnd) is { } leet)
            {
                // Letters written as digits or signs: "sh1t", "a$$hole", "m0rons" read as the abusive word they spell.
                n = Emit(output, n, leet);
                i = leetEnd;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                int length = 0;
                bool overflow = false;
                bool hasDigit = false;
                bool hasLetter = false;
                bool masked = false;
                int joinedAt = -1;
                int j = i;
                while (j < text.Length)
                {
                    char d = text[j];
                    if (char.IsLetterOrDigit(d))
                    {
                        if (length < MaxWordLength)
                        {
                            word[length++] = char.ToLowerInvariant(d);
                        }
                        else
                        {
                            overflow = true;
                        }

                        if (char.IsDigit(d))
                        {
                            hasDigit = true;
                        }
                        else
                        {
                            hasLetter = true;
                        }

                        j++;
                    }
                    else if (text[j] == '*' && hasLetter && !hasDigit && MaskEnd(text, j) is var maskEnd && maskEnd > j && length + (maskEnd - j) <= MaxWordLength)
                    {
                        // Letters masked by stars: "f***", "b*ngsat", "a**hole", read against the abusive words below.
                        while (j < maskEnd)
                        {
                            word[length++] = '*';
                            j++;
                        }

                        masked = true;
                    }
                    else if (IsJoiner(text, j) || IsAcronymDot(text, i, j))
                    {
                        joinedAt = length;
                        j++;
                    }
                    else
                    {
                        break;
                    }
                }

                i = j;
                if (masked && hasDigit)
                {
                    // A masked word with a digit in it reads as the word without its stars.
                    length = WithoutStars(word[..length]);
                }

                if (overflow)
                {
                    n = Emit(output, n, Lex.Unknown);
                }
                else if (masked && !hasDigit)
                {
                    n = Emit(output, n, Unmask(word[..length]));
                }
                else if (!hasDigit && length == 2 && word[0] == 'r' && word[1] == 'u')
                {
                    // Chat shorthand "ru" for "are you": "ru human?", "ru a bot".
                    n = Emit(output, n, Find("are"));
                    n = Emit(output, n, Find("you"));
                }
                else if (!hasDigit && IsLaughter(word[..length]))
                {
                    // "are you a bot haha", "kamu bot ya wkwk", "r u a robot lol": laughter closes what it follows.
                    n = EmitBoundary(output, n);
                }
                else if (!hasDigit && joinedAt > 0 && IsPronounWill(word[..length], joinedAt))
                {
                    // "he'll", "she'll", "we'll" read "he will", not "hell", "shell" or "well".
                    n = Emit(output, n, Find(word[..joinedAt]));
                    n = Emit(output, n, Find("will"));
                }
                else if (!hasDigit)
                {
                    Lex found = Find(word[..length]);
                    n = Emit(output, n, ReferenceEquals(found, Next) && IsAPlace(NextWord(text, j)) ? NextTo : found);
                }
                else if (hasLetter && length >= 3 && word[length - 1] == '2' && IsAllLetters(word[..(length - 1)]))
                {
                    // "muter2", "sia2": the Indonesian reduplication mark
                    Lex doubled = Find(word[..(length - 1)]);
                    n = Emit(output, n, doubled);
                    n = Emit(output, n, doubled);
                }
                else if (OrdinalWord(word[..length]) is { } ordinal)
                {
                    // "for the 3rd time": an ordinal the lexicon knows as a word ("third").
                    n = Emit(output, n, Find(ordinal));
                }
                else if (length == 1 && word[0] == '2' && n > 0 && ReadsAsTo(output[n - 1], text, j))
                {
                    // Chat shorthand: "cn i spk 2 a hmn", "wnt 2 tlk 2 agnt", "transfer me 2 an agent".
                    n = Emit(output, n, Find("to"));
                }
                else
                {
                    n = Emit(output, n, length == 1 && word[0] == '1' ? Lex.One : Lex.Number);
                }

                continue;
            }

            if (IsQuestionChar(c) || Pictographs.IsQuestionOrnament(c))
            {
                if (n > 0 && ReferenceEquals(output[n - 1], Lex.Boundary))
                {
                    output[n - 1] = Lex.QuestionMark;
                }
                else if (n == 0 || !ReferenceEquals(output[n - 1], Lex.QuestionMark))
                {
                    output[n++] = Lex.QuestionMark;
                }
            }
            else if (IsBoundaryChar(c) || IsSpacedDash(text, i))
            {
                n = EmitBoundary(output, n);
            }

            i++;
        }

        return n;
    }

    /// <summary>
    /// The abusive word spelled by the word at <paramref name="start"/> when some of its letters are written as digits or
    /// signs ("sh1t", "a$$hole", "m0rons", "b1tch", "@sshole": 0 for o, 1 for i or l, 3 for e, 4 and @ for a, 5 and $ for
    /// s, 7 for t), else any other word of the lexicon so spelt ("b0t", "hum4n"), or null: a word of letters alone, one
    /// that spells no word ("a1", "m4", "us$", "b2b"), and one that ends in a digit or sign, as a model's code does ("Galaxy
    /// A55", "P155"), are read as before, but for "m3", "t0", "y4", "4r3" and "n0" ("me", "to", "ya", "are", "no").
    /// <paramref name="end"/> is where the word ends.
    /// </summary>
    private static Lex? Unleet(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        Span<char> word = stackalloc char[MaxWordLength];
        int length = 0;
        bool letter = false;
        bool sign = false;
        int ones = 0;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || ((text[end] is '$' or '@') && length > 0 || (text[end] == '@' && end + 1 < text.Length && char.IsLetter(text[end + 1])))))
        {
            if (length == MaxWordLength)
            {
                return null;
            }

            char d = char.ToLowerInvariant(text[end]);
            char mapped = d switch
            {
                '0' => 'o',
                '1' => 'i',
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' => 't',
                _ => d,
            };
            if (char.IsDigit(mapped))
            {
                return null;
            }

            letter |= char.IsLetter(d);
            sign |= mapped != d;
            ones += d == '1' ? 1 : 0;
            word[length++] = mapped;
            end++;
        }

        if (!letter || !sign)
        {
            return null;
        }

        if (length < 3 || !char.IsLetter(text[end - 1]))
        {
            // "m3", "t0", "y4", "4r3": a few short words of a request or a question, which no model's code spells.
            return word[..length] is "me" or "to" or "ya" or "are" or "no" ? Find(word[..length]) : null;
        }

        if (FindAbusive(word[..length]) is { } abusive)
        {
            return abusive;
        }

        if (ones > 0)
        {
            // "1" for "l": "a$$ho1e".
            for (int k = 0, o = start; k < length; k++, o++)
            {
                if (text[o] == '1')
                {
                    word[k] = 'l';
                }
            }

            if (FindAbusive(word[..length]) is { } spelt)
            {
                return spelt;
            }

            for (int k = 0, o = start; k < length; k++, o++)
            {
                if (text[o] == '1')
                {
                    word[k] = 'i';
                }
            }
        }

        // "b0t", "hum4n", "c0nn3ct", "r0b0t", "us3l3ss": any word of the lexicon spelt with digits for some letters, when
        // letters outnumber the digits and it opens with a letter (or is four or more long): "50k", "5ms" and "3rd" are
        // amounts and ordinals, not words.
        int digits = 0;
        for (int o = start; o < end; o++)
        {
            digits += char.IsDigit(text[o]) ? 1 : 0;
        }

        if (digits * 2 < length && (char.IsLetter(text[start]) || length >= 4))
        {
            Lex known = Find(word[..length]);
            if (!ReferenceEquals(known, Lex.Unknown))
            {
                return known;
            }
        }

        return null;
    }

    private static Lex? FindAbusive(ReadOnlySpan<char> word)
    {
        foreach ((string spelling, Lex lex) in Lexicon.AbusiveSpellings)
        {
            if (word.SequenceEqual(spelling))
            {
                return lex;
            }
        }

        return null;
    }

    /// <summary>
    /// Where the run of stars at <paramref name="j"/> ends when it masks letters of the word before it: anything but a
    /// digit follows it ("f***", "sh*t", "a**hole"); <paramref name="j"/> itself when a digit does ("a*2").
    /// </summary>
    private static int MaskEnd(ReadOnlySpan<char> text, int j)
    {
        int end = j;
        while (end < text.Length && text[end] == '*')
        {
            end++;
        }

        return end == text.Length || !char.IsDigit(text[end]) ? end : j;
    }

    /// <summary>
    /// The word whose masked letters ('*') stand for some of an abusive word's, the others the same: "f***" reads "fuck",
    /// "b*ngsat" "bangsat", "a**hole" "asshole". One that masks no abusive word reads as its letters alone ("a*b" as "ab").
    /// </summary>
    private static Lex Unmask(Span<char> word)
    {
        foreach ((string spelling, Lex lex) in Lexicon.AbusiveSpellings)
        {
            if (spelling.Length == word.Length && MatchesMasked(word, spelling))
            {
                return lex;
            }
        }

        return Find(word[..WithoutStars(word)]);
    }

    private static bool MatchesMasked(ReadOnlySpan<char> word, string spelling)
    {
        int shown = 0;
        for (int k = 0; k < word.Length; k++)
        {
            if (word[k] != '*')
            {
                if (word[k] != spelling[k])
                {
                    return false;
                }

                shown++;
            }
        }

        // At least one letter shown, and more shown than masked in a long word ("f****" is no guess at "fucking").
        return shown >= 1 && (word.Length <= 5 || shown * 2 >= word.Length);
    }

    /// <summary>Drops the stars of <paramref name="word"/> in place and returns the length left.</summary>
    private static int WithoutStars(Span<char> word)
    {
        int n = 0;
        foreach (char c in word)
        {
            if (c != '*')
            {
                word[n++] = c;
            }
        }

        return n;
    }

    /// <summary>The word of an ordinal written in digits that the lexicon knows ("3rd", "4th"), or null.</summary>
    private static string? OrdinalWord(ReadOnlySpan<char> word) => word switch
    {
        "3rd" => "third",
        "4th" => "fourth",
        _ => null,
    };

    /// <summary>
    /// A lone "2" reads "to" after a verb of talking or handing over or "me" ("spk 2 a hmn", "cnct me 2 sm1"), and after
    /// a wish when a verb of talking, handing over or fetching follows ("wnt 2 tlk"); "I want 2 tickets", "2 orang" stay numbers.
    /// </summary>
    private static bool ReadsAsTo(Lex previous, ReadOnlySpan<char> text, int after)
    {
        if ((previous.Cats & (Cat.Speak | Cat.Connect | Cat.Me)) != 0 && (previous.Cats & Cat.Subject) == 0)
        {
            return NextWord(text, after).Length > 0;
        }

        if ((previous.Cats & Cat.Desire) == 0)
        {
            return false;
        }

        ReadOnlySpan<char> next = NextWord(text, after);
        if (next.IsEmpty || next.Length > MaxWordLength)
        {
            return false;
        }

        Span<char> lower = stackalloc char[next.Length];
        next.ToLowerInvariant(lower);
        return (Find(lower).Cats & (Cat.Speak | Cat.Connect | Cat.Call)) != 0;
    }

    /// <summary>"he'll", "she'll", "we'll": a pronoun, then "ll" joined by an apostrophe at <paramref name="joinedAt"/>.</summary>
    private static bool IsPronounWill(ReadOnlySpan<char> word, int joinedAt) =>
        word.Length == joinedAt + 2 && word[joinedAt..] is "ll" && word[..joinedAt] is "he" or "she" or "we";

    /// <summary>"next" as a time: "next week", "next time".</summary>
    private static readonly Lex Next = Find("next");

    /// <summary>"next" as a place, no time: "my mum is next to me", "the shop next door".</summary>
    private static readonly Lex NextTo = new("next", Cat.None);

    /// <summary>The word after "next" makes it a place: "next to me", "next door".</summary>
    private static bool IsAPlace(ReadOnlySpan<char> after) =>
        after.Equals("to", StringComparison.OrdinalIgnoreCase) || after.Equals("door", StringComparison.OrdinalIgnoreCase);

    /// <summary>The run of letters after the spaces at <paramref name="from"/>, or nothing when something else comes first.</summary>
    private static ReadOnlySpan<char> NextWord(ReadOnlySpan<char> text, int from)
    {
        while (from < text.Length && text[from] == ' ')
        {
            from++;
        }

        int end = from;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end < text.Length && char.IsDigit(text[end]) ? default : text[from..end];
    }

    private static int Emit(Lex[] output, int n, Lex lex)
    {
        output[n] = lex;
        return n + 1;
    }

    /// <summary>
    /// A word of laughter: "lol", "lmao", "rofl", or a syllable said again and again: "haha", "hehehe", "wkwkwk", "xixi",
    /// "ahahah" (at least four letters, the last one may start the syllable once more).
    /// </summary>
    internal static bool IsLaughter(ReadOnlySpan<char> word)
    {
        if (word is "lmao" or "lmfao" or "rofl")
        {
            return true;
        }

        if (word.Length >= 3 && word[0] == 'l' && word[^1] == 'l')
        {
            // "lol", "lool", "loool"
            return !word[1..^1].ContainsAnyExcept('o');
        }

        if (word.Length < 4 || !IsLaughSyllable(word[0], word[1]))
        {
            return false;
        }

        for (int k = 2; k < word.Length; k++)
        {
            if (word[k] != word[k % 2])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLaughSyllable(char a, char b) =>
        (a, b) is ('h', 'a' or 'e' or 'i' or 'o') or ('a' or 'e', 'h') or ('w', 'k') or ('k', 'w') or ('x', 'i');

    /// <summary>Ends the clause: a boundary after the last token, unless there is none or it already is an edge.</summary>
    private static int EmitBoundary(Lex[] output, int n) =>
        n > 0 && (output[n - 1].Cats & Cat.Edge) == 0 ? Emit(output, n, Lex.Boundary) : n;

    /// <summary>Single letters separated by dots read as one word: "A.I." reads "ai".</summary>
    private static bool IsAcronymDot(ReadOnlySpan<char> text, int start, int j) =>
        text[j] == '.'
        && j > start && char.IsLetter(text[j - 1])
        && (j - 2 < start || text[j - 2] == '.')
        && j + 1 < text.Length && char.IsLetter(text[j + 1])
        && (j + 2 >= text.Length || !char.IsLetterOrDigit(text[j + 2]));

    /// <summary>
    /// A dash that stands apart between words separates clauses as a comma does ("Quick question before I explain
    /// everything - is this a live agent?", "ok -- agent please"); an en or em dash always does. A hyphen inside a word
    /// or a number ("e-mail", "0812-3456") joins.
    /// </summary>
    private static bool IsSpacedDash(ReadOnlySpan<char> text, int i)
    {
        if (text[i] is '\u2013' or '\u2014')
        {
            return true;
        }

        if (text[i] != '-')
        {
            return false;
        }

        int start = i;
        while (start > 0 && text[start - 1] == '-')
        {
            start--;
        }

        int end = i;
        while (end + 1 < text.Length && text[end + 1] == '-')
        {
            end++;
        }

        return (start == 0 || char.IsWhiteSpace(text[start - 1])) && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1]));
    }

    private static bool IsBoundaryChar(char c) =>
        c is '.' or ',' or ';' or ':' or '\n' or '\r' or '\u2026' or '\u3002' or '\uFF0C' or '\u3001' || IsBang(c);

    private static bool IsAllLetters(ReadOnlySpan<char> span)
    {
        foreach (char c in span)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static Lex Find(ReadOnlySpan<char> word)
    {
        if (Lexicon.BySpan.TryGetValue(word, out Lex? lex))
        {
            return lex;
        }

        if (!HasRepeatedLetter(word))
        {
            return Lex.Unknown;
        }

        // Emphasis: "pleaseee" -> "pleasee" -> "please", "speeeak" -> "speak", "cssss" -> "css" -> "cs".
        Span<char> collapsed = stackalloc char[word.Length];
        int twice = Collapse(word, collapsed, keep: 2);
        if (twice < word.Length && Lexicon.BySpan.TryGetValue(collapsed[..twice], out lex))
        {
            return lex;
        }

        int once = Collapse(word, collapsed, keep: 1);
        return Lexicon.BySpan.TryGetValue(collapsed[..once], out lex) ? lex : Lex.Unknown;
    }

    private static bool HasRepeatedLetter(ReadOnlySpan<char> word)
    {
        for (int i = 1; i < word.Length; i++)
        {
            if (word[i] == word[i - 1])
            {
                return true;
            }
        }

        return false;
    }

    private static int Collapse(ReadOnlySpan<char> word, Span<char> into, int keep)
    {
        int n = 0;
        int run = 0;
        for (int i = 0; i < word.Length; i++)
        {
            run = i > 0 && word[i] == word[i - 1] ? run + 1 : 1;
            if (run <= keep)
            {
                into[n++] = word[i];
            }
        }

        return n;
    }
}
