using Io.Cucumber.Messages.Types;

namespace Kaizen.LivingDoc.Model;

/// <summary>Maps the AST node ids of a parsed feature to their line numbers.</summary>
internal static class AstLines
{
    public static Dictionary<string, long> Of(GherkinDocument document)
    {
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        if (document.Feature is null) return lines;
        foreach (var child in document.Feature.Children)
        {
            if (child.Background is { } background) Add(background.Id, background.Location, background.Steps, lines);
            if (child.Scenario is { } scenario) AddScenario(scenario, lines);
            if (child.Rule is { } rule)
            {
                lines[rule.Id] = rule.Location.Line;
                foreach (var ruleChild in rule.Children)
                {
                    if (ruleChild.Background is { } ruleBackground) Add(ruleBackground.Id, ruleBackground.Location, ruleBackground.Steps, lines);
                    if (ruleChild.Scenario is { } ruleScenario) AddScenario(ruleScenario, lines);
                }
            }
        }
        return lines;
    }

    private static void AddScenario(Scenario scenario, Dictionary<string, long> lines)
    {
        Add(scenario.Id, scenario.Location, scenario.Steps, lines);
        foreach (var examples in scenario.Examples)
            foreach (var row in examples.TableBody) lines[row.Id] = row.Location.Line;
    }

    private static void Add(string id, Io.Cucumber.Messages.Types.Location location, IEnumerable<Step> steps, Dictionary<string, long> lines)
    {
        lines[id] = location.Line;
        foreach (var step in steps) lines[step.Id] = step.Location.Line;
    }
}
