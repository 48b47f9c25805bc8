using CxCluster.Grains.Trust;

namespace CxCluster.Grains.Tests.Trust;

public sealed class SentencesTests
{
    private static string[] Split(string text)
    {
        var sentences = new List<string>();
        for (int start = 0, end; start < text.Length; start = end)
        {
            end = Sentences.EndOf(text, start);
            sentences.Add(text[start..end]);
        }
        return [.. sentences];
    }

    [Fact]
    public void A_sentence_ends_after_its_run_of_stops_and_the_spaces_after_them()
    {
        Assert.Equal(["Paket belum datang!!! ", "Ini dibalas mesin?? ", "nomor resi di atas"], Split("Paket belum datang!!! Ini dibalas mesin?? nomor resi di atas"));
        Assert.Equal(["first line\n", "second; ", "third…"], Split("first line\nsecond; third…"));
    }

    [Fact]
    public void A_stop_between_digits_ends_no_sentence()
    {
        Assert.Equal(["Tagihan Rp 1.500.000 dan 3.5 GB. ", "Kok mahal?"], Split("Tagihan Rp 1.500.000 dan 3.5 GB. Kok mahal?"));
    }

    [Theory]
    [InlineData("one sentence only", false)]
    [InlineData("one sentence only?!", false)]
    [InlineData("?? !!", false)]
    [InlineData("🙏. thanks", false)]
    [InlineData("hello. are you there?", true)]
    public void Many_means_two_sentences_with_letters(string text, bool many) => Assert.Equal(many, Sentences.AreMany(text));
}
