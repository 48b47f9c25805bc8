using System.Text;
using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// Personal data written in other forms of the same characters is redacted as written plainly: accents as a letter and
/// a combining mark ("José" decomposed), digits of other scripts (Arabic-Indic, Devanagari, Thai), and letters and digits
/// styled as mathematical symbols ("𝐉𝐨𝐡𝐧"). What is kept is the text composed.
/// </summary>
public sealed class OtherScriptsAndFormsRedactionTests
{
    private static string Decomposed(string text) => text.Normalize(NormalizationForm.FormD);

    [Theory]
    [InlineData("my name is José García", "[name]")]
    [InlineData("Regards, Chloé Martin", "[name]")]
    [InlineData("my email is josé.garcía@gmail.com", "[email]")]
    public void Accents_written_as_combining_marks_hide_nothing(string text, string placeholder)
    {
        var plain = Redactor.Redact(text);
        var redacted = Redactor.Redact(Decomposed(text));

        Assert.Contains(placeholder, plain, StringComparison.Ordinal);
        Assert.Equal(plain, redacted);
    }

    [Theory]
    [InlineData("my card is ٤١١١ ١١١١ ١١١١ ١١١١")]
    [InlineData("nomor hp saya ०८१२३४५६७८९०")]
    [InlineData("call me at ๐๘๑๒๓๔๕๖๗๘๙๐")]
    [InlineData("my card is ۴۱۱۱ ۱۱۱۱ ۱۱۱۱ ۱۱۱۱")]
    public void Digits_of_other_scripts_are_read_as_digits(string text)
    {
        var redacted = Redactor.Redact(text);

        Assert.True(redacted.Contains("[card]", StringComparison.Ordinal) || redacted.Contains("[phone]", StringComparison.Ordinal), redacted);
        Assert.DoesNotContain("١١١١", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Letters_styled_as_mathematical_symbols_are_read_as_letters()
    {
        var redacted = Redactor.Redact("my name is 𝐉𝐨𝐡𝐧 𝐒𝐦𝐢𝐭𝐡 and my number is 𝟎𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟎");

        Assert.DoesNotContain("𝐉𝐨𝐡𝐧", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("John", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("08123", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("terima kasih, pesanan sudah sampai")]
    [InlineData("café au lait")]
    [InlineData("訂單 ١٢ 已到")]
    public void Text_with_nothing_to_redact_stays_as_it_is(string text) => Assert.Equal(text, Redactor.Redact(text));

    [Fact]
    public void Nothing_to_redact_in_decomposed_text_keeps_it_composed()
    {
        var decomposed = Decomposed("café au lait");

        Assert.Equal("café au lait", Redactor.Redact(decomposed));
    }

    [Theory]
    [InlineData("电话 138 0013 8000", "电话 [phone]")]
    [InlineData("我的手机号是13800138000", "我的手机号是[phone]")]
    [InlineData("電話番号は03-1234-5678です", "電話番号は[phone]です")]
    [InlineData("मेरा नंबर ९८७६५४३२१० है", "मेरा नंबर [phone] है")]
    [InlineData("身份证号 11010119900307457X", "身份证号 [national-id]")]
    public void A_number_after_a_word_for_it_in_another_script_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("ऑर्डर नंबर 12345678 है")]
    [InlineData("मेरा ऑर्डर नंबर 987654321 है")]
    public void An_order_number_in_hindi_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));
}
