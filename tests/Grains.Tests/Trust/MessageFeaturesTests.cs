using CxCluster.Grains.Trust;
using CxCluster.Grains.Trust.Understanding;

namespace CxCluster.Grains.Tests.Trust;

public sealed class MessageFeaturesTests
{
    private static string Normalized(string text)
    {
        var into = new char[MessageFeatures.MaxNormalizedLength];
        return new string(into, 0, MessageFeatures.Normalize(text, into));
    }

    private static int[] Features(string text)
    {
        var buckets = new int[MessageFeatures.MaxFeatures(MessageFeatures.MaxNormalizedLength)];
        return buckets[..MessageFeatures.Extract(text, buckets)];
    }

    [Theory]
    [InlineData("Apakah Anda MANUSIA?", " apakah anda manusia ")]
    [InlineData("pleaseeeee   help!!!", " pleasee help ")]
    [InlineData("café 24/7 don't", " cafe dont ")]
    [InlineData("ki' bot? 123", " ki bot ")]
    [InlineData("👍 ???", "")]
    [InlineData("", "")]
    public void Normalizes_case_accents_repeats_digits_and_punctuation(string text, string expected) =>
        Assert.Equal(expected, Normalized(text));

    [Fact]
    public void Features_are_stable_in_range_and_ignore_what_normalisation_drops()
    {
        int[] a = Features("Are you a BOT???");
        Assert.Equal(a, Features("are   you a bot"));
        Assert.All(a, b => Assert.InRange(b, 0, MessageFeatures.BucketCount - 1));

        // In " are you a bot ", n-grams of 2 to 5 start at the mark before a word and at each of its letters:
        // 4 starts for "are" and "you", 2 for "a", 4 for "bot" but cut short by the end of the text; then 4 words and 3 pairs.
        Assert.Equal((4 * 4) + (4 * 4) + (2 * 4) + (4 + 3 + 2 + 1) + 4 + 3, a.Length);
        Assert.NotEqual(a, Features("are you a bog"));
    }

    [Fact]
    public void A_very_long_message_is_read_up_to_the_limit()
    {
        string text = string.Concat(Enumerable.Repeat("tolong sambungkan ke cs ", 500));
        Assert.True(Normalized(text).Length <= MessageFeatures.MaxNormalizedLength);
        Assert.NotEmpty(Features(text));
    }

    [Fact]
    public void The_embedded_model_has_both_signals_and_round_trips_byte_for_byte()
    {
        LinearSignalModel model = LinearSignalModel.Embedded;
        Assert.Equal(0, model.IndexOf("identity"));
        Assert.Equal(1, model.IndexOf("human"));

        using var first = new MemoryStream();
        model.Write(first);
        first.Position = 0;
        LinearSignalModel read = LinearSignalModel.Read(first);
        using var second = new MemoryStream();
        read.Write(second);
        Assert.Equal(first.ToArray(), second.ToArray());

        Span<float> a = stackalloc float[2];
        Span<float> b = stackalloc float[2];
        model.Score("ini bot ya kak?", a);
        read.Score("ini bot ya kak?", b);
        Assert.Equal(a.ToArray(), b.ToArray());
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        using var stream = new MemoryStream("not a model"u8.ToArray());
        Assert.Throws<InvalidDataException>(() => LinearSignalModel.Read(stream));
    }

    [Fact]
    public void Scoring_does_not_allocate_once_warm()
    {
        LinearSignalModel model = LinearSignalModel.Embedded;
        var margins = new float[2];
        model.Score("halo min, ini yg bales manusia apa sistem sih?", margins);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            model.Score("halo min, ini yg bales manusia apa sistem sih?", margins);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("gak perlu disambung ke operator, saya cuma mau tanya ongkir")]
    [InlineData("no need for a human, the bot answered it")]
    [InlineData("nanti saya minta CS kalau belum beres")]
    public void Declined_or_postponed_requests_do_not_hand_off(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksForHuman);
}
