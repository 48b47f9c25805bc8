namespace CxCluster.Abstractions.Supervision;

/// <summary>
/// What a tenant's supervisors see (key: the tenant id): its queues and agents as they stand, the conversations at risk
/// or waiting for a human, and today's counts. It follows the tenant's facts on its own; no conversation calls it.
/// </summary>
public interface ISupervisorBoardGrain : IGrainWithStringKey
{
    /// <summary>
    /// The board, including at least every fact up to the live stream's cursor <paramref name="seen"/> (0 or less, or no
    /// cursor of this tenant's: whatever it has read).
    /// </summary>
    Task<SupervisorBoard> Get(long seen);
}
