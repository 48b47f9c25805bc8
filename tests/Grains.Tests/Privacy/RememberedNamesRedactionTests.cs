using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// A name found in one of a conversation's messages (or in a name's attribute) is replaced where a later message uses a
/// word of it alone, with no words that announce it: "Budi" and "Santoso" after "my name is Budi Santoso". Only whole
/// words written as a name is, so a longer word that starts with it, the word in small letters and everyday words stay.
/// </summary>
public sealed class RememberedNamesRedactionTests
{
    [Theory]
    [InlineData("My name is Budi Santoso", "Budi will pick it up tomorrow", "[name] will pick it up tomorrow")]
    [InlineData("My name is Budi Santoso", "the parcel is for the Santoso family", "the parcel is for the [name] family")]
    [InlineData("Hi, I'm John Smith", "Please tell Smith's office it is urgent", "Please tell [name]'s office it is urgent")]
    [InlineData("nama saya Siti Rahayu", "tolong kirim ke Siti ya kak", "tolong kirim ke [name] ya kak")]
    [InlineData("i'm budi", "pls send it to budi asap", "pls send it to [name] asap")]
    [InlineData("my wife's name is Julia", "Julia will sign for it", "[name] will sign for it")]
    [InlineData("Regards, Michael Brown", "MICHAEL? no, Michael asked for a refund", "MICHAEL? no, [name] asked for a refund")]
    [InlineData("My name is Hope Daniels", "Hope will pick it up tomorrow", "[name] will pick it up tomorrow")]
    [InlineData("My name is Hope Daniels", "Can you ask Hope to call?", "Can you ask [name] to call?")]
    [InlineData("Hi, I'm Mark Chen", "Mark's order is late", "[name]'s order is late")]
    [InlineData("name: Grace Lee", "Grace is my daughter", "[name] is my daughter")]
    public void A_word_of_a_name_given_earlier_is_replaced_when_used_alone(string earlier, string later, string expected)
    {
        var seen = SeenAfter(earlier);

        Assert.Equal(expected, Redactor.Redact(later, seen: seen));
    }

    [Theory]
    [InlineData("My name is Budi Santoso", "Budiman said the shop is closed")]
    [InlineData("My name is Budi Santoso", "budi pekerti is a school subject")]
    [InlineData("My name is Budi Santoso", "ask the Santosos next door")]
    [InlineData("Hi, I'm John Smith", "where is my order?")]
    [InlineData("My name is Hope Daniels", "I hope so, thanks")]
    [InlineData("this is Will Turner", "Will you send it today?")]
    [InlineData("this is May Tan", "can I return it in May or on 12 May?")]
    public void Longer_words_small_letters_and_other_words_stay(string earlier, string later)
    {
        var seen = SeenAfter(earlier);

        Assert.Equal(later, Redactor.Redact(later, seen: seen));
    }

    [Fact]
    public void A_name_the_AI_greets_the_customer_by_is_remembered_and_its_own_is_not()
    {
        var seen = new NamesSeen();
        Assert.Equal("Halo, saya Sari. Hi [name], I see your order", Redactor.Redact("Halo, saya Sari. Hi Budi Santoso, I see your order", introducedNames: false, seen));

        Assert.Equal("Sari said [name] can collect it", Redactor.Redact("Sari said Budi can collect it", seen: seen));
    }

    [Fact]
    public void A_name_in_an_attribute_that_names_the_customer_is_remembered()
    {
        var seen = new NamesSeen();
        Assert.Equal("[name]", Redactor.RedactAttribute("customerName", "Rina Wijaya", seen));

        Assert.Equal("this is [name], my order 5521 never came", Redactor.Redact("this is Rina, my order 5521 never came", seen: seen));
        Assert.Equal("please call Mrs [name]", Redactor.Redact("please call Mrs Wijaya", seen: seen));
    }

    [Fact]
    public void A_name_inside_an_address_or_a_handle_is_replaced_as_that_not_as_a_name()
    {
        var seen = new NamesSeen();
        Redactor.Redact("my name is Budi", seen: seen);

        Assert.Equal("write to [email] or [handle]", Redactor.Redact("write to Budi@gmail.com or @Budi.shop", seen: seen));
    }

    [Fact]
    public void Only_the_first_words_are_kept_and_short_ones_never()
    {
        var seen = new NamesSeen();
        Redactor.Redact("my name is Jo", seen: seen);
        Assert.Equal(0, seen.Count);

        foreach (var name in new[] { "Agus", "Bambang", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hendra", "Indah", "Joko", "Kartika", "Lestari", "Made", "Nurul", "Oktavia", "Putri", "Rizky" })
        {
            Redactor.RedactAttribute("name", name, seen);
        }

        Assert.Equal(NamesSeen.MaxWords, seen.Count);
        Assert.Contains("Agus", seen.Words);
        Assert.DoesNotContain("Rizky", seen.Words);
    }

    [Theory]
    [InlineData("{\"name\": \"Budi Santoso\", \"qty\": 2}", "Budi said it came")]
    [InlineData("item,name,qty\n1,Nike Air Max,2", "Is the Nike Air Max 90 in stock?")]
    [InlineData("nama,kota\nBudi Santoso,Bandung", "Budi said it came")]
    [InlineData("the order is under Maria Gonzalez", "Maria said it came")]
    public void A_name_read_less_surely_is_replaced_but_not_remembered(string earlier, string later)
    {
        var seen = SeenAfter(earlier);

        Assert.Equal(0, seen.Count);
        Assert.Equal(later, Redactor.Redact(later, seen: seen));
    }

    [Theory]
    [InlineData("Guest")]
    [InlineData("Pelanggan")]
    [InlineData("Anonymous")]
    public void A_stand_in_for_a_name_in_an_attribute_is_not_remembered(string value)
    {
        var seen = new NamesSeen();
        Redactor.RedactAttribute("customerName", value, seen);

        Assert.Equal(0, seen.Count);
        Assert.Equal($"{value} checkout failed", Redactor.Redact($"{value} checkout failed", seen: seen));
    }

    /// <summary>The names a conversation keeps after a message of <paramref name="earlier"/>.</summary>
    private static NamesSeen SeenAfter(string earlier)
    {
        var seen = new NamesSeen();
        Redactor.Redact(earlier, seen: seen);
        return seen;
    }

    [Theory]
    [InlineData("My name is Hope Daniels", "Hope you can help")]
    [InlineData("Hi, I'm Mark Chen", "Mark it as urgent please")]
    [InlineData("Hi, I'm Mark Chen", "The Mark 2 model is out of stock")]
    [InlineData("my name is Bill Gates", "Bill me later please")]
    [InlineData("Full name: Rose Tan", "Rose Gold iPhone case, 2 pcs")]
    public void A_remembered_name_that_is_an_everyday_word_stays_where_it_is_the_word(string earlier, string later)
    {
        var seen = SeenAfter(earlier);

        Assert.Equal(later, Redactor.Redact(later, seen: seen));
    }

    [Theory]
    [InlineData("this is Will Turner", "Will will collect it", "[name] will collect it")]
    [InlineData("my name is Will", "Can you ask Will to call?", "Can you ask [name] to call?")]
    [InlineData("My name is Hope Daniels", "Hope Daniels again", "[name] [name] again")]
    [InlineData("this is May Chen", "May Chen called twice", "[name] [name] called twice")]
    [InlineData("name: Grace Lee", "Grace", "[name]")]
    [InlineData("Hi, I'm Mark Chen", "Mark.", "[name].")]
    public void A_remembered_name_that_is_an_everyday_word_is_replaced_where_it_reads_as_the_name(string earlier, string later, string expected)
    {
        var seen = SeenAfter(earlier);

        Assert.Equal(expected, Redactor.Redact(later, seen: seen));
    }
}
