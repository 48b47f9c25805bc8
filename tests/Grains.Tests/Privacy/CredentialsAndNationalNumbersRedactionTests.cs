using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// A password after the short labels "pass" and "pw", after "'s" or after the words that say how it was set; a user's name
/// and password given as a pair ("email/password: …", "credentials are admin/admin123"); another country's national
/// identity, insurance or tax number after its word (<c>[national-id]</c>); a wallet address that ends a question or runs
/// into a dash; a name written after "name -", signed with a dash, or introduced with "I am called" or "panggil saja"; a
/// street whose name holds a title or an initial ("Jl. Jend. Sudirman", "Jl. Letjen S. Parman") redacted whole; a common
/// given name written in small letters after the words that introduce one ("i'm john", "saya budi"); a street in small
/// letters after a house number in a message written without capitals. Everyday uses of the same words stay.
/// </summary>
public sealed class CredentialsAndNationalNumbersRedactionTests
{
    [Theory]
    [InlineData("pass: Summer2024!", "pass: [password]")]
    [InlineData("pw: hunter2", "pw: [password]")]
    [InlineData("PW = Rahasia99", "PW = [password]")]
    [InlineData("my pass is fluffy99", "my pass is [password]")]
    [InlineData("my password's Summer2024", "my password's [password]")]
    [InlineData("password was changed to Blue$ky77", "password was changed to [password]")]
    [InlineData("the password I used is Blue$ky77", "the password I used is [password]")]
    [InlineData("I set my password to Blue$ky77 yesterday", "I set my password to [password] yesterday")]
    [InlineData("sandi diganti jadi Rahasia123", "sandi diganti jadi [password]")]
    public void A_password_after_a_short_label_or_how_it_was_set_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("email/password: maria@x.com / Pa55word", "email/password: [email] / [password]")]
    [InlineData("user/pass: bob / Secret1", "user/pass: [handle] / [password]")]
    [InlineData("credentials are admin/admin123", "credentials are [handle]/[password]")]
    [InlineData("creds: root / toor", "creds: [handle] / [password]")]
    [InlineData("login admin/letmein please", "login [handle]/[password] please")]
    [InlineData("login: maria.g / pass: Summer2024!", "login: [handle] / pass: [password]")]
    [InlineData("my login is john_doe and my pass is Xy12345", "my login is [handle] and my pass is [password]")]
    [InlineData("uname budi99 pwd budi123", "uname [handle] pwd [password]")]
    [InlineData("pw nya Rahasia123", "pw nya [password]")]
    public void A_user_name_and_password_given_as_a_pair_are_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("pass the message to my manager")]
    [InlineData("I need a boarding pass for tomorrow")]
    [InlineData("my pass is expired")]
    [InlineData("I forgot my password to the portal")]
    [InlineData("I changed my password to something stronger")]
    [InlineData("password reset to default please")]
    [InlineData("login page keeps crashing")]
    [InlineData("login failed 3 times")]
    [InlineData("credentials are wrong")]
    [InlineData("the login is broken")]
    [InlineData("pass nya expired")]
    [InlineData("what's the wifi password?")]
    [InlineData("the blue/green one, size 42/44")]
    [InlineData("I shop at Tokopedia , com is slow")]
    [InlineData("I shop at tokopedia,com")]
    public void Everyday_uses_of_the_same_words_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("my NI number is QQ 12 34 56 C", "my NI number is [national-id]")]
    [InlineData("national insurance number QQ123456C", "national insurance number [national-id]")]
    [InlineData("SIN 046 454 286", "SIN [national-id]")]
    [InlineData("my social insurance number is 046-454-286", "my social insurance number is [national-id]")]
    [InlineData("my tax file number is 123 456 782.", "my tax file number is [national-id].")]
    [InlineData("aadhaar: 2345-6789-0123, thanks", "aadhaar: [national-id], thanks")]
    [InlineData("CPF 123.456.789-09", "CPF [national-id]")]
    [InlineData("My DNI is 12345678Z", "My DNI is [national-id]")]
    [InlineData("my NRIC is S1234567D", "my NRIC is [national-id]")]
    [InlineData("identity card no. 1234567890", "identity card no. [national-id]")]
    public void A_national_number_after_its_word_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("the sin of 123456 people")]
    [InlineData("national holiday 2024 is on 17 August")]
    [InlineData("insurance policy 12345678")]
    [InlineData("tax 2024 invoice 12345678")]
    [InlineData("ni no resi 1234567890 ya")]
    [InlineData("The fin of my surfboard 123456 broke")]
    [InlineData("Tin of paint 500000 rupiah")]
    [InlineData("IC 7805 voltage regulator 100 pcs")]
    public void Other_numbers_beside_the_same_words_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("my PAN is ABCDE1234F pls", "my PAN is [national-id] pls")]
    [InlineData("pan card no: abcpe1234f", "pan card no: [national-id]")]
    [InlineData("nomor pan saya AAAPL1234C", "nomor pan saya [national-id]")]
    [InlineData("PAN: BNZPM2501F.", "PAN: [national-id].")]
    [InlineData("here it is AAAPL1234C", "here it is [national-id]")]
    [InlineData("KTP 3171234567890123 dan PAN ABCDE1234F", "KTP [nik] dan PAN [national-id]")]
    public void An_indian_permanent_account_number_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("kode promo SALEX2024Z")]
    [InlineData("order ABCDE1234F")]
    [InlineData("order abcpe1234f")]
    [InlineData("the PAN ABCDE12345F is too long")]
    [InlineData("code XABCPE1234F")]
    public void A_code_of_another_shape_or_without_a_holders_letter_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("my tax id is 123-45-6789", "my tax id is [ssn]")]
    [InlineData("tax id 12.345.678.9-012.345 ok", "tax id [npwp] ok")]
    public void A_tax_id_stays_read_by_the_number_rules(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("is this right 0x52908400098527886E0F7030069857D2E4169EE7?", "is this right [wallet]?")]
    [InlineData("send it to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq-thanks", "send it to [wallet]-thanks")]
    [InlineData("send it to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq - thanks", "send it to [wallet] - thanks")]
    public void A_wallet_that_ends_a_question_or_meets_a_dash_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("file 0x52908400098527886E0F7030069857D2E4169EE7-2.pdf")]
    [InlineData("wallet 0x52908400098527886E0F7030069857D2E4169EE7?ref=abc")]
    public void A_wallet_inside_a_longer_token_is_not_read_as_one(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("name - John Smith", "name - [name]")]
    [InlineData("Name \u2013 Budi Santoso", "Name \u2013 [name]")]
    [InlineData("\u2014 Sarah", "\u2014 [name]")]
    [InlineData("My order never came. \u2014 Sarah", "My order never came. \u2014 [name]")]
    [InlineData("where is my refund?\n-- Tom", "where is my refund?\n-- [name]")]
    [InlineData("I am called Jane Doe", "I am called [name]")]
    [InlineData("I'm named Jane", "I'm named [name]")]
    [InlineData("panggil saja Rina", "panggil saja [name]")]
    [InlineData("panggil aja Budi ya kak", "panggil aja [name] ya kak")]
    public void A_name_after_a_dash_or_a_name_it_is_called_by_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("the blue one - Nike")]
    [InlineData("Brand name - Nike")]
    [InlineData("open from 9 - 5")]
    [InlineData("I need it asap. - Thanks")]
    [InlineData("the thing is called Xbox")]
    [InlineData("I'm called back by Amazon")]
    [InlineData("panggil saja CS nya")]
    public void Dashes_and_calling_words_without_a_name_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("alamat kantor: Gedung Sudirman Lt. 5, Jl. Jend. Sudirman Kav. 21", "alamat kantor: [address]")]
    [InlineData("alamat: Jl. Letjen S. Parman No. 28, Jakarta Barat", "alamat: [address]")]
    [InlineData("kirim ke Jl. K.H. Mas Mansyur No. 5", "kirim ke [address]")]
    [InlineData("alamat saya Jl. R.A. Kartini 12. Terima kasih", "alamat saya [address]. Terima kasih")]
    public void A_street_named_with_a_title_or_an_initial_is_replaced_whole(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("i live at 10 downing street london", "i live at [address]")]
    [InlineData("send it to flat 3, 12 high street", "send it to [address]")]
    [InlineData("i live at 5 main st", "i live at [address]")]
    [InlineData("deliver to 45 ocean avenue, apt 2", "deliver to [address]")]
    public void A_street_in_small_letters_after_a_house_number_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("rumah saya jalan mawar no 3", "rumah saya [address]")]
    [InlineData("kirim ke jalan kenanga indah nomor 12 ya", "kirim ke [address] ya")]
    [InlineData("di jalan mawar no. 3 rt 2", "di [address]")]
    public void A_jalan_in_small_letters_with_its_number_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("jalan macet no 1 di jakarta")]
    [InlineData("lagi jalan kaki no 2")]
    [InlineData("saya jalan dulu no 1 urusan")]
    public void A_jalan_that_names_no_street_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("waited 2 hours on the road")]
    [InlineData("stuck 3 hours on main road")]
    [InlineData("i paid 20 dollars street parking")]
    [InlineData("order 12 high street shoes")]
    [InlineData("it's 2 blocks down the road")]
    [InlineData("found 1 easy way")]
    [InlineData("bought 2 usb drive")]
    public void Counts_before_a_road_in_small_letters_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("i'm john", "i'm [name]")]
    [InlineData("this is john smith from accounts", "this is [name] from accounts")]
    [InlineData("hi this is sarah", "hi this is [name]")]
    [InlineData("call me sarah", "call me [name]")]
    [InlineData("im budi", "im [name]")]
    [InlineData("im John", "im [name]")]
    [InlineData("i am ali", "i am [name]")]
    [InlineData("saya budi, mau tanya", "saya [name], mau tanya")]
    [InlineData("saya budi santoso mau tanya", "saya [name] mau tanya")]
    [InlineData("I'm john and my email is john at gmail", "I'm [name] and my email is [email]")]
    public void A_given_name_in_small_letters_after_an_introduction_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("i'm tired")]
    [InlineData("im going to cancel")]
    [InlineData("this is ridiculous")]
    [InlineData("saya mau tanya")]
    [InlineData("mau saya puji")]
    [InlineData("saya yoga tiap pagi")]
    [InlineData("i told john about it")]
    public void Small_words_after_an_introduction_and_names_said_otherwise_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Fact]
    public void A_user_name_that_starts_with_a_given_name_stays_one_user_name() =>
        Assert.Equal("akun tiktok saya [handle]", Redactor.Redact("akun tiktok saya budi_santoso99"));

    [Theory]
    [InlineData("NIN 12345678901", "NIN [national-id]")]
    [InlineData("my BVN is 22123456789", "my BVN is [national-id]")]
    [InlineData("RUT 12.345.678-5", "RUT [national-id]")]
    [InlineData("RFC GODE561231GR8", "RFC [national-id]")]
    [InlineData("FIN G1234567N", "FIN [national-id]")]
    [InlineData("Emirates ID 784-1985-1234567-1", "Emirates ID [national-id]")]
    [InlineData("PhilHealth 12-345678901-2", "PhilHealth [national-id]")]
    [InlineData("TIN 123-456-789-000", "TIN [national-id]")]
    [InlineData("IC no 900101-10-1234", "IC no [national-id]")]
    [InlineData("Personalausweis L01X00T47", "Personalausweis [national-id]")]
    [InlineData("AHV 756.1234.5678.97", "AHV [national-id]")]
    [InlineData("TC kimlik 10000000146", "TC kimlik [national-id]")]
    [InlineData("numéro de sécurité sociale 1 85 05 78 006 084 36", "numéro de sécurité sociale [national-id]")]
    [InlineData("NI: QQ 12 34 56 C", "NI: [national-id]")]
    public void More_countries_national_numbers_after_their_words_are_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("the tin is 123456 grams")]
    [InlineData("es ist ein 12345678 Fehler")]
    [InlineData("emirates 12345678 booking")]
    public void Everyday_words_that_also_label_a_national_number_stay_in_small_letters(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("my tin number is 123-456-789-000", "my tin number is [national-id]")]
    [InlineData("EIN 12-3456789", "EIN [national-id]")]
    public void Such_a_word_before_number_or_in_capitals_still_labels_one(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));
}
