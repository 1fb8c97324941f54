using Kaizen.Bdd.Configuration;

namespace Kaizen.Bdd.Running;

/// <summary>Maps a scenario's status to xUnit: pass, fail (exception) or skip (dynamic skip).</summary>
internal static class XunitOutcome
{
    public static void Report(ScenarioResult result, MissingOrPendingStepsOutcome missingOrPending)
    {
        switch (result.Status)
        {
            case ScenarioExecutionStatus.Passed:
                return;
            case ScenarioExecutionStatus.Skipped:
                throw new ScenarioSkippedException(result.Message ?? "Scenario skipped.");
            case ScenarioExecutionStatus.Undefined or ScenarioExecutionStatus.Pending when missingOrPending != MissingOrPendingStepsOutcome.Error:
                throw new ScenarioSkippedException($"{result.Status}: {result.Message}");
            default:
                throw new ScenarioFailedException(result.Message ?? result.Status.ToString(), result.Error);
        }
    }
}
