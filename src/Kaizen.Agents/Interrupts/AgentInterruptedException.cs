namespace Kaizen.Agents.Interrupts;

/// <summary>
/// An agent run stopped on an interrupt; <see cref="Reason"/> says why and which checkpoint to resume from. A
/// <see cref="Orchestration.TasksInterruptedException"/> is the same for a team of agents run by the meta-controller.
/// </summary>
public class AgentInterruptedException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    public AgentInterruptedException(InterruptReason reason, AgentRunResult? partialResult = null, Exception? inner = null)
        : base($"Agent run interrupted: {reason}", inner)
    {
        Reason = reason;
        PartialResult = partialResult;
    }

    /// <summary>Source, mode, message and the checkpoint saved.</summary>
    public InterruptReason Reason { get; }

    /// <summary>What the run had achieved when it stopped (turns, tokens, cost, last checkpoint).</summary>
    public AgentRunResult? PartialResult { get; }
}
