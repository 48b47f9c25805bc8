namespace CxCluster.Storage.Tests.Processes;

/// <summary>
/// The process tests run alone: each starts several silo processes and an API, and their failure windows are figures
/// for the release note, which other tests competing for the same cores would distort.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessesCollection
{
    public const string Name = "Processes";
}
