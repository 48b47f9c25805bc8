using CxCluster.Abstractions.Webhooks;

namespace CxCluster.Api.Webhooks;

/// <summary>Reads webhook bodies, naming every field that breaks the contract; the cluster decides which receivers it allows.</summary>
public static class WebhookRequestReader
{
    public const int MaxUrlLength = 2_048;
    public const int MaxTypes = 64;
    private const string SecretPrefix = "whsec_";

    public static WebhookSpec? ReadSpec(JsonElement root, FieldErrors errors)
    {
        if (!IsObject(root, errors))
        {
            return null;
        }
        var fields = new JsonFields(root, errors);
        var url = fields.String("url", required: true);
        if (url is not null)
        {
            if (url.Length > MaxUrlLength)
            {
                errors.Add("url", $"url must be at most {MaxUrlLength:N0} characters.");
            }
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add("url", "url must be an absolute https URL.");
            }
        }
        var types = ReadTypes(fields.Array("types", required: false), errors);
        var secret = fields.String("secret", required: false);
        if (secret is not null && !IsSecret(secret))
        {
            errors.Add("secret", $"secret must be '{SecretPrefix}' and the base64 of 24 to 64 random bytes.");
        }
        return errors.Any ? null : new WebhookSpec { Url = url!, Types = types, Secret = secret };
    }

    /// <summary>The replay's start, or null for "the given-up facts"; an empty body is allowed.</summary>
    public static DateTimeOffset? ReadReplay(JsonElement root, FieldErrors errors)
    {
        if (!IsObject(root, errors))
        {
            return null;
        }
        return FieldRules.Timestamp(errors, "from", new JsonFields(root, errors).String("from", required: false));
    }

    private static List<string>? ReadTypes(JsonElement? array, FieldErrors errors)
    {
        if (array is not { } items)
        {
            return null;
        }
        if (items.GetArrayLength() is < 1 or > MaxTypes)
        {
            errors.Add("types", $"types must hold 1 to {MaxTypes} fact types (leave it out for every type).");
            return null;
        }
        var types = new List<string>();
        foreach (var item in items.EnumerateArray())
        {
            if (!JsonFields.TryGetText(item, out var type))
            {
                errors.Add("types", "types must hold strings.");
            }
            else if (!FactTypes.Known.Contains(type))
            {
                errors.Add("types", $"types holds '{(type.Length <= 40 ? type : type[..40] + "…")}', which is no fact type.");
            }
            else if (!types.Contains(type))
            {
                types.Add(type);
            }
        }
        return types;
    }

    private static bool IsSecret(string secret)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[128];
        return Convert.TryFromBase64String(secret[SecretPrefix.Length..], bytes, out var written) && written is >= 24 and <= 64
            && !secret.AsSpan().ContainsAny(" \t\r\n");
    }

    private static bool IsObject(JsonElement root, FieldErrors errors)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            return JsonKeys.Check(root, errors);
        }
        errors.Add(RequestBody.Field, $"{RequestBody.Field} must be a JSON object.");
        return false;
    }
}
