namespace CxCluster.Understanding;

/// <summary>Finds the repository (the folder holding <c>CxCluster.sln</c>) from where the tool or a test runs.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "CxCluster.sln";

    /// <summary>
    /// The first folder holding <see cref="SolutionFile"/>, going up from the current directory, then from the
    /// folder of the running assembly.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">Neither is inside the repository.</exception>
    public static string Find()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                {
                    return directory.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"no {SolutionFile} above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; pass --data <folder>");
    }

    /// <summary>The corpus folder of the repository.</summary>
    public static string CorpusDirectory() => Path.Combine(Find(), Corpus.DefaultRelativePath);
}
