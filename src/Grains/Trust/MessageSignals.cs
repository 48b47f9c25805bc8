using System.Buffers;
using CxCluster.Grains.Trust.Grammar;

namespace CxCluster.Grains.Trust;

/// <summary>Reads trust signals out of one customer message, in Indonesian (formal and everyday spelling) and English.</summary>
/// <remarks>
/// <para>The text is normalized into canonical tokens first: lower case, punctuation turned into clause boundaries,
/// '?' kept as a token of its own, letters repeated for emphasis collapsed ("pleaseee", "tolooong"), the
/// reduplication mark folded out ("muter2" reads as "muter muter") and informal spellings mapped onto one
/// canonical word ("gak", "ga", "nggak", "tdk" all read as "tidak"). The decisions are then made on short token
/// patterns around the words that matter, so a word alone never decides: "agent" in "my agent code is 123" is not a
/// request, "robot" in "is this robot vacuum under warranty?" is not a question about the interlocutor.</para>
/// <para>The words are data, one lexicon per language (<c>data/understanding/*/lexicon.tsv</c>, <see cref="Lexicon"/>);
/// the parts: <see cref="Tokenizer"/>, <see cref="PersonRequest"/>, <see cref="IdentityQuestion"/> (with <see cref="CallQuestion"/>),
/// <see cref="MentionRole"/>, <see cref="ToneScanner"/> (with <see cref="ImpatientCall"/>), <see cref="SurfaceFeatures"/> and
/// <see cref="MessageFingerprint"/>.</para>
/// <para>The learnt half of the recogniser is a linear model over hashed character n-grams and words
/// (<see cref="LearntSignals"/>), trained on the train split of <c>data/understanding</c>. A signal is raised when the
/// grammar finds it or the model does. A person the message names counts for a request only when it is asked for
/// now (<see cref="MentionRole"/>): not a form of address ("admin, stok L masih?"), not declined or put off ("gak perlu
/// disambung ke operator", "nanti saya minta CS") and not what an identity question asks about ("are you a real
/// agent?"); a request only the model finds is vetoed when every person the message names is such a mention.</para>
/// </remarks>
public static class MessageSignals
{
    /// <summary>
    /// Whether the text holds words the model can read: a word of at least three letters, two of them different (case
    /// aside), or at least three different short words ("mw sm cs", "ni bt y", chat shorthand of whole words). "ba", "ya
    /// ba", "bo bo bo bo" and "aaaa" hold neither: syllables, stutters or a held key, which ask nothing.
    /// </summary>
    internal static bool HasReadableWords(ReadOnlySpan<char> text)
    {
        // The first two different short words seen, as ranges of the text; a third different one is enough.
        Range first = default, second = default;
        int shortWords = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            bool distinct = false;
            char initial = char.ToLowerInvariant(text[i]);
            while (i < text.Length && char.IsLetter(text[i]))
            {
                distinct |= char.ToLowerInvariant(text[i]) != initial;
                i++;
            }

            if (i - start >= 3 && distinct)
            {
                return true;
            }

            ReadOnlySpan<char> word = text[start..i];
            if (shortWords > 0 && word.Equals(text[first], StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (shortWords > 1 && word.Equals(text[second], StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (++shortWords == 3)
            {
                return true;
            }

            if (shortWords == 1)
            {
                first = start..i;
            }
            else
            {
                second = start..i;
            }
        }
        return false;
    }

    /// <summary>Analyzes one customer message. Never throws for any non-null text.</summary>
    public static MessageAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Words of someone else's the customer quotes ("my son typed 'stupid bot'", "kata satpam 'minta aja ke supervisor'")
        // ask nothing and abuse no one: they are read as blanks.
        string written = text;
        text = ReportedSpeech.WithoutOthersWords(text, Analyze, out QuotedSpeech quoted);

        bool shouting = SurfaceFeatures.IsShouting(text);
        bool exclaiming = SurfaceFeatures.HasExclamationRun(text);

        Lex[] buffer = ArrayPool<Lex>.Shared.Rent(text.Length + 1);
        try
        {
            int count = Tokenizer.Tokenize(text, buffer);
            ReadOnlySpan<Lex> tokens = buffer.AsSpan(0, count);
            // "areyouabot", "inibotya?": a message of one word that is several written without spaces is read spaced,
            // when that reading asks something ("representitive", misspelt, is read as written).
            if (count <= 3 && GluedWords.Spaced(text, tokens) is { } spaced && Analyze(spaced) is { } glued
                && (glued.AsksForHuman || glued.AsksIdentity))
            {
                return glued;
            }
            // "I typed 'agent' twice", "I asked 'are you a bot?'": what the customer quotes of themselves is asked again.
            // What the message says around them still rules: "I typed 'agent' by mistake, I don't need a person".
            bool identity = IdentityQuestion.AsksIdentity(tokens);
            bool human = PersonRequest.AsksForHuman(tokens);
            if (quoted.AroundOwnQuotes is { } around && ((quoted.AsksIdentity && !identity) || (quoted.AsksForHuman && !human)))
            {
                Lex[] aroundBuffer = ArrayPool<Lex>.Shared.Rent(around.Length + 1);
                ReadOnlySpan<Lex> rest = aroundBuffer.AsSpan(0, Tokenizer.Tokenize(around, aroundBuffer));
                identity |= quoted.AsksIdentity && !MentionRole.VetoesIdentity(rest);
                human |= quoted.AsksForHuman && !MentionRole.VetoesRequest(rest);
                ArrayPool<Lex>.Shared.Return(aroundBuffer);
            }
            Span<float> margins = stackalloc float[LearntSignals.Count];
            // The model only has something to add where the grammar found nothing, and only about words: a message of
            // one letter, however repeated or accented ("y", "aaaa"), or of a syllable or two alone ("ba", "bo bo bo"),
            // asks nothing it could read.
            if (!(identity && human) && HasReadableWords(text))
            {
                LearntSignals.Model.Score(text, margins);
                identity |= LearntSignals.Model.IsPositive(LearntSignals.Identity, margins[LearntSignals.Identity]) && !MentionRole.VetoesIdentity(tokens)
                    && !MentionRole.JudgesTheOneAnswering(tokens, text);
                human |= LearntSignals.Model.IsPositive(LearntSignals.Human, margins[LearntSignals.Human]) && !MentionRole.VetoesRequest(tokens);
                if (!(identity && human) && tokens.Length >= LongMessageTokens && Sentences.AreMany(text))
                {
                    BySentence(text, tokens, margins, commas: false, SentenceMargin, grammar: false, ref identity, ref human);
                }
                else if (!identity && tokens.Length >= RunOnTokens)
                {
                    // One long run-on sentence: an identity question between its commas weighs little in the whole.
                    bool none = false;
                    BySentence(text, tokens, margins, commas: true, SentenceMargin, grammar: false, ref identity, ref none);
                }
            }
            if (identity != human && Sentences.AreMany(text))
            {
                // One signal found in a message of several sentences ("is there a real person there? put them on
                // please"): read whole, each sentence hides the other, so each is read alone for the signal not yet
                // found, by the grammar and by the model at its own threshold.
                BySentence(text, tokens, margins, commas: false, margin: 0f, grammar: true, ref identity, ref human);
            }
            if (quoted.AroundOwnQuotes is { } typed && (identity || human) && ReportedSpeech.TakesBackAsAMistake(typed))
            {
                // "I typed 'agent' by mistake, ignore that, what's the tracking?": the customer's own words taken back,
                // unless what is said around them asks again ("..., but actually yes I want a human").
                Lex[] typedBuffer = ArrayPool<Lex>.Shared.Rent(typed.Length + 1);
                ReadOnlySpan<Lex> rest = typedBuffer.AsSpan(0, Tokenizer.Tokenize(typed, typedBuffer));
                identity &= !quoted.AsksIdentity || IdentityQuestion.AsksIdentity(rest);
                human &= !quoted.AsksForHuman || PersonRequest.AsksForHuman(rest);
                ArrayPool<Lex>.Shared.Return(typedBuffer);
            }
            // "do you ship to Hell, Michigan?", "the movie 'Angry Birds'": a name's words carry no tone.
            string named = shouting ? text : Titles.WithoutTitles(text);
            bool negative, abusive, thanks, delighted;
            if (ReferenceEquals(named, text))
            {
                ToneScanner.ScanTone(tokens, text, out negative, out abusive, out thanks, out delighted);
            }
            else
            {
                Lex[] toneBuffer = ArrayPool<Lex>.Shared.Rent(named.Length + 1);
                try
                {
                    ToneScanner.ScanTone(toneBuffer.AsSpan(0, Tokenizer.Tokenize(named, toneBuffer)), named, out negative, out abusive, out thanks, out delighted);
                }
                finally
                {
                    ArrayPool<Lex>.Shared.Return(toneBuffer);
                }
            }

            // "wow, amazing service as always /s": the sarcasm tag takes praise and thanks back.
            if (SurfaceFeatures.EndsWithSarcasmTag(text))
            {
                negative = true;
                thanks = false;
                delighted = false;
            }

            // "hello??? anyone??", "halo??? ada orang??", "hellooo?": checking whether anyone is there, impatiently; and
            // "?????" alone; and where one's things are or why, asked with "?!" ("mana paket saya?!").
            negative = negative || ImpatientCall.IsIn(text) || ImpatientCall.IsOnlyMarks(text) || ToneScanner.AgainInDisbelief(tokens, text)
                || ToneScanner.AsksInExasperation(tokens, text);
            // "your courier said 'ugh, such a hassle'": rudeness of theirs, reported, is a complaint.
            negative |= quoted.RudeOfThem;
            if (ScareQuotes.IsIn(written))
            {
                // Thanks for the "help": help in quotes, sarcastically, which takes the thanks back.
                negative = true;
                thanks = false;
            }

            if (!(human | identity | negative | abusive | shouting | exclaiming | thanks))
            {
                return MessageAnalysis.Neutral;
            }

            delighted &= !negative && !abusive;
            return new MessageAnalysis(human, identity, negative, abusive, shouting, exclaiming, thanks, delighted);
        }
        finally
        {
            ArrayPool<Lex>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// How far above its threshold the model's margin for one sentence read alone must be: a short sentence out of
    /// its message ("is this website real?") is read with less context than the whole, so it must be surer.
    /// </summary>
    private const float SentenceMargin = 1.0f;

    /// <summary>
    /// Messages of at least this many tokens are also read sentence by sentence. A shorter one is read whole: its
    /// other sentence is the context that tells "is this real? 90% off" from "is this real? or a bot?".
    /// </summary>
    private const int LongMessageTokens = 16;

    /// <summary>
    /// A message of one sentence with at least this many tokens is also read between its commas for an identity question
    /// ("I've been going around in circles ..., and honestly I just need to know, is this a bot I'm talking to, because
    /// my claim ..."); a request for a person is left to the whole.
    /// </summary>
    private const int RunOnTokens = 30;

    /// <summary>
    /// A question or request in the middle of a longer message ("my token has not arrived since this morning. is it
    /// a person answering or a system? the meter number is above") weighs little among the n-grams of the whole:
    /// the model also reads each sentence on its own, <paramref name="margin"/> above its threshold, and with
    /// <paramref name="grammar"/> so does the grammar, with the vetoes of that sentence (and, for a request, of the
    /// whole message: a person the message only mentions elsewhere is not asked for here either).
    /// </summary>
    private static void BySentence(
        string text, ReadOnlySpan<Lex> whole, Span<float> margins, bool commas, float margin, bool grammar, ref bool identity, ref bool human)
    {
        Lex[] buffer = ArrayPool<Lex>.Shared.Rent(text.Length + 1);
        try
        {
            for (int start = 0, end; start < text.Length && !(identity && human); start = end)
            {
                end = Sentences.EndOf(text, start, commas);
                ReadOnlySpan<char> sentence = text.AsSpan(start, end - start);
                if (!Sentences.HasLetter(sentence))
                {
                    continue;
                }
                ReadOnlySpan<Lex> tokens = buffer.AsSpan(0, Tokenizer.Tokenize(sentence, buffer));
                LearntSignals.Model.Score(sentence, margins);
                identity |= ((grammar && IdentityQuestion.AsksIdentity(tokens))
                        || LearntSignals.Model.IsPositive(LearntSignals.Identity, margins[LearntSignals.Identity] - margin))
                    && !MentionRole.VetoesIdentity(tokens);
                human |= ((grammar && PersonRequest.AsksForHuman(tokens))
                        || LearntSignals.Model.IsPositive(LearntSignals.Human, margins[LearntSignals.Human] - margin))
                    && !MentionRole.VetoesRequest(tokens) && !MentionRole.VetoesRequest(whole);
            }
        }
        finally
        {
            ArrayPool<Lex>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// What the hand-written grammar alone says about <paramref name="text"/>, without the learnt model: for the
    /// trainer, which chooses the model's thresholds for the combination.
    /// </summary>
    public static GrammarVerdict Grammar(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = ReportedSpeech.WithoutOthersWords(text, Analyze, out _);
        Lex[] buffer = ArrayPool<Lex>.Shared.Rent(text.Length + 1);
        try
        {
            ReadOnlySpan<Lex> tokens = buffer.AsSpan(0, Tokenizer.Tokenize(text, buffer));
            return new GrammarVerdict(
                IdentityQuestion.AsksIdentity(tokens),
                PersonRequest.AsksForHuman(tokens),
                MentionRole.VetoesIdentity(tokens) || MentionRole.JudgesTheOneAnswering(tokens, text),
                MentionRole.VetoesRequest(tokens));
        }
        finally
        {
            ArrayPool<Lex>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A stable 64-bit hash of what the message says, the same for the same words said again with typos, in another
    /// order, or with words a customer adds when repeating themselves ("where is my order", "wher is my ordr?" and "I
    /// said where is my order!!" are one): each word is reduced to its skeleton (lower case; its first letter, then its
    /// consonants and digits, a letter repeated once), the words of please, greeting, address, "I said", "again" and the
    /// chat particles are left out (all kept when nothing else is said), and the distinct skeletons' FNV-1a hashes are
    /// hashed sorted with FNV-1a. A word with another consonant or digit is another word ("saldo saya belum masuk" is not
    /// "saldo saya sudah masuk", nor "order 1000" "order 10000"). A message of more than 64 words is hashed on its
    /// normalized text word for word, and one without any letter or digit ("👍", "???") over its characters other than
    /// white space, so different symbols stay different. The same in every process and run.
    /// </summary>
    public static ulong Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MessageFingerprint.Compute(text);
    }
}
