namespace Kaizen.Agents.Checkpoints;

/// <summary>Runs before and after every checkpoint an agent saves (the Python Kaizen's PRE/POST_CHECKPOINT).</summary>
public interface ICheckpointHook
{
    /// <summary>Before saving: may replace <see cref="CheckpointHookContext.State"/> (e.g. to add an extension).</summary>
    ValueTask BeforeCheckpointAsync(CheckpointHookContext context, CancellationToken cancellationToken);

    /// <summary>After the checkpoint is durable.</summary>
    ValueTask AfterCheckpointAsync(CheckpointHookContext context, CheckpointInfo saved, CancellationToken cancellationToken);
}

/// <summary>The checkpoint being taken.</summary>
/// <param name="agentId">The agent.</param>
/// <param name="threadId">The thread.</param>
/// <param name="kind">Why it is taken.</param>
/// <param name="state">The state about to be saved.</param>
public sealed class CheckpointHookContext(string agentId, string threadId, CheckpointKind kind, AgentState state)
{
    /// <summary>The agent.</summary>
    public string AgentId { get; } = agentId;

    /// <summary>The thread.</summary>
    public string ThreadId { get; } = threadId;

    /// <summary>Why it is taken.</summary>
    public CheckpointKind Kind { get; } = kind;

    /// <summary>The state to save; a pre-hook may replace it.</summary>
    public AgentState State { get; set; } = state;
}

/// <summary>A hook from delegates (either may be null).</summary>
public sealed class DelegateCheckpointHook(
    Func<CheckpointHookContext, ValueTask>? before = null,
    Func<CheckpointHookContext, CheckpointInfo, ValueTask>? after = null) : ICheckpointHook
{
    /// <inheritdoc />
    public ValueTask BeforeCheckpointAsync(CheckpointHookContext context, CancellationToken cancellationToken) =>
        before?.Invoke(context) ?? ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask AfterCheckpointAsync(CheckpointHookContext context, CheckpointInfo saved, CancellationToken cancellationToken) =>
        after?.Invoke(context, saved) ?? ValueTask.CompletedTask;
}
