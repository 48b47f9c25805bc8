using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// Cryptocurrency wallet addresses anywhere (<c>[wallet]</c>), the answer to a security question after the words that
/// name it (<c>[password]</c>), a post office box and a flat or suite written before its street (<c>[address]</c>) and a
/// social security number after "social" (<c>[ssn]</c>) are replaced; order codes, links, file names, an answer said to
/// be wrong, "the answer is no" and a box without its post office stay.
/// </summary>
public sealed class WalletsAnswersAndPostBoxesRedactionTests
{
    [Theory]
    [InlineData("my BTC wallet is 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "my BTC wallet is [wallet]")]
    [InlineData("send to 0x32Be343B94f860124dC4fEe278FDCBD38C102D88 please", "send to [wallet] please")]
    [InlineData("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq is mine", "[wallet] is mine")]
    [InlineData("usdt trc20 TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9", "usdt trc20 [wallet]")]
    public void A_wallet_address_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("order 2024ABCDEFGHJKLMNPQRSTUVWX1")]
    [InlineData("tracking JD0123456789012345678901234")]
    [InlineData("my ref is ABCDEFGHIJKLMNOPQRSTUVWXYZ12")]
    [InlineData("see https://example.com/1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")]
    [InlineData("file_1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa.pdf")]
    public void Codes_links_and_file_names_are_no_wallets(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("security answer: fluffy", "security answer: [password]")]
    [InlineData("my secret answer is Blue Lagoon, please reset", "my secret answer is [password], please reset")]
    [InlineData("Security Answer: Rex.", "Security Answer: [password].")]
    [InlineData("jawaban keamanan saya: kucing oren", "jawaban keamanan saya: [password]")]
    [InlineData("jawaban rahasia: mawar", "jawaban rahasia: [password]")]
    public void The_answer_to_a_security_question_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("my security answer is not working")]
    [InlineData("the answer is no")]
    [InlineData("I forgot my security answer.")]
    [InlineData("jawaban keamanan saya salah")]
    [InlineData("jawaban saya sudah benar")]
    public void Words_about_an_answer_give_none(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("PO Box 1234, Springfield", "[address]")]
    [InlineData("send it to P.O. Box 77 please", "send it to [address] please")]
    [InlineData("Post Office Box 9, Jakarta", "[address]")]
    [InlineData("ship to Apt 4B, 350 Fifth Avenue, New York NY 10118", "ship to [address]")]
    [InlineData("Suite #200, 1 Main St", "[address]")]
    [InlineData("my social is 123 45 6789", "my social is [ssn]")]
    public void Post_boxes_units_and_a_social_are_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("the box 3 was damaged")]
    [InlineData("inbox 2 new")]
    [InlineData("I have 2 apt 3 rooms")]
    [InlineData("social media 123 45 6789")]
    public void A_box_a_count_and_social_media_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("security question answer: Rex", "security question answer: [password]")]
    [InlineData("my secret question answer is Blue Lagoon", "my secret question answer is [password]")]
    public void The_answer_after_the_words_security_question_answer_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));
}
