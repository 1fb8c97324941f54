using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Kaizen.Agents.Diagnostics;

/// <summary>OpenTelemetry names: subscribe to <see cref="SourceName"/> to trace runs, turns, tool calls and checkpoints.</summary>
public static class AgentTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name.</summary>
    public const string SourceName = "Kaizen.Agents";

    /// <summary>The source of run, turn, tool and checkpoint activities.</summary>
    public static ActivitySource Source { get; } = new(SourceName, "1.0.0");
}

/// <summary>Fans every event out to the observers, the logger and the current activity.</summary>
internal sealed class AgentEventPublisher(IReadOnlyList<IAgentObserver> observers, ILogger logger)
{
    public void Publish(AgentEvent agentEvent)
    {
        Log(agentEvent);
        Activity.Current?.AddEvent(new ActivityEvent(agentEvent.GetType().Name, agentEvent.Timestamp));
        foreach (var observer in observers) observer.OnEvent(agentEvent);
    }

    private void Log(AgentEvent e)
    {
        switch (e)
        {
            case TurnStarted:
                logger.LogDebug("Agent {AgentId} thread {ThreadId}: turn {Turn} started", e.AgentId, e.ThreadId, e.Turn);
                break;
            case TurnFinished f:
                logger.LogInformation("Agent {AgentId} thread {ThreadId}: turn {Turn} finished ({Tokens} tokens, ${Cost}){Done}",
                    e.AgentId, e.ThreadId, e.Turn, f.InputTokens + f.OutputTokens, f.CostUsd, f.Completed ? ", completed" : "");
                break;
            case ToolCalled t:
                logger.LogInformation("Agent {AgentId} turn {Turn}: tool {Tool} ({CallId}) {Status}", e.AgentId, e.Turn, t.ToolName, t.CallId, t.Status);
                break;
            case CheckpointSaved c:
                logger.LogInformation("Agent {AgentId} thread {ThreadId}: {Kind} checkpoint {CheckpointId} at turn {Turn} ({Stored} of {Raw} bytes)",
                    e.AgentId, e.ThreadId, c.Checkpoint.Kind, c.Checkpoint.Id, e.Turn, c.Checkpoint.StoredSize, c.Checkpoint.RawSize);
                break;
            case RunInterrupted i:
                logger.LogWarning("Agent {AgentId} thread {ThreadId}: {Reason}", e.AgentId, e.ThreadId, i.Reason);
                break;
            case RunFinished r:
                logger.LogInformation("Agent {AgentId} thread {ThreadId}: run ended ({StopReason}) after {Turn} turns", e.AgentId, e.ThreadId, r.StopReason, e.Turn);
                break;
        }
    }
}
