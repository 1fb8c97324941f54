namespace Kaizen.Agents.Tools.Audit;

/// <summary>What was decided about a tool call.</summary>
public enum ToolAuditDecision
{
    /// <summary>The model asked for a tool that is not registered.</summary>
    UnknownTool,
    /// <summary>The arguments were malformed or failed the schema.</summary>
    InvalidArguments,
    /// <summary>The policy refused the call.</summary>
    RejectedByPolicy,
    /// <summary>The policy allowed the call without asking.</summary>
    AllowedByPolicy,
    /// <summary>An approver allowed the call.</summary>
    Approved,
    /// <summary>An approver refused the call.</summary>
    Denied,
    /// <summary>The call waits for a recorded approval.</summary>
    PendingApproval,
    /// <summary>The tool ran and succeeded.</summary>
    Succeeded,
    /// <summary>The tool ran and failed (after any retries).</summary>
    Failed,
}

/// <summary>One line of the tool audit log.</summary>
/// <param name="Timestamp">When (from the executor's <see cref="TimeProvider"/>).</param>
/// <param name="AgentId">The calling agent.</param>
/// <param name="ThreadId">The run's thread.</param>
/// <param name="Turn">The turn.</param>
/// <param name="CallId">The model's call id.</param>
/// <param name="ToolName">The tool asked for.</param>
/// <param name="Level">Its danger level (null for an unknown tool).</param>
/// <param name="ArgumentsJson">The arguments as JSON.</param>
/// <param name="Decision">What was decided.</param>
/// <param name="Decider">Who or what decided: <c>registry</c>, <c>validator</c>, <c>policy</c>, an approver, or <c>tool</c>.</param>
/// <param name="Detail">Reason or error text.</param>
public sealed record ToolAuditEntry(
    DateTimeOffset Timestamp, string AgentId, string ThreadId, int Turn, string CallId, string ToolName, DangerLevel? Level,
    string ArgumentsJson, ToolAuditDecision Decision, string Decider, string? Detail);
