namespace CxCluster.Understanding.Tests;

/// <summary>The loader reads the file layout, and the check names the file and line of each problem.</summary>
public sealed class CorpusCheckTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cx-understanding-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void The_loader_skips_comments_and_blank_lines_and_keeps_line_numbers()
    {
        WriteComplete("xx");
        File.WriteAllLines(Path.Combine(_directory, "xx", "human.heldout.txt"), ["# a comment", "", "  agent please  ", "#another", "speak to someone"]);

        var corpus = Corpus.Load(_directory);

        var human = corpus.Lines.Where(l => l.Class == MessageClass.Human && l.Split == Split.Heldout).ToArray();
        Assert.Equal(["agent please", "speak to someone"], human.Select(l => l.Text));
        Assert.Equal([3, 5], human.Select(l => l.LineNumber));
        Assert.Equal("xx/human.heldout.txt:3", human[0].Location);
        Assert.Equal(8, corpus.Files.Count);
        Assert.Empty(CorpusCheck.Check(corpus));
    }

    [Fact]
    public void A_file_with_an_unknown_name_is_refused()
    {
        WriteComplete("xx");
        File.WriteAllLines(Path.Combine(_directory, "xx", "humans.train.txt"), ["agent"]);

        var error = Assert.Throws<InvalidDataException>(() => Corpus.Load(_directory));
        Assert.Contains("xx/humans.train.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicates_lines_in_two_splits_and_lines_in_two_classes_are_named_with_file_and_line()
    {
        var corpus = Corpus.FromLines([
            Line(MessageClass.Human, Split.Train, "agent please", 1),
            Line(MessageClass.Human, Split.Train, "Agent, please!", 2),
            Line(MessageClass.Human, Split.Heldout, "AGENT PLEASE", 1),
            Line(MessageClass.Other, Split.Train, "agent   please?", 1),
            Line(MessageClass.Identity, Split.Train, "are you a bot", 1),
            Line(MessageClass.Identity, Split.Train, "?!", 2),
        ]);

        var problems = CorpusCheck.Check(corpus).Where(p => p.LineNumber > 0).Select(p => p.ToString()).ToArray();

        Assert.Equal(4, problems.Length);
        Assert.StartsWith("xx/human.train.txt:2: a duplicate", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("xx/human.heldout.txt:1: in two splits", problems[1], StringComparison.Ordinal);
        Assert.Contains("xx/human.train.txt:1", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("xx/other.train.txt:1: in two classes", problems[2], StringComparison.Ordinal);
        Assert.StartsWith("xx/identity.train.txt:2: has no letter or digit", problems[3], StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_class_or_split_file_is_a_problem()
    {
        var corpus = Corpus.FromLines([Line(MessageClass.Human, Split.Train, "agent please", 1)]);

        var missing = CorpusCheck.Check(corpus).Select(p => p.File).ToArray();

        Assert.Equal(7, missing.Length);
        Assert.Contains("xx/both.heldout.txt", missing);
        Assert.DoesNotContain("xx/human.train.txt", missing);
    }

    [Fact]
    public void The_key_ignores_case_punctuation_and_spacing_only()
    {
        Assert.Equal("are you a bot", CorpusCheck.Key("  Are you a BOT??"));
        Assert.Equal("bot ki di", CorpusCheck.Key("bot ki' di'?"));
        Assert.NotEqual(CorpusCheck.Key("are you a bot"), CorpusCheck.Key("are you a robot"));
    }

    private static CorpusLine Line(MessageClass messageClass, Split split, string text, int lineNumber) =>
        new("xx", messageClass, split, text, $"xx/{Corpus.FileName(messageClass, split)}", lineNumber);

    private void WriteComplete(string language)
    {
        Directory.CreateDirectory(Path.Combine(_directory, language));
        foreach (MessageClass messageClass in Enum.GetValues<MessageClass>())
        {
            foreach (Split split in Enum.GetValues<Split>())
            {
                File.WriteAllLines(
                    Path.Combine(_directory, language, Corpus.FileName(messageClass, split)),
                    ["# header", $"{Corpus.ClassName(messageClass)} {Corpus.SplitName(split)} message"]);
            }
        }
    }
}
