namespace CxCluster.Abstractions.Supervision;

/// <summary>
/// What a tenant's supervisors see (key: the tenant id): its queues and agents as they stand, the conversations at risk
/// or waiting for a human, and today's counts. It follows the tenant's facts on its own; no conversation calls it.
/// </summary>
public interface ISupervisorBoardGrain : IGrainWithStringKey
{
    /// <summary>
    /// The board, including at least every fact up to tenant-wide position <paramref name="seen"/> (a live stream's
    /// cursor; 0 or less: whatever it has read).
    /// </summary>
    Task<SupervisorBoard> Get(long seen);
}
