using CxCluster.Grains.Privacy;

namespace CxCluster.Grains.Tests.Privacy;

/// <summary>
/// A JSON web token anywhere, a provider's key by its prefix ("sk_live_…", "ghp_…", "AKIA…") and a long token after "API
/// key", "token", "bearer", "secret key" or "access key" are <c>[token]</c>; a password after its word written apart or
/// spelled with a symbol ("pass word", "p@ssword", "passw0rd"), after "passphrase" or "kata kunci", or right after "PW" when it
/// has letters and digits, is <c>[password]</c>, and a password after "sandi saya" is no introduction.
/// </summary>
public sealed class TokensAndSpelledPasswordsRedactionTests
{
    [Theory]
    [InlineData("API key: sk_live_51HxYz9Lk3Qw8Er2Ty7Ui", "API key: [token]")]
    [InlineData("my api key is 9f8e7d6c5b4a39281706f5e4d3c2b1a0", "my api key is [token]")]
    [InlineData("here is my bearer token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abc123XYZdef", "here is my bearer token [token]")]
    [InlineData("the app shows eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoiYnVkaSJ9.Qw8Er2Ty7Ui-9x after login", "the app shows [token] after login")]
    [InlineData("Authorization: Bearer abcdef0123456789abcdef0123", "Authorization: Bearer [token]")]
    [InlineData("github ghp_1234567890abcdefghijABCDEFGHIJ123456 leaked", "github [token] leaked")]
    [InlineData("AKIAIOSFODNN7EXAMPLE is the access key id", "[token] is the access key id")]
    [InlineData("secret key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "secret key: [token]")]
    [InlineData("kata kunci: Mawar123", "kata kunci: [password]")]
    [InlineData("PW Meowmeow88", "PW [password]")]
    [InlineData("pass word: Gr33nTea!", "pass word: [password]")]
    [InlineData("p@ssword: Sunflower#7", "p@ssword: [password]")]
    [InlineData("passw0rd = Kopi!2024", "passw0rd = [password]")]
    [InlineData("passphrase: correct-horse-battery-staple-9", "passphrase: [password]")]
    [InlineData("sandi saya Jakarta#99", "sandi saya [password]")]
    [InlineData("password saya Bandung2024", "password saya [password]")]
    public void Tokens_keys_and_passwords_are_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("I bought 50 tokens for 20 dollars")]
    [InlineData("the token expired after 30 minutes, please send a new one")]
    [InlineData("my API key is not working since 2 days")]
    [InlineData("kata kunci pencarian saya sepatu")]
    [InlineData("kunci motor saya hilang 2 hari lalu")]
    [InlineData("PW 2024 edition is out")]
    [InlineData("pass the salt please")]
    [InlineData("sandi saya lupa")]
    public void Words_about_tokens_keys_and_passwords_stay(string text) =>
        Assert.Equal(text, Redactor.Redact(text));
}
