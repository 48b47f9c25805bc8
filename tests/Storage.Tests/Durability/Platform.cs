using System.Collections.Concurrent;
using CxCluster.TestSupport.Invariants;
using Orleans.Runtime.Messaging;

namespace CxCluster.Storage.Tests.Durability;

/// <summary>
/// Plays conversations the way a contact-center platform does: every event is retried with the same id until it is
/// answered. It records each answer and every failure, so a test can check that nothing was lost or doubled and that
/// only the documented, retryable failures were seen.
/// </summary>
public sealed class Platform(IGrainFactory grains, string tenant) : ICallRetry
{
    private const int MaxAttempts = 60;

    public ConcurrentDictionary<string, int> Failures { get; } = new();

    public ConcurrentDictionary<string, AnswerLog> Logs { get; } = new();

    public int Answered => _answered;

    private int _answered;

    public IConversationGrain Conversation(string id) => grains.Conversation(tenant, id);

    public IAgentGrain Agent(string id) => grains.Agent(tenant, id);

    /// <summary>Retryable: the cluster could not answer now, the same request later will be answered exactly once.</summary>
    public static bool IsRetryable(Exception e) => e is OrleansMessageRejectionException or SiloUnavailableException or TimeoutException
        or ConnectionFailedException or Orleans.Storage.InconsistentStateException or System.Data.Common.DbException
        // While silos join or leave, a call whose target is still being placed can expire before it is delivered.
        or OperationCanceledException
        || (e is OrleansException && e.Message.Contains("defunct", StringComparison.OrdinalIgnoreCase));

    public async Task<EventResult> Send(string conversationId, ConversationEvent e)
    {
        var log = Logs.GetOrAdd(conversationId, _ => new AnswerLog());
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await Conversation(conversationId).Apply(e);
                if (outcome.Refusal is { } refusal)
                {
                    throw new InvalidOperationException($"{conversationId}/{e.Id} refused: {refusal.Detail}");
                }
                log.Record(e, outcome.Result!);
                Interlocked.Increment(ref _answered);
                return outcome.Result!;
            }
            catch (Exception error) when (attempt < MaxAttempts && IsRetryable(error))
            {
                Failures.AddOrUpdate(error.GetType().Name, 1, (_, n) => n + 1);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * attempt)));
            }
        }
    }

    Task<T> ICallRetry.CallAsync<T>(Func<Task<T>> call) => Retry(call);

    /// <summary>A command to an agent, or a read, retried the same way.</summary>
    public async Task<T> Retry<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception error) when (attempt < MaxAttempts && IsRetryable(error))
            {
                Failures.AddOrUpdate(error.GetType().Name, 1, (_, n) => n + 1);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * attempt)));
            }
        }
    }
}
