using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// A public health insurance number after its word ("Medicare", "Medicaid", "NHS", "MBI") is replaced however it is
/// grouped, the words between kept; the programmes named without a number stay. A name set off from a relation by a
/// comma or a colon ("my son, Peter Parker", "istriku: Siti") is replaced as one right after it is, but not after the
/// relations one also addresses people by ("my friend, Netflix is down").
/// </summary>
public sealed class HealthNumbersAndSetOffNamesRedactionTests
{
    [Theory]
    [InlineData("my medicare number is 1234 56789 1", "my medicare number is [health]")]
    [InlineData("Medicare card: 2123 45670 1", "Medicare card: [health]")]
    [InlineData("my MBI is 1EG4-TE5-MK73", "my MBI is [health]")]
    [InlineData("NHS number 943 476 5919, please check", "NHS number [health], please check")]
    [InlineData("medicaid id 12345678901", "medicaid id [health]")]
    public void A_health_insurance_number_after_its_word_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("does medicare cover 80% of it?")]
    [InlineData("the NHS is slow")]
    [InlineData("medicare part B 2024 premium")]
    [InlineData("is NHS number required?")]
    public void A_health_programme_named_without_a_number_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("please contact my son, Peter Parker", "please contact my son, [name]")]
    [InlineData("my wife, Jane Smith, will call", "my wife, [name], will call")]
    [InlineData("my daughter: Emma", "my daughter: [name]")]
    [InlineData("on behalf of my mother, Mrs. Agnes McCallister, I ask", "on behalf of my mother, Mrs. [name], I ask")]
    [InlineData("istriku: Siti Aminah", "istriku: [name]")]
    [InlineData("contact my lawyer, Mr. James Wilson", "contact my lawyer, Mr. [name]")]
    [InlineData("my attorney Sarah Lee will call", "my attorney [name] will call")]
    public void A_name_set_off_from_a_relation_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("my friend, Netflix is down")]
    [InlineData("my brother, Amazon lost my parcel")]
    [InlineData("my husband, he is angry")]
    [InlineData("my son, who is 5, loves it")]
    [InlineData("Dear Sir, My son is sick")]
    public void A_comma_after_a_relation_sets_off_no_name_where_none_follows(string text) =>
        Assert.Equal(text, Redactor.Redact(text));
}
