using Io.Cucumber.Messages.Types;
using Kaizen.LivingDoc.Features;
using Kaizen.LivingDoc.Model;

namespace Kaizen.LivingDoc.Review;

/// <summary>
/// Lists the review units of parsed features. A scenario inside a rule is named "Rule › Scenario"; a second scenario
/// of the same name in the same place gets " (2)", a third " (3)", in file order.
/// </summary>
internal static class ReviewUnits
{
    public static IReadOnlyList<ReviewUnit> Of(IEnumerable<LoadedFeature> features)
    {
        var units = new List<ReviewUnit>();
        foreach (var feature in features.Where(f => f.Document.Feature is not null))
        {
            var lines = AstLines.Of(feature.Document);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var featureBackground = new List<Step>();
            foreach (var child in feature.Document.Feature!.Children)
            {
                if (child.Background is { } background) featureBackground.AddRange(background.Steps);
                if (child.Scenario is { } scenario) units.Add(Unit(feature, scenario, null, featureBackground, lines, seen));
                if (child.Rule is not { } rule) continue;
                var ruleBackground = new List<Step>(featureBackground);
                foreach (var ruleChild in rule.Children)
                {
                    if (ruleChild.Background is { } rb) ruleBackground.AddRange(rb.Steps);
                    if (ruleChild.Scenario is { } rs) units.Add(Unit(feature, rs, rule.Name, ruleBackground, lines, seen));
                }
            }
        }
        return units;
    }

    private static ReviewUnit Unit(LoadedFeature feature, Scenario scenario, string? rule, List<Step> background,
        Dictionary<string, long> lines, Dictionary<string, int> seen)
    {
        var name = ScenarioText.Words(scenario.Name);
        if (rule is not null) name = $"{ScenarioText.Words(rule)} › {name}";
        var count = seen[name] = seen.GetValueOrDefault(name) + 1;
        if (count > 1) name += $" ({count})";
        var text = ScenarioText.Of(scenario, background);
        var pickles = feature.Pickles.Where(p => p.AstNodeIds[0] == scenario.Id).ToList();
        var caseIds = pickles.Select(p => CaseKey.Of(feature.RelativePath, scenario.Location.Line, p.AstNodeIds.Count > 1 ? lines[p.AstNodeIds[^1]] : null)).ToList();
        var caseTags = pickles.Select(p => (IReadOnlySet<string>)p.Tags.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)).ToList();
        return new ReviewUnit(feature.RelativePath, name, text, ScenarioText.Fingerprint(text), caseIds, caseTags);
    }
}
