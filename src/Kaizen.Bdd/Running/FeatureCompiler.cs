using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;

namespace Kaizen.Bdd.Running;

/// <summary>Parses Gherkin into Cucumber messages and pickles (outlines expanded, backgrounds inlined).</summary>
internal static class FeatureCompiler
{
    public static CompiledFeature Compile(FeatureSource source, IIdGenerator ids, string defaultLanguage)
    {
        Gherkin.Ast.GherkinDocument ast;
        try
        {
            var parser = new Parser { StopAtFirstError = false };
            ast = parser.Parse(new TokenScanner(new StringReader(source.Text)), Kaizen.Bdd.Markdown.MarkdownGherkin.CreateTokenMatcher(source.Uri, GherkinLanguage(defaultLanguage)));
        }
        catch (CompositeParserException errors)
        {
            return new CompiledFeature { Source = source, ParseErrors = errors.Errors.Select(e => ToParseError(source.Uri, e)).ToList() };
        }
        catch (ParserException error)
        {
            return new CompiledFeature { Source = source, ParseErrors = [ToParseError(source.Uri, error)] };
        }

        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, source.Uri);
        if (document.Feature is null) return new CompiledFeature { Source = source, Document = document };
        var pickles = new PickleCompiler(ids).Compile(document);
        var feature = document.Feature;
        var info = new FeatureInfo(feature.Name, feature.Description?.Trim() ?? string.Empty,
            feature.Tags.Select(t => t.Name).ToList(), feature.Language, source.Uri);
        return new CompiledFeature
        {
            Source = source,
            Document = document,
            Pickles = pickles,
            Info = info,
            ScenarioDetails = DescribeScenarios(document, pickles),
        };
    }

    /// <summary>Gherkin knows <c>en</c>, not <c>en-US</c>: fall back to the neutral language.</summary>
    private static string GherkinLanguage(string language)
    {
        var provider = new GherkinDialectProvider("en");
        try { provider.GetDialect(language, null); return language; }
        catch (NoSuchLanguageException) { return language.Split('-')[0]; }
    }

    private static ParseError ToParseError(string uri, ParserException error) =>
        new(new SourceReference(uri, null, null, error.Location is { } l ? new Location(l.Line, l.Column) : null), error.Message);

    private static Dictionary<string, (string, string, IReadOnlyDictionary<string, string>)> DescribeScenarios(GherkinDocument document, List<Pickle> pickles)
    {
        var scenarios = new Dictionary<string, Scenario>();
        foreach (var child in document.Feature.Children)
        {
            if (child.Scenario is not null) scenarios[child.Scenario.Id] = child.Scenario;
            foreach (var ruleChild in child.Rule?.Children ?? [])
                if (ruleChild.Scenario is not null) scenarios[ruleChild.Scenario.Id] = ruleChild.Scenario;
        }
        var details = new Dictionary<string, (string, string, IReadOnlyDictionary<string, string>)>();
        foreach (var pickle in pickles)
        {
            var scenario = scenarios[pickle.AstNodeIds[0]];
            var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
            if (pickle.AstNodeIds.Count > 1)
                foreach (var examples in scenario.Examples)
                {
                    var row = examples.TableBody.FirstOrDefault(r => r.Id == pickle.AstNodeIds[1]);
                    if (row is null || examples.TableHeader is null) continue;
                    for (var i = 0; i < row.Cells.Count && i < examples.TableHeader.Cells.Count; i++)
                        arguments[examples.TableHeader.Cells[i].Value] = row.Cells[i].Value;
                }
            details[pickle.Id] = (scenario.Name, scenario.Description?.Trim() ?? string.Empty, arguments);
        }
        return details;
    }
}
