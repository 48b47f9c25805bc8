using CxCluster.Grains.Trust;
using CxCluster.Understanding;

// dotnet run --project tests/Understanding -c Release -- evaluate [--split heldout|train] [--grammar-only] [--mistakes N] [--data data/understanding]
// dotnet run --project tests/Understanding -c Release -- check [--data data/understanding]
// dotnet run --project tests/Understanding -c Release -- train [--data data/understanding] [--out src/Grains/Trust/Understanding/model.bin]
const string Usage = "usage: evaluate [--split heldout|train] [--grammar-only] [--mistakes <N>] [--data <corpus folder>] | check [--data <corpus folder>] | train [--data <corpus folder>] [--out <model file>]";

if (args.Length == 0 || args[0] is not ("evaluate" or "check" or "train"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

string verb = args[0];
Split split = Split.Heldout;
string? data = null;
string? output = null;
bool grammarOnly = false;
int listed = EvaluationReport.ListedMistakes;
for (int i = 1; i < args.Length; i++)
{
    string? value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--split" when verb == "evaluate" && value is not null && Corpus.TryParseSplit(value, out Split parsed):
            split = parsed;
            i++;
            break;
        case "--mistakes" when verb == "evaluate" && int.TryParse(value, out int count) && count >= 0:
            listed = count;
            i++;
            break;
        case "--grammar-only" when verb == "evaluate":
            grammarOnly = true;
            break;
        case "--out" when verb == "train" && value is not null:
            output = value;
            i++;
            break;
        case "--data" when value is not null:
            data = value;
            i++;
            break;
        default:
            Console.Error.WriteLine($"understanding: unexpected argument '{args[i]}'{(value is null ? "" : $" '{value}'")}");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

Corpus corpus;
string directory;
try
{
    directory = data is null ? RepositoryRoot.CorpusDirectory() : Path.GetFullPath(data);
    corpus = Corpus.Load(directory);
}
catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"understanding: {error.Message}");
    return 1;
}

if (verb == "check")
{
    var problems = CorpusCheck.Check(corpus);
    foreach (CorpusProblem problem in problems)
    {
        Console.Error.WriteLine(problem);
    }

    Console.WriteLine(problems.Count == 0
        ? $"corpus {directory}: {corpus.Lines.Count} messages in {corpus.Files.Count} files, no duplicate, none in two splits or two classes"
        : $"corpus {directory}: {problems.Count} problem(s)");
    return problems.Count == 0 ? 0 : 1;
}

if (verb == "train")
{
    // Learns from the train split only; the held-out split is never read here.
    var (model, trained) = Training.Train(corpus.InSplit(Split.Train), TrainingFingerprint.Compute(corpus, directory));
    string path = output is null ? Path.Combine(RepositoryRoot.Find(), Training.ModelRelativePath) : Path.GetFullPath(output);
    using (var stream = new MemoryStream())
    {
        model.Write(stream);
        File.WriteAllBytes(path, stream.ToArray());
    }

    foreach (TrainedSignal signal in trained)
    {
        Console.WriteLine($"{signal.Signal}: threshold {signal.Threshold:R}, out-of-fold on train: precision {signal.Precision:P1}, recall {signal.Recall:P1}; {signal.NonZero} non-zero weights");
    }

    Console.WriteLine($"wrote {path} ({new FileInfo(path).Length} bytes) from {corpus.InSplit(Split.Train).Count} train messages; rebuild to embed it");
    return 0;
}

var lines = corpus.InSplit(split);
var evaluation = grammarOnly
    ? new Evaluator(text =>
    {
        GrammarVerdict grammar = MessageSignals.Grammar(text);
        return new Verdict(grammar.AsksIdentity, grammar.AsksForHuman);
    }).Evaluate(lines)
    : new Evaluator(text =>
    {
        MessageAnalysis analysis = MessageSignals.Analyze(text);
        return new Verdict(analysis.AsksIdentity, analysis.AsksForHuman);
    }).Evaluate(lines);
var cost = grammarOnly
    ? CostMeter.Measure(lines.Select(l => l.Text).ToArray(), MessageSignals.Grammar)
    : CostMeter.Measure(lines.Select(l => l.Text).ToArray(), MessageSignals.Analyze);
string recogniser = grammarOnly ? "MessageSignals.Grammar (the grammar alone)" : "MessageSignals.Analyze";
EvaluationReport.Print(Console.Out, evaluation, $"{recogniser} on the {Corpus.SplitName(split)} split of {directory}", cost, listed);
return 0;
