namespace Kaizen.Agents;

/// <summary>One task for <see cref="AutonomousAgent.RunAutonomousAsync(AgentRunRequest, CancellationToken)"/>, with the options other components need.</summary>
/// <param name="Task">The task text.</param>
public sealed record AgentRunRequest(string Task)
{
    /// <summary>Extra named signature inputs.</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Turn limit of the thread (null: the config's <c>MaxTurns</c>).</summary>
    public int? MaxTurns { get; init; }

    /// <summary>Thread id to use (null: a new one).</summary>
    public string? ThreadId { get; init; }

    /// <summary>
    /// Live component state (JSON strings keyed by owner, e.g. "plan"). The run copies it into every checkpoint and
    /// the prompt shows the "plan" entry; the owner may change it between turns (e.g. from an observer).
    /// </summary>
    public IDictionary<string, string>? Extensions { get; init; }

    /// <summary>
    /// How the model must use tools on the run's first turn (null: its own choice). <c>ChatToolMode.RequireSpecific("list_directory")</c>
    /// makes an agent start by looking around; providers with tool choice (OpenAI's <c>tool_choice</c>, the local
    /// model's grammar) enforce it. Later turns follow <see cref="ToolMode"/>.
    /// </summary>
    public Microsoft.Extensions.AI.ChatToolMode? FirstTurnToolMode { get; init; }

    /// <summary>
    /// How the model must use tools on every turn (null: its own choice, so it can say the task is done). With
    /// <c>ChatToolMode.RequireAny</c> every turn is a tool call, so the run never completes on its own and lasts exactly
    /// its turn limit (unless interrupted): for work measured in turns, such as polling or visiting a fixed number of items.
    /// <see cref="FirstTurnToolMode"/>, when set, takes precedence on the first turn.
    /// </summary>
    public Microsoft.Extensions.AI.ChatToolMode? ToolMode { get; init; }
}
