using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Tools;

namespace Kaizen.Agents.Diagnostics;

/// <summary>Something that happened in an agent run.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="ThreadId">The run's thread.</param>
/// <param name="Turn">The turn concerned.</param>
/// <param name="Timestamp">When.</param>
public abstract record AgentEvent(string AgentId, string ThreadId, int Turn, DateTimeOffset Timestamp);

/// <summary>A turn began.</summary>
public sealed record TurnStarted(string AgentId, string ThreadId, int Turn, DateTimeOffset Timestamp) : AgentEvent(AgentId, ThreadId, Turn, Timestamp);

/// <summary>A turn ended.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="ThreadId">The run's thread.</param>
/// <param name="Turn">The turn.</param>
/// <param name="Timestamp">When.</param>
/// <param name="InputTokens">Prompt tokens of the turn.</param>
/// <param name="OutputTokens">Completion tokens of the turn.</param>
/// <param name="CostUsd">US dollars of the turn.</param>
/// <param name="Completed">The model signalled completion in this turn.</param>
public sealed record TurnFinished(string AgentId, string ThreadId, int Turn, DateTimeOffset Timestamp, long InputTokens, long OutputTokens, decimal CostUsd, bool Completed)
    : AgentEvent(AgentId, ThreadId, Turn, Timestamp);

/// <summary>A tool call was executed (or refused, or left waiting for approval).</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="ThreadId">The run's thread.</param>
/// <param name="Turn">The turn.</param>
/// <param name="Timestamp">When.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="CallId">The model's call id.</param>
/// <param name="Status">What became of it.</param>
public sealed record ToolCalled(string AgentId, string ThreadId, int Turn, DateTimeOffset Timestamp, string ToolName, string CallId, ToolExecutionStatus Status)
    : AgentEvent(AgentId, ThreadId, Turn, Timestamp);

/// <summary>A checkpoint was written.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="ThreadId">The run's thread.</param>
/// <param name="Turn">The turn.</param>
/// <param name="Timestamp">When.</param>
/// <param name="Checkpoint">What was written.</param>
public sealed record CheckpointSaved(string AgentId, string ThreadId, int Turn, DateTimeOffset Timestamp, CheckpointInfo Checkpoint)
    : AgentEvent(AgentId, ThreadId, Turn, Timestamp);

/// <summary>The run stopped on an interrupt.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="ThreadId">The run's thread.</param>
/// <param name="Turn">The last completed turn.</param>
/// <param name="Timestamp">When.</param>
/// <param name="Reason">Why, and the checkpoint saved.</param>
public sealed record RunInterrupted(string AgentId, string ThreadId, int Turn, DateTimeOffset Timestamp, InterruptReason Reason)
    : AgentEvent(AgentId, ThreadId, Turn, Timestamp);

/// <summary>The run ended without interrupt.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="ThreadId">The run's thread.</param>
/// <param name="Turn">The last turn.</param>
/// <param name="Timestamp">When.</param>
/// <param name="StopReason">Completed or MaxTurns.</param>
public sealed record RunFinished(string AgentId, string ThreadId, int Turn, DateTimeOffset Timestamp, AgentStopReason StopReason)
    : AgentEvent(AgentId, ThreadId, Turn, Timestamp);

/// <summary>Receives the events of agent runs. Called synchronously on the run's flow: keep it quick.</summary>
public interface IAgentObserver
{
    /// <summary>Handles one event.</summary>
    void OnEvent(AgentEvent agentEvent);
}

/// <summary>An observer from a delegate.</summary>
public sealed class DelegateAgentObserver(Action<AgentEvent> onEvent) : IAgentObserver
{
    /// <inheritdoc />
    public void OnEvent(AgentEvent agentEvent) => onEvent(agentEvent);
}
