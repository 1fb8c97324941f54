namespace Kaizen.Agents.Interrupts;

/// <summary>Interrupts a run (System, graceful) once it has lasted <see cref="Timeout"/>: "timeout after 30 s".</summary>
public sealed class TimeoutInterruptHandler(TimeSpan timeout, InterruptMode mode = InterruptMode.Graceful) : IInterruptHandler
{
    private ITimer? _timer;

    /// <summary>How long a run may last.</summary>
    public TimeSpan Timeout { get; } = timeout > TimeSpan.Zero ? timeout : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");

    /// <inheritdoc />
    public void Start(InterruptManager manager)
    {
        Stop();
        _timer = manager.TimeProvider.CreateTimer(
            _ => manager.RequestInterrupt(InterruptSource.System, mode, $"timeout after {InterruptManager.Format(Timeout)}"),
            null, Timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public void Stop()
    {
        _timer?.Dispose();
        _timer = null;
    }

    /// <inheritdoc />
    public void Dispose() => Stop();
}
