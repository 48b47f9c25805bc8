using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace CxCluster.Silo.Database;

/// <summary>One file of <c>deploy/sql</c>, embedded in the silo so the schema always matches the code that uses it.</summary>
public sealed record SchemaScript(string Name, string Sql, string Sha256)
{
    private const string Extension = ".sql";

    /// <summary>Every embedded script, in apply order (their file names start with the order).</summary>
    public static IReadOnlyList<SchemaScript> All { get; } = Load(typeof(SchemaScript).Assembly);

    private static SchemaScript[] Load(Assembly assembly)
    {
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded schema script {resource} cannot be read.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd();
            scripts.Add(new SchemaScript(FileName(resource), sql, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)))));
        }
        if (scripts.Count == 0)
        {
            throw new InvalidOperationException("The silo was built without its schema scripts (deploy/sql/*.sql).");
        }
        return [.. scripts.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    // Resource names are "<namespace>.<folder>.<file>.sql"; the file name is the last segment before the extension.
    private static string FileName(string resource)
    {
        var withoutExtension = resource[..^Extension.Length];
        return withoutExtension[(withoutExtension.LastIndexOf('.') + 1)..] + Extension;
    }
}
