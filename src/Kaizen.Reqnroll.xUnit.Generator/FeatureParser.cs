using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;

namespace Kaizen.Reqnroll.xUnit.Generator
{
    /// <summary>
    /// Parses a feature file with the Gherkin parser Reqnroll's runtime uses and describes its test methods from the
    /// pickles, so pickle indexes, step order, backgrounds and conjunctions agree with what the runtime reports.
    /// </summary>
    internal static class FeatureParser
    {
        public static FeatureModel? Parse(string uri, string text, string rootNamespace, GeneratorSettings settings, List<FeatureError> errors)
        {
            var dialect = GherkinLanguage(settings.Language);
            Gherkin.Ast.GherkinDocument ast;
            try
            {
                var parser = new Parser { StopAtFirstError = false };
                ast = parser.Parse(new TokenScanner(new StringReader(text)), new TokenMatcher(dialect));
            }
            catch (CompositeParserException composite)
            {
                errors.AddRange(composite.Errors.Select(ToError));
                return null;
            }
            catch (ParserException single)
            {
                errors.Add(ToError(single));
                return null;
            }

            var ids = new IncrementingIdGenerator();
            var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, uri);
            var feature = document.Feature;
            if (feature == null) return null;
            var pickles = new PickleCompiler(ids).Compile(document);
            var index = new AstIndex(feature);

            var nonParallel = new HashSet<string>(settings.NonParallelizableTags, StringComparer.Ordinal);
            var usedNames = new HashSet<string>(StringComparer.Ordinal);
            var tests = new List<TestModel>();
            var outlines = new Dictionary<string, List<(int Index, Pickle Pickle)>>();
            var order = new List<string>();
            for (var i = 0; i < pickles.Count; i++)
            {
                var scenarioId = pickles[i].AstNodeIds[0];
                if (!outlines.TryGetValue(scenarioId, out var list))
                {
                    outlines[scenarioId] = list = new List<(int, Pickle)>();
                    order.Add(scenarioId);
                }
                list.Add((i, pickles[i]));
            }

            var anyNonParallel = false;
            foreach (var scenarioId in order)
            {
                var scenario = index.Scenarios[scenarioId];
                var rule = index.RuleOf.TryGetValue(scenarioId, out var r) ? r : null;
                var group = outlines[scenarioId];
                var isOutline = scenario.Examples.Count > 0;
                var featureTags = feature.Tags.Select(t => t.Name).ToList();
                var ruleTags = rule?.Tags.Select(t => t.Name).ToList() ?? new List<string>();
                var scenarioTags = scenario.Tags.Select(t => t.Name).ToList();
                var methodCategories = Categories(featureTags.Concat(ruleTags).Concat(scenarioTags));
                anyNonParallel |= group.Any(p => Categories(p.Pickle.Tags.Select(t => t.Name)).Any(nonParallel.Contains));

                var steps = group[0].Pickle.Steps.Select((step, _) => ToStep(step, index, isOutline)).ToList();
                var rows = new List<ExampleRowModel>();
                foreach (var (pickleIndex, pickle) in group)
                {
                    var pickleCategories = Categories(pickle.Tags.Select(t => t.Name));
                    var extra = pickleCategories.Where(c => !methodCategories.Contains(c)).ToList();
                    var skip = pickleCategories.Any(IsIgnore) ? "Ignored (@ignore)" : null;
                    if (!isOutline)
                    {
                        rows.Add(new ExampleRowModel(pickleIndex, pickle.Name, new string[0], new string[0], new string[0], extra, skip));
                        continue;
                    }
                    var (examples, row) = index.Rows[pickle.AstNodeIds[1]];
                    rows.Add(new ExampleRowModel(pickleIndex, OutlineDisplayName(scenario, row.Id),
                        examples.TableHeader?.Cells.Select(c => c.Value).ToList() ?? new List<string>(),
                        row.Cells.Select(c => c.Value).ToList(),
                        examples.Tags.Select(t => t.Name).ToList(), extra, skip));
                }

                var methodName = UniqueName(CSharpText.Identifier(scenario.Name, "Scenario"), usedNames);
                var ruleModel = rule == null ? null : new RuleModel(rule.Name, rule.Description ?? string.Empty, ruleTags);
                tests.Add(new TestModel(methodName, scenario.Name, scenario.Description ?? string.Empty, scenarioTags, featureTags.Concat(ruleTags).ToList(),
                    ruleModel, methodCategories, steps, isOutline ? null : rows[0], isOutline ? rows : new List<ExampleRowModel>()));
            }

            var path = uri.Split('/');
            var folders = path.Take(path.Length - 1).Select(f => CSharpText.Identifier(f, "Folder"));
            var ns = string.Join(".", new[] { rootNamespace, "Features" }.Concat(folders));
            var fileName = Path.GetFileNameWithoutExtension(path[path.Length - 1]);
            var className = CSharpText.Identifier(fileName, "Unnamed") + "Feature";
            return new FeatureModel(ns, className, uri, text, settings.Language, feature.Name, feature.Description ?? string.Empty,
                feature.Tags.Select(t => t.Name).ToList(), anyNonParallel, tests);
        }

        private static StepModel ToStep(PickleStep pickleStep, AstIndex index, bool outline)
        {
            var astStep = index.Steps[pickleStep.AstNodeIds[0]];
            var method = pickleStep.Type switch
            {
                PickleStepType.ACTION => "WhenAsync",
                PickleStepType.OUTCOME => "ThenAsync",
                _ => "GivenAsync",
            };
            if (outline)
            {
                // Outline steps keep their <placeholders>: each row fills them in at run time, as Gherkin's pickles do.
                var table = astStep.DataTable?.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToList()).ToList();
                return new StepModel(method, astStep.Keyword, astStep.Text, astStep.DocString?.Content, table);
            }
            var pickleTable = pickleStep.Argument?.DataTable?.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToList()).ToList();
            return new StepModel(method, astStep.Keyword, pickleStep.Text, pickleStep.Argument?.DocString?.Content, pickleTable);
        }

        private static List<string> Categories(IEnumerable<string> tags) =>
            tags.Select(t => t.TrimStart('@')).Distinct(StringComparer.Ordinal).ToList();

        private static bool IsIgnore(string category) => string.Equals(category, "ignore", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// <c>Outline title: value of the first column</c>; when that value is empty or repeats within the outline,
        /// <c>Outline title: Variant n</c> (n counts the outline's rows from 0).
        /// </summary>
        private static string OutlineDisplayName(Scenario outline, string rowId)
        {
            var rows = outline.Examples.SelectMany(e => e.TableBody).ToList();
            var position = rows.FindIndex(r => r.Id == rowId);
            var firstValues = rows.Select(r => r.Cells.Count > 0 ? r.Cells[0].Value : string.Empty).ToList();
            var value = position >= 0 ? firstValues[position] : string.Empty;
            var unique = value.Length > 0 && firstValues.Count(v => v == value) == 1;
            return outline.Name + ": " + (unique ? value : "Variant " + position);
        }

        private static string UniqueName(string name, HashSet<string> used)
        {
            var candidate = name;
            for (var i = 2; !used.Add(candidate); i++) candidate = name + "_" + i;
            return candidate;
        }

        private static FeatureError ToError(ParserException error)
        {
            var line = error.Location.HasValue ? error.Location.Value.Line : 1;
            var column = error.Location.HasValue ? error.Location.Value.Column : 1;
            var message = error.Message;
            // Gherkin prefixes "(line:column): "; the diagnostic carries the position itself.
            var prefix = "(" + line + ":" + column + "): ";
            if (message.StartsWith(prefix, StringComparison.Ordinal)) message = message.Substring(prefix.Length);
            return new FeatureError(Math.Max(line, 1), Math.Max(column, 1), message);
        }

        private static string GherkinLanguage(string language)
        {
            try
            {
                new GherkinDialectProvider("en").GetDialect(language, null);
                return language;
            }
            catch (NoSuchLanguageException)
            {
                return language.Split('-')[0];
            }
        }
    }
}
