namespace CxCluster.Api.Validation;

/// <summary>Reads the fields of one JSON object, recording a message for every missing or mistyped one.</summary>
public readonly struct JsonFields(JsonElement element, FieldErrors errors)
{
    /// <summary>A string field; null (and a message when <paramref name="required"/>) when absent or JSON null.</summary>
    public string? String(string name, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(name, $"{name} must be a string.");
            return null;
        }
        if (!TryGetText(value, out var text))
        {
            errors.Add(name, NotText(name));
            return null;
        }
        return text;
    }

    /// <summary>What is said of a JSON string <see cref="TryGetText"/> refuses, under <paramref name="name"/>.</summary>
    public static string NotText(string name) => $"{name} must be valid Unicode text, without NUL characters (\\u0000).";

    /// <summary>
    /// What is said of a value <see cref="TryGetText"/> refused under <paramref name="name"/>: <see cref="NotText"/> for a
    /// string that is no readable text, else <paramref name="notAString"/>.
    /// </summary>
    public static string NotTextOr(JsonElement value, string name, string notAString) =>
        value.ValueKind == JsonValueKind.String ? NotText(name) : notAString;

    /// <summary>
    /// A JSON string as .NET text; false for other kinds, for escapes that are no valid UTF-16 (a lone surrogate), and
    /// for a NUL character (<c>\u0000</c>), which no text of a conversation needs and which PostgreSQL's JSON types refuse.
    /// </summary>
    public static bool TryGetText(JsonElement value, out string text)
    {
        text = "";
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        try
        {
            text = value.GetString()!;
            return !text.Contains('\0', StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A finite number field.</summary>
    public double? Number(string name, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            errors.Add(name, $"{name} must be a finite number.");
            return null;
        }
        return number;
    }

    /// <summary>A whole number field (<c>5</c>, and <c>5.0</c> as some writers spell it); one beyond a long is taken as its nearest end.</summary>
    public long? Integer(string name, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var whole))
        {
            return whole;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number) || number != Math.Floor(number))
        {
            errors.Add(name, $"{name} must be a whole number.");
            return null;
        }
        return number switch
        {
            <= long.MinValue => long.MinValue,
            >= long.MaxValue => long.MaxValue,
            _ => (long)number,
        };
    }

    /// <summary>An object field, its members still to be read.</summary>
    public JsonElement? Object(string name, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(name, $"{name} must be a JSON object.");
            return null;
        }
        return value;
    }

    /// <summary>An array field, its items still to be read.</summary>
    public JsonElement? Array(string name, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(name, $"{name} must be an array.");
            return null;
        }
        return value;
    }

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }
        if (required)
        {
            errors.Add(name, $"{name} is required.");
        }
        return false;
    }
}
