namespace Kaizen.LivingDoc.Model;

/// <summary>
/// A scenario's identity across runs and in deep links: feature path, scenario line and, for an outline, the Examples
/// row line (e.g. <c>memory/hot_tier.feature:12</c>, <c>planning/replan.feature:30:41</c>).
/// </summary>
internal static class CaseKey
{
    public static string Of(string featurePath, long scenarioLine, long? rowLine) =>
        rowLine is { } row ? $"{featurePath}:{scenarioLine}:{row}" : $"{featurePath}:{scenarioLine}";
}
