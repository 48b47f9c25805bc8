namespace CxCluster.Grains.Agents;

/// <summary>
/// Serialises the writes (journal appends) of a reentrant grain: while one write runs, every caller that arrives
/// meanwhile shares the next one, so writes never overlap and none is lost.
/// </summary>
internal sealed class CoalescingWriter(Func<Task> write)
{
    private bool _running;
    private TaskCompletionSource? _next;

    public async Task WriteAsync()
    {
        if (_running)
        {
            _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await _next.Task;
            return;
        }

        _running = true;
        try
        {
            await write();
        }
        finally
        {
            while (_next is { } waiting)
            {
                _next = null;
                try
                {
                    await write();
                    waiting.SetResult();
                }
                catch (Exception error)
                {
                    waiting.SetException(error);
                }
            }
            _running = false;
        }
    }
}
