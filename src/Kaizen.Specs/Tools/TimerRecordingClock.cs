using System.Collections.Concurrent;

namespace Kaizen.Specs.Tools;

/// <summary>
/// The system clock, noting the due time of every timer started on it (pauses, time limits), so a scenario can see the
/// waits the library took. Time itself runs as usual.
/// </summary>
public sealed class TimerRecordingClock : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    /// <summary>The due time of every timer started so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Timers => [.. _timers];

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Enqueue(dueTime);
        return System.CreateTimer(callback, state, dueTime, period);
    }
}
