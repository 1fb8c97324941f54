using System.Text.Json;

namespace Kaizen.Specs.Tools;

/// <summary>Tool-call arguments written in a feature as a JSON object, as a model's call carries them.</summary>
internal static class ToolArguments
{
    /// <summary>Each top-level property of <paramref name="json"/>, its value kept as JSON.</summary>
    public static Dictionary<string, object?> FromJson(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(p => p.Key, p => (object?)p.Value);
}
