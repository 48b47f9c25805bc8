using CxCluster.Grains.Trust;
using CxCluster.Grains.Trust.Understanding;

namespace CxCluster.Understanding.Tests;

/// <summary>The robot face reads "bot" and the person pictographs read "human", for the grammar and the learnt model alike.</summary>
public sealed class PictographTests
{
    [Theory]
    [InlineData("🤖?", " bot ")]
    [InlineData("are you 🤖?", " are you bot ")]
    [InlineData("🤖❓", " bot ")]
    [InlineData("🤖 or 🧑", " bot or human ")]
    [InlineData("you a🤖or👤", " you a bot or human ")]
    [InlineData("👍", "")]
    public void The_model_reads_a_pictograph_as_its_word(string text, string normalized)
    {
        var into = new char[MessageFeatures.MaxNormalizedLength];
        int length = MessageFeatures.Normalize(text, into);
        Assert.Equal(normalized, new string(into, 0, length));
    }

    [Theory]
    [InlineData("🤖?")]
    [InlineData("🤖❓")]
    [InlineData("are you 🤖?")]
    [InlineData("kamu 🤖?")]
    [InlineData("🤖 atau 👤?")]
    public void A_robot_face_asked_about_is_an_identity_question(string text) =>
        Assert.True(MessageSignals.Analyze(text).AsksIdentity, text);

    [Theory]
    [InlineData("👍")]
    [InlineData("thanks 🙏")]
    [InlineData("🤖 vacuum arrived broken")]
    public void Other_pictographs_or_a_robot_product_ask_nothing(string text) =>
        Assert.False(MessageSignals.Analyze(text).AsksIdentity, text);
}
