using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace Kaizen.Reqnroll.xUnit;

/// <summary>
/// A feature's Source, GherkinDocument and Pickles for Reqnroll's formatters, built on first use from the feature text the
/// generator embeds, with the Gherkin parser Reqnroll itself brings. Ids are GUIDs, so they never clash across features.
/// Pickles come in Gherkin's compiler order, the order of the generated pickle indexes.
/// </summary>
public sealed class FeatureMessages : IFeatureLevelCucumberMessages
{
    private readonly Lazy<(Source Source, GherkinDocument? Document, IReadOnlyList<Pickle> Pickles)> _messages;

    /// <summary>Describes the feature at <paramref name="uri"/> (as reported) whose Gherkin is <paramref name="featureText"/>.</summary>
    public FeatureMessages(string uri, string featureText, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(featureText);
        _messages = new Lazy<(Source, GherkinDocument?, IReadOnlyList<Pickle>)>(() => Build(uri, featureText, language));
    }

    /// <inheritdoc />
    public bool HasMessages => _messages.Value.Document is not null;

    /// <inheritdoc />
    public GherkinDocument GherkinDocument => _messages.Value.Document!;

    /// <inheritdoc />
    public IEnumerable<Pickle> Pickles => _messages.Value.Pickles;

    /// <inheritdoc />
    public Source Source => _messages.Value.Source;

    private static (Source, GherkinDocument?, IReadOnlyList<Pickle>) Build(string uri, string text, string language)
    {
        var source = new Source(uri, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        try
        {
            var ast = new Parser().Parse(new TokenScanner(new StringReader(text)), new TokenMatcher(GherkinLanguage.Resolve(language)));
            var ids = new GuidIdGenerator();
            var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, uri);
            var pickles = new PickleCompiler(ids).Compile(document);
            return (source, document, pickles);
        }
        catch (ParserException)
        {
            // The generator reports syntax errors at build time; a feature that still fails here gets no messages.
            return (source, null, []);
        }
    }
}
