using System.Text.Json;
using System.Text.Json.Serialization;
using Io.Cucumber.Messages.Types;
using Kaizen.LivingDoc.Messages;

namespace Kaizen.LivingDoc.Features;

/// <summary>
/// Takes a feature straight from a run's own gherkinDocument and pickle envelopes, for sources the Gherkin .NET parser
/// cannot read (Markdown Gherkin). Only used in the rare case it is needed: it reads the run file again.
/// </summary>
internal static class DocumentFromMessages
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static LoadedFeature? Read(string runFile, string uri, DiagnosticBag diagnostics)
    {
        GherkinDocument? document = null;
        var pickles = new List<Pickle>();
        var lineNumber = 0;
        try
        {
            foreach (var line in File.ReadLines(runFile))
            {
                lineNumber++;
                if (!line.Contains(uri, StringComparison.Ordinal)) continue;
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("gherkinDocument", out var doc) && doc.TryGetProperty("uri", out var docUri) && docUri.GetString() == uri)
                    document = doc.Deserialize<GherkinDocument>(Options);
                else if (json.RootElement.TryGetProperty("pickle", out var pickle) && pickle.TryGetProperty("uri", out var pickleUri) && pickleUri.GetString() == uri)
                    pickles.Add(pickle.Deserialize<Pickle>(Options)!);
            }
        }
        catch (JsonException ex)
        {
            diagnostics.Warn(runFile, lineNumber, $"could not read the gherkinDocument/pickles of {uri}: {ex.Message}");
            return null;
        }
        if (document?.Feature is null || document.Feature.Children is null)
        {
            diagnostics.Warn(runFile, null, $"{uri} cannot be parsed here and the run has no usable gherkinDocument for it; it is left out");
            return null;
        }
        return new LoadedFeature(uri.Replace('\\', '/'), document, pickles);
    }
}
