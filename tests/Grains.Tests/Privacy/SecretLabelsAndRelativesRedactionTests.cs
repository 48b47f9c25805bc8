using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// A secret after words that say what it is for ("password akun: ...", "password email saya: ...", "the password for my
/// account is ...", "the code for the door is ...") is the secret, not its label; a word closed by a question mark is a
/// question, not a password ("cara reset password gimana?"). The name of the customer's mother or child after "nama"
/// ("nama ibu kandung: Sulastri") and a date of birth after its place ("lahir di Bandung tanggal 17 Agustus 1990") are
/// replaced; a lowercase word after "nama anak" and a place of birth alone stay.
/// </summary>
public sealed class SecretLabelsAndRelativesRedactionTests
{
    [Theory]
    [InlineData("password akun: Rahasia123!", "password akun: [password]")]
    [InlineData("password email saya: Kucing99", "password email saya: [password]")]
    [InlineData("password login: P@ssw0rd", "password login: [password]")]
    [InlineData("password baru: Secret#1", "password baru: [password]")]
    [InlineData("kata sandi akun saya: Mawar2024", "kata sandi akun saya: [password]")]
    [InlineData("the password for my account is Hunter22", "the password for my account is [password]")]
    [InlineData("the code for the door is 4521", "the code for the door is [otp]")]
    [InlineData("kode pintu 7788", "kode pintu [otp]")]
    public void The_secret_after_what_it_is_for_is_replaced_not_its_label(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("cara reset password gimana?")]
    [InlineData("wifi password for the lounge?")]
    [InlineData("password akun saya lupa")]
    [InlineData("my password for netflix is not working")]
    public void Questions_and_words_about_a_password_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("nama ibu kandung: Sulastri", "nama ibu kandung: [name]")]
    [InlineData("nama ibu kandung: sulastri", "nama ibu kandung: [name]")]
    [InlineData("nama ibu kandung saya Sulastri", "nama ibu kandung saya [name]")]
    [InlineData("nama anak saya Budi", "nama anak saya [name]")]
    [InlineData("saya lahir di Bandung tanggal 17 Agustus 1990", "saya lahir di Bandung tanggal [dob]")]
    [InlineData("born in London on 5 May 1990", "born in London on [dob]")]
    public void A_relatives_name_and_a_date_of_birth_after_its_place_are_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("balik nama mobil ke nama anak syaratnya apa?")]
    [InlineData("nama ibu saya sudah benar")]
    [InlineData("lahir di Jakarta")]
    [InlineData("born in 1985")]
    public void Words_about_a_name_or_a_birthplace_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("d.o.b. 14/03/1985", "d.o.b. [dob]")]
    [InlineData("D.O.B: 14-03-1985", "D.O.B: [dob]")]
    [InlineData("my d.o.b is 5 May 1990", "my d.o.b is [dob]")]
    [InlineData("date of birth - 14 March 1985", "date of birth - [dob]")]
    [InlineData("tgl lahir 14-03-1985", "tgl lahir [dob]")]
    [InlineData("tgl. lahir: 14 Agustus 1990", "tgl. lahir: [dob]")]
    public void A_date_of_birth_after_its_dotted_or_short_words_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("d.o.b. field is empty")]
    [InlineData("D.O.B is required")]
    [InlineData("d.o.b. 1985")]
    public void A_dotted_date_of_birth_word_without_a_date_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("fecha de nacimiento 14/03/1985", "fecha de nacimiento [dob]")]
    [InlineData("Geburtsdatum 14.03.1985", "Geburtsdatum [dob]")]
    [InlineData("data di nascita 14/03/1985", "data di nascita [dob]")]
    [InlineData("date de naissance : 14/03/1985", "date de naissance : [dob]")]
    public void A_date_of_birth_after_another_languages_words_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("My son Peter Parker's school is closed", "My son [name]'s school is closed")]
    [InlineData("Pak Budi's order is late", "Pak [name]'s order is late")]
    public void A_name_before_its_possessive_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));
}
