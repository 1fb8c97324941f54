using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.LocalModel;

/// <summary>Reads a grammar-constrained reply as a tool call when it is one.</summary>
internal static class ToolCallParser
{
    /// <summary>The call in <paramref name="text"/> when it is <c>{"tool":"&lt;offered name&gt;","arguments":{…}}</c>.</summary>
    public static FunctionCallContent? TryParse(string text, IReadOnlyList<AIFunctionDeclaration> tools)
    {
        if (tools.Count == 0) return null;
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('{')) return null;
        try
        {
            using var document = JsonDocument.Parse(trimmed);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty(ToolCallGrammar.ToolProperty, out var name) || name.ValueKind != JsonValueKind.String)
                return null;
            var tool = tools.FirstOrDefault(t => t.Name == name.GetString());
            if (tool is null) return null;
            var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (root.TryGetProperty(ToolCallGrammar.ArgumentsProperty, out var args) && args.ValueKind == JsonValueKind.Object)
                foreach (var property in args.EnumerateObject()) arguments[property.Name] = property.Value.Clone();
            return new FunctionCallContent(NewCallId(), tool.Name, arguments);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A fresh call id.</summary>
    public static string NewCallId() => "call_" + Guid.NewGuid().ToString("N")[..24];
}
