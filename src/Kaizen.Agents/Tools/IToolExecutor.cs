using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tools;

/// <summary>
/// The seam between the agent loop and tool calling: advertises tools to the model and executes
/// the calls it makes, after validation and the approval policy.
/// </summary>
public interface IToolExecutor
{
    /// <summary>The tools offered to the model on each request.</summary>
    IReadOnlyList<AITool> Tools { get; }

    /// <summary>
    /// Validates, approves and runs one call. Never throws for a bad call, a rejected call or a failing tool:
    /// those come back as a result the loop feeds to the model. Throws only on cancellation.
    /// </summary>
    Task<ToolExecutionResult> ExecuteAsync(FunctionCallContent call, ToolCallContext context, CancellationToken cancellationToken = default);
}

/// <summary>Where a tool call happens: which agent run and turn.</summary>
/// <param name="AgentId">The calling agent.</param>
/// <param name="ThreadId">The checkpoint thread of the run.</param>
/// <param name="Turn">The turn number (1-based) in which the model asked for the call.</param>
public sealed record ToolCallContext(string AgentId, string ThreadId, int Turn);

/// <summary>What became of a tool call.</summary>
public enum ToolExecutionStatus
{
    /// <summary>The tool ran and returned a result.</summary>
    Succeeded,
    /// <summary>The tool ran (or the arguments were invalid, or the tool is unknown) and failed; the error goes to the model.</summary>
    Failed,
    /// <summary>The approval policy or a human refused the call; it did not run.</summary>
    Rejected,
    /// <summary>The call waits for an approval that is not yet recorded: the loop stops gracefully with a checkpoint and resumes later.</summary>
    PendingApproval,
}

/// <summary>The outcome of one tool call, as the loop feeds it back to the model.</summary>
/// <param name="CallId">The model's call id.</param>
/// <param name="ToolName">The tool's name.</param>
/// <param name="Status">What became of the call.</param>
/// <param name="Result">The tool's result (on success) or a message for the model explaining the failure or rejection.</param>
public sealed record ToolExecutionResult(string CallId, string ToolName, ToolExecutionStatus Status, object? Result)
{
    /// <summary>The message the model sees for this call.</summary>
    public FunctionResultContent ToFunctionResult() => new(CallId, Result);
}
