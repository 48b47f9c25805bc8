namespace CxCluster.Api.Validation;

/// <summary>
/// Names a field or parameter that is a misspelling of one the body or query takes: <c>"ocurredAt"</c> for
/// <c>occurredAt</c>, <c>"customerID"</c> for <c>customerId</c>, <c>?type=</c> for <c>types</c>. Left unread, a misspelt
/// optional field would be dropped without a word (an event stamped with the time received instead of the time it
/// happened, a stream of every type instead of those asked for). Names that resemble none of them are a platform's own
/// additions and are let through, so a platform that sends more than the contract asks keeps working.
/// </summary>
public static class NearMisses
{
    /// <summary>At most this many edits (a letter added, dropped, changed or two swapped) make a name a misspelling.</summary>
    private const int MaxEdits = 2;

    /// <summary>
    /// The edits a misspelling of a name of this length may hold: none but case below 4 letters, one below 8 ("prority"),
    /// two from 8 on ("ocurredAtt"). "time" is not "type", nor "txt" "text": a short name of a platform's own stays its own.
    /// </summary>
    private static int AllowedEdits(int length) => length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => MaxEdits,
    };

    /// <summary>Adds a message for every key of <paramref name="element"/> that misspells one of <paramref name="known"/>.</summary>
    /// <param name="element">The object read, whose keys <see cref="JsonKeys.Check"/> found readable.</param>
    /// <param name="errors">Collects a message per misspelt key.</param>
    /// <param name="known">The names the object takes.</param>
    /// <param name="what">What the object is, for the message: "this event", "a conversation.started event".</param>
    public static void CheckKeys(JsonElement element, FieldErrors errors, IReadOnlyList<string> known, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (var property in element.EnumerateObject())
        {
            // A field of its own, as nearly every one is, is matched on its UTF-8 bytes: no name is made for it.
            if (!IsOneOf(property, known))
            {
                Check(errors, property.Name, known, what);
            }
        }
    }

    private static bool IsOneOf(JsonProperty property, IReadOnlyList<string> known)
    {
        foreach (var candidate in known)
        {
            if (property.NameEquals(candidate))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Adds a message for every name of <paramref name="names"/> that misspells one of <paramref name="known"/>.</summary>
    /// <remarks>A query's name that is an id's name without its "Id" (<c>?agent=</c>) misspells it too: a body's field may be a platform's own object.</remarks>
    public static void CheckNames(IEnumerable<string> names, FieldErrors errors, IReadOnlyList<string> known, string what)
    {
        foreach (var name in names)
        {
            Check(errors, name, known, what, query: true);
        }
    }

    /// <summary>The name of <paramref name="known"/> that <paramref name="name"/> misspells, or null (also when it is one of them).</summary>
    public static string? Meant(string name, IReadOnlyList<string> known, bool query = false)
    {
        foreach (var candidate in known)
        {
            if (string.Equals(name, candidate, StringComparison.Ordinal))
            {
                return null;
            }
        }
        foreach (var candidate in known)
        {
            var allowed = AllowedEdits(candidate.Length);
            if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase)
                || (allowed > 0 && Edits(name, candidate) <= allowed)
                || (query && WithoutId(name, candidate)))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>Whether the name is an id's name without its "Id" (<c>agent</c> for <c>agentId</c>, <c>conversation</c> for <c>conversationId</c>).</summary>
    private static bool WithoutId(string name, string candidate) =>
        candidate.Length > 2 + 3 && candidate.EndsWith("Id", StringComparison.Ordinal)
        && name.Length == candidate.Length - 2 && candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase);

    private static void Check(FieldErrors errors, string name, IReadOnlyList<string> known, string what, bool query = false)
    {
        if (Meant(name, known, query) is { } meant)
        {
            var shown = name.Length <= 64 ? name : name[..64];
            errors.Add(shown, $"'{shown}' is not a field of {what}: did you mean '{meant}'?");
        }
    }

    /// <summary>
    /// The edits between two names compared without case: letters added, dropped, changed, or two side by side swapped
    /// (the optimal string alignment distance); stops counting past <see cref="MaxEdits"/>.
    /// </summary>
    private static int Edits(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > MaxEdits || a.Length > 64 || b.Length > 64)
        {
            return MaxEdits + 1;
        }
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1
                    && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2])
                    && char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowBest = Math.Min(rowBest, value);
            }
            if (rowBest > MaxEdits)
            {
                return MaxEdits + 1;
            }
            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }
        return previous[b.Length];
    }
}
