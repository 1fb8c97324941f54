using Io.Cucumber.Messages.Types;
using Kaizen.LivingDoc.Features;
using Kaizen.LivingDoc.Rendering;

namespace Kaizen.LivingDoc.Model;

/// <summary>Builds the page's view of one feature file (its AST), pointing each scenario and Examples row at its case.</summary>
internal static class FeatureViewBuilder
{
    /// <param name="feature">The parsed feature.</param>
    /// <param name="caseIdByAstNode">Case key by scenario id (plain scenarios) and by Examples row id (outlines).</param>
    public static FeatureView Build(LoadedFeature feature, IReadOnlyDictionary<string, string> caseIdByAstNode)
    {
        var f = feature.Document.Feature!;
        var items = new List<ItemView>();
        foreach (var child in f.Children)
        {
            if (child.Background is { } background) items.Add(Background(background));
            if (child.Scenario is { } scenario) items.Add(Scenario(scenario, caseIdByAstNode));
            if (child.Rule is { } rule)
            {
                var ruleItems = rule.Children.Select(c => c.Background is { } b ? Background(b) : Scenario(c.Scenario!, caseIdByAstNode)).ToList();
                items.Add(new ItemView("rule", rule.Keyword, rule.Name, MarkdownText.ToHtml(rule.Description), Tags(rule.Tags), (int)rule.Location.Line,
                    [], [], ruleItems, ruleItems.SelectMany(i => i.CaseIds).ToList()));
            }
        }
        return new FeatureView(feature.RelativePath, feature.RelativePath, f.Name, f.Keyword, MarkdownText.ToHtml(f.Description), Tags(f.Tags), items);
    }

    private static ItemView Background(Background background) =>
        new("background", background.Keyword, background.Name, MarkdownText.ToHtml(background.Description), [], (int)background.Location.Line,
            background.Steps.Select(Step).ToList(), [], [], []);

    private static ItemView Scenario(Scenario scenario, IReadOnlyDictionary<string, string> caseIds)
    {
        var examples = scenario.Examples.Select(e => new ExamplesView(e.Keyword, e.Name, Tags(e.Tags),
            e.TableHeader?.Cells.Select(c => c.Value).ToList() ?? [],
            e.TableBody.Select(r => new ExampleRowView(r.Cells.Select(c => c.Value).ToList(), caseIds.GetValueOrDefault(r.Id))).ToList())).ToList();
        var cases = examples.Count > 0
            ? examples.SelectMany(e => e.Rows).Select(r => r.CaseId).OfType<string>().ToList()
            : caseIds.TryGetValue(scenario.Id, out var id) ? [id] : new List<string>();
        return new ItemView(examples.Count > 0 ? "outline" : "scenario", scenario.Keyword, scenario.Name, MarkdownText.ToHtml(scenario.Description),
            Tags(scenario.Tags), (int)scenario.Location.Line, scenario.Steps.Select(Step).ToList(), examples, [], cases);
    }

    private static StepView Step(Step step) => new(step.Keyword, step.Text,
        step.DocString is { } doc ? new DocStringView(doc.MediaType, doc.Content) : null,
        step.DataTable?.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToList()).ToList());

    private static List<string> Tags(IEnumerable<Tag> tags) => tags.Select(t => t.Name).ToList();
}
