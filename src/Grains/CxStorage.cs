namespace CxCluster.Grains;

/// <summary>The grain storage every CxCluster grain keeps its state in.</summary>
public static class CxStorage
{
    public const string Name = "cx";
}
