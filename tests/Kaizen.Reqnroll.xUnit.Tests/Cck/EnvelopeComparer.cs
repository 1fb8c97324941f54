using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kaizen.Reqnroll.xUnit.Tests.Cck;

/// <summary>Compares two normalised envelope lists and describes the first difference readably.</summary>
internal static class EnvelopeComparer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compacted = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Null when equal; otherwise a report of the first differing envelope.</summary>
    public static string? FindFirstDifference(IReadOnlyList<JsonObject> expected, IReadOnlyList<JsonObject> actual)
    {
        var count = Math.Max(expected.Count, actual.Count);
        for (var i = 0; i < count; i++)
        {
            var wanted = i < expected.Count ? expected[i] : null;
            var got = i < actual.Count ? actual[i] : null;
            if (wanted is not null && got is not null && JsonNode.DeepEquals(wanted, got)) continue;

            var report = new StringBuilder();
            report.Append($"Envelope {i + 1} differs (expected {expected.Count} envelopes, got {actual.Count}).\n");
            if (wanted is not null && got is not null)
                report.Append("First difference: ").Append(DescribePath(wanted, got, "$")).Append('\n');
            report.Append("Expected (kit):\n").Append(wanted is null ? "  (no more envelopes)" : Indent(wanted)).Append('\n');
            report.Append("Actual (ours):\n").Append(got is null ? "  (no more envelopes)" : Indent(got)).Append('\n');
            report.Append("Envelope kinds around it (expected | actual):\n");
            for (var j = Math.Max(0, i - 4); j <= Math.Min(count - 1, i + 4); j++)
            {
                var left = j < expected.Count ? EnvelopeNormalizer.Kind(expected[j]) : "-";
                var right = j < actual.Count ? EnvelopeNormalizer.Kind(actual[j]) : "-";
                report.Append(j == i ? "> " : "  ").Append($"{j + 1,3} {left,-22} | {right}\n");
            }
            return report.ToString();
        }
        return null;
    }

    /// <summary>The JSON path of the first difference with both values.</summary>
    internal static string DescribePath(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Concat(a.Select(p => p.Key)).Distinct())
                {
                    var hasE = e.ContainsKey(key);
                    var hasA = a.ContainsKey(key);
                    if (!hasE) return $"{path}.{key}: not expected, but ours has {Compact(a[key])}";
                    if (!hasA) return $"{path}.{key}: missing, expected {Compact(e[key])}";
                    if (!JsonNode.DeepEquals(e[key], a[key])) return DescribePath(e[key], a[key], $"{path}.{key}");
                }
                break;
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
                {
                    if (i >= e.Count) return $"{path}[{i}]: not expected, but ours has {Compact(a[i])}";
                    if (i >= a.Count) return $"{path}[{i}]: missing, expected {Compact(e[i])}";
                    if (!JsonNode.DeepEquals(e[i], a[i])) return DescribePath(e[i], a[i], $"{path}[{i}]");
                }
                break;
        }
        return $"{path}: expected {Compact(expected)}, but ours is {Compact(actual)}";
    }

    private static string Compact(JsonNode? node)
    {
        var text = node?.ToJsonString(Compacted) ?? "null";
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    private static string Indent(JsonNode node) =>
        string.Join('\n', node.ToJsonString(Indented).Split('\n').Select(l => "  " + l));
}
