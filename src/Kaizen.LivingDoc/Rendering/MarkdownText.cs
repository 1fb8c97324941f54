using Markdig;

namespace Kaizen.LivingDoc.Rendering;

/// <summary>Renders Gherkin descriptions as Markdown (raw HTML disabled: feature text is data, not markup).</summary>
internal static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras().UseAutoLinks().UseTaskLists().DisableHtml().Build();

    public static string ToHtml(string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) return "";
        return Markdown.ToHtml(Dedent(description), Pipeline).Trim();
    }

    // Gherkin keeps the feature file's indentation; without removing it, Markdown would see code blocks.
    private static string Dedent(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }
}
