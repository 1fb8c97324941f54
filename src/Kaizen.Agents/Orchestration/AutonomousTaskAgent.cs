using System.Text.Json;

namespace Kaizen.Agents.Orchestration;

/// <summary>
/// An <see cref="AutonomousAgent"/> as an <see cref="ITaskAgent"/> for the <see cref="MetaController"/>: each task is
/// one run of the agent loop. An agent runs one task at a time, so calls queue here; register several agents for
/// parallel work. A run that ends without completing is a failure (the task moves on); an interrupt propagates.
/// </summary>
public sealed class AutonomousTaskAgent(string name, IEnumerable<string> capabilities, AutonomousAgent agent, int? maxTurns = null, string outputName = "result")
    : ITaskAgent
{
    private readonly AutonomousAgent _agent = agent ?? throw new ArgumentNullException(nameof(agent));
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>(capabilities, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public async Task<TaskAgentResult> RunAsync(AgentTask task, CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var run = await _agent.RunAutonomousAsync(new AgentRunRequest(task.ToPrompt()) { MaxTurns = maxTurns }, cancellationToken).ConfigureAwait(false);
            if (run.StopReason != AgentStopReason.Completed)
                return TaskAgentResult.Failure($"agent '{_agent.AgentId}' stopped ({run.StopReason}) after {run.Turns} turn(s)");
            return TaskAgentResult.Success(run.Outputs.TryGetValue(outputName, out var value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
                : JsonSerializer.Serialize(run.Outputs));
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
