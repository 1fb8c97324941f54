namespace Kaizen.Specs.Orchestration;

/// <summary>
/// Counts the tasks running at once. Each task, once started, waits (asynchronously, up to a bound) until the expected
/// number of peers is running, so that "tasks ran side by side" is observed deterministically instead of by luck of
/// timing. The wait also stands for the model's network latency: the scripted model answers synchronously, a real one
/// does not.
/// </summary>
public sealed class ConcurrencyProbe
{
    private readonly Lock _gate = new();
    private int _running;
    private int _peers = 1;
    private int _total;
    private int _finished;

    /// <summary>The largest number of tasks seen running at once.</summary>
    public int MaxRunning { get; private set; }

    /// <summary>Tasks should meet in groups of <paramref name="peers"/> (never more than the tasks left).</summary>
    public void ExpectPeers(int peers, int totalTasks)
    {
        _peers = Math.Max(1, peers);
        _total = totalTasks;
    }

    /// <summary>Marks a task as running until the returned scope is disposed.</summary>
    public IDisposable Run()
    {
        lock (_gate)
        {
            _running++;
            MaxRunning = Math.Max(MaxRunning, _running);
        }
        return new Scope(() =>
        {
            lock (_gate)
            {
                _running--;
                _finished++;
            }
        });
    }

    /// <summary>Waits until the expected peers are running, or 5 s (then the assertions report what was seen).</summary>
    public async Task WaitForPeersAsync(CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < until)
        {
            lock (_gate)
            {
                if (_running >= Math.Min(_peers, Math.Max(1, _total - _finished))) return;
            }
            await Task.Delay(5, cancellationToken);
        }
    }

    private sealed class Scope(Action onDispose) : IDisposable
    {
        private Action? _onDispose = onDispose;

        public void Dispose() => Interlocked.Exchange(ref _onDispose, null)?.Invoke();
    }
}
