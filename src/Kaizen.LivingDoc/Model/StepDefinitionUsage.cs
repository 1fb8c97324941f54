using Kaizen.LivingDoc.Messages;

namespace Kaizen.LivingDoc.Model;

/// <summary>Lists the step definitions of the latest run that declared any, with how many test steps used each.</summary>
internal static class StepDefinitionUsage
{
    public static IReadOnlyList<StepDefinitionView> Of(IReadOnlyList<RunLog> runs)
    {
        var run = runs.LastOrDefault(r => r.StepDefinitions.Count > 0);
        if (run is null) return [];
        var uses = run.TestCases.Values.SelectMany(c => c.TestSteps ?? []).SelectMany(s => s.StepDefinitionIds ?? [])
            .GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return run.StepDefinitions
            .Select(d => new StepDefinitionView(d.Pattern?.Source ?? "(no pattern)", ReadableType(d.Pattern?.Type), Source(d.SourceReference), uses.GetValueOrDefault(d.Id)))
            .OrderBy(d => d.Uses > 0).ThenBy(d => d.Pattern, StringComparer.Ordinal).ToList();
    }

    private static string ReadableType(string? type) => type?.ToUpperInvariant() switch
    {
        "CUCUMBER_EXPRESSION" => "Cucumber expression",
        "REGULAR_EXPRESSION" => "regular expression",
        null => "",
        var other => other.ToLowerInvariant(),
    };

    private static string? Source(SourceReference? reference) =>
        reference?.Uri is { } uri ? reference.Location is { } l ? $"{uri}:{l.Line}" : uri : null;
}
