using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// Things named where a person's name may stand: a product under a bare "name" or "nama" key, a brand after "ini" in a
/// greeting or one a customer is a fan or a user of, a currency after "saya", a package's scope after '@', a shipping
/// option after the AI's "Okay". A person's name in the same places is still replaced.
/// </summary>
public sealed class ThingsNamedLikePeopleRedactionTests
{
    [Theory]
    [InlineData("{\"name\":\"Paket Hemat A\"}")]
    [InlineData("{\"nama\":\"Kaos Polos Hitam\",\"harga\":75000}")]
    [InlineData("<nama>Sepatu Lari Pria</nama>")]
    [InlineData("| Name | Price |\n| --- | --- |\n| Wireless Mouse | $19.99 |")]
    [InlineData("Halo kak, ini Samsung yang kemarin saya beli kok layarnya bergaris")]
    [InlineData("Halo kak, ini Xiaomi yang kemarin saya beli kok mati")]
    [InlineData("Saldo saya Rp 12.345.678 tapi ga bisa tarik")]
    [InlineData("I'm Apple fan but this is too much")]
    [InlineData("I'm Android user since 2015")]
    [InlineData("npm install @tokoku/widget fails")]
    [InlineData("the package @angular/core version 17 breaks your widget")]
    public void A_thing_where_a_name_may_stand_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("{\"name\":\"Rina Wijaya\"}", "{\"name\":\"[name]\"}")]
    [InlineData("{\"nama\":\"budi santoso\"}", "{\"nama\":\"[name]\"}")]
    [InlineData("name=Rina%20Wijaya&qty=2", "name=[name]&qty=2")]
    [InlineData("| Nama | HP |\n| --- | --- |\n| Budi Hartono | 081234567890 |", "| Nama | HP |\n| --- | --- |\n| [name] | [phone] |")]
    [InlineData("Halo kak, ini Rudi Hartanto yang kemarin chat", "Halo kak, ini [name] yang kemarin chat")]
    public void A_persons_name_in_the_same_places_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("Okay Express Shipping, I have changed your delivery option.")]
    [InlineData("Okay Jakarta, your order will ship from our Jakarta warehouse.")]
    [InlineData("Got it! Okay Size 42, I've updated your order.")]
    public void What_the_ai_says_okay_to_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text, introducedNames: false));

    [Fact]
    public void The_customer_the_ai_says_okay_to_is_replaced() =>
        Assert.Equal("Okay [name], I have cancelled order 5521 for you.", Redactor.Redact("Okay Michael, I have cancelled order 5521 for you.", introducedNames: false));
}
