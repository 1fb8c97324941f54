namespace Kaizen.Specs.Orchestration;

/// <summary>
/// Counts the agents working (inside a model call) at once. Each model call waits, up to a bound, until the expected
/// number of peers is working too, so that "tasks ran side by side" is observed deterministically instead of by luck
/// of timing; when the work is in fact serialised, the peers never meet and the count stays at 1.
/// </summary>
public sealed class ConcurrencyProbe
{
    private readonly Lock _gate = new();
    private int _working;
    private int _peers = 1;
    private int _total;
    private int _finished;

    /// <summary>The largest number of agents seen working at once.</summary>
    public int MaxRunning { get; private set; }

    /// <summary>Calls should meet in groups of <paramref name="peers"/> (never more than the calls left).</summary>
    public void ExpectPeers(int peers, int totalCalls)
    {
        _peers = Math.Max(1, peers);
        _total = totalCalls;
    }

    /// <summary>Runs one model call's work, meeting its peers first.</summary>
    public T Work<T>(Func<T> work)
    {
        lock (_gate)
        {
            _working++;
            MaxRunning = Math.Max(MaxRunning, _working);
        }
        try
        {
            var until = DateTime.UtcNow.AddSeconds(2);
            while (DateTime.UtcNow < until)
            {
                lock (_gate)
                {
                    if (_working >= Math.Min(_peers, Math.Max(1, _total - _finished))) break;
                }
                Thread.Sleep(5);
            }
            return work();
        }
        finally
        {
            lock (_gate)
            {
                _working--;
                _finished++;
            }
        }
    }
}
