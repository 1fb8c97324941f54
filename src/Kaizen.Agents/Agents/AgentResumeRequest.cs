using Microsoft.Extensions.AI;

namespace Kaizen.Agents;

/// <summary>
/// What <see cref="AutonomousAgent.ResumeAsync(AgentResumeRequest, CancellationToken)"/> continues and how: the
/// checkpoint, the turn limit, the live component state and the tool choice of the turns still to come. A resume does
/// not know the options the interrupted run was started with, so a run that required a tool every turn asks for it again here.
/// </summary>
/// <param name="CheckpointId">The checkpoint to continue from.</param>
public sealed record AgentResumeRequest(string CheckpointId)
{
    /// <summary>Turn limit of the thread in total (null: the limit stored in the checkpoint).</summary>
    public int? MaxTurns { get; init; }

    /// <summary>
    /// Live component state (see <see cref="AgentRunRequest.Extensions"/>): cleared and refilled from the checkpoint
    /// before the first resumed turn, then copied into every checkpoint as the owner changes it.
    /// </summary>
    public IDictionary<string, string>? Extensions { get; init; }

    /// <summary>How the model must use tools on every resumed turn (null: its own choice); see <see cref="AgentRunRequest.ToolMode"/>.</summary>
    public ChatToolMode? ToolMode { get; init; }
}
