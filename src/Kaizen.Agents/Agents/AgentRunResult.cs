using System.Text.Json;
using Kaizen.Agents.Checkpoints;

namespace Kaizen.Agents;

/// <summary>Why a run ended.</summary>
public enum AgentStopReason
{
    /// <summary>The model signalled completion and the outputs were read.</summary>
    Completed,
    /// <summary>The turn limit was reached first.</summary>
    MaxTurns,
    /// <summary>An interrupt stopped the run (see <c>AgentInterruptedException.Reason</c>).</summary>
    Interrupted,
}

/// <summary>What a run produced.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="ThreadId">The checkpoint thread of the run.</param>
/// <param name="StopReason">Why it ended.</param>
/// <param name="LastCheckpointId">The newest checkpoint of the thread, or null.</param>
/// <param name="State">The final state (conversation, counters, extensions).</param>
public sealed record AgentRunResult(string AgentId, string ThreadId, AgentStopReason StopReason, string? LastCheckpointId, AgentState State)
{
    /// <summary>The signature outputs (empty unless completed).</summary>
    public IReadOnlyDictionary<string, JsonElement> Outputs => State.Outputs;

    /// <summary>Turns taken by the thread.</summary>
    public int Turns => State.Turn;

    /// <summary>Prompt tokens spent by the thread.</summary>
    public long InputTokens => State.InputTokens;

    /// <summary>Completion tokens spent by the thread.</summary>
    public long OutputTokens => State.OutputTokens;

    /// <summary>All tokens spent by the thread.</summary>
    public long TotalTokens => State.TotalTokens;

    /// <summary>US dollars spent by the thread.</summary>
    public decimal CostUsd => State.CostUsd;

    /// <summary>Component state persisted with the run (e.g. "plan").</summary>
    public IReadOnlyDictionary<string, string> Extensions => State.Extensions;

    /// <summary>One output converted to <typeparamref name="T"/>; throws <see cref="KeyNotFoundException"/> naming the known outputs when absent.</summary>
    public T GetOutput<T>(string name) =>
        Outputs.TryGetValue(name, out var value)
            ? value.Deserialize<T>()!
            : throw new KeyNotFoundException($"The run has no output '{name}'. Outputs: {(Outputs.Count == 0 ? "(none: the run ended with " + StopReason + ")" : string.Join(", ", Outputs.Keys))}.");
}
