namespace CxCluster.TestSupport.Webhooks;

/// <summary>The facts conversations have recorded so far, by id, read from their versions (facts 1 … version).</summary>
public static class RecordedFacts
{
    /// <summary>The ids (<c>c:{conversation}:{seq}</c>) of every fact the conversations of <paramref name="tenant"/> have recorded.</summary>
    public static async Task<HashSet<string>> IdsAsync(IGrainFactory grains, string tenant, IEnumerable<string> conversations)
    {
        var ids = new HashSet<string>();
        foreach (var conversation in conversations)
        {
            if (await grains.Conversation(tenant, conversation).GetSnapshot() is { } snapshot)
            {
                for (var seq = 1; seq <= snapshot.Version; seq++)
                {
                    ids.Add($"c:{conversation}:{seq}");
                }
            }
        }
        return ids;
    }
}
