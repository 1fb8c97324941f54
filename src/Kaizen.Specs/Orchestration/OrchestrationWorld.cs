using Kaizen.Agents.Orchestration;

namespace Kaizen.Specs.Orchestration;

/// <summary>The meta-controller settings and the concurrency probe shared by the orchestration and team bindings.</summary>
public sealed class OrchestrationWorld
{
    /// <summary>Options of the controller built by the scenario.</summary>
    public MetaControllerOptions Options { get; } = new() { MaxAttemptsPerTask = 3 };

    /// <summary>Counts the agents working at once.</summary>
    public ConcurrencyProbe Probe { get; } = new();
}
