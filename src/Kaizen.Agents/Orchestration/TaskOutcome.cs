namespace Kaizen.Agents.Orchestration;

/// <summary>The end of one task in the <see cref="MetaController"/>.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Succeeded">Some agent did it.</param>
/// <param name="Output">The successful agent's output.</param>
/// <param name="AgentName">The agent that succeeded (null if none did).</param>
/// <param name="Attempts">Every agent tried, in order, with the reason it failed.</param>
/// <param name="RoutingReason">Why the agents were tried in that order.</param>
/// <param name="FailureReason">Why the task failed overall.</param>
public sealed record TaskOutcome(
    string TaskId, bool Succeeded, string? Output, string? AgentName, IReadOnlyList<TaskAttempt> Attempts, string RoutingReason, string? FailureReason);

/// <summary>One agent's try at a task.</summary>
/// <param name="AgentName">The agent.</param>
/// <param name="Succeeded">Whether it succeeded.</param>
/// <param name="Error">Why not.</param>
/// <param name="Duration">How long it took (from the controller's <see cref="TimeProvider"/>).</param>
public sealed record TaskAttempt(string AgentName, bool Succeeded, string? Error, TimeSpan Duration);
