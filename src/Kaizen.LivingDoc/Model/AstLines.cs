using System.Text.Json;
using Io.Cucumber.Messages.Types;

namespace Kaizen.LivingDoc.Model;

/// <summary>Maps Gherkin AST node ids to their line numbers, for parsed documents and for a run's JSON documents.</summary>
internal static class AstLines
{
    public static void Collect(JsonElement node, Dictionary<string, long> lines)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                if (node.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String &&
                    node.TryGetProperty("location", out var location) && location.TryGetProperty("line", out var line) &&
                    line.TryGetInt64(out var lineNumber))
                    lines[id.GetString()!] = lineNumber;
                foreach (var property in node.EnumerateObject()) Collect(property.Value, lines);
                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray()) Collect(item, lines);
                break;
        }
    }

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
