using Kaizen.Bdd.Tags;

namespace Kaizen.Bdd.Bindings;

/// <summary>One <see cref="ScopeAttribute"/>: every criterion it sets must hold.</summary>
internal sealed class ScopeCriteria(ScopeAttribute attribute)
{
    private readonly TagExpression? _tag = string.IsNullOrWhiteSpace(attribute.Tag) ? null : TagExpression.Parse(Normalize(attribute.Tag));

    /// <summary>How many criteria the attribute sets (Reqnroll prefers the more specific scope).</summary>
    public int Specificity { get; } = (attribute.Tag is null ? 0 : 1) + (attribute.Feature is null ? 0 : 1) + (attribute.Scenario is null ? 0 : 1);

    public bool Matches(ScopeTarget target) =>
        (_tag is null || _tag.Evaluate(target.Tags))
        && (attribute.Feature is null || string.Equals(attribute.Feature, target.FeatureTitle, StringComparison.Ordinal))
        && (attribute.Scenario is null || string.Equals(attribute.Scenario, target.ScenarioTitle, StringComparison.Ordinal)
            || string.Equals(attribute.Scenario, target.OutlineTitle, StringComparison.Ordinal));

    /// <summary>Reqnroll lets <c>Tag = "web"</c> omit the <c>@</c>.</summary>
    internal static string Normalize(string tagOrExpression)
    {
        var trimmed = tagOrExpression.Trim();
        return trimmed.Contains(' ', StringComparison.Ordinal) || trimmed.StartsWith('@') || trimmed.StartsWith('(') ? trimmed : "@" + trimmed;
    }

    /// <summary>
    /// The best specificity among <paramref name="scopes"/> that match: 0 when unscoped, -1 when scoped but none matches.
    /// </summary>
    public static int Score(IReadOnlyList<ScopeCriteria> scopes, ScopeTarget target)
    {
        if (scopes.Count == 0) return 0;
        var best = -1;
        foreach (var scope in scopes)
            if (scope.Matches(target)) best = Math.Max(best, Math.Max(1, scope.Specificity));
        return best;
    }
}

/// <summary>What scopes and tag filters are evaluated against.</summary>
internal sealed record ScopeTarget(string FeatureTitle, string ScenarioTitle, string OutlineTitle, IReadOnlySet<string> Tags);
