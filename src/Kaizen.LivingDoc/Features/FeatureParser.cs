using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Kaizen.LivingDoc.Messages;

namespace Kaizen.LivingDoc.Features;

/// <summary>Parses Gherkin text with the official parser and compiles its pickles (outlines expanded).</summary>
internal static class FeatureParser
{
    /// <summary>Returns null (and a diagnostic naming file, line and column) when the text is not valid Gherkin.</summary>
    public static LoadedFeature? Parse(string relativePath, string text, string displayPath, DiagnosticBag diagnostics)
    {
        try
        {
            var ast = new Parser().Parse(new StringReader(text));
            var ids = new IncrementingIdGenerator();
            var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, relativePath);
            var pickles = document.Feature is null ? [] : new PickleCompiler(ids).Compile(document);
            return new LoadedFeature(relativePath, document, pickles);
        }
        catch (CompositeParserException ex)
        {
            // The parser collects some errors late (a table's cell count when the table ends): report them in line order.
            foreach (var error in ex.Errors.OrderBy(e => e.Location?.Line ?? 0).ThenBy(e => e.Location?.Column ?? 0))
                Report(error, displayPath, diagnostics);
        }
        catch (ParserException ex)
        {
            Report(ex, displayPath, diagnostics);
        }
        return null;
    }

    private static void Report(ParserException error, string displayPath, DiagnosticBag diagnostics)
    {
        // Gherkin prefixes its message with "(line:column): "; the location is reported separately.
        var message = error.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && close > 0) message = message[(close + 3)..];
        diagnostics.Error(displayPath, error.Location?.Line, $"Gherkin syntax error (column {error.Location?.Column}): {message}; the feature is left out");
    }
}
