using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;

namespace Kaizen.Bdd.Generator
{
    /// <summary>Parses a feature file with the official Gherkin parser and describes its test methods.</summary>
    internal static class FeatureParser
    {
        public static FeatureModel? Parse(string uri, string text, string rootNamespace, GeneratorSettings settings, List<FeatureError> errors)
        {
            Gherkin.Ast.GherkinDocument ast;
            try
            {
                var parser = new Parser { StopAtFirstError = false };
                ast = parser.Parse(new TokenScanner(new StringReader(text)), new TokenMatcher(GherkinLanguage(settings.Language)));
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
            if (document.Feature == null) return null;
            var pickles = new PickleCompiler(ids).Compile(document);
            var scenarios = IndexScenarios(document.Feature);

            var nonParallel = new HashSet<string>(settings.NonParallelizableTags, StringComparer.Ordinal);
            var models = new List<ScenarioModel>();
            var usedNames = new HashSet<string>(StringComparer.Ordinal);
            var anyNonParallel = false;
            foreach (var pickle in pickles)
            {
                var categories = pickle.Tags.Select(t => t.Name.TrimStart('@')).Distinct(StringComparer.Ordinal).ToList();
                anyNonParallel |= categories.Any(nonParallel.Contains);
                var scenario = scenarios[pickle.AstNodeIds[0]];
                var displayName = pickle.AstNodeIds.Count > 1 ? OutlineDisplayName(scenario, pickle.AstNodeIds[1]) : pickle.Name;
                var methodName = UniqueName(CSharpText.Identifier(displayName, "Scenario"), usedNames);
                var skip = categories.Any(c => string.Equals(c, "ignore", StringComparison.OrdinalIgnoreCase)) ? "Ignored (@ignore)" : null;
                models.Add(new ScenarioModel(methodName, displayName, (int)pickle.Location.Line, categories, skip));
            }

            var path = uri.Split('/');
            var folders = path.Take(path.Length - 1).Select(f => CSharpText.Identifier(f, "Folder"));
            var ns = string.Join(".", new[] { rootNamespace, "Features" }.Concat(folders));
            var fileName = Path.GetFileNameWithoutExtension(path[path.Length - 1]);
            var className = CSharpText.Identifier(fileName, "Unnamed") + "Feature";
            return new FeatureModel(ns, className, uri, text, document.Feature.Name, anyNonParallel, models);
        }

        /// <summary>
        /// <c>Outline title: value of the first column</c>; when that value is empty or repeats within the outline,
        /// <c>Outline title: Variant n</c> (n counts the outline's rows from 0).
        /// </summary>
        private static string OutlineDisplayName(Scenario outline, string rowId)
        {
            var rows = outline.Examples.SelectMany(e => e.TableBody).ToList();
            var index = rows.FindIndex(r => r.Id == rowId);
            var firstValues = rows.Select(r => r.Cells.Count > 0 ? r.Cells[0].Value : string.Empty).ToList();
            var value = index >= 0 ? firstValues[index] : string.Empty;
            var unique = value.Length > 0 && firstValues.Count(v => v == value) == 1;
            return outline.Name + ": " + (unique ? value : "Variant " + index);
        }

        private static Dictionary<string, Scenario> IndexScenarios(Feature feature)
        {
            var result = new Dictionary<string, Scenario>();
            foreach (var child in feature.Children)
            {
                if (child.Scenario != null) result[child.Scenario.Id] = child.Scenario;
                if (child.Rule == null) continue;
                foreach (var ruleChild in child.Rule.Children)
                    if (ruleChild.Scenario != null) result[ruleChild.Scenario.Id] = ruleChild.Scenario;
            }
            return result;
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
