using System.Runtime.InteropServices;

namespace Kaizen.Agents.Interrupts;

/// <summary>
/// Turns Ctrl+C (SIGINT, source User) and SIGTERM (source System) into graceful interrupts; a second signal during
/// the same run makes the stop immediate. The process is not killed by the signal while a run is active.
/// </summary>
public sealed class SignalInterruptHandler : IInterruptHandler
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private InterruptManager? _manager;

    /// <inheritdoc />
    public void Start(InterruptManager manager)
    {
        Stop();
        _manager = manager;
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
    }

    /// <inheritdoc />
    public void Stop()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _registrations.Clear();
        _manager = null;
    }

    /// <inheritdoc />
    public void Dispose() => Stop();

    private void OnSignal(PosixSignalContext context)
    {
        if (_manager is null) return;
        context.Cancel = true;
        Handle(context.Signal);
    }

    /// <summary>What a signal does; separate from the OS hook so it can be exercised directly.</summary>
    internal void Handle(PosixSignal signal)
    {
        if (_manager is not { } manager) return;
        var source = signal == PosixSignal.SIGINT ? InterruptSource.User : InterruptSource.System;
        var name = signal == PosixSignal.SIGINT ? "SIGINT (Ctrl+C)" : signal.ToString();
        var mode = manager.IsInterruptRequested ? InterruptMode.Immediate : InterruptMode.Graceful;
        manager.RequestInterrupt(source, mode, $"{name} received");
    }
}
