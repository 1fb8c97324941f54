using System.Text.Json;

namespace Kaizen.ModelHost.Wire;

// The OpenAI chat-completions API, as far as this host serves it.

/// <summary>POST /v1/chat/completions.</summary>
internal sealed class OpenAiChatRequest
{
    public string? Model { get; set; }
    public List<OpenAiMessage>? Messages { get; set; }
    public List<OpenAiTool>? Tools { get; set; }
    public JsonElement? ToolChoice { get; set; }
    public OpenAiResponseFormat? ResponseFormat { get; set; }
    public bool? Stream { get; set; }
    public OpenAiStreamOptions? StreamOptions { get; set; }
    public int? MaxTokens { get; set; }
    public int? MaxCompletionTokens { get; set; }
    public long? Seed { get; set; }
    public float? Temperature { get; set; }
    public float? TopP { get; set; }
    public float? PresencePenalty { get; set; }
    public float? FrequencyPenalty { get; set; }
    public JsonElement? Stop { get; set; }
    public int? N { get; set; }
}

internal sealed class OpenAiStreamOptions
{
    public bool? IncludeUsage { get; set; }
}

internal sealed class OpenAiResponseFormat
{
    public string? Type { get; set; }
    public OpenAiJsonSchema? JsonSchema { get; set; }
}

internal sealed class OpenAiJsonSchema
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public JsonElement? Schema { get; set; }
    public bool? Strict { get; set; }
}

internal sealed class OpenAiMessage
{
    public string? Role { get; set; }
    /// <summary>A string, or an array of content parts (<c>{"type":"text","text":…}</c>).</summary>
    public JsonElement? Content { get; set; }
    public string? Name { get; set; }
    public List<OpenAiToolCall>? ToolCalls { get; set; }
    public string? ToolCallId { get; set; }
}

internal sealed class OpenAiToolCall
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public OpenAiFunctionCall? Function { get; set; }
}

internal sealed class OpenAiFunctionCall
{
    public string? Name { get; set; }
    /// <summary>The arguments as a string holding a JSON object.</summary>
    public string? Arguments { get; set; }
}

internal sealed class OpenAiTool
{
    public string? Type { get; set; }
    public OpenAiFunctionDefinition? Function { get; set; }
}

internal sealed class OpenAiFunctionDefinition
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public JsonElement? Parameters { get; set; }
    public bool? Strict { get; set; }
}

/// <summary>A non-streaming reply (<c>chat.completion</c>) or one streamed chunk (<c>chat.completion.chunk</c>).</summary>
internal sealed class OpenAiCompletion
{
    public required string Id { get; init; }
    public required string Object { get; init; }
    public required long Created { get; init; }
    public required string Model { get; init; }
    public string SystemFingerprint { get; init; } = "fp_kaizen_modelhost";
    public required List<OpenAiChoice> Choices { get; init; }
    public OpenAiUsage? Usage { get; init; }
}

internal sealed class OpenAiChoice
{
    public int Index { get; init; }
    /// <summary>Non-streaming replies.</summary>
    public OpenAiResponseMessage? Message { get; init; }
    /// <summary>Streamed chunks.</summary>
    public OpenAiResponseMessage? Delta { get; init; }
    /// <summary>Written as null while a stream is going on.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)]
    public string? FinishReason { get; init; }
}

internal sealed class OpenAiResponseMessage
{
    public string? Role { get; init; }
    public string? Content { get; init; }
    public List<OpenAiResponseToolCall>? ToolCalls { get; init; }
}

internal sealed class OpenAiResponseToolCall
{
    /// <summary>Streamed chunks only.</summary>
    public int? Index { get; init; }
    public required string Id { get; init; }
    public string Type { get; init; } = "function";
    public required OpenAiFunctionCall Function { get; init; }
}

internal sealed class OpenAiUsage
{
    public required long PromptTokens { get; init; }
    public required long CompletionTokens { get; init; }
    public required long TotalTokens { get; init; }
}

internal sealed class OpenAiModel
{
    public required string Id { get; init; }
    public string Object { get; init; } = "model";
    public required long Created { get; init; }
    public string OwnedBy { get; init; } = "kaizen";
}

internal sealed class OpenAiModelList
{
    public string Object { get; init; } = "list";
    public required List<OpenAiModel> Data { get; init; }
}

internal sealed class OpenAiErrorBody
{
    public required OpenAiErrorDetail Error { get; init; }
}

internal sealed class OpenAiErrorDetail
{
    public required string Message { get; init; }
    public required string Type { get; init; }
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)]
    public string? Param { get; init; }
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)]
    public string? Code { get; init; }
}
