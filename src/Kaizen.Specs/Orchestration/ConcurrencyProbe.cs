namespace Kaizen.Specs.Orchestration;

/// <summary>
/// Counts the tasks running at once where each task starts. A starting task waits until the expected number of
/// peers has started too (never more than the tasks left), so "tasks ran side by side" is observed by a meeting, not
/// by timing; when the controller in fact runs tasks one after another, the peers never meet, the wait gives up after
/// its bound and the count stays at 1.
/// </summary>
public sealed class ConcurrencyProbe
{
    // Only a safety bound for a controller that never starts the peers: meeting peers arrive within milliseconds.
    private static readonly TimeSpan MeetingBound = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private readonly List<TaskCompletionSource> _waiting = [];
    private int _running;
    private int _peers = 1;
    private int _total;
    private int _started;

    /// <summary>The largest number of tasks seen running at once.</summary>
    public int MaxRunning { get; private set; }

    /// <summary>Tasks should meet in groups of <paramref name="peers"/>, out of <paramref name="totalTasks"/>.</summary>
    public void ExpectPeers(int peers, int totalTasks)
    {
        _peers = Math.Max(1, peers);
        _total = totalTasks;
    }

    /// <summary>Runs one task's work after meeting its peers.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        TaskCompletionSource met;
        lock (_gate)
        {
            _running++;
            MaxRunning = Math.Max(MaxRunning, _running);
            // The group this task belongs to: the peers started so far in its group, capped by the tasks left.
            var groupStart = _started - _started % _peers;
            _started++;
            var groupSize = Math.Min(_peers, Math.Max(1, _total - groupStart));
            met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add(met);
            if (_running >= groupSize)
            {
                foreach (var waiter in _waiting) waiter.TrySetResult();
                _waiting.Clear();
            }
        }
        try
        {
            try { await met.Task.WaitAsync(MeetingBound, cancellationToken); }
            catch (TimeoutException) { /* never met: MaxRunning tells */ }
            return await work();
        }
        finally
        {
            lock (_gate) _running--;
        }
    }
}
