namespace CxCluster.Api.Http;

/// <summary>Checks the ids in a route against the contract's id rule before any grain is touched.</summary>
public static class PathIds
{
    /// <summary>A 400 naming every invalid id, or null when all are valid.</summary>
    public static IResult? Check(params ReadOnlySpan<(string Field, string Value)> ids)
    {
        var errors = new FieldErrors();
        foreach (var (field, value) in ids)
        {
            FieldRules.Id(errors, field, value);
        }
        return errors.Any ? Problems.Invalid(errors, "The path has an invalid id; see errors.") : null;
    }
}
