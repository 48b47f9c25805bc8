using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// A vehicle's plate and an IP address their words name ("plat nomor B 1234 XYZ", "my IP is 192.168.1.20"), a social
/// media handle ("my instagram @rina.cantik") or a user name its word names ("my username is johnny_b99"), a US taxpayer number ("my tax id is 123-45-6789"), a name written as a
/// form's field ("Name: budi santoso, HP: ..."), and an e-mail address whose domain is a mail provider's name alone after
/// a word for e-mail ("my email is john at gmail") are replaced; plates, numbers, names, '@'s and providers that are
/// none of these stay.
/// </summary>
public sealed class PlatesHandlesAndFieldsRedactionTests
{
    [Theory]
    [InlineData("plat nomor B 1234 XYZ", "plat nomor [plate]")]
    [InlineData("nopol saya AB123CD", "nopol saya [plate]")]
    [InlineData("nomor polisi kendaraan saya D 1 A, warna hitam", "nomor polisi kendaraan saya [plate], warna hitam")]
    [InlineData("plat nomor b 1234 xyz", "plat nomor [plate]")]
    [InlineData("plat b1234xyz", "plat [plate]")]
    [InlineData("plat nomor mobil saya B 1234", "plat nomor mobil saya [plate]")]
    [InlineData("my license plate is 7ABC123", "my license plate is [plate]")]
    [InlineData("plate number: ABC-1234", "plate number: [plate]")]
    [InlineData("plate ABC 1234 please", "plate [plate] please")]
    [InlineData("the driver was speeding, plate B 1234 XYZ.", "the driver was speeding, plate [plate].")]
    [InlineData("my plate is abc 1234", "my plate is [plate]")]
    [InlineData("license plate: xyz 987", "license plate: [plate]")]
    public void A_plate_its_words_name_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("lapor polisi 110")]
    [InlineData("plat merah 2 mobil")]
    [InlineData("plat nomor ke 2")]
    [InlineData("I broke a plate, 2 pieces")]
    [InlineData("hot plate 3 pcs")]
    [InlineData("plat merah 2 unit")]
    [InlineData("plate for 2 people, 150 grams")]
    [InlineData("license plate reader not working since 2 days")]
    public void Plates_asked_about_and_counted_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("my IP is 192.168.1.20", "my IP is [ip]")]
    [InlineData("IP address: 2001:db8::1", "IP address: [ip]")]
    [InlineData("ip saya 10.0.0.5 kena blokir", "ip saya [ip] kena blokir")]
    [InlineData("alamat IP publik saya 36.72.100.4", "alamat IP publik saya [ip]")]
    public void An_ip_address_its_word_names_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("IP68 waterproof phone 128GB")]
    [InlineData("IP rating 67")]
    [InlineData("version 2.14.3.1")]
    [InlineData("IP 999.1.1.1 is not valid")]
    public void Ratings_versions_and_numbers_that_are_no_address_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("name: budi santoso, hp 081234567890", "name: [name], hp [phone]")]
    [InlineData("Name: Budi Santoso", "Name: [name]")]
    [InlineData("order 5512\nName: jane doe", "order 5512\nName: [name]")]
    public void A_name_written_as_a_field_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("product name: iPhone 15 Pro")]
    [InlineData("what is the name: of the app")]
    public void A_field_of_something_else_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("I'm john and my email is john at gmail", "I'm [name] and my email is [email]")]
    [InlineData("email saya budi at yahoo", "email saya [email]")]
    [InlineData("my e-mail: jane.doe at outlook, thanks", "my e-mail: [email], thanks")]
    public void A_mail_providers_name_alone_after_a_word_for_email_is_an_address(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("I work at yahoo as an engineer")]
    [InlineData("I'm at gmail settings now")]
    [InlineData("my email at gmail is not working")]
    public void A_providers_name_without_an_address_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("my twitter is @budi_santoso", "my twitter is [handle]")]
    [InlineData("my instagram @rina.cantik", "my instagram [handle]")]
    [InlineData("DM me (@rina_01) please", "DM me ([handle]) please")]
    [InlineData("follow @CxClusterSupport.", "follow [handle].")]
    public void A_handle_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("email budi @gmail.com", "email [email]")]
    [InlineData("budi@gmail.com", "[email]")]
    public void An_address_with_an_at_sign_stays_an_address(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("@admin tolong bantu")]
    [InlineData("see you @home")]
    [InlineData("meet @ 5pm")]
    [InlineData("price @ Rp 50.000")]
    [InlineData("rate is 5 @ 10%")]
    public void An_at_sign_that_addresses_or_prices_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("my username is johnny_b99", "my username is [handle]")]
    [InlineData("username: budi123", "username: [handle]")]
    [InlineData("my ig is budi.cantik and my number is 0812 3456 7890", "my ig is [handle] and my number is [phone]")]
    [InlineData("my instagram account is rina_99", "my instagram account is [handle]")]
    [InlineData("akun tiktok saya budi_santoso99", "akun tiktok saya [handle]")]
    [InlineData("discord: gamer_01", "discord: [handle]")]
    [InlineData("my gamertag is xXSniperXx99", "my gamertag is [handle]")]
    [InlineData("my user name is siti.aminah2", "my user name is [handle]")]
    public void A_user_name_its_word_names_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("follow us on instagram 2 times")]
    [InlineData("my IG is private, 2 accounts")]
    [InlineData("user guide v2")]
    [InlineData("the user 123 cannot log in")]
    [InlineData("twitter is down for 2 hours")]
    [InlineData("ada bot telegram ngaku2 dari bank kalian, hati2 ya")]
    [InlineData("my username is not working since 3 days")]
    [InlineData("my IG is private, order A123")]
    [InlineData("twitter is down since update v2")]
    public void Words_of_accounts_without_a_user_name_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("my tax id is 123-45-6789", "my tax id is [ssn]")]
    [InlineData("ITIN 912-70-1234", "ITIN [ssn]")]
    public void A_taxpayer_number_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("customer ID 12345678")]
    [InlineData("order id 123456789")]
    public void An_id_that_is_a_reference_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));
}
