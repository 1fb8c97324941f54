using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Kaizen.LivingDoc.Rendering;

/// <summary>
/// Renders Gherkin descriptions as Markdown. Feature text is data, not markup: raw HTML is disabled and links may only
/// use http, https, mailto or relative targets.
/// </summary>
internal static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras().UseAutoLinks().UseTaskLists().DisableHtml().Build();

    public static string ToHtml(string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) return "";
        var document = Markdown.Parse(Dedent(description), Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
            if (!IsSafe(link.Url)) link.Url = "#";
        return document.ToHtml(Pipeline).Trim();
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        var colon = url.IndexOf(':');
        var slash = url.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon)) return true; // relative
        var scheme = url[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    // Gherkin keeps the feature file's indentation; without removing it, Markdown would see code blocks.
    private static string Dedent(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }
}
