namespace Kaizen.Agents.Interrupts;

/// <summary>Who asked for the interrupt.</summary>
public enum InterruptSource
{
    /// <summary>A person (Ctrl+C / SIGINT).</summary>
    User,
    /// <summary>The system: timeout, budget, SIGTERM, a parent agent's shutdown.</summary>
    System,
    /// <summary>Code: an explicit request, or a tool call waiting for approval.</summary>
    Programmatic,
}

/// <summary>How the run stops.</summary>
public enum InterruptMode
{
    /// <summary>Finish the current turn, save a checkpoint, stop.</summary>
    Graceful,
    /// <summary>Cancel the current turn now and save the last consistent state (the end of the previous turn).</summary>
    Immediate,
}

/// <summary>Why a run stopped early.</summary>
/// <param name="Source">Who asked.</param>
/// <param name="Mode">How the run stopped.</param>
/// <param name="Message">Human-readable cause, e.g. "timeout after 30 s".</param>
/// <param name="RequestedAt">When it was asked for.</param>
/// <param name="CheckpointId">The checkpoint saved while stopping, or null when none could be.</param>
public sealed record InterruptReason(InterruptSource Source, InterruptMode Mode, string Message, DateTimeOffset RequestedAt, string? CheckpointId = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Source} {Mode} interrupt: {Message}" + (CheckpointId is null ? "" : $" (checkpoint {CheckpointId})");
}
