using Microsoft.Extensions.AI;

namespace Kaizen.Agents.LocalModel;

/// <summary>What one request asks of the model: tools offered, grammar, limits and sampling settings.</summary>
internal sealed record ReplyPlan(
    IReadOnlyList<AIFunctionDeclaration> Tools,
    string? Grammar,
    int MaxOutputTokens,
    float Temperature,
    uint Seed,
    IReadOnlyList<string> StopSequences,
    string? FormatHint)
{
    private static readonly string[] TemplateMarkers = ["</s>", "<|user|>", "<|system|>", "<|assistant|>"];

    public static ReplyPlan For(ChatOptions? options, LocalModelOptions defaults)
    {
        var limits = new GrammarLimits(defaults.MaxGrammarStringLength, defaults.MaxGrammarArrayItems, defaults.MaxGrammarTextLength);
        var tools = options?.ToolMode is NoneChatToolMode
            ? []
            : (options?.Tools ?? []).OfType<AIFunctionDeclaration>().ToList();
        if (options?.ToolMode is RequiredChatToolMode { RequiredFunctionName: { } required })
            tools = tools.Where(t => t.Name == required).ToList();

        var format = options?.ResponseFormat;
        string? grammar = tools.Count > 0
            ? ToolCallGrammar.Build(tools, format, limits, toolRequired: options?.ToolMode is RequiredChatToolMode)
            : format is ChatResponseFormatJson json ? JsonSchemaGrammar.ForSchema(json.Schema, limits) : null;

        // A grammar ends the reply itself (end of text is only sampled once the JSON is complete); the template's markers
        // as stop sequences would cut a JSON string that happens to contain "</s>" and leave the reply unparseable.
        var markers = grammar is null ? TemplateMarkers : [];
        var stops = markers.Concat(options?.StopSequences ?? []).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var seed = options?.Seed ?? defaults.Seed;
        return new ReplyPlan(
            tools,
            grammar,
            Math.Max(1, options?.MaxOutputTokens ?? defaults.MaxOutputTokens),
            options?.Temperature ?? defaults.Temperature,
            unchecked((uint)seed),
            stops,
            format is ChatResponseFormatJson { Schema: { } schema } && SchemaHint.Describe(schema) is { } sketch
                ? $"Reply with only a JSON object like {sketch}." : null);
    }
}
