namespace CxCluster.TestSupport.Processes;

/// <summary>
/// The silo and API assemblies the build put next to their sources (<c>src/*/bin/{configuration}/{framework}</c>),
/// in the configuration and framework these tests were built for, as an operator would run them.
/// </summary>
public static class BuiltHosts
{
    public static string Silo => Find("Silo", "CxCluster.Silo.dll");

    public static string Api => Find("Api", "CxCluster.Api.dll");

    private static string Find(string project, string assembly)
    {
        // The tests run from tests/<project>/bin/<configuration>/<framework>/.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        for (var directory = output; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CxCluster.sln")))
            {
                var built = Path.Combine(directory.FullName, "src", project, "bin", configuration, framework, assembly);
                return File.Exists(built) ? built : throw new FileNotFoundException($"Build the solution first: {built} is missing.");
            }
        }
        throw new DirectoryNotFoundException($"No CxCluster.sln above {AppContext.BaseDirectory}.");
    }
}
