namespace CxCluster.Grains.Privacy;

/// <summary>The values of the attributes a platform sends with a conversation, whose keys may say what they hold: "customerName": "Budi Santoso".</summary>
public static partial class Redactor
{
    /// <summary>Words of a key that name a person's name ("name", "nama"), and such keys written as one word ("fullname", "namalengkap").</summary>
    private static readonly string[] NameKeyWords =
    [
        "name", "names", "nama", "fullname", "firstname", "lastname", "middlename", "surname", "givenname", "familyname", "nickname",
        "displayname", "customername", "contactname", "clientname", "membername", "holdername", "cardholdername", "accountname",
        "sendername", "recipientname", "receivername", "namalengkap", "namadepan", "namabelakang", "namapelanggan", "namanasabah",
        "namapenerima", "namapengirim", "namapemesan",
        // Whom a thing belongs to or goes to, whose value is a person's name: "account_holder", "cardHolder", "recipient".
        "holder", "cardholder", "owner", "recipient", "receiver", "pemilik", "penerima", "pemegang", "atasnama",
    ];

    /// <summary>Words of a key that say the value is about the name, not the name: "nameVerified", "name_match", "nameLength".</summary>
    private static readonly string[] FlagKeyWords =
    [
        "verified", "valid", "validated", "match", "matches", "matched", "flag", "status", "checked", "confirmed", "length", "count",
        "changed", "missing", "present", "required", "format", "score", "id",
    ];

    /// <summary>Words of a key that make a name one a person signs in with, not the one they are called by ("username", "user_name", "screenName").</summary>
    private static readonly string[] HandleKeyWords = ["username", "uname", "user", "screenname", "screen", "handle", "login", "pengguna"];

    /// <summary>The words of <see cref="HandleKeyWords"/> that are a handle's key alone: "login" or "screen" alone holds a time or a page.</summary>
    private static readonly string[] BareHandleKeys = ["username", "uname", "user", "screenname", "handle", "pengguna"];

    /// <summary>Words of a key that make the name a thing's, not a person's ("productName", "nama_toko", "planName", "fileName").</summary>
    private static readonly string[] ThingKeyWords =
    [
        "product", "item", "brand", "company", "business", "store", "shop", "merchant", "plan", "package", "bank", "campaign", "channel",
        "queue", "device", "app", "application", "browser", "page", "event", "city", "country", "province", "region", "branch",
        "category", "service", "tier", "program", "promo", "host", "hostname", "domain", "team", "department", "org", "organization",
        "organisation", "tenant", "workspace", "skill", "intent", "flow", "bot", "file", "filename", "model", "course", "street",
        "produk", "toko", "barang", "paket", "kota", "cabang", "perusahaan", "layanan", "merek", "kategori", "provinsi",
        "negara", "jalan", "project", "projek", "group", "grup", "source", "medium", "template", "field", "type", "tag", "label",
    ];

    /// <summary>The kinds of value a key may say an attribute holds.</summary>
    private enum KeyedValue
    {
        /// <summary>Free text, redacted as a message is.</summary>
        Text,

        /// <summary>A person's name, replaced whole.</summary>
        Name,

        /// <summary>A user name or handle, replaced whole.</summary>
        Handle,
    }

    /// <summary>
    /// The value of a conversation's attribute as it is kept and shown to an agent. Where the key says the value is a
    /// person's name ("customerName", "name", "fullName", "first_name", "nama", "namaLengkap", "customer-name",
    /// "contactName"; whatever the case, in camelCase, snake_case or kebab-case), the value is replaced whole by the name
    /// placeholder: a bare name ("Budi Santoso") has no words that announce it. Where the key says it is a user name
    /// ("username", "user_name", "screenName", "handle", "login"), it is replaced whole by the handle placeholder, as a
    /// handle a message names is. A key naming a thing's name ("productName", "nama_toko", "planName", "fileName") and any
    /// other key leave the value to be redacted as a message is ("note": "email saya budi@gmail.com" keeps "email saya
    /// [email]"). An empty value stays empty.
    /// </summary>
    /// <param name="key">The attribute's key, the platform's own name for it.</param>
    /// <param name="value">Its value.</param>
    /// <param name="seen">The conversation's names, if it keeps them: those of a name's value are added, so a message that uses one alone has it replaced.</param>
    public static string RedactAttribute(string key, string value, NamesSeen? seen = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        switch (KindOfKey(key))
        {
            case KeyedValue.Name:
                RememberNames(value, [(0, value.Length, NamePlaceholder)], seen);
                return NamePlaceholder;
            case KeyedValue.Handle:
                return HandlePlaceholder;
            default:
                return Redact(value, seen: seen);
        }
    }

    /// <summary>
    /// What a key says its value is, read word by word: words part at a character other than a letter or a digit
    /// ("customer_name", "customer-name", "customer.name"), before a capital after a small letter ("customerName") and
    /// before the last capital of a run followed by a small letter ("CRMName"). A key with a word of a thing or a word
    /// about the value ("nameVerified") is free text; else one with a word of a user name is a handle's (alone, only a
    /// key that names one: "login" alone may hold a time); one with a word of a name, or of whom a thing belongs or goes
    /// to ("account_holder", "recipient"), is a person's name; any other is free text.
    /// </summary>
    private static KeyedValue KindOfKey(string key)
    {
        bool name = false;
        bool handle = false;
        bool thing = false;
        bool flag = false;
        int start = 0;
        for (int i = 0; i <= key.Length; i++)
        {
            if (i < key.Length && !IsKeyWordBoundary(key, i))
            {
                continue;
            }

            if (i > start)
            {
                ReadOnlySpan<char> word = key.AsSpan(start, i - start);
                name |= IsOneOf(word, NameKeyWords);
                handle |= IsOneOf(word, HandleKeyWords);
                thing |= IsOneOf(word, ThingKeyWords);
                flag |= IsOneOf(word, FlagKeyWords);
            }

            start = i < key.Length && !char.IsLetterOrDigit(key[i]) ? i + 1 : i;
        }

        return thing || flag ? KeyedValue.Text
            : handle && (name || IsOneOf(key, BareHandleKeys)) ? KeyedValue.Handle
            : name ? KeyedValue.Name
            : KeyedValue.Text;
    }

    /// <summary>Whether a word of a key ends before <paramref name="i"/>: a separator there, or a capital that begins a new word.</summary>
    private static bool IsKeyWordBoundary(string key, int i)
    {
        char c = key[i];
        if (!char.IsLetterOrDigit(c))
        {
            return true;
        }

        if (i == 0 || !char.IsUpper(c))
        {
            return false;
        }

        char before = key[i - 1];
        return char.IsLower(before) || char.IsDigit(before) || (char.IsUpper(before) && i + 1 < key.Length && char.IsLower(key[i + 1]));
    }
}
