namespace Kaizen.Agents.Interrupts;

/// <summary>
/// Collects interrupt requests for one agent (from handlers, code, or a parent agent), keeps the first reason,
/// escalates a graceful stop to an immediate one after <see cref="GracefulShutdownTimeout"/>, and forwards every
/// interrupt to its child managers. Thread-safe.
/// </summary>
public sealed class InterruptManager : IDisposable
{
    private readonly TimeProvider _time;
    private readonly List<IInterruptHandler> _handlers = [];
    private readonly List<InterruptManager> _children = [];
    private readonly List<InterruptManager> _parents = [];
    private readonly Lock _gate = new();
    private CancellationTokenSource _immediate = new();
    private ITimer? _escalation;
    private InterruptReason? _reason;

    /// <summary>Creates a manager.</summary>
    /// <param name="gracefulShutdownTimeout">Longest time a graceful stop may take before it becomes immediate.</param>
    /// <param name="timeProvider">Clock for the escalation timer and timestamps.</param>
    public InterruptManager(TimeSpan? gracefulShutdownTimeout = null, TimeProvider? timeProvider = null)
    {
        GracefulShutdownTimeout = gracefulShutdownTimeout ?? TimeSpan.FromSeconds(5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(GracefulShutdownTimeout, TimeSpan.Zero, nameof(gracefulShutdownTimeout));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Longest time a graceful stop may take before the run is cancelled immediately.</summary>
    public TimeSpan GracefulShutdownTimeout { get; }

    /// <summary>The clock used by the manager and its handlers.</summary>
    public TimeProvider TimeProvider => _time;

    /// <summary>True once an interrupt has been requested (until <see cref="Reset"/>).</summary>
    public bool IsInterruptRequested { get { lock (_gate) return _reason is not null; } }

    /// <summary>The current interrupt reason, or null.</summary>
    public InterruptReason? Reason { get { lock (_gate) return _reason; } }

    /// <summary>Cancelled when the run must stop now: an immediate interrupt, or a graceful one that ran out of time.</summary>
    public CancellationToken ImmediateToken { get { lock (_gate) return _immediate.Token; } }

    /// <summary>The child managers interrupts propagate to.</summary>
    public IReadOnlyList<InterruptManager> Children { get { lock (_gate) return _children.ToList(); } }

    /// <summary>The handlers added so far.</summary>
    internal IReadOnlyList<IInterruptHandler> Handlers { get { lock (_gate) return _handlers.ToList(); } }

    /// <summary>Raised (on the requesting thread) when an interrupt is first requested or escalated.</summary>
    public event Action<InterruptReason>? InterruptRequested;

    /// <summary>Adds a handler; it is started by <see cref="BeginRun"/> and disposed with the manager.</summary>
    public void AddHandler(IInterruptHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate) _handlers.Add(handler);
    }

    /// <summary>Creates a child manager (same clock and timeout) that receives every interrupt of this one.</summary>
    public InterruptManager CreateChild()
    {
        var child = new InterruptManager(GracefulShutdownTimeout, _time);
        AttachChild(child);
        return child;
    }

    /// <summary>Makes <paramref name="child"/> receive every interrupt of this manager (including one already requested).</summary>
    public void AttachChild(InterruptManager child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (ReferenceEquals(child, this)) throw new ArgumentException("A manager cannot be its own child.", nameof(child));
        InterruptReason? current;
        lock (_gate)
        {
            _children.Add(child);
            current = _reason;
        }
        lock (child._gate) child._parents.Add(this);
        if (current is not null) child.Propagate(current);
    }

    /// <summary>Detaches a child (e.g. when its run ended).</summary>
    public void DetachChild(InterruptManager child)
    {
        ArgumentNullException.ThrowIfNull(child);
        lock (_gate) _children.Remove(child);
        lock (child._gate) child._parents.Remove(this);
    }

    /// <summary>
    /// Asks the run to stop. The first request wins; a later immediate request escalates a graceful one.
    /// Returns true when the request changed the state.
    /// </summary>
    public bool RequestInterrupt(InterruptSource source, InterruptMode mode, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        InterruptReason reason;
        InterruptManager[] children;
        lock (_gate)
        {
            if (_reason is not null && (_reason.Mode == InterruptMode.Immediate || mode == InterruptMode.Graceful)) return false;
            reason = _reason is null
                ? new InterruptReason(source, mode, message, _time.GetUtcNow())
                : _reason with { Mode = InterruptMode.Immediate, Message = $"{_reason.Message}; then {message}" };
            _reason = reason;
            if (mode == InterruptMode.Immediate) _immediate.Cancel();
            else _escalation = _time.CreateTimer(_ => Escalate(), null, GracefulShutdownTimeout, Timeout.InfiniteTimeSpan);
            children = _children.ToArray();
        }
        InterruptRequested?.Invoke(reason);
        foreach (var child in children) child.Propagate(reason);
        return true;
    }

    /// <summary>
    /// Starts the handlers for a new run. An interrupt requested before the run is kept, and so is one still standing on
    /// a parent (or further up): a child whose earlier run already stopped on the parent's interrupt (and was reset by
    /// <see cref="EndRun"/>) takes it up again, so no new run of a member starts while its team is stopping. The parent's
    /// interrupt stands until the parent's own run ends or someone calls <see cref="Reset"/> on it.
    /// </summary>
    public void BeginRun()
    {
        if (!IsInterruptRequested && StandingParentReason() is { } inherited) Propagate(inherited);
        IInterruptHandler[] handlers;
        lock (_gate) handlers = _handlers.ToArray();
        foreach (var handler in handlers) handler.Start(this);
    }

    /// <summary>Stops the handlers at the end of a run and clears its interrupt, so the next run starts clean.</summary>
    public void EndRun()
    {
        IInterruptHandler[] handlers;
        lock (_gate) handlers = _handlers.ToArray();
        foreach (var handler in handlers) handler.Stop();
        Reset();
    }

    /// <summary>Clears the interrupt state so the manager can serve another run.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _reason = null;
            _escalation?.Dispose();
            _escalation = null;
            if (_immediate.IsCancellationRequested)
            {
                _immediate.Dispose();
                _immediate = new CancellationTokenSource();
            }
        }
    }

    /// <summary>Stops and disposes the handlers.</summary>
    public void Dispose()
    {
        IInterruptHandler[] handlers;
        lock (_gate) handlers = _handlers.ToArray();
        foreach (var handler in handlers) handler.Stop();
        lock (_gate) _escalation?.Dispose();
        lock (_gate)
        {
            foreach (var handler in _handlers) handler.Dispose();
            _handlers.Clear();
            _immediate.Dispose();
        }
    }

    // The nearest interrupt requested on a parent or an ancestor and not yet cleared there.
    private InterruptReason? StandingParentReason(HashSet<InterruptManager>? seen = null)
    {
        seen ??= [this];
        InterruptManager[] parents;
        lock (_gate) parents = _parents.ToArray();
        foreach (var parent in parents)
        {
            if (!seen.Add(parent)) continue; // managers wired in a cycle
            if ((parent.Reason ?? parent.StandingParentReason(seen)) is { } reason) return reason;
        }
        return null;
    }

    private void Propagate(InterruptReason parent) =>
        RequestInterrupt(parent.Source, parent.Mode, $"parent agent interrupted: {parent.Message}");

    private void Escalate() =>
        RequestInterrupt(InterruptSource.System, InterruptMode.Immediate,
            $"graceful shutdown exceeded {Format(GracefulShutdownTimeout)}, stopping immediately");

    internal static string Format(TimeSpan span) =>
        span.TotalSeconds >= 1 && span.TotalSeconds % 1 == 0 ? $"{span.TotalSeconds:0} s"
        : span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.#} s"
        : $"{span.TotalMilliseconds:0} ms";
}
