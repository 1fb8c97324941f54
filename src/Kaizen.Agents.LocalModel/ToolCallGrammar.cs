using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.LocalModel;

/// <summary>
/// The grammar of a turn that offers tools: either a call <c>{"tool":"&lt;listed name&gt;","arguments":{…}}</c>
/// whose arguments follow that tool's schema, or the ordinary reply (the response-format object, or plain text that
/// does not start with <c>{</c> when there is no response format).
/// </summary>
internal static class ToolCallGrammar
{
    /// <summary>Property naming the tool in a call.</summary>
    public const string ToolProperty = "tool";

    /// <summary>Property holding the arguments in a call.</summary>
    public const string ArgumentsProperty = "arguments";

    public static string Build(IReadOnlyList<AIFunctionDeclaration> tools, ChatResponseFormat? format, GrammarLimits limits, bool toolRequired = false)
    {
        var builder = JsonSchemaGrammar.Create(limits);
        var writer = builder.Writer;
        var calls = tools.Select(tool =>
        {
            var arguments = builder.ValueFor(ArgumentsSchema(tool), $"args-{tool.Name}");
            return $"{GbnfWriter.Literal(JsonSerializer.Serialize(tool.Name))} {JsonSchemaGrammar.Comma} {GbnfWriter.Literal($"\"{ArgumentsProperty}\"")} {JsonSchemaGrammar.Colon} {arguments}";
        });
        var call = writer.Add("tool-call", $"\"{{\" {GbnfWriter.Literal($"\"{ToolProperty}\"")} {JsonSchemaGrammar.Colon} ({string.Join(" | ", calls)}) \"}}\"");
        if (toolRequired)
        {
            writer.Set("root", call);
            return writer.Write();
        }
        var reply = format switch
        {
            ChatResponseFormatJson json => builder.ValueFor(json.Schema, "reply"),
            _ => writer.Add("text", $"[^{{\\x00-\\x08] [^\\x00-\\x08]{{0,{Math.Max(limits.MaxTextLength - 1, 0)}}}"),
        };
        writer.Set("root", $"{call} | {reply}");
        return writer.Write();
    }

    /// <summary>The tool's argument schema; a tool without one takes an object of any (bounded) shape.</summary>
    private static JsonElement? ArgumentsSchema(AIFunctionDeclaration tool) =>
        tool.JsonSchema.ValueKind == JsonValueKind.Object ? tool.JsonSchema : null;
}
