using CxCluster.Grains.Trust.Understanding;

namespace CxCluster.Understanding.Tests;

/// <summary>Training is reproducible and the embedded model is the one the repository's data gives.</summary>
public sealed class TrainingTests
{
    [Fact]
    public void The_embedded_model_was_trained_on_the_train_split_and_grammar_files_in_the_repository()
    {
        string directory = RepositoryRoot.CorpusDirectory();
        byte[] expected = TrainingFingerprint.Compute(Corpus.Load(directory), directory);

        Assert.True(
            expected.AsSpan().SequenceEqual(LinearSignalModel.Embedded.TrainedOn),
            "the train split or a lexicon changed since the model was trained: run dotnet run --project tests/Understanding -c Release -- train, then rebuild");
    }

    [Fact]
    public void Training_twice_on_the_same_lines_gives_the_same_bytes()
    {
        var corpus = Corpus.Load(RepositoryRoot.CorpusDirectory());
        // A small, fixed slice of every language and class keeps this quick.
        var lines = corpus.InSplit(Split.Train)
            .GroupBy(l => (l.Language, l.Class))
            .SelectMany(g => g.Take(8))
            .ToArray();
        byte[] trainedOn = new byte[LinearSignalModel.TrainedOnLength];

        Assert.Equal(Bytes(Training.Train(lines, trainedOn, repeats: 1).Model), Bytes(Training.Train(lines, trainedOn, repeats: 1).Model));
    }

    [Fact]
    public void The_training_fingerprint_changes_with_a_train_line_and_not_with_a_heldout_line()
    {
        var train = new CorpusLine("aa", MessageClass.Human, Split.Train, "agent please", "aa/human.train.txt", 1);
        var heldout = new CorpusLine("aa", MessageClass.Human, Split.Heldout, "a person please", "aa/human.heldout.txt", 1);
        // A folder that does not exist: no lexicon files, so only the lines count.
        string empty = Path.Combine(Path.GetTempPath(), $"cx-no-lexicon-{Guid.NewGuid():N}");

        byte[] one = TrainingFingerprint.Compute(Corpus.FromLines([train]), empty);
        byte[] withHeldout = TrainingFingerprint.Compute(Corpus.FromLines([train, heldout]), empty);
        byte[] other = TrainingFingerprint.Compute(Corpus.FromLines([train with { Text = "agent pls" }]), empty);

        Assert.Equal(one, withHeldout);
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Every_fold_of_every_repeat_holds_lines_and_every_variant_names_its_line()
    {
        var lines = Enumerable.Range(0, 50)
            .Select(i => new CorpusLine(i % 2 == 0 ? "id" : "en", MessageClass.Human, Split.Train, $"tolong sambungkan ke petugas nomor {i}", "x", i + 1))
            .ToArray();
        var rows = Augmentation.Expand(lines);

        for (int repeat = 0; repeat < Training.Repeats; repeat++)
        {
            var folds = Enumerable.Range(0, Training.Folds).Select(f => lines.Where((_, i) => Training.FoldOf(i, repeat) == f).Count()).ToArray();
            Assert.All(folds, count => Assert.InRange(count, 1, 49));
        }

        Assert.All(rows, row => Assert.InRange(row.Source, 0, lines.Length - 1));
        Assert.Equal(lines.Select(l => l.Text), rows.Take(lines.Length).Select(r => r.Text));
    }

    [Fact]
    public void A_typo_variant_differs_from_its_line_by_one_edit_of_one_word()
    {
        var random = new Random(7);
        for (int k = 0; k < 200; k++)
        {
            string text = "tolong sambungkan saya ke petugas";
            string typo = Augmentation.WithTypo(text, random)!;

            Assert.NotEqual(text, typo);
            Assert.InRange(typo.Length, text.Length - 1, text.Length + 1);
            Assert.Equal(text.Split(' ').Length, typo.Split(' ').Length);
            Assert.Equal(text[0], typo[0]);
        }

        Assert.Null(Augmentation.WithTypo("ok cs", random));
    }

    [Fact]
    public void A_tag_goes_before_the_closing_question_mark()
    {
        Assert.Equal("ini bot ya kak?", Augmentation.WithTail("ini bot ya?", "kak"));
        Assert.Equal("agent please mate", Augmentation.WithTail("agent please", "mate"));
        Assert.Equal("are you real lah?!", Augmentation.WithTail("are you real?!", "lah"));
    }

    private static byte[] Bytes(LinearSignalModel model)
    {
        using var stream = new MemoryStream();
        model.Write(stream);
        return stream.ToArray();
    }
}
