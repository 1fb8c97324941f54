namespace Kaizen.Agents.Planning;

/// <summary>Settings of the <see cref="PlanningAgent"/>.</summary>
public sealed class PlanningAgentOptions
{
    /// <summary>How many times a failed step may lead to a revised plan (default 3).</summary>
    public int MaxReplans { get; set; } = 3;

    /// <summary>The most steps one plan may have (default 20).</summary>
    public int MaxSteps { get; set; } = 20;

    /// <summary>
    /// Fewest steps a first plan may have (default 1). A model with structured output is held to it by the plan's schema;
    /// a shorter plan from any other model gets the repair request. Revised plans may be shorter: they hold only what is left.
    /// </summary>
    public int MinSteps { get; set; } = 1;

    /// <summary>
    /// Called after every change of the plan (created, step done, step failed, revised), e.g. to save it in a
    /// checkpoint under <see cref="Plan.CheckpointKey"/>. Runs before the next step starts.
    /// </summary>
    public Func<Plan, CancellationToken, ValueTask>? OnPlanChanged { get; set; }
}
