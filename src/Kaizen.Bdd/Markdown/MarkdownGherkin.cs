using Gherkin;
using Io.Cucumber.Messages.Types;

namespace Kaizen.Bdd.Markdown;

/// <summary>Chooses between classic Gherkin and Markdown with Gherkin by file name (<c>.md</c> = Markdown).</summary>
public static class MarkdownGherkin
{
    /// <summary>True for Markdown feature files (<c>*.feature.md</c>, any <c>*.md</c>).</summary>
    /// <param name="uri">The feature file's path or uri.</param>
    public static bool IsMarkdown(string uri) => uri.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    /// <summary>The token matcher for the file: <see cref="MarkdownTokenMatcher"/> or Gherkin's classic one.</summary>
    /// <param name="uri">The feature file's path or uri.</param>
    /// <param name="language">The default Gherkin language.</param>
    public static ITokenMatcher CreateTokenMatcher(string uri, string language) =>
        IsMarkdown(uri) ? new MarkdownTokenMatcher(language) : new TokenMatcher(language);

    /// <summary>The media type of the file's <c>source</c> message.</summary>
    /// <param name="uri">The feature file's path or uri.</param>
    public static SourceMediaType MediaType(string uri) =>
        IsMarkdown(uri) ? SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_MARKDOWN : SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN;
}
