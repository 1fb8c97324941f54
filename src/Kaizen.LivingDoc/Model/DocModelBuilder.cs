using Io.Cucumber.Messages.Types;
using Kaizen.LivingDoc.Config;
using Kaizen.LivingDoc.Features;
using Kaizen.LivingDoc.Messages;

namespace Kaizen.LivingDoc.Model;

/// <summary>Inputs of one rendering: parsed features, runs (oldest first) and tag link rules.</summary>
internal sealed record DocInputs(
    string Title, IReadOnlyList<LoadedFeature> Features, IReadOnlyList<RunLog> Runs, IReadOnlyList<TagLinkRule> TagLinks,
    string FeatureSourceName);

/// <summary>Combines features and runs into the page model: results overlaid, history, labels, links, unused steps.</summary>
internal static class DocModelBuilder
{
    public static DocModel Build(DocInputs inputs, DiagnosticBag diagnostics, TimeProvider time)
    {
        var matcher = new FeatureUriMatcher(inputs.Features.Select(f => f.RelativePath));
        var keysByLine = KeysByLine(inputs.Features);
        // Runs are independent: build them in parallel, each into its own diagnostics, reported in run order.
        var perRun = inputs.Runs.Select(_ => new DiagnosticBag()).ToArray();
        var built = new RunResults[inputs.Runs.Count];
        Parallel.For(0, built.Length, i => built[i] = RunResultsBuilder.Build(inputs.Runs[i], i, matcher, keysByLine, perRun[i]));
        foreach (var bag in perRun) diagnostics.AddRange(bag);
        var runs = built.ToList();
        for (var i = 0; i < runs.Count; i++)
            if (runs[i].UnmatchedUris.Count > 0)
                diagnostics.Warn(inputs.Runs[i].FilePath, null,
                    $"messages for features not in {inputs.FeatureSourceName} are left out: {string.Join(", ", runs[i].UnmatchedUris)}");

        var features = new List<FeatureView>();
        var cases = new List<CaseView>();
        foreach (var feature in inputs.Features.Where(f => f.Document.Feature is not null))
        {
            var lines = AstLines.Of(feature.Document);
            var steps = StepsOf(feature.Document.Feature!);
            var caseIdByAstNode = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pickle in feature.Pickles)
            {
                var key = KeyOf(feature.RelativePath, pickle, lines);
                caseIdByAstNode[pickle.AstNodeIds[^1]] = key;
                cases.Add(Case(key, (int)lines[pickle.AstNodeIds[^1]], feature, pickle, steps, runs));
            }
            features.Add(FeatureViewBuilder.Build(feature, caseIdByAstNode));
        }
        var tags = features.SelectMany(f => f.Tags).Concat(cases.SelectMany(c => c.Tags)).Distinct(StringComparer.Ordinal);
        var links = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
            if (inputs.TagLinks.Select(r => r.UrlFor(tag)).FirstOrDefault(u => u is not null) is { } url) links[tag] = url;

        return new DocModel(inputs.Title, time.GetUtcNow(), runs.Select(r => r.Summary).ToList(), features, cases, links,
            StepDefinitionUsage.Of(inputs.Runs), diagnostics.Items.Select(d => d.ToString()).ToList());
    }

    private static Dictionary<(string Path, long Line), string> KeysByLine(IEnumerable<LoadedFeature> features)
    {
        var keys = new Dictionary<(string Path, long Line), string>();
        foreach (var feature in features.Where(f => f.Document.Feature is not null))
        {
            var lines = AstLines.Of(feature.Document);
            foreach (var pickle in feature.Pickles)
                keys[(feature.RelativePath, lines[pickle.AstNodeIds[^1]])] = KeyOf(feature.RelativePath, pickle, lines);
        }
        return keys;
    }

    private static string KeyOf(string path, Pickle pickle, Dictionary<string, long> lines) =>
        CaseKey.Of(path, lines[pickle.AstNodeIds[0]], pickle.AstNodeIds.Count > 1 ? lines[pickle.AstNodeIds[^1]] : null);

    private sealed record AstStep(string Keyword, bool FromBackground, string? Rule, string? Outline);

    private static Dictionary<string, AstStep> StepsOf(Feature feature)
    {
        var steps = new Dictionary<string, AstStep>(StringComparer.Ordinal);
        void Add(IEnumerable<Step> list, bool background, string? rule, string? outline)
        {
            foreach (var step in list) steps[step.Id] = new AstStep(step.Keyword, background, rule, outline);
        }
        void AddChildren(Background? background, Scenario? scenario, string? rule)
        {
            if (background is not null) Add(background.Steps, true, rule, null);
            if (scenario is not null) Add(scenario.Steps, false, rule, scenario.Examples.Count > 0 ? scenario.Name : null);
        }
        foreach (var child in feature.Children)
        {
            AddChildren(child.Background, child.Scenario, null);
            if (child.Rule is { } rule)
                foreach (var ruleChild in rule.Children) AddChildren(ruleChild.Background, ruleChild.Scenario, rule.Name);
        }
        return steps;
    }

    private static CaseView Case(string key, int line, LoadedFeature feature, Pickle pickle, Dictionary<string, AstStep> astSteps, List<RunResults> runs)
    {
        var pickleSteps = pickle.Steps.Select(s => (Step: s, Ast: astSteps.GetValueOrDefault(s.AstNodeIds[0]))).ToList();
        var history = new char[runs.Count];
        var durations = new double?[runs.Count];
        CaseResult? latest = null;
        var latestIndex = -1;
        for (var i = 0; i < runs.Count; i++)
        {
            if (runs[i].Cases.TryGetValue(key, out var result))
            {
                history[i] = Statuses.ToHistoryLetter(result.Status);
                durations[i] = result.DurationMs is { } ms ? Math.Round(ms, 1) : null;
                latest = result;
                latestIndex = i;
            }
            else history[i] = '-';
        }
        var historyText = new string(history);
        var labels = HistoryLabels.For(historyText, latest is { PassedAfterRetry: true } && latestIndex == runs.Count - 1);
        var steps = latest is null
            ? pickleSteps.Select(p => NotRunStep(p.Step, p.Ast)).ToList()
            : latest.Steps.Select(s => RanStep(s, s.PickleStepIndex is { } i && i < pickleSteps.Count ? pickleSteps[i].Ast : null)).ToList();
        var first = pickleSteps.Select(p => p.Ast).FirstOrDefault(a => a is { FromBackground: false }) ?? pickleSteps.FirstOrDefault().Ast;
        var name = first?.Outline is not null && pickle.AstNodeIds.Count > 1 ? $"{pickle.Name} ({ExampleLabel(feature, pickle)})" : pickle.Name;
        return new CaseView(key, feature.RelativePath, name, pickle.Tags.Select(t => t.Name).ToList(), line,
            latest?.Status ?? Statuses.NotRun, latest?.DurationMs is { } d ? Math.Round(d, 1) : null, steps, historyText, durations, labels,
            latest?.Llm, latest?.Attempts ?? 0, first?.Rule, first?.Outline, latest?.Attachments ?? []);
    }

    private static string ExampleLabel(LoadedFeature feature, Pickle pickle)
    {
        var rowId = pickle.AstNodeIds[^1];
        var scenarios = feature.Document.Feature!.Children.Select(c => c.Scenario)
            .Concat(feature.Document.Feature.Children.Where(c => c.Rule is not null).SelectMany(c => c.Rule.Children.Select(rc => rc.Scenario)))
            .OfType<Scenario>();
        foreach (var examples in scenarios.SelectMany(s => s.Examples))
            if (examples.TableBody.FirstOrDefault(r => r.Id == rowId) is { } row)
                return string.Join(", ", row.Cells.Select((c, i) => $"{examples.TableHeader.Cells[i].Value}: {c.Value}"));
        return "example";
    }

    private static CaseStepView NotRunStep(PickleStep step, AstStep? ast) => new("step", ast?.Keyword ?? "* ", step.Text, ast?.FromBackground ?? false,
        Statuses.NotRun, null, null,
        step.Argument?.DocString is { } doc ? new DocStringView(doc.MediaType, doc.Content) : null,
        step.Argument?.DataTable?.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToList()).ToList(), []);

    private static CaseStepView RanStep(RunStep step, AstStep? ast) => step.Kind == "step"
        ? new("step", ast?.Keyword ?? "* ", step.Text, ast?.FromBackground ?? false, step.Status, Round(step.DurationMs), step.Error, step.DocString, step.DataTable, step.Attachments)
        : new(step.Kind, step.Kind == "after" ? "After " : "Before ", step.Text, false, step.Status, Round(step.DurationMs), step.Error, null, null, step.Attachments);

    private static double? Round(double? ms) => ms is { } v ? Math.Round(v, 2) : null;
}
