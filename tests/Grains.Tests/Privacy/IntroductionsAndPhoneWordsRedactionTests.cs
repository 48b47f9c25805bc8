using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// A name a customer introduces themselves with ("I'm John Smith", "Hi, this is Maria Garcia", "saya Budi Santoso"), a
/// phone number a word calls one however it is grouped ("call me at 555-123-4567", "my number is 555 123 4567"), and a
/// house number with its street ("42 Wallaby Way") are replaced; capitalised words that are no names, questions, and
/// numbers that are references, dates or amounts stay.
/// </summary>
public sealed class IntroductionsAndPhoneWordsRedactionTests
{
    [Theory]
    [InlineData("Hi, I'm John Smith and my order hasn't arrived", "Hi, I'm [name] and my order hasn't arrived")]
    [InlineData("Hello this is Maria Garcia, account 12345678", "Hello this is [name], account [account]")]
    [InlineData("I am Priya Patel, email priya.patel@example.com", "I am [name], email [email]")]
    [InlineData("It's Tom here, call me on +44 7700 900123", "It's [name] here, call me on [phone]")]
    [InlineData("I’m Sarah", "I’m [name]")]
    [InlineData("I'm John", "I'm [name]")]
    [InlineData("I am Sarah and I need help", "I am [name] and I need help")]
    [InlineData("I'm John I need help", "I'm [name] I need help")]
    [InlineData("you can call me Bob", "you can call me [name]")]
    [InlineData("this is John from Acme", "this is [name] from Acme")]
    [InlineData("Good morning. This is Anna Lee speaking", "Good morning. This is [name] speaking")]
    [InlineData("I'm Mrs. Smith, booking 55231", "I'm Mrs. [name], booking 55231")]
    [InlineData("I'm Dr Ahmed from the clinic", "I'm Dr [name] from the clinic")]
    [InlineData("I am Ludwig van Beethoven", "I am [name]")]
    [InlineData("I'm Nguyen Van An", "I'm [name]")]
    [InlineData("I'm Jean-Luc Picard, captain", "I'm [name], captain")]
    [InlineData("I'm John Fleming, order 5512", "I'm [name], order 5512")]
    [InlineData("I'm Mohammed Rasheed", "I'm [name]")]
    [InlineData("Perkenalkan, saya Budi Santoso dari Bandung", "Perkenalkan, saya [name] dari Bandung")]
    [InlineData("halo kak, saya Rina mau tanya", "halo kak, saya [name] mau tanya")]
    [InlineData("Aku Dewi, pesanan saya belum sampai", "Aku [name], pesanan saya belum sampai")]
    [InlineData("Saya Pak Budi", "Saya Pak [name]")]
    [InlineData("saya pak Budi Hartono", "saya pak [name]")]
    public void A_name_a_customer_introduces_themselves_with_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("my wife's name is Julia", "my wife's name is [name]")]
    [InlineData("my son's name: Kevin Lee", "my son's name: [name]")]
    [InlineData("my husband John Smith placed the order", "my husband [name] placed the order")]
    [InlineData("my daughter Emma has the card", "my daughter [name] has the card")]
    [InlineData("istriku Siti yang pesan", "istriku [name] yang pesan")]
    [InlineData("istri saya Siti yang pesan", "istri saya [name] yang pesan")]
    public void The_name_of_someone_close_to_the_customer_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("my friend Sue ordered this for me")]
    [InlineData("my boss said no")]
    [InlineData("what's your company's name?")]
    [InlineData("the product's name is wrong")]
    public void Relations_without_a_name_and_names_only_talked_about_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("I'm Sorry but this is not ok")]
    [InlineData("Hi I'm very upset about this")]
    [InlineData("i'm fine")] // no capital and no given name: nothing tells a name from a word
    [InlineData("I'm Indonesian")]
    [InlineData("I'm Frustrated")]
    [InlineData("I'm Waiting for my refund")]
    [InlineData("I'm Still waiting")]
    [InlineData("I'm Unable to log in")]
    [InlineData("I'm Diabetic and need the sugar free one")]
    [InlineData("I'm Gold member")]
    [InlineData("I'm Prime member")]
    [InlineData("I'm Overcharged again")]
    [InlineData("I'm VIP")]
    [InlineData("I Am Very Upset With This Service")]
    [InlineData("I'm Happy To Help")]
    [InlineData("I'M JOHN SMITH")]
    [InlineData("I am Tired of waiting")]
    [InlineData("I'm Done with you")]
    [InlineData("this is Netflix?")]
    [InlineData("is this Amazon?")]
    [InlineData("This is Amazon right")]
    [InlineData("This is Urgent!")]
    [InlineData("This is Outrageous, fix it")]
    [InlineData("This is Unacceptable.")]
    [InlineData("Hi, this is Ridiculous")]
    [InlineData("why is this Bank charging me")]
    [InlineData("it's Monday here")]
    [InlineData("It's Raining here")]
    [InlineData("It's Tom")]
    [InlineData("call me Maybe")]
    [InlineData("please call me ASAP")]
    [InlineData("call me Tomorrow")]
    [InlineData("Saya Mau tanya")]
    [InlineData("Saya Kecewa sekali")]
    [InlineData("saya sudah bayar")]
    [InlineData("Saya Driver Gojek")]
    [InlineData("Aku Mahasiswa")]
    [InlineData("saya BCA")]
    [InlineData("Saya Muslim")]
    public void Capitalised_words_that_are_no_names_and_questions_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("call me at 555-123-4567", "call me at [phone]")]
    [InlineData("my phone number is 555 123 4567", "my phone number is [phone]")]
    [InlineData("my number is 123-456-7890", "my number is [phone]")]
    [InlineData("my cell: 415 555 0100", "my cell: [phone]")]
    [InlineData("text me on 4155550100", "text me on [phone]")]
    [InlineData("my number is 555-0100", "my number is [phone]")]
    [InlineData("reach me at 20 7946 0958 after 5", "reach me at [phone] after 5")]
    [InlineData("Hi this is Chris from accounting, my number is 415 555 0100", "Hi this is [name] from accounting, my number is [phone]")]
    [InlineData("contact number: 555.123.4567", "contact number: [phone]")]
    [InlineData("whatsapp me on 7700 900123", "whatsapp me on [phone]")]
    [InlineData("415 555 0100", "[phone]")]
    [InlineData("call 555-123-4567 tomorrow", "call [phone] tomorrow")]
    public void A_phone_number_a_word_calls_one_or_written_as_a_North_American_one_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("ticket 123-456-7890")]
    [InlineData("order 555-123-4567")]
    [InlineData("my order number is 555-123-4567")]
    [InlineData("my phone is 2 years old")]
    [InlineData("the phone costs 1.299.000")]
    [InlineData("the phone costs Rp 1 299 000")]
    [InlineData("phone number 12-05-2026")]
    [InlineData("my number of orders is 1234567")]
    [InlineData("I have 3 kids 123 456 7890")]
    public void References_dates_amounts_and_counts_near_a_phone_word_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("I live at 42 Wallaby Way, Sydney", "I live at [address]")]
    [InlineData("10 Downing Place, London", "[address]")]
    [InlineData("send it to 7 Oak Lane please", "send it to [address] please")]
    [InlineData("1600 Pennsylvania Avenue", "[address]")]
    [InlineData("send to 12 Baker St, London", "send to [address]")]
    [InlineData("deliver to 1600 Amphitheatre Pkwy, Mountain View", "deliver to [address]")]
    [InlineData("ship to 350 5th Ave", "ship to [address]")]
    [InlineData("Perumahan Griya Indah Blok C2 No. 15, Bekasi", "[address]")]
    [InlineData("alamat: Komplek Taman Sari No. 3", "alamat: [address]")]
    [InlineData("Blok C2 No. 15 ya kak", "[address] ya kak")]
    [InlineData("rumah saya di Gang Mawar no 3 RT 02 RW 05", "rumah saya di [address]")]
    [InlineData("Gg. Kenari 7, Depok", "[address]")]
    [InlineData("antar ke Apartemen Kalibata City Tower B unit 12", "antar ke [address]")]
    public void A_house_number_with_its_street_is_an_address(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("no way 2 Go")]
    [InlineData("we waited 2 hours in the lane")]
    [InlineData("it took place 3 times")]
    [InlineData("buy 2 Dr Pepper")]
    [InlineData("I have 3 St Bernards")]
    [InlineData("akun saya di blok 2 kali")]
    [InlineData("kartu saya diblokir")]
    [InlineData("perumahan ini bagus")]
    [InlineData("the gang of 4 came")]
    [InlineData("gang saya rame")]
    [InlineData("apartemen saya kebanjiran 2 hari")]
    public void Street_words_without_a_house_number_and_a_name_before_them_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("Halo, saya Sari. Ada yang bisa saya bantu?", "Halo, saya Sari. Ada yang bisa saya bantu?")]
    [InlineData("Hi, I'm Ava, your virtual assistant", "Hi, I'm Ava, your virtual assistant")]
    [InlineData("I'm Sari; your number 0812-3456-7890 and Jl. Melati No. 5 are noted", "I'm Sari; your number [phone] and [address]")]
    public void The_writers_own_introduction_is_kept_when_asked_and_all_else_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text, introducedNames: false));

    [Theory]
    [InlineData("08l2 3456 7890", "[phone]")]
    [InlineData("hubungi O812-3456-7890 ya", "hubungi [phone] ya")]
    [InlineData("nomor saya 0812345678O", "nomor saya [phone]")]
    [InlineData("+62 8l2 3456 7890", "[phone]")]
    [InlineData("my phone is O8I2-3456-789O", "my phone is [phone]")]
    [InlineData("call me at 555-l23-4567", "call me at [phone]")]
    [InlineData("wa 08l2.3456.7890, thanks", "wa [phone], thanks")]
    public void A_phone_number_with_a_letter_for_a_digit_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("order ABC-IO12")]
    [InlineData("product code O812 is out")]
    [InlineData("O2 Arena tickets")]
    [InlineData("lol 123 4567")]
    [InlineData("Model08l2 3456 7890")]
    [InlineData("the code is lO12345")]
    [InlineData("Rp 8l2.000")]
    [InlineData("invoice 2O24-10-12")]
    [InlineData("I loOo0ove it 100 times")]
    public void Words_and_codes_with_letters_like_digits_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("Kode promo O812345678")]
    [InlineData("promo code O812345678")]
    [InlineData("kode voucher: O812-3456-789O")]
    [InlineData("order id O8123456789")]
    [InlineData("nomor pesanan O812345678")]
    [InlineData("my voucher code is O812345678")]
    [InlineData("kode booking O812345678")]
    [InlineData("SKU O812345678")]
    [InlineData("ref: O8123456789")]
    [InlineData("no invoice O812345678")]
    [InlineData("kode promo saya O812 3456 789O")]
    public void A_code_with_a_letter_for_a_digit_after_a_code_or_reference_label_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("hubungi O812-3456-7890", "hubungi [phone]")]
    [InlineData("kode promo, hubungi O812-3456-7890", "kode promo, hubungi [phone]")]
    [InlineData("nomor hp saya O812345678", "nomor hp saya [phone]")]
    [InlineData("order id sudah ada, wa O812345678", "order id sudah ada, wa [phone]")]
    public void A_phone_number_with_a_letter_for_a_digit_and_a_phone_word_is_still_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("this is Will Turner", "this is [name]")]
    [InlineData("my name is Will Turner", "my name is [name]")]
    [InlineData("my name is Will", "my name is [name]")]
    [InlineData("this is May Tan from accounting", "this is [name] from accounting")]
    public void A_given_name_that_is_an_everyday_word_is_introduced_as_a_name(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("número de celular 11 98765-4321", "número de celular [phone]")]
    [InlineData("mi teléfono 612 345 678", "mi teléfono [phone]")]
    public void A_phone_number_after_another_languages_phone_word_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));
}
