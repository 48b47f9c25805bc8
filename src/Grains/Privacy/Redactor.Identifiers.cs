using System.Buffers;

namespace CxCluster.Grains.Privacy;

/// <summary>Identifiers that lead to a person: a social media handle or a link to someone's account, and a user name, a vehicle's registration plate or an IP address its word names.</summary>
public static partial class Redactor
{
    /// <summary>Placeholder for a vehicle's registration plate named by its word ("plat nomor", "nopol", "license plate").</summary>
    public const string PlatePlaceholder = "[plate]";

    /// <summary>Placeholder for an IP address named by its word ("my IP is", "alamat IP").</summary>
    public const string IpPlaceholder = "[ip]";

    /// <summary>Placeholder for a social media handle ("@budi_santoso").</summary>
    public const string HandlePlaceholder = "[handle]";

    /// <summary>The most characters of a handle after its '@'.</summary>
    private const int MaxHandleLength = 30;

    /// <summary>Words written after '@' that address the one answering or say where, not whose account ("@admin tolong", "see you @home").</summary>
    private static readonly string[] NotHandles =
    [
        "admin", "min", "cs", "support", "help", "helpdesk", "agent", "bot", "kak", "gan", "sis", "all", "everyone", "here", "channel",
        "home", "work", "office", "rumah", "kantor",
    ];

    /// <summary>
    /// Social media handles: an '@' that begins a word (at the start, after a space, a bracket, a colon or a quotation
    /// mark) with two to 30 letters, digits, '_' or '.' after it, a letter among them ("my instagram @rina.cantik", "DM
    /// @budi_santoso"); "@admin" and "@home" stay. An e-mail address is never one: its '@' is glued to the word before
    /// it, or the address was found first.
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindHandles(string text)
    {
        List<(int Start, int End, string Placeholder)>? found = null;
        int i = 0;
        while (i < text.Length)
        {
            int hit = text.AsSpan(i).IndexOf('@');
            if (hit < 0)
            {
                break;
            }

            int at = i + hit;
            i = at + 1;
            if (at > 0 && !(char.IsWhiteSpace(text[at - 1]) || text[at - 1] is '(' or '[' or ':' or '"' or '\'' or ','))
            {
                continue;
            }

            int end = HandleEnd(text, i, out bool letter, out _);
            // "@angular/core", "@types/node": a package's scope, no one's handle.
            if (letter && end - i is >= 2 and <= MaxHandleLength && (end == text.Length || (!char.IsLetterOrDigit(text[end]) && text[end] != '/'))
                && !IsOneOf(text.AsSpan(i, end - i), NotHandles))
            {
                (found ??= []).Add((at, end, HandlePlaceholder));
                i = end;
            }
        }

        return found;
    }

    /// <summary>The hosts of social networks and messengers whose link's first path segment is someone's account ("instagram.com/rina.cantik").</summary>
    private static readonly string[] ProfileHostNames =
    [
        "instagram.com/", "facebook.com/", "fb.com/", "twitter.com/", "x.com/", "tiktok.com/@", "linkedin.com/in/", "t.me/",
        "threads.net/@", "youtube.com/@", "github.com/",
    ];

    /// <summary>The words of <see cref="ProfileHostNames"/>, found anywhere in a text whatever their case.</summary>
    private static readonly SearchValues<string> ProfileHosts = SearchValues.Create(ProfileHostNames, StringComparison.OrdinalIgnoreCase);

    /// <summary>First path segments of those hosts that name a page of the network, not someone's account ("instagram.com/p/…").</summary>
    private static readonly string[] NotProfiles =
    [
        "p", "reel", "reels", "tv", "explore", "stories", "watch", "share", "sharer", "groups", "pages", "events", "hashtag",
        "search", "i", "intent", "home", "login", "help", "settings", "privacy", "about", "legal", "marketplace", "gaming", "video",
        "videos", "photo", "photos", "status", "messages", "notifications", "joinchat", "s", "feed", "jobs", "company", "school",
        "discover", "tag", "music", "live", "shorts", "channel", "c", "user", "results", "playlist", "orgs", "features", "pricing",
    ];

    /// <summary>
    /// Someone's account in a link to a social network or messenger ("instagram.com/rina.cantik", "fb.com/budi.santoso.123",
    /// "https://x.com/budi_s", "tiktok.com/@rina", "linkedin.com/in/budi-santoso", "t.me/budi99"): the account's part of the
    /// link is <c>[handle]</c>, the host kept. A link to a post, a page of the network or a group ("instagram.com/p/…",
    /// "facebook.com/groups/…", "x.com/home") and a host that only ends like one ("netflix.com/…", "box.com/…") stay.
    /// Looked for only in a text that may hold such a link (<see cref="MayHoldProfileLink"/>).
    /// </summary>
    private static List<(int Start, int End, string Placeholder)>? FindProfileLinks(string text)
    {
        List<(int Start, int End, string Placeholder)>? found = null;
        int i = 0;
        while (i < text.Length)
        {
            int hit = text.AsSpan(i).IndexOfAny(ProfileHosts);
            if (hit < 0)
            {
                break;
            }

            int host = i + hit;
            int from = host;
            foreach (string name in ProfileHostNames)
            {
                if (text.AsSpan(host).StartsWith(name, StringComparison.OrdinalIgnoreCase))
                {
                    from = host + name.Length;
                    break;
                }
            }

            int end = from;
            while (end < text.Length && end - from <= 100 && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '.' or '-'))
            {
                end++;
            }

            while (end > from && text[end - 1] is '.' or '-')
            {
                end--;
            }

            i = Math.Max(end, host + 1);
            // The host is the link's own, not the tail of a longer name: a boundary, "www." or "m." stands before it.
            bool ownHost = host == 0 || !(char.IsAsciiLetterOrDigit(text[host - 1]) || text[host - 1] == '-');
            if (ownHost && end - from >= 2 && !IsOneOf(text.AsSpan(from, end - from), NotProfiles))
            {
                // "tiktok.com/@rina": the '@' goes with the account.
                (found ??= []).Add((text[from - 1] == '@' ? from - 1 : from, end, HandlePlaceholder));
            }
        }

        return found;
    }

    /// <summary>Whether the text may hold a link to someone's account (<see cref="FindProfileLinks"/>).</summary>
    private static bool MayHoldProfileLink(string text) =>
        text.Contains('/') && (text.Contains(".com/", StringComparison.OrdinalIgnoreCase) || text.Contains(".me/", StringComparison.OrdinalIgnoreCase)
            || text.Contains(".net/", StringComparison.OrdinalIgnoreCase));

    /// <summary>Words that may stand between a plate's word and the plate ("plat nomor mobil saya: ...", "plate number is ...").</summary>
    private static readonly string[] PlateBetween =
    [
        "nomor", "nomer", "no", "nmr", "number", "num", "nr", "polisi", "kendaraan", "mobil", "motor", "saya", "ku", "nya", "my", "is",
        "was", "the", "car", "vehicle", "plate", "plat", "registration", "reg", "adalah", "yaitu", "of",
    ];

    /// <summary>Words that may stand between a user name's word and the name ("my instagram account is ...", "username saya: ...").</summary>
    private static readonly string[] UsernameBetween =
    [
        "name", "id", "account", "akun", "handle", "is", "was", "saya", "ku", "nya", "my", "adalah", "yaitu", "login", "nama",
    ];

    /// <summary>
    /// The user name after "username", "user (name / id)", "IG", "Instagram", "Twitter", "TikTok", "Telegram", "Discord",
    /// "gamertag", "Skype" (with its "live:" prefix), "WeChat", "Snapchat", "KakaoTalk", "Facebook" or "LINE ID", past up to
    /// three words such as "account", "is" or "saya": 3 to 30 letters, digits, '_' and '.', with a letter and a digit, '_'
    /// or '.' among them ("johnny_b99", "budi123", "rina.cantik"), so "my IG is private", "user guide v2" and "TikTok 2
    /// videos" stay. Looked for only in a text that has such a name's marks (<see cref="MayHoldUserName"/>).
    /// </summary>
    private static (int From, int To) UsernameAfter(string text, int k) => ValueAfter(text, k, UsernameBetween, static (text, at) =>
    {
        // A Skype name written with its "live:" prefix ("live:budi.santoso").
        int name = text.AsSpan(at).StartsWith("live:", StringComparison.OrdinalIgnoreCase) ? at + 5 : at;
        int end = HandleEnd(text, name, out bool letter, out bool mark);
        bool whole = end == text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] is '@' or '-' or '/');
        return letter && mark && end - name is >= 3 and <= MaxHandleLength && whole && !IsAllDigitsAfterLetters(text, name, end) ? end : -1;
    });

    /// <summary>
    /// Where the run of a handle's characters (letters, digits, '_', '.') from <paramref name="from"/> ends, at most one
    /// past <see cref="MaxHandleLength"/>, without the dots that end it (a full stop); whether it has a letter, and a digit,
    /// '_' or '.'.
    /// </summary>
    private static int HandleEnd(string text, int from, out bool letter, out bool mark)
    {
        int end = from;
        letter = false;
        mark = false;
        while (end < text.Length && end - from <= MaxHandleLength && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '.'))
        {
            letter |= char.IsAsciiLetter(text[end]);
            mark |= !char.IsAsciiLetter(text[end]);
            end++;
        }

        while (end > from && text[end - 1] == '.')
        {
            end--;
        }

        return end;
    }

    /// <summary>The characters that make a user name's mark: a digit, '_' or '.'.</summary>
    private static readonly SearchValues<char> UserNameMarkChars = SearchValues.Create("0123456789_.");

    /// <summary>
    /// Whether the text has what a user name has (<see cref="UsernameAfter"/>): a '_', a digit glued to a letter, or a '.'
    /// between two letters. Only those characters are looked at, found by a vectorised search.
    /// </summary>
    private static bool MayHoldUserName(string text)
    {
        int at = text.AsSpan().IndexOfAny(UserNameMarkChars);
        while (at >= 0)
        {
            bool before = at > 0 && char.IsAsciiLetter(text[at - 1]);
            bool after = at + 1 < text.Length && char.IsAsciiLetter(text[at + 1]);
            if (text[at] switch { '_' => true, '.' => before && after, _ => before || after })
            {
                return true;
            }

            int next = text.AsSpan(at + 1).IndexOfAny(UserNameMarkChars);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    /// <summary>
    /// Whether text[from..to] is a version or a count ("v2", "x10") or an Indonesian word doubled by a '2' ("ngaku2",
    /// "hati2"): no user name.
    /// </summary>
    private static bool IsAllDigitsAfterLetters(string text, int from, int to)
    {
        int letters = LettersEnd(text, from);
        return letters < to && DigitsAt(text, letters, to) == to - letters && (letters - from <= 1 || text.AsSpan(letters, to - letters) is "2");
    }

    /// <summary>Words that may stand between "IP" and the address ("my IP address is ...", "alamat IP saya: ...").</summary>
    private static readonly string[] IpBetween = ["address", "addr", "is", "was", "saya", "ku", "nya", "my", "adalah", "publik", "public"];

    /// <summary>
    /// The registration plate after "plat", "plate", "nopol" or "polisi", past up to three words such as "nomor", "mobil" or
    /// "saya": an Indonesian plate, one or two letters, one to four digits and up to three letters, apart or together ("B
    /// 1234 XYZ", "AB123CD", "d 1 a"), or two to eight letters and digits with both in them, perhaps in two groups joined
    /// by '-' or a space ("7ABC123", "ABC-1234"). "plat merah", "hot plate 2 pcs" and "lapor polisi 110" stay.
    /// </summary>
    private static (int From, int To) PlateAfter(string text, int k) => ValueAfter(text, k, PlateBetween, static (text, at) =>
    {
        int end = IndonesianPlateEnd(text, at);
        return end >= 0 ? end : GroupedPlateEnd(text, at);
    });

    /// <summary>Reads where a value at <paramref name="at"/> ends; -1 when none is there.</summary>
    private delegate int ValueReader(string text, int at);

    /// <summary>
    /// The value <paramref name="read"/> finds after a word at <paramref name="k"/>, past joiners (spaces, ':', '-') and up
    /// to three words of <paramref name="between"/>; an empty span when another word comes first.
    /// </summary>
    private static (int From, int To) ValueAfter(string text, int k, string[] between, ValueReader read)
    {
        for (int words = 0; words <= 3; words++)
        {
            k = SkipJoiners(text, k);
            int end = read(text, k);
            if (end > k)
            {
                return (k, end);
            }

            int wordEnd = WordLettersEnd(text, k);
            if (wordEnd == k || !IsOneOf(text.AsSpan(k, wordEnd - k), between))
            {
                return default;
            }

            k = wordEnd;
        }

        return default;
    }

    /// <summary>Where an Indonesian plate at <paramref name="k"/> ends ("B 1234 XYZ", "AB123CD"); -1 when none is there.</summary>
    private static int IndonesianPlateEnd(string text, int k)
    {
        int p = LettersEnd(text, k);
        if (p == k || p - k > 2)
        {
            return -1;
        }

        int digits = OneSpace(text, p);
        int q = digits + DigitsAt(text, digits, text.Length);
        if (q == digits || q - digits > 4)
        {
            return -1;
        }

        int suffix = OneSpace(text, q);
        int r = LettersEnd(text, suffix);
        r = r - suffix <= 3 ? r : suffix;
        int end = r > suffix && (r == text.Length || !char.IsLetterOrDigit(text[r])) ? r : q;
        // In small letters a plate has its last letters or is written together ("b 1234 xyz", "b1234xyz"): "ke 2" stays.
        bool shaped = CapitalsOrDigits(text, k, p) || end > q || digits == p;
        return shaped && (end == text.Length || !char.IsLetterOrDigit(text[end])) ? end : -1;
    }

    /// <summary>Where a plate of two to eight letters and digits, both in it, at <paramref name="k"/> ends ("7ABC123", "ABC-1234"); -1 when none is there.</summary>
    private static int GroupedPlateEnd(string text, int k)
    {
        int end = k;
        int letters = 0;
        int digits = 0;
        int joints = 0;
        while (end < text.Length)
        {
            char c = text[end];
            if (char.IsAsciiLetter(c))
            {
                letters++;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is '-' or ' ' && joints == 0 && end > k && end + 1 < text.Length && char.IsAsciiLetterOrDigit(text[end + 1])
                && (c == '-' || (char.IsAsciiDigit(text[end - 1]) != char.IsAsciiDigit(text[end + 1])
                    && ((CapitalsOrDigits(text, k, end) && CapitalsOrDigits(text, end + 1, WordEnd(text, end + 1))) || IsSmallLettersAndNumber(text, k, end)))))
            {
                // one joint: "ABC-1234", "ABC 1234", "abc 1234" (a space only between capitals and digits, or up to three small
                // letters and three or four digits: "merah 2", "2 pcs" stay)
                joints++;
            }
            else
            {
                break;
            }

            end++;
        }

        bool plate = letters > 0 && digits > 0 && letters + digits is >= 2 and <= 8 && (end == text.Length || !char.IsLetter(text[end]));
        return plate ? end : -1;
    }

    /// <summary>Whether text[from..space] is one to three small letters and three or four digits come after the space there ("abc 1234").</summary>
    private static bool IsSmallLettersAndNumber(string text, int from, int space)
    {
        if (space - from is < 1 or > 3 || LettersEnd(text, from) != space)
        {
            return false;
        }

        int digits = DigitsAt(text, space + 1, text.Length);
        int end = space + 1 + digits;
        return digits is 3 or 4 && (end == text.Length || !char.IsLetterOrDigit(text[end]));
    }

    /// <summary>Whether text[from..to] holds only capital letters and digits.</summary>
    private static bool CapitalsOrDigits(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!char.IsAsciiLetterUpper(text[i]) && !char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return to > from;
    }

    /// <summary>Past one space at <paramref name="k"/>, if there is one.</summary>
    private static int OneSpace(string text, int k) => k < text.Length && text[k] == ' ' ? k + 1 : k;

    /// <summary>
    /// The IP address after "IP", past up to three words such as "address", "saya" or "is": four numbers of 0 to 255
    /// joined by dots ("192.168.1.20"), or an IPv6 address of hexadecimal groups and at least two colons
    /// ("2001:db8::1"). "IP68" and "IP rating 67" stay.
    /// </summary>
    private static (int From, int To) IpAfter(string text, int k) => ValueAfter(text, k, IpBetween, static (text, at) =>
    {
        int end = IPv4End(text, at);
        return end >= 0 ? end : IPv6End(text, at);
    });

    /// <summary>Where a dotted IPv4 address at <paramref name="k"/> ends; -1 when none is there.</summary>
    private static int IPv4End(string text, int k)
    {
        int p = k;
        for (int part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (p >= text.Length || text[p] != '.')
                {
                    return -1;
                }

                p++;
            }

            int start = p;
            int value = 0;
            while (p < text.Length && char.IsAsciiDigit(text[p]) && p - start < 3)
            {
                value = (value * 10) + (text[p] - '0');
                p++;
            }

            if (p == start || value > 255)
            {
                return -1;
            }
        }

        return p == text.Length || !char.IsLetterOrDigit(text[p]) ? p : -1;
    }

    /// <summary>Where an IPv6 address at <paramref name="k"/> ends (hexadecimal groups of up to four, at least two colons); -1 when none is there.</summary>
    private static int IPv6End(string text, int k)
    {
        int p = k;
        int colons = 0;
        int group = 0;
        while (p < text.Length && (char.IsAsciiHexDigit(text[p]) || text[p] == ':'))
        {
            if (text[p] == ':')
            {
                colons++;
                group = 0;
            }
            else if (++group > 4)
            {
                return -1;
            }

            p++;
        }

        bool address = colons is >= 2 and <= 7 && p - k >= 3 && (p == text.Length || !char.IsLetterOrDigit(text[p]));
        return address ? p : -1;
    }
}
