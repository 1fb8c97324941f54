using Kaizen.Agents.Orchestration;

namespace Kaizen.Specs.Orchestration;

/// <summary>Decorates a task agent so the scenario can see how many tasks run at once.</summary>
public sealed class CountingTaskAgent(ITaskAgent inner, ConcurrencyProbe probe) : ITaskAgent
{
    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public IReadOnlySet<string> Capabilities => inner.Capabilities;

    /// <inheritdoc />
    public async Task<TaskAgentResult> RunAsync(AgentTask task, CancellationToken cancellationToken = default)
    {
        using (probe.Run())
        {
            await probe.WaitForPeersAsync(cancellationToken);
            return await inner.RunAsync(task, cancellationToken);
        }
    }
}
