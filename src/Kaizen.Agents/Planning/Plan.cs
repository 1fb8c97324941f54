using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaizen.Agents.Planning;

/// <summary>
/// An ordered plan for a goal: immutable, serialisable (<see cref="ToJson"/> / <see cref="FromJson"/>) so it can ride
/// in a checkpoint's extensions under <see cref="CheckpointKey"/> and be resumed.
/// </summary>
/// <param name="Goal">What the plan achieves.</param>
/// <param name="Steps">The current steps in order: completed ones first after a replan.</param>
/// <param name="Revision">1 for the first plan, +1 per replan.</param>
/// <param name="Failures">Steps that failed and were replanned around, oldest first.</param>
public sealed record Plan(string Goal, IReadOnlyList<PlanStep> Steps, int Revision, IReadOnlyList<PlanFailure> Failures)
{
    /// <summary>
    /// The key under which the plan is stored in a run's extensions dictionary: the agent loop shows this entry to the
    /// model as the current plan and saves it in every checkpoint.
    /// </summary>
    public const string CheckpointKey = "plan";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// A first plan from the model's steps. A step that repeats an earlier one (same description, ignoring case and
    /// spacing) is dropped: small models stutter, and the same work must not run twice.
    /// </summary>
    public static Plan Create(string goal, IEnumerable<PlannedStep> steps) =>
        new(goal, Number(Unique(steps, []).Select(s => new PlanStep(0, s.Description, s.ExpectedOutcome, PlanStepStatus.Pending, null, null))), 1, []);

    /// <summary>
    /// A replan: steps that succeeded are kept; the failed step and everything after it are replaced by
    /// <paramref name="newSteps"/>. A new step that repeats a completed one or an earlier new one (same description,
    /// ignoring case and spacing) is dropped: models often restate the whole plan, and completed work must not run twice.
    /// </summary>
    public Plan Revise(IEnumerable<PlannedStep> newSteps, PlanFailure failure)
    {
        var kept = Steps.Where(s => s.Status == PlanStepStatus.Succeeded).ToList();
        var added = Unique(newSteps, kept.Select(s => s.Description))
            .Select(s => new PlanStep(0, s.Description, s.ExpectedOutcome, PlanStepStatus.Pending, null, null));
        return this with { Steps = Number(kept.Concat(added)), Revision = Revision + 1, Failures = [.. Failures, failure] };
    }

    /// <summary>The same plan with one step replaced (matched by <see cref="PlanStep.Number"/>).</summary>
    public Plan With(PlanStep step) => this with { Steps = Steps.Select(s => s.Number == step.Number ? step : s).ToList() };

    /// <summary>The first step still to run, or null when every step succeeded.</summary>
    [JsonIgnore]
    public PlanStep? NextStep => Steps.FirstOrDefault(s => s.Status != PlanStepStatus.Succeeded);

    /// <summary>Steps that ran successfully.</summary>
    [JsonIgnore]
    public IReadOnlyList<PlanStep> CompletedSteps => Steps.Where(s => s.Status == PlanStepStatus.Succeeded).ToList();

    /// <summary>True when every step succeeded.</summary>
    [JsonIgnore]
    public bool IsComplete => Steps.Count > 0 && Steps.All(s => s.Status == PlanStepStatus.Succeeded);

    /// <summary>How many times the plan was revised.</summary>
    [JsonIgnore]
    public int ReplanCount => Revision - 1;

    /// <summary>The plan as JSON (for a checkpoint).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a plan written by <see cref="ToJson"/>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static Plan FromJson(string json)
    {
        try
        {
            var plan = JsonSerializer.Deserialize<Plan>(json, Json) ?? throw new FormatException("The plan JSON is null.");
            if (plan.Goal is null || plan.Steps is null)
                throw new FormatException("The plan JSON lacks 'goal' or 'steps'.");
            return plan with { Failures = plan.Failures ?? [] };
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The stored plan is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine}): {ex.Message}", ex);
        }
    }

    // The steps whose description neither repeats an earlier one of the list nor one of <paramref name="done"/>.
    private static IEnumerable<PlannedStep> Unique(IEnumerable<PlannedStep> steps, IEnumerable<string> done)
    {
        var seen = done.Select(StepKey).ToHashSet(StringComparer.Ordinal);
        return steps.Where(s => seen.Add(StepKey(s.Description)));
    }

    /// <summary>What makes two step descriptions the same step: case, spacing and a final full stop do not count.</summary>
    internal static string StepKey(string description) =>
        string.Join(' ', description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.').ToLowerInvariant();

    private static List<PlanStep> Number(IEnumerable<PlanStep> steps) =>
        steps.Select((s, i) => s with { Number = i + 1 }).ToList();
}

/// <summary>One step of a <see cref="Plan"/>.</summary>
/// <param name="Number">1-based position in the current plan.</param>
/// <param name="Description">What to do.</param>
/// <param name="ExpectedOutcome">What success looks like.</param>
/// <param name="Status">Pending, succeeded or failed.</param>
/// <param name="Output">The step's result when it ran.</param>
/// <param name="Error">Why it failed.</param>
public sealed record PlanStep(int Number, string Description, string ExpectedOutcome, PlanStepStatus Status, string? Output, string? Error);

/// <summary>Where a step stands.</summary>
public enum PlanStepStatus
{
    /// <summary>Not run yet.</summary>
    Pending,
    /// <summary>Ran and met its expected outcome.</summary>
    Succeeded,
    /// <summary>Ran and failed.</summary>
    Failed,
}

/// <summary>A step as the model proposes it.</summary>
/// <param name="Description">What to do.</param>
/// <param name="ExpectedOutcome">What success looks like.</param>
public sealed record PlannedStep(string Description, string ExpectedOutcome);

/// <summary>A step that failed and caused a replan.</summary>
/// <param name="Revision">The plan revision it belonged to.</param>
/// <param name="StepDescription">The step.</param>
/// <param name="Error">Why it failed.</param>
public sealed record PlanFailure(int Revision, string StepDescription, string Error);
