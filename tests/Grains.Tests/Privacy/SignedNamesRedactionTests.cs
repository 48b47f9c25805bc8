using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// A name a customer signs a message with after a closing word ("Regards, Michael Brown", "Thanks,\nSarah", "Salam, Budi
/// Santoso") or opens it with before "here" or "speaking" ("John Smith here, order 5512", "Hi, Maria speaking.") is
/// replaced, honorifics kept; thanks without a comma, a signature followed by more words, praise after thanks, a place
/// that is "here" in a sentence and a question stay, and the AI's or an agent's own sign-off is theirs to keep.
/// </summary>
public sealed class SignedNamesRedactionTests
{
    [Theory]
    [InlineData("Regards, Michael Brown", "Regards, [name]")]
    [InlineData("Thanks, Sarah", "Thanks, [name]")]
    [InlineData("Best regards,\nJohn Smith", "Best regards,\n[name]")]
    [InlineData("Please check my order.\nThank you,\nEmily Clarke", "Please check my order.\nThank you,\n[name]")]
    [InlineData("Cheers, Tom :)", "Cheers, [name] :)")]
    [InlineData("Best, Dr. Adams", "Best, Dr. [name]")]
    [InlineData("Salam, Budi Santoso", "Salam, [name]")]
    [InlineData("Terima kasih, Siti Rahayu", "Terima kasih, [name]")]
    [InlineData("Hormat saya,\nAhmad Yusuf", "Hormat saya,\n[name]")]
    public void A_name_signing_the_message_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("Hi, John here", "Hi, [name] here")]
    [InlineData("John Smith here, order 5512 is late", "[name] here, order 5512 is late")]
    [InlineData("Hi, Maria speaking.", "Hi, [name] speaking.")]
    [InlineData("Mary-Jane Watson here, I ordered twice", "[name] here, I ordered twice")]
    public void A_name_opening_the_message_with_here_is_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("Thanks John")]
    [InlineData("Regards, Michael Brown from Acme")]
    [InlineData("Thanks, Great job")]
    [InlineData("Thanks, Amazing!")]
    [InlineData("thanks, see you")]
    [InlineData("Jakarta here is hot")]
    [InlineData("Hello, Netflix here?")]
    [InlineData("best, tom")]
    [InlineData("Ex-staff here, how do I request my employment certificate?")]
    public void Thanks_praise_and_places_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));

    [Fact]
    public void An_agents_own_sign_off_stays() =>
        Assert.Equal("Regards, Sari", Redactor.Redact("Regards, Sari", introducedNames: false));
}
