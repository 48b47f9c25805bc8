using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// A conversation attribute whose key says it holds a person's name ("customerName", "nama_lengkap") or a user name
/// ("username") is replaced whole, whatever the key's case and word separators; other attributes are redacted as a
/// message is. An e-mail address typed a character at a time ("b u d i @ g m a i l . c o m") or with a space by its
/// top-level domain's dot ("budi@gmail .com") is replaced; numbers and letters around an '@' that make no address stay.
/// </summary>
public sealed class NameAttributesAndSpacedEmailsRedactionTests
{
    [Theory]
    [InlineData("customerName", "Budi Santoso")]
    [InlineData("name", "Budi Santoso")]
    [InlineData("Name", "Kevin O'Brien")]
    [InlineData("fullName", "Budi Santoso")]
    [InlineData("firstName", "Budi")]
    [InlineData("lastName", "Santoso")]
    [InlineData("nama", "Siti Aminah")]
    [InlineData("namaLengkap", "Siti Aminah")]
    [InlineData("customer_name", "Rina Wijaya")]
    [InlineData("contactName", "Agus Salim")]
    [InlineData("CUSTOMER-NAME", "Agus Salim")]
    [InlineData("nama_pelanggan", "budi santoso")]
    [InlineData("displayName", "Budi S.")]
    [InlineData("fullname", "Budi Santoso")]
    [InlineData("customer.first_name", "Budi")]
    [InlineData("account_holder", "Budi Santoso")]
    [InlineData("cardHolder", "Budi Santoso")]
    [InlineData("recipient", "Siti Aminah")]
    [InlineData("pemilik_rekening", "Agus Salim")]
    public void A_value_whose_key_names_a_persons_name_is_replaced_whole(string key, string value) =>
        Assert.Equal(Redactor.NamePlaceholder, Redactor.RedactAttribute(key, value));

    [Theory]
    [InlineData("username", "budi_santoso99")]
    [InlineData("userName", "budi.s")]
    [InlineData("user_name", "rina88")]
    [InlineData("screenName", "BudiGamer")]
    [InlineData("nama_pengguna", "budi99")]
    public void A_value_whose_key_names_a_user_name_is_a_handle(string key, string value) =>
        Assert.Equal(Redactor.HandlePlaceholder, Redactor.RedactAttribute(key, value));

    [Theory]
    [InlineData("productName", "Kopi Susu Gula Aren")]
    [InlineData("planName", "Gold")]
    [InlineData("nama_toko", "Toko Maju Jaya")]
    [InlineData("fileName", "invoice.pdf")]
    [InlineData("namespace", "prod")]
    [InlineData("tier", "Gold")]
    [InlineData("lastLogin", "2026-05-12")]
    [InlineData("channelName", "WhatsApp")]
    [InlineData("customerName", "")]
    [InlineData("login", "2024-01-02")]
    [InlineData("screen", "checkout")]
    [InlineData("nameVerified", "true")]
    [InlineData("name_match", "partial")]
    public void A_thing_s_name_and_other_values_stay(string key, string value) =>
        Assert.Equal(value, Redactor.RedactAttribute(key, value));

    [Theory]
    [InlineData("note", "email saya budi@gmail.com", "email saya [email]")]
    [InlineData("productName", "kirim ke budi@gmail.com", "kirim ke [email]")]
    public void Other_values_are_redacted_as_a_message_is(string key, string value, string expected) =>
        Assert.Equal(expected, Redactor.RedactAttribute(key, value));

    [Theory]
    [InlineData("my email address is b u d i @ g m a i l . c o m", "my email address is [email]")]
    [InlineData("budi@gmail .com", "[email]")]
    [InlineData("budi@gmail. com ya kak", "[email] ya kak")]
    [InlineData("budi@yahoo .co.id", "[email]")]
    [InlineData("budi @ gmail .com", "[email]")]
    [InlineData("email saya b u d i 8 8 @ y a h o o . c o . i d ya", "email saya [email] ya")]
    [InlineData("kirim ke budi @ g m a i l . c o m", "kirim ke [email]")]
    [InlineData("r i n a @gmail.com", "[email]")]
    [InlineData("my mail: j o h n . d o e @ o u t l o o k . c o m.", "my mail: [email].")]
    public void An_address_typed_a_character_at_a_time_or_with_a_spaced_dot_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("rate 4 @ 5 . 0")]
    [InlineData("x @ y . z")]
    [InlineData("A @ B")]
    [InlineData("tolong cek budi@kantor .Besok saya telepon")]
    [InlineData("2 @ 3 . 50 each")]
    [InlineData("meet @ 5 . 30 ok")]
    public void Characters_around_an_at_sign_that_make_no_address_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("budi(@)gmail.com", "[email]")]
    [InlineData("email saya budi [@] gmail.com ya", "email saya [email] ya")]
    [InlineData("budi@@gmail.com", "[email]")]
    [InlineData("my email is budi@gmail,com", "my email is [email]")]
    [InlineData("budi [at] gmail [dot] com", "[email]")]
    [InlineData("rina.w(at)yahoo,co,id", "[email]")]
    [InlineData("budi(@)gmail(.)com", "[email]")]
    public void An_address_with_its_at_sign_in_brackets_or_doubled_or_a_comma_for_its_dot_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("hey @@everyone look")]
    [InlineData("price (@) 5,00 each")]
    [InlineData("apples,com bananas")]
    [InlineData("see you at 5,com")]
    public void An_at_sign_or_a_comma_that_makes_no_address_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("Saya sudah hubungi @tokopedia,id belum ada jawaban")]
    [InlineData("hubungi @shopee,co,id ya")]
    [InlineData("cek @blibli,com dulu")]
    [InlineData("sudah tanya admin @lazada,co,id kemarin")]
    [InlineData("hubungi @tokopedia , id")]
    [InlineData("budi @ kantor,co,id")]
    public void A_word_apart_from_an_at_sign_before_a_comma_for_a_dot_is_kept(string text)
    {
        string redacted = Redactor.Redact(text);
        int at = text.IndexOf(" @", StringComparison.Ordinal);
        Assert.StartsWith(text[..at], redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("[email]", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("budi@gmail,com", "[email]")]
    [InlineData("hubungi budi@gmail,com", "hubungi [email]")]
    [InlineData("email saya rina.w@yahoo,co,id ya", "email saya [email] ya")]
    public void An_address_glued_to_its_at_sign_with_a_comma_for_its_dot_is_still_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("budi @ gmail,com", "[email]")]
    [InlineData("email saya budi @ gmail , com", "email saya [email]")]
    [InlineData("budi@gmail , com", "[email]")]
    public void An_address_with_a_spaced_sign_or_comma_for_its_dot_at_a_mail_provider_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("my email is budi at company,com", "my email is [email]")]
    [InlineData("email saya budi at kantor,co,id", "email saya [email]")]
    public void A_spelled_address_with_a_comma_for_its_dot_after_a_word_for_email_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));
}
