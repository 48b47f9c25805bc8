using CxCluster.Settings;
using CxCluster.Silo.Storage.Journal;

namespace CxCluster.Storage.Tests.Journal;

/// <summary>
/// Holds a journal's first group just before its commit until released, so that appends made meanwhile wait in the
/// queue and form the next group together (with one group in flight at a time); later groups run <c>later</c> there.
/// </summary>
public sealed class FirstGroupHold
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _groups;

    /// <param name="journal">A journal with <see cref="JournalSettings.MaxConcurrentGroups"/> 1.</param>
    /// <param name="later">Runs before the commit of each later group, given the group's number (2, 3, …), its backend's process id and its size.</param>
    public FirstGroupHold(PostgresFactJournal journal, Func<int, int, int, ValueTask>? later = null)
    {
        journal.BeforeCommit = async (backend, appends) =>
        {
            var group = Interlocked.Increment(ref _groups);
            if (group == 1)
            {
                _held.TrySetResult();
                await _released.Task;
            }
            else if (later is not null)
            {
                await later(group, backend, appends.Count);
            }
        };
    }

    public static JournalSettings OneGroupAtATime => new() { MaxConcurrentGroups = 1 };

    /// <summary>Holds the first group, and adds the size of each later group to <paramref name="sizes"/> before its commit.</summary>
    public static FirstGroupHold RecordingSizes(PostgresFactJournal journal, List<int> sizes) => new(journal, (_, _, size) =>
    {
        lock (sizes)
        {
            sizes.Add(size);
        }
        return ValueTask.CompletedTask;
    });

    /// <summary>Waits until the first group is held.</summary>
    public Task HeldAsync() => _held.Task.WaitAsync(Timeout);

    public void Release() => _released.TrySetResult();
}
