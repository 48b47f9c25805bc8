namespace CxCluster.Understanding.Tests;

/// <summary>The corpus in the repository stays usable: every message once, every file big enough.</summary>
public sealed class CorpusTests
{
    private readonly string[] _languages = ["id", "en"];

    /// <summary>Each class needs at least this many messages per language, train and held-out together.</summary>
    private readonly Dictionary<MessageClass, int> _minimumPerLanguage = new()
    {
        [MessageClass.Identity] = 300,
        [MessageClass.Human] = 300,
        [MessageClass.Other] = 500,
        [MessageClass.Both] = 60,
    };

    /// <summary>Of that minimum, each split needs at least this share (the split is about 70% / 30%).</summary>
    private readonly Dictionary<Split, double> _minimumShare = new()
    {
        [Split.Train] = 0.65,
        [Split.Heldout] = 0.25,
    };

    [Fact]
    public void The_corpus_passes_the_check()
    {
        var corpus = Corpus.Load(RepositoryRoot.CorpusDirectory());

        Assert.Empty(CorpusCheck.Check(corpus).Select(p => p.ToString()));
    }

    [Fact]
    public void Every_language_class_and_split_has_enough_messages()
    {
        var corpus = Corpus.Load(RepositoryRoot.CorpusDirectory());
        var tooSmall = new List<string>();

        foreach (string language in _languages)
        {
            foreach (var (messageClass, minimum) in _minimumPerLanguage)
            {
                int total = 0;
                foreach (var (split, share) in _minimumShare)
                {
                    int count = corpus.Lines.Count(l => l.Language == language && l.Class == messageClass && l.Split == split);
                    total += count;
                    int needed = (int)Math.Ceiling(minimum * share);
                    if (count < needed)
                    {
                        tooSmall.Add($"{language}/{Corpus.FileName(messageClass, split)}: {count} messages, at least {needed} needed");
                    }
                }

                if (total < minimum)
                {
                    tooSmall.Add($"{language}/{Corpus.ClassName(messageClass)}: {total} messages over both splits, at least {minimum} needed");
                }
            }
        }

        Assert.Empty(tooSmall);
    }
}
