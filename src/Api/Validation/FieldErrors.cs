namespace CxCluster.Api.Validation;

/// <summary>Messages per field of the contract, collected while reading a request.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>
    /// Records a message for a field, once: the same message again (each of thousands of array items failing alike)
    /// adds nothing, so a problem's size is bounded by what is wrong, not by how often.
    /// </summary>
    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }
        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }

    public Dictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
}
