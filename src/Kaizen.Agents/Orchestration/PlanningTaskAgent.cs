using Kaizen.Agents.Planning;

namespace Kaizen.Agents.Orchestration;

/// <summary>An <see cref="ITaskAgent"/> that plans and executes each task with a <see cref="PlanningAgent"/>.</summary>
public sealed class PlanningTaskAgent(string name, IEnumerable<string> capabilities, PlanningAgent planner) : ITaskAgent
{
    private readonly PlanningAgent _planner = planner ?? throw new ArgumentNullException(nameof(planner));

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>(capabilities, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public async Task<TaskAgentResult> RunAsync(AgentTask task, CancellationToken cancellationToken = default)
    {
        var result = await _planner.RunAsync(task.ToPrompt(), cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? TaskAgentResult.Success(result.FinalOutput ?? "") : TaskAgentResult.Failure(result.FailureReason!);
    }
}
