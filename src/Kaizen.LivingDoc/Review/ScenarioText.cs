using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Io.Cucumber.Messages.Types;

namespace Kaizen.LivingDoc.Review;

/// <summary>
/// The normalised text of a scenario as a reviewer reads it: title, background and own steps, data tables, doc strings
/// and Examples, one line each. Comments, indentation, alignment of table pipes and runs of spaces are not part of it,
/// so reformatting a feature file never counts as a change; tags and descriptions are not either.
/// </summary>
internal static partial class ScenarioText
{
    public static IReadOnlyList<string> Of(Scenario scenario, IEnumerable<Step> backgroundSteps)
    {
        var lines = new List<string> { (scenario.Examples.Count > 0 ? "Scenario Outline: " : "Scenario: ") + Words(scenario.Name) };
        var background = backgroundSteps.ToList();
        if (background.Count > 0)
        {
            lines.Add("Background:");
            foreach (var step in background) AddStep(step, lines, "  ");
        }
        foreach (var step in scenario.Steps) AddStep(step, lines, "");
        foreach (var examples in scenario.Examples)
        {
            lines.Add(("Examples: " + Words(examples.Name)).TrimEnd());
            if (examples.TableHeader is { } header) lines.Add("  " + Row(header));
            lines.AddRange(examples.TableBody.Select(row => "  " + Row(row)));
        }
        return lines;
    }

    /// <summary><c>sha256:</c> and the hex SHA-256 of the lines joined with newlines.</summary>
    public static string Fingerprint(IEnumerable<string> lines) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))));

    private static void AddStep(Step step, List<string> lines, string indent)
    {
        lines.Add(indent + step.Keyword.Trim() + " " + Words(step.Text));
        if (step.DataTable is { } table) lines.AddRange(table.Rows.Select(row => indent + "  " + Row(row)));
        if (step.DocString is { } doc)
        {
            lines.Add(indent + "  \"\"\"" + (doc.MediaType ?? ""));
            lines.AddRange(doc.Content.Replace("\r\n", "\n").Split('\n').Select(l => (indent + "  " + l).TrimEnd()));
            lines.Add(indent + "  \"\"\"");
        }
    }

    private static string Row(TableRow row) => "| " + string.Join(" | ", row.Cells.Select(c => Words(c.Value).Replace("|", "\\|"))) + " |";

    public static string Words(string text) => Whitespace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
