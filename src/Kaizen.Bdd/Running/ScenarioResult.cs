namespace Kaizen.Bdd.Running;

/// <summary>How one scenario (pickle) ended.</summary>
/// <param name="Uri">The feature uri.</param>
/// <param name="Name">The scenario name.</param>
/// <param name="PickleId">The pickle's message id.</param>
/// <param name="Status">The worst step status.</param>
/// <param name="Message">Why it did not pass (failed step, snippet for undefined, candidates for ambiguous), or null.</param>
/// <param name="Error">The first exception, if any.</param>
public sealed record ScenarioResult(string Uri, string Name, string PickleId, ScenarioExecutionStatus Status, string? Message, Exception? Error);
