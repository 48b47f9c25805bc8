using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// Names after "Name on the account:", in long forms ("Ni Luh Putu Ayu Sukmawati"), after "ini" following a greeting,
/// "speaking with", before "here —", after "bernama" following a word for a person, and before an e-mail address in angle
/// brackets; in the AI's or an agent's text after "Okay" or "Welcome back". An address after "address:" going on over
/// the next lines. Stage names and pageants after an honorific, "address line 2" and "ini" before a word that is no name stay.
/// </summary>
public sealed class NamesOnFormsAndIntroductionsRedactionTests
{
    [Theory]
    [InlineData("Name on the account: Pieter Vanderberg", "Name on the account: [name]")]
    [InlineData("Name on the card: Maria Lopez", "Name on the card: [name]")]
    [InlineData("Nama: Ni Luh Putu Ayu Sukmawati", "Nama: [name]")]
    [InlineData("Halo kak, ini Rudi Hartanto yang kemarin chat", "Halo kak, ini [name] yang kemarin chat")]
    [InlineData("Pagi min, ini Dewi mau tanya soal refund", "Pagi min, ini [name] mau tanya soal refund")]
    [InlineData("You're speaking with Ahmad Fauzi", "You're speaking with [name]")]
    [InlineData("Hi! Gabriela Mendes here — my order never arrived", "Hi! [name] here — my order never arrived")]
    [InlineData("Kirim ke penerima bernama Siti Nurhaliza ya kak", "Kirim ke penerima bernama [name] ya kak")]
    [InlineData("Lukas Weber <lukas.weber@web.de>", "[name] <[email]>")]
    [InlineData("Everyone calls me Reggie, the order is under my wife's card", "Everyone calls me [name], the order is under my wife's card")]
    [InlineData("please cc \"Anna Schmidt\" <anna.schmidt@example.org>", "please cc \"[name]\" <[email]>")]
    [InlineData("My address:\n12 Orchard Lane\nBristol BS1 4DJ", "My address:\n[address]")]
    [InlineData("Address line 1: 12 Baker Street, London", "Address line 1: [address]")]
    [InlineData("please ask for Miss Johnson", "please ask for Miss [name]")]
    [InlineData("Acme Support <support@acme.com>", "Acme Support <[email]>")]
    [InlineData("okonkwo is my surname btw", "[name] is my surname btw")]
    [InlineData("Hi, Budi Santoso is my name.", "Hi, [name] is my name.")]
    public void Names_and_addresses_are_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("Halo kak, ini Jakarta panas banget")]
    [InlineData("Ini Indomie goreng 3 bungkus")]
    [InlineData("halo kak, ini pesanan saya belum datang")]
    [InlineData("I'm speaking with my manager tomorrow")]
    [InlineData("Miss you so much")]
    [InlineData("Lady Gaga is my favourite singer")]
    [InlineData("Miss Universe merch")]
    [InlineData("Lady Gaga concert ticket refund")]
    [InlineData("address line 2 is optional?")]
    [InlineData("My address is the same as before")]
    [InlineData("Mobil bernama Avanza itu")]
    [InlineData("This is my name")]
    [InlineData("the order is my name")]
    public void Everyday_texts_of_the_same_shape_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("Okay Michael, I have cancelled order 5521 for you.", "Okay [name], I have cancelled order 5521 for you.")]
    [InlineData("Welcome back Yusuf! How can I help?", "Welcome back [name]! How can I help?")]
    [InlineData("Alright Sarah, your refund is on its way.", "Alright [name], your refund is on its way.")]
    public void The_AI_addressing_the_customer_after_okay_or_welcome_back_has_their_name_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text, introducedNames: false));

    [Theory]
    [InlineData("Okay, I have cancelled it.")]
    [InlineData("Welcome back! How can I help?")]
    [InlineData("You are speaking with Sari from Acme")]
    [InlineData("Ok Google is not my name")]
    public void The_AI_s_own_words_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text, introducedNames: false));
}
