namespace Kaizen.Agents.Tools.Approval;

/// <summary>A call waiting for someone (or something) to approve it.</summary>
/// <param name="RequestId">Stable id: the same call in the same thread gets the same id after a resume.</param>
/// <param name="ToolName">The tool asked for.</param>
/// <param name="Level">Its danger level.</param>
/// <param name="ArgumentsJson">The arguments as JSON.</param>
/// <param name="AgentId">The calling agent.</param>
/// <param name="ThreadId">The run's checkpoint thread.</param>
/// <param name="Turn">The turn of the call.</param>
/// <param name="CallId">The model's call id.</param>
public sealed record ApprovalRequest(
    string RequestId, string ToolName, DangerLevel Level, string ArgumentsJson,
    string AgentId, string ThreadId, int Turn, string CallId)
{
    /// <summary>The id used for a call: thread, call id and tool name.</summary>
    public static string IdFor(string threadId, string callId, string toolName) => $"{threadId}/{callId}/{toolName}";
}

/// <summary>The handler's verdict.</summary>
public enum ApprovalVerdict
{
    /// <summary>Run the call.</summary>
    Approved,
    /// <summary>Do not run it; tell the model it was refused.</summary>
    Denied,
    /// <summary>No decision yet: stop the run gracefully; resume once a decision is recorded.</summary>
    Pending,
}

/// <summary>An approval decision and who made it.</summary>
/// <param name="Verdict">Approved, denied or pending.</param>
/// <param name="Decider">Who or what decided, e.g. <c>console</c>, <c>callback</c>, <c>store:alice</c>.</param>
/// <param name="Reason">Optional explanation (shown to the model on denial).</param>
public sealed record ApprovalResponse(ApprovalVerdict Verdict, string Decider, string? Reason = null);
