using Kaizen.Agents.Orchestration;

namespace Kaizen.Specs.Orchestration;

/// <summary>A task agent whose runs pass through the scenario's <see cref="ConcurrencyProbe"/>.</summary>
public sealed class ObservedTaskAgent(ITaskAgent inner, ConcurrencyProbe probe) : ITaskAgent
{
    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public IReadOnlySet<string> Capabilities => inner.Capabilities;

    /// <inheritdoc />
    public Task<TaskAgentResult> RunAsync(AgentTask task, CancellationToken cancellationToken = default) =>
        probe.RunAsync(() => inner.RunAsync(task, cancellationToken), cancellationToken);
}
