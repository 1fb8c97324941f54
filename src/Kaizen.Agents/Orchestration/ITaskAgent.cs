namespace Kaizen.Agents.Orchestration;

/// <summary>
/// An agent the <see cref="MetaController"/> can route tasks to: a name, declared capabilities and a way to run a task.
/// This is the seam to the agent loop: wrap an <c>AutonomousAgent</c> (or a <see cref="Strategies.StrategyTaskAgent"/>,
/// or a planning agent) in one.
/// </summary>
public interface ITaskAgent
{
    /// <summary>Unique name.</summary>
    string Name { get; }

    /// <summary>What it can do, e.g. <c>code</c>, <c>research</c>, <c>tools</c>.</summary>
    IReadOnlySet<string> Capabilities { get; }

    /// <summary>Runs one task. Exceptions other than cancellation count as a failure and the task moves to another agent.</summary>
    Task<TaskAgentResult> RunAsync(AgentTask task, CancellationToken cancellationToken = default);
}

/// <summary>An agent from a delegate.</summary>
public sealed class DelegateTaskAgent : ITaskAgent
{
    private readonly Func<AgentTask, CancellationToken, Task<TaskAgentResult>> _run;

    /// <summary>Creates the agent.</summary>
    public DelegateTaskAgent(string name, IEnumerable<string> capabilities, Func<AgentTask, CancellationToken, Task<TaskAgentResult>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Capabilities = new HashSet<string>(capabilities, StringComparer.OrdinalIgnoreCase);
        _run = run ?? throw new ArgumentNullException(nameof(run));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlySet<string> Capabilities { get; }

    /// <inheritdoc />
    public Task<TaskAgentResult> RunAsync(AgentTask task, CancellationToken cancellationToken = default) => _run(task, cancellationToken);
}
