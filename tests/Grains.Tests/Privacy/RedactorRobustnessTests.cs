using System.Text;
using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// No text makes the redactor fail: texts made of the words and numbers its readings look for, in any order and cut off
/// anywhere (a label ending the text, a number running into a word), are all read. A fault that slipped through anyway
/// keeps the message, with none of its words.
/// </summary>
public sealed class RedactorRobustnessTests
{
    private static readonly string[] Words =
    [
        "nric", "nik", "npwp", "ktp", "SIN", "DNI", "aadhaar", "CPF", "NI", "pan", "passport", "paspor", "BPJS", "medicare", "NHS",
        "ssn", "itin", "tax", "id", "social", "driver's", "license", "SIM", "plat", "nomor", "nopol", "plate", "IP", "password",
        "pass:", "pw:", "pin", "otp", "code", "kode", "verifikasi", "cvv", "exp", "berlaku", "sampai", "rekening", "no", "rek",
        "account", "BCA", "phone", "WhatsApp", "call", "me", "at", "my", "number", "is", "the", "saya", "nama", "name", "I'm",
        "Pak", "Bu", "Dr.", "Jl.", "Jalan", "No.", "street", "St", "Apt", "Blok", "RT", "Gang", "email", "dot", "gmail", "com",
        "(at)", "(dot)", "@", ".", ",", ":", "/", "-", "_", "#", "+", "(", ")", "\"", "\n", "?", "card", "kartu", "DOB", "born",
        "on", "tanggal", "lahir", "TTL", "username", "instagram", "t.me/", "instagram.com/", "https://", "?token=", "&", "=",
        "0x", "bc1q", "VA", "zero", "eight", "oh", "double", "nol", "delapan", "Regards,", "Salam", "—", "From:", "Hi", "here",
        "Hauptstraße", "Str.", "Ostring", "Via", "Calle", "de", "la", "rue", "place", "Nr.", "nº", "bis", "live at", "ship to", "flat",
        "〒", "東京都", "区", "丁目", "ー", "が",
    ];

    private static readonly string[] Values =
    [
        "S8512345A", "QQ123456C", "12345678Z", "2345-6789-0123", "4111 1111 1111 1111", "0812-3456-7890", "+62 812 3456 7890",
        "3171234567890001", "123", "1234", "123456", "12/27", "0427", "A55", "50k", "0", "08", "X1234567", "B 1234 XYZ",
        "192.168.1.1", "hunter2", "Secret1", "budi@gmail.com", "budi", "Budi Santoso", "1985", "14-03-1985", "GB82 WEST 1234 5698 7654 32",
    ];

    private static readonly string[] Joints = ["", " ", ": ", "\n", "-", ", "];

    [Fact]
    public void Texts_of_the_words_and_numbers_it_looks_for_in_any_order_are_all_read()
    {
        var random = new Random(20261207);
        var failures = new List<string>();
        for (int n = 0; n < 60_000 && failures.Count < 5; n++)
        {
            var text = new StringBuilder();
            int parts = random.Next(1, 8);
            for (int p = 0; p < parts; p++)
            {
                text.Append(random.Next(3) == 0 ? Values[random.Next(Values.Length)] : Words[random.Next(Words.Length)]);
                if (p < parts - 1 || random.Next(2) == 0)
                {
                    text.Append(Joints[random.Next(Joints.Length)]);
                }
            }

            foreach (bool introducedNames in (bool[])[true, false])
            {
                try
                {
                    Redactor.Scan(text.ToString(), introducedNames);
                }
                catch (Exception e)
                {
                    failures.Add($"{System.Text.Json.JsonSerializer.Serialize(text.ToString())}: {e.GetType().Name} {e.Message}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("\r|")]
    [InlineData("\u2028| Nama | Budi |")]
    [InlineData("ok\n\f| x")]
    [InlineData("\v|a|b|")]
    [InlineData("\r\n| Nama | Budi Hartono |\r\n")]
    public async Task A_mark_of_structured_data_after_other_white_space_is_read_past(string text)
    {
        // Run apart and waited for a while: a reading that never ends fails the test instead of holding up the run.
        var redacted = await Task.Run(() => Redactor.Scan(text, introducedNames: true)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(string.IsNullOrEmpty(redacted));
    }

    [Theory]
    [InlineData("S8512345A is my nric")]
    [InlineData("S8512345A nric")]
    [InlineData("2345-6789-0123 is my aadhaar")]
    [InlineData("12345678Z is my DNI")]
    [InlineData("123456+SIN")]
    public void A_number_before_a_word_that_names_one_at_the_end_of_the_text_is_read(string text)
    {
        var redacted = Redactor.Scan(text, introducedNames: true);

        Assert.False(string.IsNullOrEmpty(redacted));
    }
}
