namespace Kaizen.Bdd.Running;

/// <summary>The outcome of a programmatic run.</summary>
/// <param name="Scenarios">One result per pickle, in run order.</param>
/// <param name="Success">False when any scenario failed, was undefined, ambiguous or pending (Cucumber's strict mode) or a run hook failed.</param>
public sealed record BddRunResult(IReadOnlyList<ScenarioResult> Scenarios, bool Success);
