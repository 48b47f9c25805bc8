using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// Structured data pasted into a message (JSON or a dict, XML, a link's query or a form, a markdown table) keeps its shape:
/// the value of a key that names a personal field is replaced up to its closing quotation mark, tag, separator or cell,
/// percent-encoding read through; values that cannot be that field ("iPhone 15 Pro" under "name", an empty or null one) and
/// other keys stay. What another reading finds in another key's string value (an address in a note) ends at its closing
/// quotation mark.
/// </summary>
public sealed class StructuredDataRedactionTests
{
    [Theory]
    [InlineData("{\"nik\": \"3174051208900003\", \"alamat\": \"Jl. Kenanga 4\"}", "{\"nik\": \"[nik]\", \"alamat\": \"[address]\"}")]
    [InlineData("{\"password\":\"S3cret!x\"}", "{\"password\":\"[password]\"}")]
    [InlineData("{\"name\":\"Rina Wijaya\",\"phone\":\"081234567890\",\"email\":\"rina@x.co\"}", "{\"name\":\"[name]\",\"phone\":\"[phone]\",\"email\":\"[email]\"}")]
    [InlineData("{\"first_name\": \"Lukas\", \"last_name\": \"Hoffmann\", \"dob\": \"1990-04-12\"}", "{\"first_name\": \"[name]\", \"last_name\": \"[name]\", \"dob\": \"[dob]\"}")]
    [InlineData("{\"card_number\":\"4111 1111 1111 1111\",\"cvv\":\"123\",\"exp\":\"12/27\"}", "{\"card_number\":\"[card]\",\"cvv\":\"[cvv]\",\"exp\":\"[expiry]\"}")]
    [InlineData("{\"otp\": 884211, \"status\": \"ok\"}", "{\"otp\": [otp], \"status\": \"ok\"}")]
    [InlineData("{'full_name': 'Budi Santoso', 'no_hp': '0813-1111-2222'}", "{'full_name': '[name]', 'no_hp': '[phone]'}")]
    [InlineData("{\"customer\": {\"nama\": \"Siti Aminah\", \"pin\": \"4321\"}}", "{\"customer\": {\"nama\": \"[name]\", \"pin\": \"[pin]\"}}")]
    [InlineData("<customer><name>Joko Widodo</name><ktp>3174051208900003</ktp></customer>", "<customer><name>[name]</name><ktp>[nik]</ktp></customer>")]
    [InlineData("<order><email>a.b@x.com</email><alamat>Jl. Mawar 5, Bandung</alamat></order>", "<order><email>[email]</email><alamat>[address]</alamat></order>")]
    [InlineData("<Phone type=\"mobile\">+44 7700 900123</Phone>", "<Phone type=\"mobile\">[phone]</Phone>")]
    [InlineData("name=Rina%20Wijaya&phone=081234567890", "name=[name]&phone=[phone]")]
    [InlineData("https://shop.example.com/account?email=rina.w%40gmail.com&ref=abc", "https://shop.example.com/account?email=[email]&ref=abc")]
    [InlineData("POST /signup first_name=Budi+Santoso&hp=0812-3456-7890&city=Bandung", "POST /signup first_name=[name]&hp=[phone]&city=Bandung")]
    [InlineData("https://x.io/form?customer[address]=12%20Baker%20Street&lang=en", "https://x.io/form?customer[address]=[address]&lang=en")]
    [InlineData("| Nama | Budi Hartono |\n| HP | 081355667788 |", "| Nama | [name] |\n| HP | [phone] |")]
    [InlineData("| Field | Value |\n|---|---|\n| Full name | Ni Luh Putu Ayu Sukmawati |\n| Email | ni.luh@gmail.com |\n| Status | Aktif |", "| Field | Value |\n|---|---|\n| Full name | [name] |\n| Email | [email] |\n| Status | Aktif |")]
    [InlineData("| Nama | HP | Kota |\n|------|----|------|\n| Siti Aminah | 0813-1111-2222 | Medan |", "| Nama | HP | Kota |\n|------|----|------|\n| [name] | [phone] | Medan |")]
    [InlineData("<customer name=\"Budi Santoso\" phone=\"0812-3456-7890\">", "<customer name=\"[name]\" phone=\"[phone]\">")]
    [InlineData("{\"new_password\":\"Abc12345!\",\"shipping_address_line1\":\"12 Baker St\"}", "{\"new_password\":\"[password]\",\"shipping_address_line1\":\"[address]\"}")]
    [InlineData("{\"customerEmail\":\"a@b.co\",\"recipientPhoneNumber\":\"+62 812 3456 7890\"}", "{\"customerEmail\":\"[email]\",\"recipientPhoneNumber\":\"[phone]\"}")]
    [InlineData("{\"note\": \"deliver to Jl. Mawar 5, Bandung\", \"status\": \"ok\"}", "{\"note\": \"deliver to [address]\", \"status\": \"ok\"}")]
    [InlineData("{\"remark\":\"my address is 12 Baker Street London\",\"id\":7}", "{\"remark\":\"my address is [address]\",\"id\":7}")]
    public void The_value_of_a_personal_field_is_replaced_and_the_structure_kept(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("{\"status\":\"shipped\",\"order_id\":\"A1234567\",\"qty\":2}")]
    [InlineData("{\"product\": {\"name\": \"iPhone 15 Pro\", \"sku\": \"A-1234\"}}")]
    [InlineData("{\"name\": \"\", \"phone\": null, \"email\": \"n/a\"}")]
    [InlineData("<status>shipped</status><qty>2</qty>")]
    [InlineData("https://shop.example.com/search?q=shoes&page=2&sort=name")]
    [InlineData("| Produk | Harga |\n|---|---|\n| Kopi Susu | 25000 |")]
    [InlineData("| Status | Dikirim |")]
    [InlineData("He said \"name\": not important, right?")]
    [InlineData("<input name=\"email\" type=\"text\">")]
    [InlineData("{\"ip_address\":\"10.0.0.1\",\"wallet_address\":\"abc\"}")]
    [InlineData("x=\"5\" and y=\"7\"")]
    public void Structured_data_without_a_personal_value_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("name,email,phone\nBudi Santoso,budi@x.com,081234567890\nRina,rina@y.com,0811111111",
        "name,email,phone\n[name],[email],[phone]\n[name],[email],[phone]")]
    [InlineData("nama;no hp;kota\nBudi;08123456789;Jakarta\nSiti;0812222222;Bandung", "nama;no hp;kota\n[name];[phone];Jakarta\n[name];[phone];Bandung")]
    [InlineData("ini datanya:\r\nid,full_name,city\r\n1,Ahmad Fauzi,Medan\r\n2,Dewi Lestari,Surabaya", "ini datanya:\r\nid,full_name,city\r\n1,[name],Medan\r\n2,[name],Surabaya")]
    [InlineData("\"name\",\"email\"\n\"Budi Santoso\",\"budi@x.com\"", "\"name\",\"email\"\n\"[name]\",\"[email]\"")]
    [InlineData("id;nama;alamat\n1;Budi Santoso;Jl. Mawar No 5\n2;Siti;Jl. Melati 3", "id;nama;alamat\n1;[name];[address]\n2;[name];[address]")]
    [InlineData("name,qty\niPhone 15,2\nRina Wijaya,3", "name,qty\niPhone 15,2\n[name],3")]
    [InlineData("nama\tkota\nAgus Salim\tBogor\n\nSiti Aminah\tDepok", "nama\tkota\n[name]\tBogor\n\nSiti Aminah\tDepok")]
    public void The_values_in_a_personal_column_of_pasted_rows_are_replaced_and_other_columns_kept(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("item,name,qty,price\n1,Nike Air Max,2,1500000")]
    [InlineData("No;Nama;Ukuran\n1;Kaos Polos Hitam;XL\n2;Polo Shirt;M")]
    [InlineData("sku\tname\tunit price\nA1\tSunset Orange\t50000")]
    public void A_name_column_in_a_table_of_things_names_the_things_and_stays(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("product,qty,price\nShirt,2,100\nHat,1,50")]
    [InlineData("name,qty\nKaos Polos Hitam,2")]
    [InlineData("Hello, name, email\nthanks")]
    [InlineData("nama, umur\nkucing oren, 3, lucu")]
    public void Rows_without_a_personal_value_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));
}
