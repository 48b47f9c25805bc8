using CxCluster.Grains.Trust;
using CxCluster.Understanding;

// dotnet run --project tests/Understanding -c Release -- evaluate [--split heldout|train] [--data data/understanding]
// dotnet run --project tests/Understanding -c Release -- check [--data data/understanding]
const string Usage = "usage: evaluate [--split heldout|train] [--data <corpus folder>] | check [--data <corpus folder>]";

if (args.Length == 0 || args[0] is not ("evaluate" or "check"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

string verb = args[0];
Split split = Split.Heldout;
string? data = null;
for (int i = 1; i < args.Length; i++)
{
    string? value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--split" when verb == "evaluate" && value is not null && Corpus.TryParseSplit(value, out Split parsed):
            split = parsed;
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

var lines = corpus.InSplit(split);
var evaluation = new Evaluator(text =>
{
    MessageAnalysis analysis = MessageSignals.Analyze(text);
    return new Verdict(analysis.AsksIdentity, analysis.AsksForHuman);
}).Evaluate(lines);
var cost = CostMeter.Measure(lines.Select(l => l.Text).ToArray(), MessageSignals.Analyze);
EvaluationReport.Print(Console.Out, evaluation, $"MessageSignals.Analyze on the {Corpus.SplitName(split)} split of {directory}", cost);
return 0;
