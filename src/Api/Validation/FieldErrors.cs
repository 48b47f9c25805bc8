namespace CxCluster.Api.Validation;

/// <summary>Messages per field of the contract, collected while reading a request.</summary>
public sealed class FieldErrors
{
    /// <summary>
    /// A problem names at most this many fields: a body of thousands of misspelt keys (or a query of thousands of
    /// parameters) is answered with a problem of bounded size, which says that there are more.
    /// </summary>
    public const int MaxFields = 20;

    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    /// <summary>Whether more fields were wrong than the problem names.</summary>
    public bool MoreThanNamed { get; private set; }

    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>
    /// Records a message for a field, once: the same message again (each of thousands of array items failing alike)
    /// adds nothing, so a problem's size is bounded by what is wrong, not by how often; past <see cref="MaxFields"/>
    /// fields a new one is only noted (<see cref="Detail"/> says there are more).
    /// </summary>
    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            if (errors.Count >= MaxFields)
            {
                MoreThanNamed = true;
                return;
            }
            errors[field] = messages = [];
        }
        if (!messages.Contains(message) && messages.Count < MaxFields)
        {
            messages.Add(message);
        }
    }

    /// <summary><paramref name="detail"/>, saying that more fields were wrong than the problem lists, if so.</summary>
    public string Detail(string detail) =>
        MoreThanNamed ? $"{detail} More wrong fields than the {MaxFields} listed were found." : detail;

    public Dictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
}
