namespace CxCluster.TestSupport.Processes;

/// <summary>
/// Where a process's standard output and error go: two files the starting shell writes straight into, so nothing in
/// the test process can hold the process up by reading too slowly.
/// </summary>
public sealed class ProcessLog
{
    private readonly bool _owned;

    private ProcessLog(string directory, string name, bool owned)
    {
        Directory.CreateDirectory(directory);
        _owned = owned;
        Output = Path.Combine(directory, $"{name}.log");
        Error = Path.Combine(directory, $"{name}.err.log");
    }

    /// <summary>The standard output's file.</summary>
    public string Output { get; }

    /// <summary>The standard error's file.</summary>
    public string Error { get; }

    /// <summary>In <paramref name="directory"/>, which its caller keeps or deletes; or in a temporary one deleted with <see cref="Delete"/>.</summary>
    public static ProcessLog For(string name, string? directory) => directory is null
        ? new ProcessLog(Path.Combine(Path.GetTempPath(), "cxcluster-processes", $"{name}-{Guid.NewGuid():N}"), name, owned: true)
        : new ProcessLog(directory, name, owned: false);

    /// <summary>Everything written to <paramref name="path"/> so far ("" before anything was).</summary>
    public static string Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return "";
        }
    }

    /// <summary>The last lines of standard output, then of standard error if it has any, for a failure message.</summary>
    public string Tail(int lines)
    {
        try
        {
            var output = string.Join('\n', Read(Output).Split('\n').TakeLast(lines));
            var error = Read(Error);
            return error.Length == 0 ? output : $"{output}\n(standard error:)\n{string.Join('\n', error.Split('\n').TakeLast(lines))}";
        }
        catch (IOException e)
        {
            return $"(no log: {e.Message})";
        }
    }

    /// <summary>Deletes the temporary directory this log made for itself; a named one is its caller's.</summary>
    public void Delete()
    {
        if (!_owned)
        {
            return;
        }
        try
        {
            Directory.Delete(Path.GetDirectoryName(Output)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
