using System.Text.Json;
using System.Text.RegularExpressions;
using Kaizen.LivingDoc.Messages;

namespace Kaizen.LivingDoc.Config;

/// <summary>One <c>ide.traceability.tagLinks</c> entry of reqnroll.json: a tag regex with named groups and a URL template.</summary>
internal sealed record TagLinkRule(Regex TagPattern, string UrlTemplate)
{
    /// <summary>The URL for a tag (with or without '@'), or null when the pattern does not match the whole tag.</summary>
    public string? UrlFor(string tag)
    {
        var match = TagPattern.Match(tag.TrimStart('@'));
        if (!match.Success) return null;
        var url = UrlTemplate;
        foreach (var name in TagPattern.GetGroupNames().Where(n => !int.TryParse(n, out _)))
            url = url.Replace("{" + name + "}", Uri.EscapeDataString(match.Groups[name].Value), StringComparison.Ordinal);
        return url;
    }
}

/// <summary>Reads the subset of reqnroll.json the living doc honours.</summary>
internal static class TagLinkConfig
{
    public static async Task<IReadOnlyList<TagLinkRule>> LoadAsync(string? path, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        if (path is null) return [];
        if (!File.Exists(path)) throw new LivingDocInputException($"config file not found: {Path.GetFullPath(path)}");
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            diagnostics.Error(path, (int?)(ex.LineNumber + 1), $"not valid JSON ({ex.Message}); tag links are left out");
            return [];
        }
        using (json)
        {
            if (!json.RootElement.TryGetProperty("ide", out var ide) || !ide.TryGetProperty("traceability", out var traceability) ||
                !traceability.TryGetProperty("tagLinks", out var links) || links.ValueKind != JsonValueKind.Array)
                return [];
            var rules = new List<TagLinkRule>();
            foreach (var link in links.EnumerateArray())
            {
                var pattern = link.TryGetProperty("tagPattern", out var p) ? p.GetString() : null;
                var template = link.TryGetProperty("urlTemplate", out var t) ? t.GetString() : null;
                if (string.IsNullOrEmpty(pattern) || string.IsNullOrEmpty(template))
                {
                    diagnostics.Error(path, null, "ide.traceability.tagLinks entry needs both tagPattern and urlTemplate");
                    continue;
                }
                try
                {
                    rules.Add(new TagLinkRule(new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), template));
                }
                catch (ArgumentException ex)
                {
                    diagnostics.Error(path, null, $"tagPattern '{pattern}' is not a valid regular expression: {ex.Message}");
                }
            }
            return rules;
        }
    }
}
