using CxCluster.Grains.Privacy;
using CxCluster.Grains.Trust;

namespace CxCluster.Understanding.Tests;

/// <summary>
/// Every message of the corpus, and every message cut short after each of its words ("your system sent me an OTP I
/// didn't request" cut after "didn't"), is read by the recogniser, its grammar alone and the redactor without failing:
/// a pattern that looks one word past the end of a message shows here, whatever the message.
/// </summary>
public sealed class EveryMessageIsReadTests
{
    [Fact]
    public void Every_corpus_message_and_every_cut_of_it_is_read_without_failing()
    {
        var corpus = Corpus.Load(RepositoryRoot.CorpusDirectory());
        var failures = new List<string>();
        int read = 0;
        foreach (CorpusLine line in corpus.Lines)
        {
            string text = line.Text;
            for (int end = text.IndexOf(' '); ; end = text.IndexOf(' ', end + 1))
            {
                string cut = end < 0 ? text : text[..end];
                try
                {
                    MessageSignals.Analyze(cut);
                    MessageSignals.Grammar(cut);
                    Redactor.Redact(cut);
                    read++;
                }
                catch (Exception e)
                {
                    failures.Add($"{e.GetType().Name}: {cut}");
                }

                if (end < 0 || failures.Count > 20)
                {
                    break;
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(read > corpus.Lines.Count * 5, $"only {read} messages and cuts were read");
    }
}
