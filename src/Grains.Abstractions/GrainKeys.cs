namespace CxCluster.Abstractions;

/// <summary>How tenant-scoped grain keys are spelled: the tenant first, so no two tenants ever share a grain.</summary>
public static class GrainKeys
{
    /// <summary>Separates the parts of a key; ids may not contain it.</summary>
    public const char Separator = '/';

    public const int MaxIdLength = 128;

    private static readonly System.Buffers.SearchValues<char> IdCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    /// <summary>An id of the contract (tenant, conversation, agent, event): 1–128 ASCII letters, digits, '-', '_', '.' or ':', so never the separator.</summary>
    public static bool IsValidId(string? value) =>
        value is { Length: >= 1 and <= MaxIdLength } && !value.AsSpan().ContainsAnyExcept(IdCharacters);

    public static string Conversation(string tenantId, string conversationId) => $"{tenantId}{Separator}{conversationId}";

    public static string Agent(string tenantId, string agentId) => $"{tenantId}{Separator}{agentId}";

    /// <summary>One evidence export of a tenant.</summary>
    public static string EvidenceExport(string tenantId, string exportId) => $"{tenantId}{Separator}{exportId}";

    /// <summary>A pool partition: the agents and the waiting conversations of one tenant, language and channel.</summary>
    public static string Pool(string tenantId, string poolName) => $"{tenantId}{Separator}{poolName}";

    /// <summary>The pool name for a language and channel, as shown in <c>GET /v1/queues</c>.</summary>
    public static string PoolName(string language, Channel channel) => $"{language}{Separator}{channel.Name()}";

    /// <summary>The pool partition of a language on any channel, where a conversation waits once its wait widened past its channel.</summary>
    public static string LanguagePoolName(string language) => $"{language}{Separator}{AnyChannel}";

    /// <summary>The channel part of a language-wide pool's name.</summary>
    public const string AnyChannel = "any";

    /// <summary>The dispatcher of one partition of a tenant's webhook endpoint.</summary>
    public static string WebhookDispatcher(string tenantId, string webhookId, int partition) =>
        $"{tenantId}{Separator}{webhookId}{Separator}{partition.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The tenant, endpoint and partition of a <see cref="WebhookDispatcher"/> key.</summary>
    public static (string TenantId, string WebhookId, int Partition) SplitWebhookDispatcher(string key)
    {
        var last = key.LastIndexOf(Separator);
        var (tenantId, webhookId) = Split(key[..last]);
        return (tenantId, webhookId, int.Parse(key[(last + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Splits a key into its tenant and the rest.</summary>
    public static (string TenantId, string Remainder) Split(string key)
    {
        var at = key.IndexOf(Separator);
        return at < 0 ? (key, "") : (key[..at], key[(at + 1)..]);
    }

    /// <summary>The language part of a BCP 47 locale, lower-cased: <c>id-ID</c> gives <c>id</c>.</summary>
    public static string Language(string locale)
    {
        var dash = locale.IndexOfAny(['-', '_']);
        return (dash < 0 ? locale : locale[..dash]).ToLowerInvariant();
    }
}
