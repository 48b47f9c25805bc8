using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace CxCluster.Api.Validation;

/// <summary>
/// The keys of a body's objects: each must appear once and be readable text. System.Text.Json reads an object with a
/// key twice and keeps the last value, so a body with <c>"id"</c> twice would mean two things at once; the API refuses
/// it, naming the key. (.NET's own <c>AllowDuplicateProperties = false</c> fails the whole document and names no path,
/// so one event of a batch could not fail alone.) A key escaped into a lone surrogate cannot even be looked up: every
/// search past it throws.
/// </summary>
public static class JsonKeys
{
    /// <summary>Objects with up to this many keys are compared pair by pair, without allocating; larger ones by hashing.</summary>
    private const int PairwiseLimit = 16;

    /// <summary>A body built with thousands of bad keys gets a problem of bounded size.</summary>
    private const int MaxNamed = 20;

    /// <summary>
    /// Adds a message for every key of an object anywhere in <paramref name="element"/> that appears more than once or
    /// is no valid text, named by its path (<c>id</c>, <c>attributes.vip</c>, <c>items[2].name</c>); false if there was
    /// one, and then the element's fields must not be read. The value of the top-level key <paramref name="notInto"/> is
    /// not searched (a batch's events are checked one by one).
    /// </summary>
    public static bool Check(JsonElement element, FieldErrors errors, string? notInto = null)
    {
        var named = 0;
        Search(element, errors, path: null, notInto, ref named);
        return named == 0;
    }

    /// <summary>The value of the key <paramref name="name"/> when it appears exactly once; safe on any element, even one <see cref="Check"/> refused.</summary>
    public static bool TryGetSingle(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        var found = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (IsReadable(property) && property.NameEquals(name) && ++found == 1)
            {
                value = property.Value;
            }
        }
        return found == 1;
    }

    private static void Search(JsonElement element, FieldErrors errors, string? path, string? notInto, ref int named)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    Search(item, errors, $"{path}[{index}]", null, ref named);
                }
                index++;
            }
            return;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        // Keys that cannot be read cannot be compared either: name them and leave the object.
        var keys = 0;
        var readable = true;
        foreach (var property in element.EnumerateObject())
        {
            keys++;
            if (!IsReadable(property))
            {
                readable = false;
                Name(errors, Join(path, Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8PropertyName(property))),
                    "is a key that is not valid Unicode text", ref named);
            }
        }
        if (!readable)
        {
            return;
        }

        HashSet<string>? seen = keys > PairwiseLimit ? new(StringComparer.Ordinal) : null;
        HashSet<string>? repeated = null;
        var position = 0;
        foreach (var property in element.EnumerateObject())
        {
            // Each repeated key is named once, at its second appearance.
            var second = seen is null
                ? EarlierAppearances(element, property, position) == 1
                : !seen.Add(property.Name) && (repeated ??= new(StringComparer.Ordinal)).Add(property.Name);
            if (second)
            {
                Name(errors, Join(path, property.Name), "appears more than once", ref named);
            }
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                && !(path is null && notInto is not null && property.NameEquals(notInto)))
            {
                Search(property.Value, errors, Join(path, property.Name), null, ref named);
            }
            position++;
        }
    }

    private static void Name(FieldErrors errors, string field, string problem, ref int named)
    {
        if (++named <= MaxNamed)
        {
            errors.Add(field, $"{field} {problem}.");
        }
    }

    /// <summary>
    /// A key without escapes is readable when its bytes are valid UTF-8 (the parser does not check a key's bytes); an
    /// escaped one may be a lone surrogate.
    /// </summary>
    private static bool IsReadable(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (!raw.Contains((byte)'\\'))
        {
            return Utf8.IsValid(raw);
        }
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>How many of the first <paramref name="position"/> keys of the object equal the key of <paramref name="property"/>.</summary>
    private static int EarlierAppearances(JsonElement element, JsonProperty property, int position)
    {
        // The key as sent: without escapes it is the name itself, compared without allocating.
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        var name = raw.Contains((byte)'\\') ? property.Name : null;
        var count = 0;
        var index = 0;
        foreach (var earlier in element.EnumerateObject())
        {
            if (index++ == position)
            {
                break;
            }
            if (name is null ? earlier.NameEquals(raw) : earlier.NameEquals(name))
            {
                count++;
            }
        }
        return count;
    }

    private static string Join(string? path, string name) => path is null ? name : $"{path}.{name}";
}
