namespace CxCluster.Api.Agents;

/// <summary>Reads agent bodies, naming every field that breaks the contract.</summary>
public static class AgentRequestReader
{
    public const int MaxDisplayNameLength = 200;
    public const int MaxLanguages = 20;
    public const int MinCapacity = 1;
    public const int MaxCapacity = 50;

    /// <summary>
    /// What a profile takes, and what reading an agent shows besides (<c>agentId</c>, <c>status</c>, <c>conversations</c>):
    /// an agent read, changed and put back is accepted, those fields changing nothing.
    /// </summary>
    private static readonly string[] ProfileFields = ["displayName", "languages", "channels", "capacity", "agentId", "status", "conversations"];

    private static readonly string[] StatusFields = ["status"];

    private static readonly string[] DeclineFields = ["reason"];

    private static readonly string StatusList = string.Join(", ", Enum.GetValues<AgentStatus>().Select(s => s.Name()));

    /// <summary>The profile, with languages reduced to their lower-case language part (<c>id-ID</c> gives <c>id</c>).</summary>
    /// <param name="root">The body read.</param>
    /// <param name="errors">Collects a message per field that breaks the contract.</param>
    /// <param name="agentId">The agent of the path: an <c>agentId</c> in the body must be it, or one agent's profile would be put under another's id.</param>
    public static AgentProfile? ReadProfile(JsonElement root, FieldErrors errors, string agentId)
    {
        if (!IsObject(root, errors))
        {
            return null;
        }
        NearMisses.CheckKeys(root, errors, ProfileFields, "an agent's profile");
        if (root.TryGetProperty("agentId", out var named) && !(JsonFields.TryGetText(named, out var namedId) && namedId == agentId))
        {
            errors.Add("agentId", $"agentId must be left out or be '{agentId}', the agent of the path.");
        }
        var fields = new JsonFields(root, errors);

        var displayName = fields.String("displayName", required: true);
        FieldRules.ShownName(errors, "displayName", displayName, MaxDisplayNameLength);

        var languages = ReadLanguages(fields.Array("languages", required: true), errors);
        var channels = ReadChannels(fields.Array("channels", required: true), errors);

        int? capacity = null;
        if (fields.Number("capacity", required: true) is { } number)
        {
            if (number is < MinCapacity or > MaxCapacity || number != Math.Floor(number))
            {
                errors.Add("capacity", $"capacity must be a whole number from {MinCapacity} to {MaxCapacity}.");
            }
            else
            {
                capacity = (int)number;
            }
        }

        CheckReadBack(fields, errors);

        return errors.Any
            ? null
            : new AgentProfile { DisplayName = displayName!, Languages = languages!, Channels = channels!, Capacity = capacity!.Value };
    }

    /// <summary>
    /// What a read agent shows besides its profile may come back with it and changes nothing, but only as a read could have
    /// shown it: <c>status</c> one of the statuses, <c>conversations</c> conversation ids. Anything else is no agent that
    /// was read (<c>"status": "bogus"</c>) and is refused, naming the field; its status changes through its own endpoint.
    /// </summary>
    private static void CheckReadBack(JsonFields fields, FieldErrors errors)
    {
        if (fields.String("status", required: false) is { } status && !WireNames.TryParseAgentStatus(status, out _))
        {
            errors.Add("status", $"status must be left out or be one of {StatusList}, as a read agent shows it; it changes nothing here (POST /v1/agents/{{agentId}}/status changes it).");
        }
        if (fields.Array("conversations", required: false) is { } conversations)
        {
            foreach (var conversation in conversations.EnumerateArray())
            {
                if (!JsonFields.TryGetText(conversation, out var conversationId) || !FieldRules.IsValidId(conversationId))
                {
                    errors.Add("conversations", "conversations must be left out or hold conversation ids, as a read agent shows them; they change nothing here.");
                    break;
                }
            }
        }
    }

    public static AgentStatus? ReadStatus(JsonElement root, FieldErrors errors)
    {
        if (!IsObject(root, errors))
        {
            return null;
        }
        NearMisses.CheckKeys(root, errors, StatusFields, "a status change");
        var status = new JsonFields(root, errors).String("status", required: true);
        if (status is null)
        {
            return null;
        }
        if (!WireNames.TryParseAgentStatus(status, out var parsed))
        {
            errors.Add("status", $"status must be one of {StatusList}.");
        }
        // A misspelt field beside the status ("statsu") is refused too: nothing changes.
        return errors.Any ? null : parsed;
    }

    private static List<string>? ReadLanguages(JsonElement? array, FieldErrors errors)
    {
        if (array is not { } items)
        {
            return null;
        }
        if (items.GetArrayLength() is < 1 or > MaxLanguages)
        {
            errors.Add("languages", $"languages must hold 1 to {MaxLanguages} language codes.");
            return null;
        }
        var languages = new List<string>();
        foreach (var item in items.EnumerateArray())
        {
            if (!JsonFields.TryGetText(item, out var code) || code.Length == 0)
            {
                errors.Add("languages", "languages must hold non-empty strings.");
                continue;
            }
            if (FieldRules.Locale(new FieldErrors(), "languages", code) is not { } tag)
            {
                errors.Add("languages", $"languages must hold language codes such as 'id' or 'en-US', not '{Truncate(code)}'.");
                continue;
            }
            var language = GrainKeys.Language(tag);
            if (!languages.Contains(language))
            {
                languages.Add(language);
            }
        }
        return languages;
    }

    private static List<Channel>? ReadChannels(JsonElement? array, FieldErrors errors)
    {
        if (array is not { } items)
        {
            return null;
        }
        if (items.GetArrayLength() == 0)
        {
            errors.Add("channels", "channels must hold at least one channel.");
            return null;
        }
        var channels = new List<Channel>();
        foreach (var item in items.EnumerateArray())
        {
            if (!JsonFields.TryGetText(item, out var name))
            {
                errors.Add("channels", JsonFields.NotTextOr(item, "channels", "channels must hold strings."));
                continue;
            }
            if (FieldRules.Channel(errors, "channels", name) is not { } channel)
            {
                continue;
            }
            if (channels.Contains(channel))
            {
                errors.Add("channels", $"channels must not repeat '{channel.Name()}'.");
                continue;
            }
            channels.Add(channel);
        }
        return channels;
    }

    /// <summary>The body of a decline: an optional short <c>reason</c>.</summary>
    public static OfferDeclineJson? ReadDecline(JsonElement root, FieldErrors errors)
    {
        if (!IsObject(root, errors))
        {
            return null;
        }
        NearMisses.CheckKeys(root, errors, DeclineFields, "a decline");
        var reason = new JsonFields(root, errors).String("reason", required: false);
        if (reason is not null)
        {
            // A reason the cluster gives for its own declines is refused by the agent, which judges it as it would record it.
            FieldRules.ShortText(errors, "reason", reason, OfferApi.MaxReasonLength);
        }
        return errors.Any ? null : new OfferDeclineJson(reason);
    }

    /// <summary>
    /// The body of a call that needs none (accepting an offer, completing a conversation): left out, or a JSON object
    /// whose fields are not read; anything else (malformed JSON, an array, a string) is refused before anything changes.
    /// </summary>
    private static object? ReadNoFields(JsonElement root, FieldErrors errors) => IsObject(root, errors) ? NoFields : null;

    /// <summary>What <see cref="ReadNoFields"/> answers for a body it accepts: it carries nothing.</summary>
    private static readonly object NoFields = new();

    /// <summary>
    /// The problem to answer for the body of a call that needs none (<see cref="ReadNoFields"/>), or null when it was left
    /// out or is a JSON object; <paramref name="call"/> names the call in the problem ("The accept's body ...").
    /// </summary>
    public static async Task<IResult?> RefuseBodyOtherThanAnObjectAsync(HttpRequest request, string call, CancellationToken cancellationToken)
    {
        var (_, problem) = await RequestBody.ReadOptionalAsync(request, RequestBody.SingleLimit, ReadNoFields,
            $"The {call}'s body is not a JSON object; see errors.", cancellationToken);
        return problem;
    }

    /// <summary>An object whose fields can be read: each key there once (a key twice is ambiguous) and readable text.</summary>
    private static bool IsObject(JsonElement root, FieldErrors errors)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            return JsonKeys.Check(root, errors);
        }
        errors.Add(RequestBody.Field, $"{RequestBody.Field} must be a JSON object.");
        return false;
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
