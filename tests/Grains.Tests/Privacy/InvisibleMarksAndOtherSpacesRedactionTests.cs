using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// Invisible marks (zero-width spaces and joiners, soft hyphens, direction marks, word joiners) pasted or typed among the
/// digits and letters of personal data hide nothing, and neither do spaces of other widths (the narrow no-break space
/// locales group digits with, thin and ideographic spaces) or middle dots; where such a mark joins letters of another
/// script or an emoji sequence, the text keeps it.
/// </summary>
public sealed class InvisibleMarksAndOtherSpacesRedactionTests
{
    [Theory]
    [InlineData("my card is 4111\u200B1111\u200B1111\u200B1111 exp 12\u200B/27 cvv\u200B 123", "[card]", "[expiry]", "[cvv]")]
    [InlineData("email budi\u200B@gmail.com", "[email]")]
    [InlineData("email siti\u200C@gmail.com", "[email]")]
    [InlineData("email siti@\u2060gmail.com", "[email]")]
    [InlineData("email \uFEFFbudi.santoso@yahoo.co.id\uFEFF", "[email]")]
    [InlineData("call me at 0812\u00AD3456\u00AD7890", "[phone]")]
    [InlineData("call me at 0812\u200E3456\u200E7890", "[phone]")]
    [InlineData("nomor 0812\u200D3456\u200D7890", "[phone]")]
    [InlineData("NIK saya 3171\u200B\u200B0123\u200B4567\u200B8901", "[nik]")]
    [InlineData("IBAN DE89\u200B3704\u200B0044\u200B0532\u200B0130\u200B00", "[iban]")]
    [InlineData("\u202Ecard 4111 1111 1111 1111\u202C", "[card]")]
    public void Invisible_marks_among_digits_and_letters_hide_nothing(string text, params string[] placeholders) =>
        Hidden(Redactor.Redact(text), placeholders);

    [Theory]
    [InlineData("NIK saya 3171\u202F0123\u202F4567\u202F8901", "[nik]")]
    [InlineData("kartu 5500\u202F0000\u202F0000\u202F0004", "[card]")]
    [InlineData("card 4111\u20091111\u20091111\u20091111", "[card]")]
    [InlineData("card 4111\u30001111\u30001111\u30001111", "[card]")]
    [InlineData("ssn 123\u00A045\u00A06789", "[ssn]")]
    [InlineData("my ssn is 123.45.6789", "[ssn]")]
    [InlineData("call +1 (555) 123\u00B74567", "[phone]")]
    [InlineData("budi\u00A0@\u00A0gmail.com", "[email]")]
    public void Spaces_of_other_widths_and_middle_dots_join_groups_as_a_space_and_a_dot_do(string text, string placeholder) =>
        Hidden(Redactor.Redact(text), placeholder);

    [Theory]
    [InlineData("my card 5500/0000/0000/0004 please block it", "[card]")]
    [InlineData("kartu 4111_1111_1111_1111", "[card]")]
    [InlineData("NIK 3171/0123/4567/8901", "[nik]")]
    public void Slashes_and_underscores_between_blocks_of_four_digits_join_them(string text, string placeholder) =>
        Hidden(Redactor.Redact(text), placeholder);

    [Theory]
    [InlineData("delivered 12/05/2024, the 2023/2024 season pass")]
    [InlineData("invoice INV_2024_0017, half is 1/2")]
    [InlineData("invoice INV_2024_0512_0001_2345, seasons 2019/2020/2021/2022")]
    public void Slashes_and_underscores_in_dates_fractions_and_references_join_nothing(string text) =>
        Assert.DoesNotContain("[", Redactor.Redact(text), StringComparison.Ordinal);

    /// <summary>
    /// Every placeholder is there, and nothing of what they replaced is left: no four digits in a row, no '@' and no
    /// address's domain.
    /// </summary>
    private static void Hidden(string redacted, params string[] placeholders)
    {
        foreach (var placeholder in placeholders)
        {
            Assert.Contains(placeholder, redacted, StringComparison.Ordinal);
        }
        Assert.DoesNotMatch(@"\d{4}", redacted);
        Assert.DoesNotContain("@", redacted, StringComparison.Ordinal);
        Assert.DoesNotMatch("gmail|yahoo", redacted);
    }

    [Theory]
    [InlineData("می\u200Cخواهم سفارشم را لغو کنم")]
    [InlineData("keluarga 👨\u200D👩\u200D👧 senang sekali")]
    [InlineData("क्\u200Dष")]
    public void Marks_that_join_letters_of_another_script_or_an_emoji_sequence_stay(string text) =>
        Assert.Same(text, Redactor.Redact(text));

    [Theory]
    [InlineData("the total was 123.45 and 6789 points")]
    [InlineData("ok\u200B thanks, the parcel came")]
    public void Text_with_nothing_personal_keeps_its_words(string text) =>
        Assert.DoesNotContain("[", Redactor.Redact(text), StringComparison.Ordinal);
}
