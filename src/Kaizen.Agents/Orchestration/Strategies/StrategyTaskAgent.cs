namespace Kaizen.Agents.Orchestration.Strategies;

/// <summary>
/// An <see cref="ITaskAgent"/> that solves tasks with an <see cref="AdaptiveStrategyRunner"/>, so the
/// <see cref="MetaController"/> routes to it like to any agent while it picks and switches strategies itself.
/// </summary>
public sealed class StrategyTaskAgent(string name, IEnumerable<string> capabilities, AdaptiveStrategyRunner runner) : ITaskAgent
{
    private readonly AdaptiveStrategyRunner _runner = runner ?? throw new ArgumentNullException(nameof(runner));

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>(capabilities, StringComparer.OrdinalIgnoreCase);

    /// <summary>The last adaptive run (for inspection).</summary>
    public AdaptiveResult? LastRun { get; private set; }

    /// <inheritdoc />
    public async Task<TaskAgentResult> RunAsync(AgentTask task, CancellationToken cancellationToken = default)
    {
        var result = await _runner.RunAsync(task, cancellationToken).ConfigureAwait(false);
        LastRun = result;
        return result.Final.Succeeded
            ? TaskAgentResult.Success(result.Final.Answer!)
            : TaskAgentResult.Failure(
                $"no strategy found an answer: {string.Join("; ", result.Runs.Select(r => $"{r.Kind} {r.Outcome} ({r.Reason})"))}");
    }
}
