using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Kaizen.LivingDoc.Model;

namespace Kaizen.LivingDoc.Rendering;

/// <summary>
/// Writes the model as one self-contained HTML file: the page template with its stylesheet, script and data (JSON) inlined.
/// Nothing is fetched at view time (the page's Content-Security-Policy forbids it).
/// </summary>
internal static class HtmlRenderer
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Escapes <, >, &, ' and + so the data cannot close its <script> element; keeps other text readable.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static readonly Lazy<(string Template, string Css, string Js)> Assets = new(() =>
        (Read("template.html"), Read("living-doc.css"), ReadScript()));

    public static string ToJson(DocModel model) => JsonSerializer.Serialize(model, JsonOptions);

    public static string Render(DocModel model, string? reportHref = null)
    {
        var (template, css, js) = Assets.Value;
        var title = WebUtility.HtmlEncode(model.Title);
        return new StringBuilder(template)
            .Replace("/*{{CSS}}*/", css)
            .Replace("/*{{JS}}*/", js)
            .Replace("{{REPORT_LINK}}", reportHref is null ? "" :
                $"<a class=\"report-link\" href=\"{WebUtility.HtmlEncode(reportHref)}\" title=\"The standard Cucumber HTML report of the latest run, written by Reqnroll\">Cucumber report</a>")
            .Replace("{{TITLE}}", title)
            .Replace("{{DATA}}", ToJson(model))
            .ToString();
    }

    public static async Task WriteAsync(DocModel model, string path, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        var reportHref = folder is not null && File.Exists(Path.Combine(folder, Cli.CucumberReport.FileName)) ? Cli.CucumberReport.FileName : null;
        await AtomicFile.WriteAsync(path, Render(model, reportHref), cancellationToken);
    }

    // The page script is split by concern (Assets/script/NN-name.js); the parts share one function scope, in name order.
    private static string ReadScript()
    {
        const string prefix = "Kaizen.LivingDoc.Assets.script.";
        var parts = Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (parts.Count == 0) throw new InvalidOperationException("the page script is missing from the build");
        return string.Join("\n", parts.Select(p => Read(p[AssetPrefix.Length..])));
    }

    private const string AssetPrefix = "Kaizen.LivingDoc.Assets.";

    private static string Read(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream(AssetPrefix + name)
            ?? throw new InvalidOperationException($"embedded asset {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
