namespace CxCluster.Silo.Database;

/// <summary>What the silo's command-line verbs share.</summary>
internal static class CommandLine
{
    /// <summary>A cancellation that Ctrl+C triggers instead of ending the process at once, so a verb stops cleanly.</summary>
    public static CancellationTokenSource CancelOnCtrlC()
    {
        var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return cancellation;
    }
}
