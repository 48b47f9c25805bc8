using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// A name after an honorific or a title anywhere in a message ("Terima kasih Pak Budi Santoso", "Mrs. Tan Mei Ling",
/// "Ir. Bambang Sutrisno"), a name given as one answers a phone ("ini dengan Budi Santoso") or after "name's", on a
/// header line ("From: Rina Wijaya") or before a role in brackets ("Budi Santoso (pemilik akun)"), and in a text the AI
/// or an agent writes the name a greeting opening it addresses the customer by ("Hi Budi Santoso, ...") are replaced,
/// honorifics kept. Roles, offices, places and trade names after an honorific, words in small letters or capitals, the
/// writer's own introduction and a customer greeting whoever reads stay.
/// </summary>
public sealed class HonorificsGreetingsAndLabelsRedactionTests
{
    [Theory]
    [InlineData("dengan bapak Agus Salim", "dengan bapak [name]")]
    [InlineData("please ask for Mrs. Tan Mei Ling", "please ask for Mrs. [name]")]
    [InlineData("Terima kasih Pak Budi Santoso", "Terima kasih Pak [name]")]
    [InlineData("Mr. Budi Santoso", "Mr. [name]")]
    [InlineData("Salam hormat,\nIr. Bambang Sutrisno", "Salam hormat,\nIr. [name]")]
    [InlineData("tadi sudah ditelepon Bu Ratna Sari dari cabang", "tadi sudah ditelepon Bu [name] dari cabang")]
    [InlineData("I spoke with Ms Jennifer Lopez yesterday", "I spoke with Ms [name] yesterday")]
    [InlineData("Prof. Dr. Hendra Gunawan sudah setuju", "Prof. Dr. [name] sudah setuju")]
    [InlineData("paket untuk Hj. Siti Aminah sudah sampai?", "paket untuk Hj. [name] sudah sampai?")]
    [InlineData("kiriman atas H. Agus Salim", "kiriman atas H. [name]")]
    [InlineData("titip ke Mbak Yuliana ya", "titip ke Mbak [name] ya")]
    [InlineData("Kak Dinda, pesanan saya belum sampai", "Kak [name], pesanan saya belum sampai")]
    [InlineData("the parcel is for Dr. Kevin O'Brien", "the parcel is for Dr. [name]")]
    [InlineData("Om Hendra yang pesan", "Om [name] yang pesan")]
    [InlineData("please refund Sir Patrick Stewart", "please refund Sir [name]")]
    [InlineData("K.H. Ahmad Dahlan", "K.H. [name]")]
    [InlineData("minta tolong Prof Hartono cek", "minta tolong Prof [name] cek")]
    [InlineData("Dengan hormat,\nDrs. H. Ahmad Fauzi, M.Si.", "Dengan hormat,\nDrs. H. [name], M.Si.")]
    public void A_name_after_an_honorific_or_a_title_is_replaced_and_the_honorific_kept(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("Pak RT sudah tanda tangan")]
    [InlineData("Bu guru minta fotokopi KTP")]
    [InlineData("Kak Admin tolong dibantu")]
    [InlineData("Mas kurir belum datang")]
    [InlineData("Mas Kurir belum datang")]
    [InlineData("Ibu Kota Jakarta macet")]
    [InlineData("Bapak/Ibu mohon ditunggu")]
    [InlineData("Bapak Presiden sudah bicara")]
    [InlineData("beli Dr. Pepper 2 kaleng")]
    [InlineData("buy 2 Dr Pepper")]
    [InlineData("Kak, pesanan saya belum sampai")]
    [InlineData("Pak, Tolong dicek")]
    [InlineData("Dear Sir, My son is sick")]
    [InlineData("yes sir")]
    [InlineData("I use Ms Word for the invoice")]
    [InlineData("rumah di Jl. Ir. H. Juanda dekat stasiun")]
    [InlineData("Pak Polisi menilang saya")]
    public void Roles_places_and_words_after_an_honorific_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("ini dengan Budi Santoso", "ini dengan [name]")]
    [InlineData("Halo, ini dengan Rina dari Bandung", "Halo, ini dengan [name] dari Bandung")]
    [InlineData("saya dengan Budi, mau tanya soal refund", "saya dengan [name], mau tanya soal refund")]
    [InlineData("dengan Budi di sini, mau komplain", "dengan [name] di sini, mau komplain")]
    [InlineData("Selamat pagi, dengan Dewi Lestari disini", "Selamat pagi, dengan [name] disini")]
    [InlineData("name's Kevin O'Brien", "name's [name]")]
    [InlineData("Name's Jean-Luc, order 5512", "Name's [name], order 5512")]
    [InlineData("I'm Kevin O’Brien", "I'm [name]")]
    [InlineData("From: Rina Wijaya\nSubject: refund", "From: [name]\nSubject: refund")]
    [InlineData("Dari: Budi Santoso", "Dari: [name]")]
    [InlineData("Pesanan 5512\nPengirim: Siti Aminah\nTujuan: Bandung", "Pesanan 5512\nPengirim: [name]\nTujuan: Bandung")]
    [InlineData("Sender: Mary-Jane Watson <mj@example.com>", "Sender: [name] <[email]>")]
    [InlineData("Nama: Agus Salim", "Nama: [name]")]
    [InlineData("Budi Santoso (pemilik akun) minta refund", "[name] (pemilik akun) minta refund")]
    [InlineData("Budi Santoso (saya) yang pesan", "[name] (saya) yang pesan")]
    [InlineData("please refund Michael Tan (account holder)", "please refund [name] (account holder)")]
    [InlineData("transfer dari Dewi Lestari (pemilik rekening) belum masuk", "transfer dari [name] (pemilik rekening) belum masuk")]
    [InlineData("From: \"Rina Wijaya\" <rina@example.com>", "From: \"[name]\" <[email]>")]
    [InlineData("Salam,\nBudi Santoso, S.T.", "Salam,\n[name], S.T.")]
    [InlineData("Hormat kami,\nAgus Salim, M.Kom", "Hormat kami,\n[name], M.Kom")]
    [InlineData("Jane Foster, PhD", "[name], PhD")]
    public void A_name_given_as_on_the_phone_on_a_header_line_or_before_a_role_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("ini dengan Shopee?")]
    [InlineData("saya dengan teman mau pesan")]
    [InlineData("ini dengan BCA ya?")]
    [InlineData("Dengan Hormat,\nsaya mau komplain")]
    [InlineData("Subject: Refund request")]
    [InlineData("Re: Refund please")]
    [InlineData("To: Whom it may concern")]
    [InlineData("from Jakarta to Bali")]
    [InlineData("Netflix (customer service) is down")]
    [InlineData("Jakarta (ibu kota) banjir")]
    [InlineData("the product name's too long")]
    [InlineData("Jakarta, ST 12")]
    [InlineData("I live in Jakarta, SE Asia")]
    [InlineData("I live in St. Louis")]
    [InlineData("dirawat di RS St. Carolus")]
    [InlineData("Dari: Jakarta")]
    [InlineData("Pesanan 5512\nPengirim: Tokopedia\nTujuan: Bandung")]
    [InlineData("transfer dari Mandiri (rekening saya) gagal")]
    [InlineData("Gopay (akun saya) error terus")]
    [InlineData("Netflix (my account) was charged twice")]
    [InlineData("the c/o field is empty")]
    [InlineData("**Product name:** iPhone 15")]
    [InlineData("Hello there, Jakarta here is hot")]
    public void Questions_companions_subjects_and_services_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("Hi Budi Santoso, I see your card was charged twice", "Hi [name], I see your card was charged twice")]
    [InlineData("Halo Kak Rina, pesanan Anda sedang dikirim", "Halo Kak [name], pesanan Anda sedang dikirim")]
    [InlineData("Hello Maria! How can I help?", "Hello [name]! How can I help?")]
    [InlineData("Good morning Sarah, your refund is on its way", "Good morning [name], your refund is on its way")]
    [InlineData("Selamat pagi Bapak Agus, ada yang bisa dibantu?", "Selamat pagi Bapak [name], ada yang bisa dibantu?")]
    [InlineData("Dear Kevin O'Brien,\nyour ticket is closed", "Dear [name],\nyour ticket is closed")]
    [InlineData("Hai Dewi, terima kasih sudah menunggu", "Hai [name], terima kasih sudah menunggu")]
    [InlineData("Hi, Budi! Your order shipped.", "Hi, [name]! Your order shipped.")]
    [InlineData("Selamat siang Rina", "Selamat siang [name]")]
    [InlineData("Thanks Budi, I will check", "Thanks [name], I will check")]
    [InlineData("Terima kasih Dewi, sudah kami proses", "Terima kasih [name], sudah kami proses")]
    public void The_name_the_AI_or_an_agent_greets_the_customer_by_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text, introducedNames: false));

    [Theory]
    [InlineData("Hi there, how can I help?")]
    [InlineData("Halo, saya Sari. Ada yang bisa saya bantu?")]
    [InlineData("Saya Mbak Sari dari tim CS, ada yang bisa dibantu?")]
    [InlineData("Hello, Welcome to Acme support")]
    [InlineData("Hello! Your order 5512 is on its way")]
    [InlineData("Dear Valued Customer, thank you")]
    [InlineData("Regards, Sari")]
    [InlineData("Terima kasih, Sari")]
    [InlineData("Hello Sir, how can I help?")]
    [InlineData("Hi Jakarta team, the outage is fixed")]
    public void The_writers_own_name_and_greetings_without_a_name_stay_in_an_agents_text(string text) =>
        Assert.Equal(text, Redactor.Redact(text, introducedNames: false));

    [Theory]
    [InlineData("Hi Team, my card was charged twice")]
    [InlineData("Hello Support, I need help")]
    [InlineData("Hi Budi, saya mau tanya")]
    [InlineData("Halo Admin, pesanan saya mana?")]
    public void A_customer_greeting_whoever_reads_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("the order is under Maria Gonzalez", "the order is under [name]")]
    [InlineData("the phone is registered to John Smith", "the phone is registered to [name]")]
    [InlineData("it was sent by Rina Wijaya", "it was sent by [name]")]
    [InlineData("it was sent by Rina, not me", "it was sent by [name], not me")]
    [InlineData("booking under the name of Ahmad Fauzi", "booking under the name of [name]")]
    [InlineData("the reservation is under the name Siti Rahayu", "the reservation is under the name [name]")]
    [InlineData("the account is under Budi Santoso since 2019", "the account is under [name] since 2019")]
    [InlineData("booked under John Smith for two nights", "booked under [name] for two nights")]
    [InlineData("it's under Budi", "it's under [name]")]
    [InlineData("the parcel was addressed to Michael Brown at the old place", "the parcel was addressed to [name] at the old place")]
    [InlineData("the SIM belongs to Dewi Lestari", "the SIM belongs to [name]")]
    [InlineData("the cheque is made out to Peter Parker", "the cheque is made out to [name]")]
    [InlineData("paketnya dikirim oleh Rina Wijaya kemarin", "paketnya dikirim oleh [name] kemarin")]
    [InlineData("suratnya ditujukan kepada Bapak Agus Salim", "suratnya ditujukan kepada Bapak [name]")]
    public void A_name_a_thing_is_held_under_registered_to_or_sent_by_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("the ticket is under Review")]
    [InlineData("my phone is still under warranty")]
    [InlineData("it is under Warranty until June")]
    [InlineData("the case is under Investigation")]
    [InlineData("the phone is registered to Tokopedia")]
    [InlineData("it was sent by DHL yesterday")]
    [InlineData("it was sent by Shopee")]
    [InlineData("it was sent by Ninja Xpress")]
    [InlineData("paketnya dikirim oleh Tokopedia")]
    [InlineData("the account is registered under Jakarta branch")]
    [InlineData("my laptop is under Apple Care")]
    [InlineData("the shop is registered to Budi Santoso Store")]
    [InlineData("the account is under my husband's name")]
    [InlineData("items listed under Kitchen Tools")]
    [InlineData("sent by JNE Express")]
    public void States_companies_places_and_brands_after_those_words_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("My tickets are booked under Economy Class.")]
    [InlineData("booked under Flexi Fare")]
    [InlineData("The product is under Flash Sale now.")]
    [InlineData("The booking is under Deluxe Room.")]
    [InlineData("Belongs to Winter Collection.")]
    [InlineData("listed under Best Seller")]
    [InlineData("it is under Premium Economy")]
    [InlineData("registered under Business Account")]
    [InlineData("the seat is booked under Business Class")]
    [InlineData("registered under Silver Tier")]
    [InlineData("the item is under Mega Sale")]
    [InlineData("listed under New Arrivals")]
    [InlineData("booked under Promo Fare")]
    [InlineData("the hotel is booked under Superior Twin")]
    [InlineData("my booking was placed under Standard Room")]
    [InlineData("it belongs to Platinum Tier")]
    [InlineData("registered to Premium Plan")]
    [InlineData("the room was reserved under Summer Package")]
    [InlineData("the shirt belongs to Spring Series")]
    [InlineData("the bag is under Ramadan Sale today")]
    public void Fares_classes_rooms_plans_sales_and_collections_after_those_words_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("the order is under Maria Gonzalez", "the order is under [name]")]
    [InlineData("booked under the name of Ahmad Fauzi", "booked under the name of [name]")]
    [InlineData("registered to John Smith", "registered to [name]")]
    [InlineData("sent by Rina Wijaya", "sent by [name]")]
    [InlineData("it is listed under Anna Smith", "it is listed under [name]")]
    [InlineData("the order was placed under Ahmad Fauzi", "the order was placed under [name]")]
    [InlineData("reserved under Mrs. Tan Mei Ling", "reserved under Mrs. [name]")]
    public void A_person_a_thing_is_booked_under_registered_to_or_sent_by_is_still_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("I love Lady Grey tea")]
    [InlineData("Mr. Potato chips are great")]
    [InlineData("my son wants a Mr. Potato Head")]
    [InlineData("beli Pak Tani beras 5kg")]
    [InlineData("pupuk Pak Tani bagus")]
    [InlineData("Mrs. Fields cookies are sold out")]
    public void A_brand_named_as_a_figure_after_an_honorific_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("I met Lady Grey yesterday", "I met Lady [name] yesterday")]
    [InlineData("Terima kasih Pak Budi, berasnya sudah sampai", "Terima kasih Pak [name], berasnya sudah sampai")]
    [InlineData("Halo Bu Sri", "Halo Bu [name]")]
    [InlineData("kopi Pak Budi enak", "kopi Pak [name] enak")]
    public void A_person_after_an_honorific_near_a_product_is_still_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("**Name:** Oliver Brown\n**Email:** oliver.b@gmail.com", "**Name:** [name]\n**Email:** [email]")]
    [InlineData("__Nama:__ Budi Santoso", "__Nama:__ [name]")]
    [InlineData("c/o Anna Schmidt", "c/o [name]")]
    [InlineData("Dear support, Olga Ivanova here", "Dear support, [name] here")]
    public void A_name_after_a_label_in_markdown_in_care_of_or_after_a_greeting_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("Logitech MX Master 3S scroll wheel squeaks")]
    [InlineData("is the MX Keys Mini in stock?")]
    public void A_products_series_in_capitals_is_no_honorific(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Fact]
    public void Mx_in_capitals_with_its_dot_is_an_honorific() =>
        Assert.Equal("MX. [name]", Redactor.Redact("MX. Jordan Lee"));
}
