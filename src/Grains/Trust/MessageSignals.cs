using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace CxCluster.Grains.Trust;

/// <summary>Reads trust signals out of one customer message, in Indonesian (formal and everyday spelling) and English.</summary>
/// <remarks>
/// The text is normalized into canonical tokens first: lower case, punctuation turned into clause boundaries,
/// '?' kept as a token of its own, letters repeated for emphasis collapsed ("pleaseee", "tolooong"), the
/// reduplication mark folded out ("muter2" reads as "muter muter") and informal spellings mapped onto one
/// canonical word ("gak", "ga", "nggak", "tdk" all read as "tidak"). The decisions are then made on short token
/// patterns around the words that matter, so a word alone never decides: "agent" in "my agent code is 123" is not a
/// request, "robot" in "is this robot vacuum under warranty?" is not a question about the interlocutor.
/// </remarks>
public static partial class MessageSignals
{
    /// <summary>Words longer than this are never in the lexicon, so they are not looked up.</summary>
    private const int MaxWordLength = 40;

    /// <summary>At most this many modifiers are read on each side of a term ("a real live human being"); it keeps every message linear.</summary>
    private const int MaxModifiers = 4;

    private const ulong FnvOffsetBasis = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    private static readonly Lex Unknown = new("", Cat.None);
    private static readonly Lex Number = new("#", Cat.None);
    private static readonly Lex Boundary = new("|", Cat.Boundary);
    private static readonly Lex QuestionMark = new("?", Cat.Question);

    private static readonly FrozenDictionary<string, Lex> Lexicon = BuildLexicon();
    private static readonly FrozenDictionary<string, Lex>.AlternateLookup<ReadOnlySpan<char>> LexiconBySpan =
        Lexicon.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, Phrase[]> PhrasesByFirstWord = BuildPhrases();

    /// <summary>Analyzes one customer message. Never throws for any non-null text.</summary>
    public static MessageAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        bool shouting = IsShouting(text);
        bool exclaiming = HasExclamationRun(text);

        Lex[] buffer = ArrayPool<Lex>.Shared.Rent(text.Length + 1);
        try
        {
            int count = Tokenize(text, buffer);
            ReadOnlySpan<Lex> tokens = buffer.AsSpan(0, count);
            bool identity = AsksIdentity(tokens);
            bool human = AsksForHuman(tokens);
            // The model only has something to add where the grammar found nothing.
            if (!(identity && human))
            {
                Span<float> margins = stackalloc float[LearntSignalCount];
                Learnt.Model.Score(text, margins);
                identity |= Learnt.Model.IsPositive(Learnt.Identity, margins[Learnt.Identity]);
                human |= Learnt.Model.IsPositive(Learnt.Human, margins[Learnt.Human]) && !DeclinesOrPostponesPerson(tokens);
            }
            ScanTone(tokens, out bool negative, out bool abusive, out bool thanks);

            if (!(human | identity | negative | abusive | shouting | exclaiming | thanks))
            {
                return MessageAnalysis.Neutral;
            }

            return new MessageAnalysis(human, identity, negative, abusive, shouting, exclaiming, thanks);
        }
        finally
        {
            ArrayPool<Lex>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A stable 64-bit FNV-1a hash of the message's normalized form (lower case, letters and digits only, words
    /// separated by one space, letters repeated three or more times collapsed), hashed as UTF-8. It is the same in
    /// every process and run, and ignores case, punctuation and white space. A message without any letter or digit
    /// ("👍", "???") is hashed over its characters other than white space, so different symbols stay different.
    /// </summary>
    public static ulong Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        ulong hash = FnvOffsetBasis;
        bool emitted = false;
        bool pendingSpace = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (!IsJoiner(text, i))
                {
                    pendingSpace = emitted;
                }

                i++;
                continue;
            }

            char lower = char.ToLowerInvariant(c);
            int run = 1;
            while (i + run < text.Length && char.ToLowerInvariant(text[i + run]) == lower)
            {
                run++;
            }

            int times = char.IsLetter(lower) && run >= 3 ? 1 : run;
            if (pendingSpace)
            {
                hash = HashChar(hash, ' ');
                pendingSpace = false;
            }

            for (int k = 0; k < times; k++)
            {
                hash = HashChar(hash, lower);
            }

            emitted = true;
            i += run;
        }

        return emitted ? hash : HashSymbols(text);
    }

    private static ulong HashSymbols(string text)
    {
        ulong hash = FnvOffsetBasis;
        Span<byte> utf8 = stackalloc byte[4];
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                continue;
            }

            int length = Rune.ToLowerInvariant(rune).EncodeToUtf8(utf8);
            for (int k = 0; k < length; k++)
            {
                hash = HashByte(hash, utf8[k]);
            }
        }

        return hash;
    }

    // ---------------------------------------------------------------- surface features

    private static bool IsShouting(string text)
    {
        int upper = 0;
        int lower = 0;
        foreach (char c in text)
        {
            if (char.IsUpper(c))
            {
                upper++;
            }
            else if (char.IsLower(c))
            {
                lower++;
            }
        }

        int letters = upper + lower;
        return letters >= 8 && upper * 10 >= letters * 7;
    }

    private static bool HasExclamationRun(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!IsBang(text[i]) && !IsQuestionChar(text[i]))
            {
                i++;
                continue;
            }

            int length = 0;
            int bangs = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (IsBang(c))
                {
                    bangs++;
                }
                else if (!IsQuestionChar(c) && !(c == '1' && bangs > 0))
                {
                    break;
                }

                length++;
                i++;
            }

            if (length >= 3 && bangs >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBang(char c) => c is '!' or '\uFF01' or '\u00A1';

    private static bool IsQuestionChar(char c) => c is '?' or '\uFF1F' or '\u00BF';

    // ---------------------------------------------------------------- normalization

    private static int Tokenize(string text, Lex[] output)
    {
        Span<char> word = stackalloc char[MaxWordLength];
        int n = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                int length = 0;
                bool overflow = false;
                bool hasDigit = false;
                bool hasLetter = false;
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
                    else if (IsJoiner(text, j) || IsAcronymDot(text, i, j))
                    {
                        j++;
                    }
                    else
                    {
                        break;
                    }
                }

                i = j;
                if (overflow)
                {
                    n = Emit(output, n, Unknown);
                }
                else if (!hasDigit)
                {
                    n = Emit(output, n, Find(word[..length]));
                }
                else if (hasLetter && length >= 3 && word[length - 1] == '2' && IsAllLetters(word[..(length - 1)]))
                {
                    // "muter2", "sia2": the Indonesian reduplication mark
                    Lex doubled = Find(word[..(length - 1)]);
                    n = Emit(output, n, doubled);
                    n = Emit(output, n, doubled);
                }
                else
                {
                    n = Emit(output, n, Number);
                }

                continue;
            }

            if (IsQuestionChar(c))
            {
                if (n > 0 && ReferenceEquals(output[n - 1], Boundary))
                {
                    output[n - 1] = QuestionMark;
                }
                else if (n == 0 || !ReferenceEquals(output[n - 1], QuestionMark))
                {
                    output[n++] = QuestionMark;
                }
            }
            else if (IsBoundaryChar(c))
            {
                if (n > 0 && (output[n - 1].Cats & Cat.Edge) == 0)
                {
                    output[n++] = Boundary;
                }
            }

            i++;
        }

        return n;
    }

    private static int Emit(Lex[] output, int n, Lex lex)
    {
        output[n] = lex;
        return n + 1;
    }

    /// <summary>An apostrophe or a star between two letters joins them: "don't" reads "dont", "f*ck" reads "fck".</summary>
    private static bool IsJoiner(string text, int j) =>
        text[j] is '\'' or '\u2019' or '`' or '*'
        && j > 0 && j + 1 < text.Length
        && char.IsLetter(text[j - 1]) && char.IsLetter(text[j + 1]);

    /// <summary>Single letters separated by dots read as one word: "A.I." reads "ai".</summary>
    private static bool IsAcronymDot(string text, int start, int j) =>
        text[j] == '.'
        && j > start && char.IsLetter(text[j - 1])
        && (j - 2 < start || text[j - 2] == '.')
        && j + 1 < text.Length && char.IsLetter(text[j + 1])
        && (j + 2 >= text.Length || !char.IsLetterOrDigit(text[j + 2]));

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
        if (LexiconBySpan.TryGetValue(word, out Lex? lex))
        {
            return lex;
        }

        if (!HasRepeatedLetter(word))
        {
            return Unknown;
        }

        // Emphasis: "pleaseee" -> "pleasee" -> "please", "speeeak" -> "speak", "cssss" -> "css" -> "cs".
        Span<char> collapsed = stackalloc char[word.Length];
        int twice = Collapse(word, collapsed, keep: 2);
        if (twice < word.Length && LexiconBySpan.TryGetValue(collapsed[..twice], out lex))
        {
            return lex;
        }

        int once = Collapse(word, collapsed, keep: 1);
        return LexiconBySpan.TryGetValue(collapsed[..once], out lex) ? lex : Unknown;
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

    private static ulong HashChar(ulong hash, char c)
    {
        if (c < 0x80)
        {
            return HashByte(hash, (byte)c);
        }

        if (c < 0x800)
        {
            hash = HashByte(hash, (byte)(0xC0 | (c >> 6)));
            return HashByte(hash, (byte)(0x80 | (c & 0x3F)));
        }

        hash = HashByte(hash, (byte)(0xE0 | (c >> 12)));
        hash = HashByte(hash, (byte)(0x80 | ((c >> 6) & 0x3F)));
        return HashByte(hash, (byte)(0x80 | (c & 0x3F)));
    }

    private static ulong HashByte(ulong hash, byte b) => (hash ^ b) * FnvPrime;

    // ---------------------------------------------------------------- token helpers

    private static bool Is(ReadOnlySpan<Lex> t, int i, Cat cats) => (uint)i < (uint)t.Length && (t[i].Cats & cats) != 0;

    /// <summary>Before the first token, after the last, or on a boundary or '?'.</summary>
    private static bool IsEdge(ReadOnlySpan<Lex> t, int i) => i < 0 || i >= t.Length || (t[i].Cats & Cat.Edge) != 0;

    /// <summary>The clause ends after position <paramref name="e"/>, allowing only trailing question particles.</summary>
    private static bool Closes(ReadOnlySpan<Lex> t, int e)
    {
        while (Is(t, e, Cat.QParticle | Cat.Not | Cat.Polite | Cat.You | Cat.Or | Cat.Clitic))
        {
            e++;
        }

        return IsEdge(t, e);
    }

    /// <summary>Like <see cref="Closes"/>, and the clause ends in a question mark.</summary>
    private static bool ClosesWithQuestion(ReadOnlySpan<Lex> t, int e)
    {
        while (Is(t, e, Cat.QParticle | Cat.Not | Cat.Polite | Cat.You | Cat.Or | Cat.Clitic))
        {
            e++;
        }

        return Is(t, e, Cat.Question);
    }

    /// <summary>A '?' ends the clause within a few words after position <paramref name="e"/>.</summary>
    private static bool ClauseEndsWithQuestion(ReadOnlySpan<Lex> t, int e)
    {
        int limit = Math.Min(t.Length, e + 12);
        while (e < limit && !Is(t, e, Cat.Edge))
        {
            e++;
        }

        return Is(t, e, Cat.Question);
    }

    /// <summary>
    /// Every other word of the mention's clause is a filler. Scans outwards and stops at the first other word, so
    /// it costs little however long the message. <paramref name="end"/> is the clause's closing edge.
    /// </summary>
    private static bool OnlyFillerAround(ReadOnlySpan<Lex> t, Mention m, Cat filler, out int end)
    {
        end = m.End;
        for (int k = m.Start - 1; !IsEdge(t, k); k--)
        {
            if (!Is(t, k, filler))
            {
                return false;
            }
        }

        for (; !IsEdge(t, end); end++)
        {
            if (!Is(t, end, filler))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Some word of the mention's clause, outside the mention, plays one of <paramref name="cats"/>.</summary>
    private static bool HasAround(ReadOnlySpan<Lex> t, Mention m, int end, Cat cats)
    {
        for (int k = m.Start - 1; !IsEdge(t, k); k--)
        {
            if (Is(t, k, cats))
            {
                return true;
            }
        }

        for (int k = m.End; k < end; k++)
        {
            if (Is(t, k, cats))
            {
                return true;
            }
        }

        return false;
    }

    // ---------------------------------------------------------------- asking for a person

    private static bool AsksForHuman(ReadOnlySpan<Lex> t)
    {
        for (int i = 0; i < t.Length; i++)
        {
            if (PersonTarget(t, i, out Mention m)
                && (ConnectRequest(t, m) || SpeakRequest(t, m) || DirectRequest(t, m) || AvailabilityQuestion(t, m) || BareRequest(t, m)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word for someone a customer can be handed to ("cs", "agent", "customer service", "human", "orang"), with its modifiers.</summary>
    private static bool PersonTarget(ReadOnlySpan<Lex> t, int i, out Mention m)
    {
        m = default;
        Cat c = t[i].Cats;
        int start = i;
        Kind kind;
        if ((c & Cat.Agent) != 0)
        {
            kind = Kind.Agent;
        }
        else if ((c & Cat.ServiceTail) != 0 && Is(t, i - 1, Cat.ServiceHead))
        {
            kind = Kind.Agent;
            start = i - 1;
        }
        else if ((c & Cat.Human) != 0)
        {
            kind = Kind.Human;
        }
        else if ((c & Cat.Person) != 0)
        {
            kind = Kind.Person;
        }
        else
        {
            return false;
        }

        // "human agent", "orang cs": the role word that follows is the head.
        if (kind != Kind.Agent && (Is(t, i + 1, Cat.Agent) || (Is(t, i + 1, Cat.ServiceHead) && Is(t, i + 2, Cat.ServiceTail))))
        {
            return false;
        }

        // "human resources", "agent code", "orang tua"
        if (Is(t, i + 1, Cat.Breaker))
        {
            return false;
        }

        bool real = false;
        int s = start - 1;
        while (s > start - 1 - MaxModifiers && Is(t, s, Cat.Article | Cat.Real | Cat.Human))
        {
            real |= Is(t, s, Cat.Real | Cat.Human);
            s--;
        }

        int e = i + 1;
        while (e < i + 1 + MaxModifiers && Is(t, e, Cat.Real | Cat.Human | Cat.Clitic))
        {
            real |= Is(t, e, Cat.Real | Cat.Human);
            e++;
        }

        m = new Mention(s + 1, e, kind, real);
        return true;
    }

    /// <summary>"hubungkan ke cs", "sambungkan saya dengan petugas", "connect me to an agent", "escalate this to a manager".</summary>
    private static bool ConnectRequest(ReadOnlySpan<Lex> t, Mention m)
    {
        int j = m.Start - 1;
        for (int steps = 0; steps < 4 && Is(t, j, Cat.To | Cat.With | Cat.Me | Cat.You | Cat.Article | Cat.Polite); steps++)
        {
            j--;
        }

        if (!Is(t, j, Cat.Connect) || Is(t, j - 1, Cat.Not))
        {
            return false;
        }

        // "bisa disambungkan ke cs?" asks for it; "saya sudah dioper ke cs" reports it.
        return !Is(t, j, Cat.Passive) || HasWishBefore(t, j, 3);
    }

    /// <summary>"saya mau bicara dengan CS", "mau ngomong sama orang dong", "I want to speak to a real person", "talk to a human".</summary>
    private static bool SpeakRequest(ReadOnlySpan<Lex> t, Mention m)
    {
        int j = m.Start - 1;
        if (Is(t, j, Cat.With | Cat.To))
        {
            j--;
        }

        if (!Is(t, j, Cat.Speak))
        {
            return false;
        }

        int verb = j;
        int k = verb - 1;
        for (int steps = 0; steps < 3 && Is(t, k, Cat.To | Cat.Subject | Cat.Me | Cat.Polite) && !Is(t, k, Cat.Modal | Cat.Desire); steps++)
        {
            k--;
        }

        if (Is(t, k, Cat.Modal | Cat.Desire))
        {
            return !(Is(t, k, Cat.Desire) && Is(t, k - 1, Cat.Not));
        }

        // An imperative: the verb opens its clause ("talk to a human", "bicara dengan cs").
        k = verb - 1;
        while (Is(t, k, Cat.Greeting | Cat.Polite))
        {
            k--;
        }

        if (!IsEdge(t, k))
        {
            return false;
        }

        // "talking to a human?" asks who is there rather than for someone.
        return !(Is(t, verb, Cat.Gerund) && ClosesWithQuestion(t, m.End));
    }

    /// <summary>"minta agen", "panggil operator", "mau orang", "I need a human", "get me an agent".</summary>
    private static bool DirectRequest(ReadOnlySpan<Lex> t, Mention m)
    {
        int j = m.Start - 1;
        for (int steps = 0; steps < 3 && Is(t, j, Cat.With | Cat.Me | Cat.Polite) && !Is(t, j, Cat.Desire | Cat.Call); steps++)
        {
            j--;
        }

        if (!Is(t, j, Cat.Desire | Cat.Call))
        {
            return false;
        }

        if (Is(t, j, Cat.Desire) && Is(t, j - 1, Cat.Not))
        {
            return false;
        }

        return ContinuesAsRequest(t, m.End);
    }

    /// <summary>"ada cs?", "ada orang beneran?", "is there a human I can talk to?".</summary>
    private static bool AvailabilityQuestion(ReadOnlySpan<Lex> t, Mention m) =>
        Is(t, m.Start - 1, Cat.Exist)
        && (m.Kind != Kind.Person || m.Real)
        && ClauseEndsWithQuestion(t, m.End)
        && ContinuesAsRequest(t, m.End);

    /// <summary>A clause that is only the person word and politeness: "agent", "cs dong", "human please", "live agent", "Operator!!!".</summary>
    private static bool BareRequest(ReadOnlySpan<Lex> t, Mention m)
    {
        const Cat filler = Cat.Polite | Cat.Greeting | Cat.Real | Cat.Article | Cat.Desire | Cat.Call;
        if (!OnlyFillerAround(t, m, filler, out int to))
        {
            return false;
        }

        bool support = m.Real || HasAround(t, m, to, Cat.Polite | Cat.Desire | Cat.Call);

        // "human?" on its own asks who is there; "cs?" asks for one.
        if (m.Kind != Kind.Agent && Is(t, to, Cat.Question))
        {
            return false;
        }

        return m.Kind != Kind.Person || support;
    }

    private static bool ContinuesAsRequest(ReadOnlySpan<Lex> t, int e) =>
        IsEdge(t, e) || Is(t, e, Cat.Polite | Cat.QParticle | Cat.Real | Cat.Purpose | Cat.Not | Cat.Subject | Cat.Human);

    private static bool HasWishBefore(ReadOnlySpan<Lex> t, int j, int window)
    {
        for (int k = j - 1; k >= 0 && k >= j - window && !Is(t, k, Cat.Edge); k--)
        {
            if (Is(t, k, Cat.Modal | Cat.Desire))
            {
                return true;
            }
        }

        return false;
    }

    // ---------------------------------------------------------------- asking who is there

    private static bool AsksIdentity(ReadOnlySpan<Lex> t)
    {
        for (int i = 0; i < t.Length; i++)
        {
            // "are you real?", "kamu nyata?"
            if (Is(t, i, Cat.RealAdj) && Is(t, i - 1, Cat.YouPerson) && OpensQuestion(t, i - 1) && Closes(t, i + 1))
            {
                return true;
            }

            if (IdentityTerm(t, i, out Mention m)
                && (AddressedQuestion(t, m) || TalkingToQuestion(t, m) || BareIdentityQuestion(t, m) || WhoQuestion(t, i, m)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word for what the customer may be talking to ("bot", "AI", "mesin", "manusia", "real person", "siapa"), with modifiers and "X or Y".</summary>
    private static bool IdentityTerm(ReadOnlySpan<Lex> t, int i, out Mention m)
    {
        m = default;
        Cat c = t[i].Cats;
        int start = i;
        Kind kind;
        if ((c & Cat.Bot) != 0)
        {
            if (Is(t, i + 1, Cat.Bot))
            {
                return false; // "AI bot": the last word is the head
            }

            kind = Kind.Bot;
        }
        else if ((c & Cat.Who) != 0)
        {
            kind = Kind.Who;
        }
        else if ((c & Cat.Human) != 0)
        {
            if (Is(t, i + 1, Cat.Agent | Cat.Person))
            {
                return false;
            }

            kind = Kind.Human;
        }
        else if ((c & Cat.Person) != 0)
        {
            kind = Kind.Person;
        }
        else if ((c & Cat.Agent) != 0)
        {
            kind = Kind.Agent;
        }
        else if ((c & Cat.ServiceTail) != 0 && Is(t, i - 1, Cat.ServiceHead))
        {
            kind = Kind.Agent;
            start = i - 1;
        }
        else
        {
            return false;
        }

        if (Is(t, i + 1, Cat.Breaker))
        {
            return false;
        }

        bool real = false;
        int s = start - 1;
        if (kind != Kind.Who)
        {
            while (s > start - 1 - MaxModifiers && Is(t, s, Cat.Article | Cat.Real | Cat.Human | Cat.Bot))
            {
                real |= Is(t, s, Cat.Real | Cat.Human);
                s--;
            }
        }

        int e = i + 1;
        while (e < i + 1 + MaxModifiers && Is(t, e, Cat.Real | Cat.Human | Cat.Clitic))
        {
            real |= Is(t, e, Cat.Real | Cat.Human);
            e++;
        }

        // A role word is only a question of identity when it is qualified: "a real agent", "cs asli".
        if (kind == Kind.Agent && !real)
        {
            return false;
        }

        // "a bot or a human", "manusia atau mesin"
        for (int alternatives = 0; alternatives < MaxModifiers && kind != Kind.Who && Is(t, e, Cat.Or); alternatives++)
        {
            int k = e + 1;
            while (k < e + 1 + MaxModifiers && Is(t, k, Cat.Article | Cat.Real))
            {
                k++;
            }

            if (!Is(t, k, Cat.Bot | Cat.Human | Cat.Person))
            {
                break;
            }

            e = k + 1;
            for (int n = 0; n < MaxModifiers && Is(t, e, Cat.Real | Cat.Human | Cat.Bot | Cat.Clitic); n++)
            {
                e++;
            }
        }

        m = new Mention(s + 1, e, kind, real);
        return true;
    }

    /// <summary>"ini bot ya?", "apakah ini bot?", "kamu robot?", "are you a bot", "is this an AI?", "r u a bot", "ini chat otomatis ya", "ini dengan siapa?".</summary>
    private static bool AddressedQuestion(ReadOnlySpan<Lex> t, Mention m)
    {
        int j = m.Start - 1;
        for (int steps = 0; steps < 5 && !Is(t, j, Cat.You) && Is(t, j, Cat.Copula | Cat.Article | Cat.Real | Cat.IdNoun | Cat.Not | Cat.With | Cat.Boundary); steps++)
        {
            j--;
        }

        return Is(t, j, Cat.You) && OpensQuestion(t, j) && Closes(t, m.End);
    }

    /// <summary>
    /// The words before the interlocutor are only question openers ("apakah", "are", "jadi", "halo kak"), so the
    /// sentence is about the interlocutor, not "my son loves this robot" or "thank you robot".
    /// </summary>
    private static bool OpensQuestion(ReadOnlySpan<Lex> t, int you)
    {
        int k = you - 1;
        while (k >= you - 8 && Is(t, k, Cat.You | Cat.Copula | Cat.Lead | Cat.Greeting | Cat.Subject | Cat.Polite | Cat.IdNoun | Cat.Agent | Cat.Not))
        {
            k--;
        }

        return IsEdge(t, k);
    }

    /// <summary>"saya lagi ngomong sama bot ya?", "am I talking to a robot?", "apakah saya bicara dengan manusia?", "ngomong sama bot?".</summary>
    private static bool TalkingToQuestion(ReadOnlySpan<Lex> t, Mention m)
    {
        int j = m.Start - 1;
        if (Is(t, j, Cat.With | Cat.To))
        {
            j--;
        }

        if (!Is(t, j, Cat.Speak) || !Closes(t, m.End))
        {
            return false;
        }

        int verb = j;
        int k = verb - 1;
        for (int steps = 0; steps < 3 && !Is(t, k, Cat.Subject) && Is(t, k, Cat.Progressive | Cat.Copula); steps++)
        {
            k--;
        }

        if (Is(t, k, Cat.Subject))
        {
            // "can I talk to a human?" asks for one.
            return !Is(t, k - 1, Cat.Modal | Cat.Desire);
        }

        k = verb - 1;
        while (Is(t, k, Cat.Greeting | Cat.Lead | Cat.Polite | Cat.Progressive))
        {
            k--;
        }

        if (!IsEdge(t, k))
        {
            return false;
        }

        return m.Kind is Kind.Bot or Kind.Who || (Is(t, verb, Cat.Gerund) && ClosesWithQuestion(t, m.End));
    }

    /// <summary>A question that is only the term and particles: "bot?", "robot kah?", "human or bot?".</summary>
    private static bool BareIdentityQuestion(ReadOnlySpan<Lex> t, Mention m)
    {
        if (m.Kind is Kind.Agent or Kind.Who)
        {
            return false;
        }

        const Cat filler = Cat.QParticle | Cat.Polite | Cat.Article | Cat.Real | Cat.Lead | Cat.Copula | Cat.Greeting | Cat.Not | Cat.Or;
        return OnlyFillerAround(t, m, filler, out int to) && Is(t, to, Cat.Question);
    }

    /// <summary>"who are you?", "who is this?", "who am I talking to?", "siapa ini?", "dengan siapa saya bicara?".</summary>
    private static bool WhoQuestion(ReadOnlySpan<Lex> t, int i, Mention m)
    {
        if (m.Kind != Kind.Who)
        {
            return false;
        }

        int k = i - 1;
        while (Is(t, k, Cat.Greeting | Cat.Lead | Cat.With | Cat.To))
        {
            k--;
        }

        if (!IsEdge(t, k))
        {
            return false;
        }

        int j = i + 1;
        for (int steps = 0; steps < 2 && !Is(t, j, Cat.You | Cat.Subject) && Is(t, j, Cat.Copula | Cat.QParticle | Cat.Polite); steps++)
        {
            j++;
        }

        if (Is(t, j, Cat.You))
        {
            return Closes(t, j + 1);
        }

        if (Is(t, j, Cat.Subject) && Is(t, j + 1, Cat.Speak))
        {
            int e = j + 2;
            if (Is(t, e, Cat.With | Cat.To))
            {
                e++;
            }

            return Closes(t, e);
        }

        return false;
    }

    // ---------------------------------------------------------------- tone

    private static void ScanTone(ReadOnlySpan<Lex> t, out bool negative, out bool abusive, out bool thanks)
    {
        negative = false;
        abusive = false;
        thanks = false;
        for (int i = 0; i < t.Length; i++)
        {
            Lex lex = t[i];
            Cat c = lex.Cats;
            if ((c & Cat.Abusive) != 0)
            {
                abusive = true;
            }

            if ((c & Cat.Negative) != 0)
            {
                negative = true;
            }

            if ((c & Cat.Not) != 0 && NegatesHelp(t, i))
            {
                negative = true;
            }

            if ((c & Cat.Thanks) != 0 && IsSincereThanks(t, i, i + 1))
            {
                thanks = true;
            }

            if (lex.Word.Length == 0 || !PhrasesByFirstWord.TryGetValue(lex.Word, out Phrase[]? phrases))
            {
                continue;
            }

            foreach (Phrase phrase in phrases)
            {
                if (!Matches(t, i, phrase.Words))
                {
                    continue;
                }

                int end = i + phrase.Words.Length;
                switch (phrase.Tone)
                {
                    case Tone.Negative when !(phrase.Words[0] == "bukan" && Is(t, end, Cat.Only)):
                        negative = true;
                        break;
                    case Tone.Abusive:
                        abusive = true;
                        break;
                    case Tone.Thanks when IsSincereThanks(t, i, end):
                        thanks = true;
                        break;
                }
            }
        }
    }

    /// <summary>"tidak membantu", "gak jelas", "you don't understand", "not helpful", "tidak bisa membantu sama sekali".</summary>
    private static bool NegatesHelp(ReadOnlySpan<Lex> t, int i)
    {
        int k = i + 1;
        for (int gaps = 0; gaps < 2 && !Is(t, k, Cat.NegAfterNot) && Is(t, k, Cat.NotGap); gaps++)
        {
            k++;
        }

        return Is(t, k, Cat.NegAfterNot);
    }

    /// <summary>Thanks that are not declined ("no thanks", "gak, makasih") nor sarcastic ("thanks for nothing").</summary>
    private static bool IsSincereThanks(ReadOnlySpan<Lex> t, int start, int end)
    {
        int before = start - 1;
        while (Is(t, before, Cat.Boundary))
        {
            before--;
        }

        if (Is(t, before, Cat.Not))
        {
            return false;
        }

        return !(end + 1 < t.Length && t[end].Word == "for" && t[end + 1].Word == "nothing");
    }

    private static bool Matches(ReadOnlySpan<Lex> t, int i, string[] words)
    {
        if (i + words.Length > t.Length)
        {
            return false;
        }

        for (int k = 0; k < words.Length; k++)
        {
            if (!string.Equals(t[i + k].Word, words[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // ---------------------------------------------------------------- lexicon

    private static FrozenDictionary<string, Lex> BuildLexicon()
    {
        var words = new Dictionary<string, Lex>(StringComparer.Ordinal);

        // Distinct words that play the same parts; each is its own canonical word. A spelling appears once.
        void W(Cat cats, params string[] spellings)
        {
            foreach (string spelling in spellings)
            {
                words.Add(spelling, new Lex(spelling, cats));
            }
        }

        // One word and its informal or shortened spellings, all read as the first.
        void V(Cat cats, string canonical, params string[] variants)
        {
            var lex = new Lex(canonical, cats);
            words.Add(canonical, lex);
            foreach (string variant in variants)
            {
                words.Add(variant, lex);
            }
        }

        // Negators.
        V(Cat.Not | Cat.QParticle, "tidak", "gak", "ga", "nggak", "ngga", "ngak", "nggk", "enggak", "engga", "gk", "tdk", "tak", "ndak", "nda", "kagak", "kaga", "g");
        V(Cat.Not | Cat.QParticle, "bukan", "bkn", "bukannya");
        V(Cat.Not, "belum", "blm", "blum");
        W(Cat.Not | Cat.QParticle, "no", "nope", "nah", "not");
        W(Cat.Not, "dont", "doesnt", "didnt", "wont", "isnt", "arent", "wasnt", "never", "aint");
        W(Cat.Not | Cat.Modal, "cant", "cannot", "couldnt");

        // Talking, connecting, asking.
        V(Cat.Speak, "bicara", "berbicara", "ngomong", "ngmg", "omong", "ngobrol", "ngobrolin", "mengobrol", "berbincang", "bincang");
        W(Cat.Speak, "speak", "talk", "converse");
        V(Cat.Speak | Cat.IdNoun, "chat", "chatting", "ngechat", "chatan");
        W(Cat.Speak | Cat.Gerund, "talking", "speaking");
        V(Cat.With, "dengan", "dgn", "dg", "sama", "ama", "sm", "bersama");
        W(Cat.With, "with");
        W(Cat.To | Cat.Purpose | Cat.NotGap, "to");
        V(Cat.To, "ke", "kepada", "kpd");
        W(Cat.To, "through");
        V(Cat.Connect, "hubungkan", "hubungin");
        V(Cat.Connect, "sambungkan", "sambungin");
        V(Cat.Connect, "alihkan", "alihin");
        V(Cat.Connect, "oper", "operin");
        V(Cat.Connect, "teruskan", "terusin");
        V(Cat.Connect, "eskalasi", "eskalasikan");
        W(Cat.Connect, "connect", "transfer", "switch", "escalate", "forward", "redirect", "pass");
        W(Cat.Connect | Cat.Passive, "dihubungkan", "disambungkan", "dialihkan", "dioper", "diteruskan", "dieskalasi");
        V(Cat.Desire, "mau", "maunya");
        V(Cat.Desire, "ingin", "pengen", "pengin", "pingin", "pgn");
        W(Cat.Desire, "butuh", "perlu", "request", "prefer", "need");
        V(Cat.Desire, "minta", "mnt");
        V(Cat.Desire, "want", "wanna");
        W(Cat.Desire, "usah");

        // Putting a request off: only read by the veto on the learnt recogniser.
        W(Cat.Later, "later", "nanti", "ntar", "entar", "nnti", "ntr", "besok", "tomorrow", "afterwards", "ill");
        V(Cat.Call, "panggil", "panggilkan", "panggilin");
        W(Cat.Call, "get", "give", "find", "mana");
        V(Cat.Modal | Cat.NotGap, "bisa", "bs", "bisakah");
        W(Cat.Modal | Cat.NotGap, "dapat");
        V(Cat.Modal, "boleh", "bolehkah");
        V(Cat.Modal, "bagaimana", "gimana");
        W(Cat.Modal, "can", "could", "may", "would", "will", "let", "like", "how", "cara", "do");
        W(Cat.Exist | Cat.NotGap, "ada");
        W(Cat.Exist, "there");

        // People.
        V(Cat.Agent, "cs", "cso");
        V(Cat.Agent, "agent", "agents", "agen");
        W(Cat.Agent, "petugas", "representative", "rep", "reps", "admin", "supervisor", "spv", "karyawan", "pegawai", "helpdesk", "callcenter");
        V(Cat.Agent, "operator", "operators");
        V(Cat.Agent, "staff", "staf");
        V(Cat.Agent, "manager", "manajer");
        V(Cat.Human, "human", "humans");
        W(Cat.Human, "manusia");
        V(Cat.Person, "orang", "org");
        V(Cat.Person, "someone", "somebody");
        W(Cat.Person, "person", "seseorang");
        W(Cat.ServiceHead, "customer", "layanan", "call");
        W(Cat.ServiceHead | Cat.NegAfterNot, "help");
        W(Cat.ServiceTail, "service", "care", "support", "pelanggan", "konsumen", "desk");
        V(Cat.ServiceTail, "center", "centre");
        W(Cat.Real | Cat.RealAdj, "real", "nyata");
        W(Cat.Real, "actual", "live", "genuine", "asli", "being");
        V(Cat.Real, "sungguhan", "sungguh");
        V(Cat.Real, "betulan", "benaran");
        V(Cat.Real | Cat.Copula | Cat.Lead, "beneran", "bener", "benar");
        W(Cat.Breaker, "resources", "resource", "rights", "error", "code", "number", "nomor", "id", "fee", "komisi", "commission", "pulsa",
            "travel", "asuransi", "properti", "tiket", "tua", "lain", "dalam", "banyak", "trafficking", "nature", "brilink", "laku");
        W(Cat.Clitic, "nya");

        // Machines.
        V(Cat.Bot, "bot", "bots");
        V(Cat.Bot, "chatbot", "chatbots");
        V(Cat.Bot, "robot", "robots");
        V(Cat.Bot, "computer", "komputer");
        V(Cat.Bot, "automated", "otomatis");
        V(Cat.Bot, "assistant", "asisten");
        W(Cat.Bot, "ai", "mesin", "machine", "virtual");

        // Pronouns and the interlocutor.
        V(Cat.Subject | Cat.Me, "saya", "sy");
        V(Cat.Subject | Cat.Me, "aku", "aq");
        V(Cat.Subject | Cat.Me, "gue", "gw", "gua");
        W(Cat.Subject | Cat.Me, "ane", "kami", "kita");
        W(Cat.Subject, "i", "im", "we");
        W(Cat.Me | Cat.NotGap, "me");
        W(Cat.Me, "us");
        V(Cat.You | Cat.YouPerson | Cat.NotGap, "you", "u", "yu");
        V(Cat.You | Cat.YouPerson, "kamu", "km", "kmu");
        V(Cat.You | Cat.YouPerson, "lu", "lo", "elu", "loe", "lw");
        V(Cat.You | Cat.YouPerson, "kau", "engkau");
        V(Cat.You | Cat.YouPerson, "youre", "ur");
        W(Cat.You | Cat.YouPerson, "anda", "situ");
        W(Cat.You, "ini", "this", "it");
        W(Cat.Who | Cat.Purpose, "who");
        V(Cat.Who, "siapa", "sapa", "siapakah");

        // Question scaffolding.
        W(Cat.Copula | Cat.Lead | Cat.Progressive, "am");
        W(Cat.Copula | Cat.Lead, "is", "are", "r", "was", "were");
        V(Cat.Copula | Cat.Lead, "apakah", "apakh");
        W(Cat.Copula | Cat.Lead, "apa");
        V(Cat.Copula | Cat.Lead, "memang", "emang");
        V(Cat.Copula | Cat.Lead, "sebenarnya", "sebenernya", "sbnrnya");
        W(Cat.Copula | Cat.Lead | Cat.NotGap, "really", "actually");
        W(Cat.Copula, "adalah", "merupakan", "itu", "truly", "oleh", "dijawab");
        V(Cat.Copula, "dibalas", "dibales");
        V(Cat.Copula, "cuma", "cuman");
        W(Cat.Copula, "hanya");
        V(Cat.Copula | Cat.Purpose, "yang", "yg");
        W(Cat.Copula | Cat.NegAfterNot, "jawab", "menjawab", "membalas");
        V(Cat.Copula | Cat.NegAfterNot, "balas", "bales");
        W(Cat.Copula | Cat.Polite, "just", "only");
        V(Cat.Progressive | Cat.Copula, "lagi", "lg");
        V(Cat.Progressive | Cat.Copula, "sedang", "sdg");
        W(Cat.Progressive | Cat.Copula, "masih", "still", "currently");
        W(Cat.IdNoun, "pesan", "balasan", "jawaban", "percakapan", "obrolan", "ngetik", "ketik", "typing", "reply", "replies", "response",
            "responses", "message", "messages", "conversation");
        V(Cat.IdNoun, "respon", "respons");
        V(Cat.IdNoun, "sistem", "system");
        W(Cat.Article, "a", "an", "the", "your", "some", "any", "seorang", "sebuah", "si", "sang");
        W(Cat.Lead, "so", "jadi", "berarti", "oh", "wait", "btw", "hmm", "tapi", "but", "and", "dan", "lalu", "seriously", "think", "guess",
            "suspect", "kira", "rasa", "curiga", "sepertinya", "wonder", "if", "whether", "does", "did");
        V(Cat.Lead, "terus", "trus");
        V(Cat.Lead, "kayaknya", "kyknya");
        W(Cat.QParticle, "kah", "kan", "right", "toh", "eh", "huh", "yes");
        V(Cat.Or | Cat.QParticle, "atau", "ato");
        W(Cat.Or | Cat.QParticle, "or");
        V(Cat.QParticle | Cat.Polite, "ya", "yah", "yaa", "yak", "iya");
        W(Cat.QParticle | Cat.Polite, "sih", "nih", "deh");
        V(Cat.QParticle | Cat.Polite, "dong", "donk");
        V(Cat.Polite | Cat.Modal, "please", "pls", "plz", "plis", "pliss", "plss");
        V(Cat.Polite | Cat.Modal, "tolong", "tlg", "tolongin");
        W(Cat.Polite | Cat.Modal, "mohon");
        V(Cat.Polite | Cat.Only, "saja", "aja");
        W(Cat.Polite | Cat.Only, "doang");
        V(Cat.Polite, "sekarang", "skrg", "skrng");
        V(Cat.Polite, "cepat", "cepetan", "cpt");
        W(Cat.Polite, "now", "segera", "asap", "buruan", "langsung");
        V(Cat.Greeting, "halo", "hallo", "hello", "helo");
        V(Cat.Greeting, "hi", "hai", "hey", "hei");
        V(Cat.Greeting, "kak", "ka", "kakak");
        V(Cat.Greeting, "mbak", "mba");
        V(Cat.Greeting, "ok", "oke", "okay", "okey");
        W(Cat.Greeting, "pagi", "siang", "sore", "malam", "min", "gan", "sis", "bro", "pak", "bu", "mas", "bang", "om", "sir");
        V(Cat.Purpose, "untuk", "utk");
        W(Cat.Purpose, "for", "buat", "about", "soal", "tentang", "mengenai", "that", "instead", "available", "tersedia", "online");

        // Tone.
        W(Cat.Negative, "kecewa", "dikecewakan", "mengecewakan", "ngecewain", "payah", "parah", "lemot", "lelet", "lambat", "ribet", "nyebelin",
            "ngeselin", "menyebalkan", "menjengkelkan", "mengesalkan", "jengkel", "percuma", "buruk", "jelek", "kacau", "ngaco", "ngawur",
            "zonk", "muak", "marah", "berbelit", "amburadul", "hancur", "sampah", "kelamaan", "nyusahin", "menyusahkan", "useless", "terrible",
            "horrible", "awful", "worst", "worse", "pathetic", "ridiculous", "disappointed", "disappointing", "disappointment", "frustrated",
            "frustrating", "frustration", "annoying", "annoyed", "irritating", "infuriating", "angry", "furious", "upset", "unacceptable",
            "nonsense", "pointless", "hopeless", "incompetent", "sucks", "trash", "garbage", "rubbish", "junk", "hell", "ugh", "lame", "mad",
            "wasted", "berkali");
        V(Cat.Negative, "kesal", "kesel");
        V(Cat.Negative, "sebal", "sebel");
        V(Cat.Negative, "capek", "cape");
        V(Cat.Negative, "malas", "males");
        V(Cat.Negative, "bosan", "bosen");
        W(Cat.NegAfterNot, "membantu", "bantu", "berguna", "guna", "gunanya", "jelas", "ngerti", "mengerti", "paham", "nyambung", "becus",
            "memuaskan", "helpful", "helping", "helped", "useful", "understand", "understanding", "understood", "listen", "listening", "sense",
            "clear", "answer", "answering", "responsif");
        W(Cat.NotGap, "pernah", "juga", "sekali", "begitu", "terlalu", "very", "even", "at", "all", "make", "makes", "seem", "seems");
        W(Cat.Abusive, "bodoh", "bego", "begok", "tolol", "dungu", "bloon", "oon", "geblek", "idiot", "asu", "bangke", "kampret", "sialan",
            "bajingan", "keparat", "kontol", "memek", "ngentot", "entot", "pantek", "lonte", "pepek", "peler", "stupid", "dumb", "dumbass",
            "moron", "moronic", "imbecile", "retard", "retarded", "jerk", "loser", "fucked", "fucker", "fuckers", "motherfucker", "shitty",
            "bullshit", "crap", "crappy", "damn", "dammit", "goddamn", "bitch", "bastard", "asshole", "ass", "dick", "dickhead", "prick",
            "cunt", "twat", "wanker", "piss", "pissed", "wtf", "stfu");
        V(Cat.Abusive, "goblok", "goblog", "gblk");
        V(Cat.Abusive, "anjing", "anjir", "anjrit", "anjg", "anjink", "njing");
        V(Cat.Abusive, "bangsat", "bgst");
        V(Cat.Abusive, "brengsek", "berengsek");
        V(Cat.Abusive, "tai", "taik", "tahi");
        V(Cat.Abusive, "jancok", "jancuk", "dancok");
        V(Cat.Abusive, "bacot", "bacod");
        V(Cat.Abusive, "fuck", "fck", "fuk");
        V(Cat.Abusive, "fucking", "fuckin", "fcking", "fking");
        V(Cat.Abusive, "shit", "sht");
        V(Cat.Thanks, "terimakasih", "trimakasih", "makasih", "makasi", "maksih", "mksh", "mksih", "makasii", "tengkyu", "tenkyu");
        V(Cat.Thanks, "thanks", "thx", "thankyou", "thanku", "ty", "tq", "tqs", "tks", "tysm", "tqvm", "trims");
        V(Cat.Thanks, "appreciate", "appreciated");
        W(Cat.Thanks, "nuhun", "suwun");

        // Words that only matter inside phrases.
        V(Cat.None, "terima", "trima");
        V(Cat.None, "kasih", "kasi", "ksh");
        V(Cat.None, "banget", "bgt", "bngt");
        W(Cat.None, "thank", "waste", "wasting", "of", "time", "my", "buang", "waktu", "sia", "muter", "what", "fed", "up", "sick", "tired",
            "had", "enough", "too", "slow", "lama", "heck", "nothing", "same", "shut", "screw", "go", "dasar", "babi", "monyet", "setan", "kunyuk");

        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, Phrase[]> BuildPhrases()
    {
        Phrase[] all =
        [
            new(Tone.Negative, "bukan", "itu"),
            new(Tone.Negative, "waste", "of", "time"),
            new(Tone.Negative, "waste", "my", "time"),
            new(Tone.Negative, "wasting", "my", "time"),
            new(Tone.Negative, "wasting", "time"),
            new(Tone.Negative, "buang", "waktu"),
            new(Tone.Negative, "no", "sense"),
            new(Tone.Negative, "not", "what"),
            new(Tone.Negative, "sia", "sia"),
            new(Tone.Negative, "muter", "muter"),
            new(Tone.Negative, "fed", "up"),
            new(Tone.Negative, "sick", "of"),
            new(Tone.Negative, "tired", "of"),
            new(Tone.Negative, "had", "enough"),
            new(Tone.Negative, "so", "slow"),
            new(Tone.Negative, "too", "slow"),
            new(Tone.Negative, "terlalu", "lama"),
            new(Tone.Negative, "lama", "banget"),
            new(Tone.Negative, "lama", "sekali"),
            new(Tone.Negative, "for", "nothing"),
            new(Tone.Negative, "what", "the", "heck"),
            new(Tone.Negative, "same", "answer"),
            new(Tone.Abusive, "shut", "up"),
            new(Tone.Abusive, "screw", "you"),
            new(Tone.Abusive, "go", "to", "hell"),
            new(Tone.Abusive, "dasar", "babi"),
            new(Tone.Abusive, "dasar", "monyet"),
            new(Tone.Abusive, "dasar", "setan"),
            new(Tone.Abusive, "dasar", "kunyuk"),
            new(Tone.Abusive, "dasar", "sampah"),
            new(Tone.Abusive, "dasar", "bot"),
            new(Tone.Abusive, "dasar", "robot"),
            new(Tone.Abusive, "dasar", "mesin"),
            new(Tone.Abusive, "dasar", "manusia"),
            new(Tone.Thanks, "terima", "kasih"),
            new(Tone.Thanks, "thank", "you"),
        ];

        foreach (Phrase phrase in all)
        {
            foreach (string word in phrase.Words)
            {
                if (!Lexicon.TryGetValue(word, out Lex? lex) || lex.Word != word)
                {
                    throw new InvalidOperationException($"The phrase word '{word}' is not a canonical word of the lexicon.");
                }
            }
        }

        return all
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    // ---------------------------------------------------------------- types

    /// <summary>What a word can play in a pattern; a word may play several parts.</summary>
    [Flags]
    private enum Cat : ulong
    {
        None = 0,
        Not = 1UL << 0,
        Speak = 1UL << 1,
        Gerund = 1UL << 2,
        With = 1UL << 3,
        To = 1UL << 4,
        Agent = 1UL << 5,
        Human = 1UL << 6,
        Person = 1UL << 7,
        Bot = 1UL << 8,
        Real = 1UL << 9,
        Article = 1UL << 10,
        Modal = 1UL << 11,
        Desire = 1UL << 12,
        Call = 1UL << 13,
        Connect = 1UL << 14,
        Passive = 1UL << 15,
        Me = 1UL << 16,
        Subject = 1UL << 17,
        You = 1UL << 18,
        Copula = 1UL << 19,
        IdNoun = 1UL << 20,
        QParticle = 1UL << 21,
        Polite = 1UL << 22,
        Greeting = 1UL << 23,
        Lead = 1UL << 24,
        Progressive = 1UL << 25,
        Negative = 1UL << 26,
        NegAfterNot = 1UL << 27,
        NotGap = 1UL << 28,
        Abusive = 1UL << 29,
        Thanks = 1UL << 30,
        Or = 1UL << 31,
        Who = 1UL << 32,
        Breaker = 1UL << 33,
        Purpose = 1UL << 34,
        ServiceHead = 1UL << 35,
        ServiceTail = 1UL << 36,
        Exist = 1UL << 37,
        Clitic = 1UL << 38,
        Only = 1UL << 39,
        Boundary = 1UL << 40,
        Question = 1UL << 41,
        YouPerson = 1UL << 42,
        RealAdj = 1UL << 43,
        Later = 1UL << 44,
        Edge = Boundary | Question,
    }

    private enum Kind
    {
        Agent,
        Human,
        Person,
        Bot,
        Who,
    }

    private enum Tone
    {
        Negative,
        Abusive,
        Thanks,
    }

    /// <summary>One canonical word and the parts it can play.</summary>
    private sealed class Lex(string word, Cat cats)
    {
        public string Word { get; } = word;

        public Cat Cats { get; } = cats;
    }

    /// <summary>A run of canonical words with a tone.</summary>
    private sealed class Phrase(Tone tone, params string[] words)
    {
        public Tone Tone { get; } = tone;

        public string[] Words { get; } = words;
    }

    /// <summary>Where a term and its modifiers sit among the tokens, [Start, End).</summary>
    private readonly record struct Mention(int Start, int End, Kind Kind, bool Real);
}
