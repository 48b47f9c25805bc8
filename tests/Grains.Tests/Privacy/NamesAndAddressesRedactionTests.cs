using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// A name the customer gives after the words that announce one, and a postal address after "address" / "alamat" or
/// written as a street with its number (as Indonesia, English-speaking countries, Germany, Austria, Switzerland, the
/// Netherlands, Belgium, France, Spain, Italy, Portugal, Brazil and Japan write one, or after the words for where someone
/// lives or a parcel goes), are replaced; what is only said of a name or an address, streets and roads talked about, and
/// street words before a count, a code or a town alone, stay.
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

    [Theory]
    [InlineData("Hauptstraße 12, 10115 Berlin", "[address]")]
    [InlineData("meine Adresse: Bahnhofstr. 5a, 8001 Zürich", "meine Adresse: [address]")]
    [InlineData("Am Markt 3, 1010 Wien", "[address]")]
    [InlineData("Graben 21, 1010 Wien", "[address]")]
    [InlineData("bitte an Berliner Straße 7 liefern", "bitte an [address]")]
    [InlineData("Ich wohne in der Lindenallee 9 und arbeite in Mitte", "Ich wohne in der [address] und arbeite in Mitte")]
    [InlineData("send it to Kurfürstendamm 21, Berlin", "send it to [address]")]
    [InlineData("Sonnenweg 4, 6020 Innsbruck", "[address]")]
    [InlineData("Herrengasse 17, Graz", "[address]")]
    [InlineData("Schillerplatz 2 please", "[address] please")]
    [InlineData("Kaiser-Wilhelm-Straße 8, Hamburg", "[address]")]
    [InlineData("Mittlerer Ring 5, München", "[address]")]
    [InlineData("Unter den Linden 77, 10117 Berlin", "[address]")]
    [InlineData("Hauptstraße Nr. 12, Köln", "[address]")]
    [InlineData("Kerkstraat 12, 1017 GC Amsterdam", "[address]")]
    [InlineData("Prinsengracht 263, Amsterdam", "[address]")]
    [InlineData("Beethovenlaan 4, Utrecht", "[address]")]
    [InlineData("Stationsplein 1, Rotterdam", "[address]")]
    [InlineData("Waterloosesteenweg 10, 1180 Uccle", "[address]")]
    public void A_german_austrian_swiss_or_dutch_street_with_its_number_is_an_address(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("12 rue de la Paix, 75002 Paris", "[address]")]
    [InlineData("livrer au 5 avenue Anatole France", "livrer au [address]")]
    [InlineData("10 boulevard Saint-Germain, Paris", "[address]")]
    [InlineData("3 place de la Concorde", "[address]")]
    [InlineData("8 chemin des Vignes, Lyon", "[address]")]
    [InlineData("4 allée des Roses", "[address]")]
    [InlineData("2 impasse Bonaparte", "[address]")]
    [InlineData("12 bis rue Victor Hugo", "[address]")]
    [InlineData("3 bd Haussmann, 75009 Paris", "[address]")]
    [InlineData("5 Avenue of the Americas, New York", "[address]")]
    [InlineData("Rue de la Loi 16, 1000 Bruxelles", "[address]")]
    public void A_french_or_belgian_street_with_its_number_is_an_address(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("Calle Mayor 5, 28013 Madrid", "[address]")]
    [InlineData("Avenida Paulista 1578, São Paulo", "[address]")]
    [InlineData("Avenida Paulista, 1578 - Bela Vista", "[address]")]
    [InlineData("Via Roma 10, 00184 Roma", "[address]")]
    [InlineData("please ship to Via Garibaldi 25, 10122 Torino, thanks", "please ship to [address], thanks")]
    [InlineData("Piazza di Spagna 3, Roma", "[address]")]
    [InlineData("Viale Trastevere 20", "[address]")]
    [InlineData("Corso Buenos Aires 33, Milano", "[address]")]
    [InlineData("Rua Augusta, nº 1500, São Paulo", "[address]")]
    [InlineData("Paseo de la Castellana 100, Madrid", "[address]")]
    [InlineData("Plaza Mayor 1, Salamanca", "[address]")]
    [InlineData("Carrer de Mallorca 401, Barcelona", "[address]")]
    [InlineData("Via Roma n. 10, Milano", "[address]")]
    [InlineData("Av. Paulista 1000, São Paulo", "[address]")]
    [InlineData("My office is at Calle de Alcalá 50, Madrid", "My office is at [address]")]
    public void A_spanish_italian_or_portuguese_street_with_its_number_is_an_address(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("〒100-0001 東京都千代田区千代田1-1", "[address]")]
    [InlineData("大阪府大阪市北区梅田3-1-1", "[address]")]
    [InlineData("私の住所は大阪府大阪市北区梅田3-1-1です", "私の住所は[address]です")]
    [InlineData("東京都港区六本木6丁目10-1", "[address]")]
    [InlineData("〒 100-0001 東京都千代田区千代田１－１", "[address]")]
    [InlineData("北海道札幌市中央区北1条西2-1", "[address]")]
    [InlineData("〒100-0001", "[address]")]
    [InlineData("postal code 〒1500002 please", "postal code [address] please")]
    public void An_address_in_japanese_script_or_a_japanese_postal_code_is_an_address(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("I live at 10 downing street, London", "I live at [address]")]
    [InlineData("Please ship to 12 main street, Springfield", "Please ship to [address]")]
    [InlineData("Deliver to 45 ocean avenue", "Deliver to [address]")]
    [InlineData("send it to kerkstraat 12", "send it to [address]")]
    [InlineData("I live at flat 3, 12 high street", "I live at [address]")]
    [InlineData("Ship to 12 rue de la paix", "Ship to [address]")]
    [InlineData("I live at via roma 10", "I live at [address]")]
    public void A_street_and_its_number_after_where_someone_lives_or_a_parcel_goes_is_an_address(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("the shop on Oxford Street is closed")]
    [InlineData("Champs-Élysées is beautiful")]
    [InlineData("Via Roma is busy")]
    [InlineData("Hauptstraße is closed for works")]
    [InlineData("Kerkstraat is busy today")]
    [InlineData("Rue 21 sale")]
    [InlineData("Via 5 items")]
    [InlineData("Plaza Indonesia mall")]
    [InlineData("Avenue Q tickets")]
    [InlineData("Calle 13 concert")]
    [InlineData("7 rue items")]
    [InlineData("I rue the day 2 times")]
    [InlineData("3 cours de danse")]
    [InlineData("I need 3 place cards for the table")]
    [InlineData("Top 5 Place To Visit")]
    [InlineData("sent via DHL 2 days ago")]
    [InlineData("bayar via BCA 5 juta")]
    [InlineData("ketemu di Plaza Senayan 2 jam lagi")]
    [InlineData("Plaza Indonesia Lt 3")]
    [InlineData("Via Roma 10,50 €")]
    [InlineData("Largo Winch 2 movie")]
    [InlineData("Cane Corso 2 puppies")]
    [InlineData("Spring 2024 collection")]
    [InlineData("String 5 pack")]
    [InlineData("Offering 3 options")]
    [InlineData("Hauptstraße 5 Minuten entfernt")]
    [InlineData("auf Platz 3 gelandet")]
    [InlineData("order 12190 sudah sampai")]
    [InlineData("pesanan 12190 belum sampai")]
    [InlineData("invoice 75002 Paris")]
    [InlineData("Order 5, 10115 Berlin")]
    [InlineData("Necktie 2 pcs")]
    [InlineData("Ultra 2 pcs")]
    [InlineData("It took 1 Long Walk")]
    [InlineData("東京で一番安い店")]
    [InlineData("三丁目の夕日を見た")]
    [InlineData("北京市地铁10号线")]
    [InlineData("Pak RT minta fotokopi KTP")]
    [InlineData("RT 5 rapat besok jam 7")]
    [InlineData("Start 3/4 of the tutorial")]
    [InlineData("Room 5, 10115 Berlin")]
    [InlineData("Season 2 of The Crown")]
    [InlineData("Windows 10, 2004 Update")]
    [InlineData("Real Madrid 3, Barcelona 1")]
    [InlineData("Via Zoom 3pm")]
    [InlineData("Corso di laurea 2 anni")]
    [InlineData("Promo 12.12 di Plaza Indonesia")]
    [InlineData("SKU VIA-2040 ready")]
    [InlineData("2024年3-4月")]
    [InlineData("第1-2章")]
    [InlineData("北京市2号線")]
    public void Streets_named_without_their_number_and_street_words_before_a_count_a_code_or_an_amount_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("Please send 2 Rue Madame tops.")]
    [InlineData("Saya beli 2 Boulevard Mall voucher.")]
    [InlineData("Please send me 2 Rue Madame tops")]
    [InlineData("Mau beli 2 Avenue Mall tiket")]
    [InlineData("kirim 3 Place Vendome bags ya")]
    [InlineData("Saya mau pesan 2 Rue Madame ya")]
    [InlineData("I need 2 Boulevard Mall vouchers please")]
    [InlineData("buy 3 Avenue Montaigne bags")]
    [InlineData("send 2 Avenue des Champs-Élysées shirts")]
    public void A_quantity_bought_or_sent_before_a_french_street_word_and_a_name_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("deliver to 12 rue de la Paix, 75002 Paris", "deliver to [address]")]
    [InlineData("my address is 5 avenue Anatole France", "my address is [address]")]
    [InlineData("send them to 12 rue de la Paix, Paris", "send them to [address]")]
    [InlineData("I live at 12 rue de Rivoli", "I live at [address]")]
    public void A_french_street_with_its_number_after_other_words_is_still_an_address(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("ship to Jakarta")]
    [InlineData("send it to Surabaya")]
    [InlineData("deliver to the office")]
    [InlineData("I live at home")]
    [InlineData("send it to 3 people")]
    [InlineData("ship to 2 addresses")]
    [InlineData("deliver to 2 different places")]
    [InlineData("live at 5pm")]
    [InlineData("I stay at Hotel 5 nights")]
    [InlineData("ship to Plaza Indonesia")]
    public void A_town_or_a_place_without_a_street_and_its_number_after_where_someone_lives_or_a_parcel_goes_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Fact]
    public void An_e_mail_address_is_an_e_mail_not_a_postal_address() =>
        Assert.Equal("my email address is [email]", Redactor.Redact("my email address is jane@example.com"));

    [Theory]
    [InlineData("Rua 25 de Março 100", "[address]")]
    [InlineData("Minha loja fica na Rua 25 de Março 100, São Paulo", "Minha loja fica na [address]")]
    [InlineData("Avenida 9 de Julio 1925, Buenos Aires", "[address]")]
    [InlineData("Via 4 Novembre 96, Roma", "[address]")]
    public void A_street_named_for_a_date_with_its_number_is_an_address(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("東京都千代田区千代田一丁目一番一号", "[address]")]
    [InlineData("大阪市北区梅田三丁目", "[address]")]
    [InlineData("北京市朝阳区建国路88号", "[address]")]
    [InlineData("台北市信義區信義路五段7號", "[address]")]
    public void A_block_numbered_in_kanji_or_a_chinese_house_number_is_an_address(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("Mieszkam przy ul. Piotrkowskiej 100", "Mieszkam przy [address]")]
    [InlineData("Drottninggatan 53, Stockholm", "[address]")]
    [InlineData("Mannerheimintie 20, Helsinki", "[address]")]
    [InlineData("Strandvejen 12", "[address]")]
    [InlineData("Deliver to Flat 2, 15 Kensington Gardens, London W8 4PX", "Deliver to [address]")]
    [InlineData("Suite 200, 1 Infinite Loop, Cupertino", "[address]")]
    [InlineData("My new shipping address is 400 Broad St, Seattle WA 98109", "My new shipping address is [address]")]
    public void Streets_of_more_countries_are_addresses(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("Desa Sukamaju RT 03 RW 07, Kec. Cibinong", "[address]")]
    [InlineData("Kp. Rawa Bebek RT 001/005 Bekasi", "[address]")]
    [InlineData("saya tinggal di Dusun Krajan rt.3/rw.5 Jember", "saya tinggal di [address]")]
    [InlineData("RT/RW 03/07 Kel. Cempaka Putih", "[address]")]
    public void A_neighbourhood_with_its_rt_and_rw_is_an_address(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("Toko kami di Blok M Square lantai 2")]
    [InlineData("ketemu di Blok M Plaza lantai 3 ya")]
    public void A_block_with_only_a_floors_number_is_no_address(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("Jl. Melati lantai 2", "[address]")]
    [InlineData("kirim ke Jl. Sudirman, Gedung BNI lantai 3", "kirim ke [address]")]
    public void A_street_with_only_a_floors_number_is_still_an_address(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("Toko kami di Blok M Square lantai 12")]
    [InlineData("ketemu di Blok M Plaza Lt. 3 ya")]
    public void A_block_with_a_floors_number_of_two_digits_or_after_its_abbreviation_is_no_address(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("RT 12/05 great post")]
    [InlineData("RT 3/4 of the cake is gone")]
    public void Rt_before_two_numbers_with_no_rw_and_no_place_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("上海市的快递3月5号到")]
    [InlineData("北京市朝阳区订单12月25号送达")]
    [InlineData("上海市第3号窗口")]
    public void A_chinese_date_or_ordinal_after_a_city_is_no_house_number(string text) =>
        Assert.Equal(text, Redactor.Redact(text));
}
