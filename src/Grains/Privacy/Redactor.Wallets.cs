using System.Buffers;

namespace CxCluster.Grains.Privacy;

/// <summary>Cryptocurrency wallet addresses, which tie a customer to their funds wherever they are written.</summary>
public static partial class Redactor
{
    /// <summary>The shortest wallet address read (a legacy Bitcoin address has 26 to 35 characters).</summary>
    private const int MinWalletLength = 26;

    /// <summary>Base58 (Bitcoin's legacy addresses, Tron, Litecoin, Dogecoin): letters and digits but 0, O, I and l.</summary>
    private static readonly SearchValues<char> Base58 =
        SearchValues.Create("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");

    /// <summary>Hexadecimal digits of either case (an Ethereum-style address after its "0x").</summary>
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>The characters of a bech32 address's data part, after "bc1" (Bitcoin's segwit addresses).</summary>
    private static readonly SearchValues<char> Bech32 = SearchValues.Create("qpzry9x8gf2tvdw0s3jn54khce6mua7l");

    /// <summary>
    /// Wallet addresses anywhere in <paramref name="text"/>: an Ethereum-style address ("0x" and 40 hexadecimal digits), a
    /// Bitcoin segwit address ("bc1" and 39 to 59 bech32 characters), or 26 to 35 base58 characters mixing capitals, small
    /// letters and digits (legacy Bitcoin, Tron, Litecoin, Dogecoin: "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"). Only runs of
    /// letters and digits with a digit in them are looked at, so an order code or a word of any length stays.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindWallets(string text)
    {
        List<(int Start, int End, string Placeholder)>? found = null;
        int i = 0;
        while (i < text.Length)
        {
            int hit = text.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (hit < 0)
            {
                break;
            }

            int start = i + hit;
            while (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1]))
            {
                start--;
            }

            int end = i + hit;
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
            {
                end++;
            }

            i = end;
            if (end - start >= MinWalletLength && IsWallet(text.AsSpan(start, end - start))
                && (start == 0 || !IsWordJoiner(text[start - 1])) && !JoinsAfter(text, end))
            {
                (found ??= []).Add((start, end, WalletPlaceholder));
            }
        }

        return found;
    }

    /// <summary>A character that would make the run part of a longer token: a link's path, an e-mail address, a file name.</summary>
    private static bool IsWordJoiner(char c) => c is '/' or '@' or '_' or '-' or '=' or '&' or '?' or '%' or '+';

    /// <summary>
    /// Whether what follows the run at <paramref name="end"/> makes it part of a longer token. A question mark or a dash
    /// does only with a letter or digit right after it (a link's query, a file name): "is this right: 0x…?" and
    /// "bc1q…-thanks" end the address there.
    /// </summary>
    private static bool JoinsAfter(string text, int end)
    {
        if (end == text.Length)
        {
            return false;
        }

        char next = end + 1 < text.Length ? text[end + 1] : ' ';
        return text[end] switch
        {
            '?' => char.IsAsciiLetterOrDigit(next), // a link's query
            '-' => char.IsAsciiDigit(next), // a file name's part ("0x…-2.pdf")
            var c => IsWordJoiner(c),
        };
    }

    /// <summary>Whether the run of letters and digits is a wallet address of a kind <see cref="FindWallets"/> reads.</summary>
    private static bool IsWallet(ReadOnlySpan<char> run)
    {
        if (run.Length == 42 && run[0] == '0' && run[1] is 'x' or 'X')
        {
            return !run[2..].ContainsAnyExcept(HexDigits);
        }

        if (run.Length is >= 42 and <= 62 && run.StartsWith("bc1", StringComparison.Ordinal))
        {
            return !run[3..].ContainsAnyExcept(Bech32);
        }

        if (run.Length > 35 || run.ContainsAnyExcept(Base58))
        {
            return false;
        }

        bool upper = false;
        bool lower = false;
        int digits = 0;
        foreach (char c in run)
        {
            upper |= char.IsAsciiLetterUpper(c);
            lower |= char.IsAsciiLetterLower(c);
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return upper && lower && digits >= 2;
    }
}
