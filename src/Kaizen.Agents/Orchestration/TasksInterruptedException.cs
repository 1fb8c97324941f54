using Kaizen.Agents.Interrupts;

namespace Kaizen.Agents.Orchestration;

/// <summary>
/// <see cref="MetaController.RunAllAsync"/> stopped on an interrupt: the members that were running stopped (each with its
/// own checkpoint), the tasks not yet started were not started. <see cref="Outcomes"/> has every task in the order given,
/// finished, interrupted or not run, each with its reason.
/// </summary>
public sealed class TasksInterruptedException : AgentInterruptedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">The first interrupt seen (a member's, naming its checkpoint, or the team's).</param>
    /// <param name="outcomes">Every task's outcome, in task order.</param>
    /// <param name="inner">The member's interrupt, when a member stopped.</param>
    public TasksInterruptedException(InterruptReason reason, IReadOnlyList<TaskOutcome> outcomes, Exception? inner = null)
        : base(reason, null, inner)
    {
        Outcomes = outcomes ?? throw new ArgumentNullException(nameof(outcomes));
    }

    /// <summary>Every task's outcome in task order: succeeded before the interrupt, interrupted, or not run.</summary>
    public IReadOnlyList<TaskOutcome> Outcomes { get; }

    /// <inheritdoc />
    public override string Message =>
        $"{base.Message}; {Outcomes.Count(o => o.Succeeded)} of {Outcomes.Count} task(s) finished before the stop" +
        (Outcomes.Where(o => !o.Succeeded).Select(o => $"{o.TaskId}: {o.FailureReason}").ToList() is { Count: > 0 } open
            ? $" ({string.Join("; ", open)})" : "");
}
