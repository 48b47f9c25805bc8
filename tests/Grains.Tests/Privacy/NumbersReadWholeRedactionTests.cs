using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// A number a word names is taken whole or not at all (a phone in six pairs, over line breaks); a card over a line
/// break after its word or joined by '*'; a security code after "the digits on the back are" or "security number"; an
/// expiry written as MMYY after its word; a one-time code after "verification number", or after "security code" with words
/// of its sending, or before its word ("739104 as the OTP", "5521 is my pin"), as a national number before its word ("is
/// my nric"), and other countries' national numbers after their words ("personnummer", "CURP", "codice fiscale", "SSS
/// no.", "ss#"). An air waybill after its word and a range of days before a month stay.
/// </summary>
public sealed class NumbersReadWholeRedactionTests
{
    [Theory]
    [InlineData("nomer wa ku 08 12 34 56 78 90", "nomer wa ku [phone]")]
    [InlineData("call me at 08 12 34 56 78 90 ok", "call me at [phone] ok")]
    [InlineData("my number is 0812\n3456\n7890", "my number is [phone]")]
    [InlineData("card 4532 0151\n6307 4187", "card [card]")]
    [InlineData("card:\n4532 0151\n6307 4187", "card:\n[card]")]
    [InlineData("hp:\n0813 5566\n7788", "hp:\n[phone]")]
    [InlineData("kartu saya 4111 1111\n1111 1111", "kartu saya [card]")]
    [InlineData("JCB 3530*1113*6307*4186", "JCB [card]")]
    [InlineData("the card is 4916 3389 6307 4181, the 3 digits on the back are 737", "the card is [card], the 3 digits on the back are [cvv]")]
    [InlineData("the expiration is march 2027 and the security number is 882", "the expiration is march 2027 and the security number is [cvv]")]
    [InlineData("Card: 5425 2334 6307 4180 Exp: 0427 CVV: 551", "Card: [card] Exp: [expiry] CVV: [cvv]")]
    [InlineData("expiry 1129", "expiry [expiry]")]
    [InlineData("verification number 662019", "verification number [otp]")]
    [InlineData("the security code you texted was 4417", "the security code you texted was [otp]")]
    [InlineData("the security code you sent me is 9021", "the security code you sent me is [otp]")]
    [InlineData("I got 739104 as the OTP", "I got [otp] as the OTP")]
    [InlineData("5521 is my pin", "[pin] is my pin")]
    [InlineData("S8512345A is my nric, thanks", "[national-id] is my nric, thanks")]
    [InlineData("ss# 219-09-9999", "ss# [ssn]")]
    [InlineData("personnummer 850314-1238", "personnummer [national-id]")]
    [InlineData("Steuer-ID 12 345 678 901", "Steuer-ID [national-id]")]
    [InlineData("codice fiscale RSSMRA85T10A562S", "codice fiscale [national-id]")]
    [InlineData("CURP GOMC850314HDFRRL09", "CURP [national-id]")]
    [InlineData("SSS no. 34-1234567-8", "SSS no. [national-id]")]
    [InlineData("meu CPF é 529.982.247-25", "meu CPF é [national-id]")]
    [InlineData("my KITAS number is 2C21AB1234567", "my KITAS number is [national-id]")]
    public void Numbers_are_read_whole_and_by_their_words(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("AWB 020-12345675 at the cargo terminal")]
    [InlineData("air waybill 176-12345675 please track")]
    [InlineData("promo berlaku 1-15 Juni 2025")]
    [InlineData("diskon berlaku 10-20 Agustus")]
    [InlineData("exp 1200 points earned")]
    [InlineData("there are 737 people in line")]
    [InlineData("verification number is required")]
    [InlineData("the security code on the package is torn")]
    [InlineData("123456 is the sin of many")]
    [InlineData("I got 2 as the answer")]
    [InlineData("years 2019\n2020\n2021\n2022")]
    [InlineData("Order details\n5521 items")]
    [InlineData("my order:\n2 pcs\n3 pcs")]
    [InlineData("screenshot ss 12 items")]
    [InlineData("steuer 2024")]
    public void Numbers_of_other_kinds_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("Paid via virtual account 8808 1234 5678 9012")]
    [InlineData("VA 8808 1234 5678 9012")]
    [InlineData("virtual account BCA 3901 0812 3456 7890 sudah dibayar")]
    public void A_virtual_account_written_in_fours_stays_a_payment_reference(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("VA 4111 1111 1111 1111", "VA [card]")]
    [InlineData("NIK 3171 2345 6789 0001", "NIK [nik]")]
    [InlineData("3171 2345 6789 0001", "[nik]")]
    public void A_card_or_a_nik_is_replaced_whatever_word_is_before_it(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("card 4111 11111111 1111", "card [card]")]
    [InlineData("cc 41111111 11111111 thanks", "cc [card] thanks")]
    public void A_card_after_its_word_is_replaced_however_its_blocks_are_split(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));
}
