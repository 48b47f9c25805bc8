namespace CxCluster.Grains.Tests.Telemetry;

/// <summary>
/// Tests that listen to CxCluster's spans, and the test that needs nobody listening, run one after another: a listener
/// is process-wide, so one added by a test running alongside would be heard by the other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SpanListenerCollection
{
    public const string Name = "CxCluster span listeners";
}
