using Kaizen.Agents.Orchestration;

namespace Kaizen.Specs.Orchestration;

/// <summary>
/// Makes a task agent asynchronous from its first step, as a real model call over the network is. The scripted model
/// answers synchronously; without this, a controller's loop that starts tasks one after another would run the first
/// task to its end before even starting the second, which says nothing about the controller.
/// </summary>
public sealed class AsynchronousTaskAgent(ITaskAgent inner) : ITaskAgent
{
    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public IReadOnlySet<string> Capabilities => inner.Capabilities;

    /// <inheritdoc />
    public async Task<TaskAgentResult> RunAsync(AgentTask task, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        return await inner.RunAsync(task, cancellationToken);
    }
}
