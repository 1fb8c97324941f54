using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Orchestration.Routing;

namespace Kaizen.Agents.Orchestration;

/// <summary>Settings of the <see cref="MetaController"/>.</summary>
public sealed class MetaControllerOptions
{
    /// <summary>How many tasks run at once in <see cref="MetaController.RunAllAsync"/> (default 4).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How many capable agents a task is tried on before it fails (default 3).</summary>
    public int MaxAttemptsPerTask { get; set; } = 3;

    /// <summary>Orders the capable agents for a task (default: <see cref="CapabilityRouter"/>).</summary>
    public ITaskRouter Router { get; set; } = new CapabilityRouter();

    /// <summary>
    /// The team's interrupt manager, e.g. the <see cref="AutonomousAgent.Interrupts"/> of the agent the members were
    /// created from with <see cref="AutonomousAgent.CreateChild"/> (optional). Once an interrupt is requested on it,
    /// <see cref="MetaController.RunAllAsync"/> starts no further task, even when no member was running to notice it.
    /// </summary>
    public InterruptManager? Interrupts { get; set; }

    /// <summary>Time for attempt durations.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
