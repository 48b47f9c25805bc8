using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// A name the customer gives after the words that announce one, and a postal address after "address" / "alamat" or
/// written as a street with its number, are replaced; what is only said of a name or an address, and streets and roads
/// talked about, stay.
/// </summary>
public sealed class NamesAndAddressesRedactionTests
{
    [Theory]
    [InlineData("my name is John Smith", "my name is [name]")]
    [InlineData("My name's Jane O'Brien-Watts, order 5512", "My name's [name], order 5512")]
    [InlineData("my name is John need help", "my name is [name] need help")]
    [InlineData("my name is john and I need help", "my name is [name] and I need help")]
    [InlineData("full name: Jane Doe", "full name: [name]")]
    [InlineData("the name on the card is J. R. Smith", "the name on the card is [name]")]
    [InlineData("account holder: Michael Tan", "account holder: [name]")]
    [InlineData("surname Wijaya", "surname [name]")]
    [InlineData("nama saya Budi Santoso", "nama saya [name]")]
    [InlineData("nama saya budi santoso dan nomor hp saya 081234567890", "nama saya [name] dan nomor hp saya [phone]")]
    [InlineData("nama saya Budi bin Ahmad", "nama saya [name]")]
    [InlineData("atas nama Ibu Siti Aminah ya kak", "atas nama Ibu [name] ya kak")]
    [InlineData("a.n. Budi Hartono", "a.n. [name]")]
    [InlineData("namaku Rina", "namaku [name]")]
    [InlineData("nama: Dewi", "nama: [name]")]
    public void A_name_after_the_words_that_announce_it_is_replaced_and_honorifics_stay(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("my address is 12 Baker Street, London NW1 6XE", "my address is [address]")]
    [InlineData("my address is 12 Baker Street, London NW1 6XE and my phone is 0812 3456 7890", "my address is [address] and my phone is [phone]")]
    [InlineData("alamat saya Jl. Sudirman No. 5, Jakarta Selatan 12190", "alamat saya [address]")]
    [InlineData("nama penerima: Dewi Lestari, alamat Jl. Melati No. 5 RT 02/RW 03, Bandung 40123",
        "nama penerima: [name], alamat [address]")]
    [InlineData("please send it to Jl. Sudirman No. 5, Jakarta. Thanks", "please send it to [address]. Thanks")]
    [InlineData("kirim ke Jalan Merdeka 10 Bandung ya kak", "kirim ke [address] ya kak")]
    [InlineData("deliver to 221B Baker Street, London please", "deliver to [address] please")]
    [InlineData("shipping address: Flat 3, Rose Court, Leeds", "shipping address: [address]")]
    [InlineData("please change my delivery address to 12 Baker Street", "please change my delivery address to [address]")]
    [InlineData("ganti alamat pengiriman ke Jl. Kenanga 7 Depok", "ganti alamat pengiriman ke [address]")]
    public void A_postal_address_is_replaced_to_the_end_of_its_sentence(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("my name is wrong on the ticket")]
    [InlineData("nama saya salah di tiket")]
    [InlineData("nama barang apa ya")]
    [InlineData("what is your name?")]
    [InlineData("what's the name of the product")]
    [InlineData("atas nama saya")]
    [InlineData("my name is not important")]
    [InlineData("alamat saya sudah benar kak")]
    [InlineData("alamat saya di Bandung")]
    [InlineData("my address is the same as before")]
    [InlineData("jalan macet parah")]
    [InlineData("saya masih di jalan")]
    [InlineData("Street food is great, 5 stars")]
    [InlineData("the road was closed for 2 hours")]
    [InlineData("my IP address is not working")]
    [InlineData("bagaimana cara ganti alamat pengiriman 134")]
    [InlineData("how do I change my delivery address 145")]
    public void What_is_only_said_of_a_name_or_an_address_and_roads_talked_about_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Fact]
    public void An_e_mail_address_is_an_e_mail_not_a_postal_address() =>
        Assert.Equal("my email address is [email]", Redactor.Redact("my email address is jane@example.com"));
}
