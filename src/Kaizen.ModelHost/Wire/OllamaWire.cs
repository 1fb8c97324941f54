using System.Text.Json;

namespace Kaizen.ModelHost.Wire;

// Ollama's REST API, as far as this host serves it. Requests keep loosely typed fields (format, stop, arguments) as
// JsonElement so that both of their documented shapes are accepted; responses are written with WireJson.Options.

/// <summary>POST /api/chat.</summary>
internal sealed class OllamaChatRequest
{
    public string? Model { get; set; }
    public List<OllamaMessage>? Messages { get; set; }
    public List<OllamaTool>? Tools { get; set; }
    public JsonElement? Format { get; set; }
    public OllamaModelOptions? Options { get; set; }
    public bool? Stream { get; set; }
    public JsonElement? KeepAlive { get; set; }
    public JsonElement? Think { get; set; }
}

/// <summary>POST /api/generate.</summary>
internal sealed class OllamaGenerateRequest
{
    public string? Model { get; set; }
    public string? Prompt { get; set; }
    public string? System { get; set; }
    public string? Suffix { get; set; }
    public List<string>? Images { get; set; }
    public JsonElement? Format { get; set; }
    public OllamaModelOptions? Options { get; set; }
    public bool? Stream { get; set; }
    public bool? Raw { get; set; }
    public JsonElement? Context { get; set; }
    public JsonElement? KeepAlive { get; set; }
}

/// <summary>POST /api/show (current clients send <c>model</c>, older ones <c>name</c>).</summary>
internal sealed class OllamaShowRequest
{
    public string? Model { get; set; }
    public string? Name { get; set; }
    public bool? Verbose { get; set; }
}

/// <summary>POST /api/embed.</summary>
internal sealed class OllamaEmbedRequest
{
    public string? Model { get; set; }
    public JsonElement? Input { get; set; }
}

internal sealed class OllamaMessage
{
    public string? Role { get; set; }
    public string? Content { get; set; }
    public string? Thinking { get; set; }
    public List<string>? Images { get; set; }
    public List<OllamaToolCall>? ToolCalls { get; set; }
    public string? ToolName { get; set; }
    public string? ToolCallId { get; set; }
}

internal sealed class OllamaToolCall
{
    public string? Id { get; set; }
    public OllamaFunctionCall? Function { get; set; }
}

internal sealed class OllamaFunctionCall
{
    public int? Index { get; set; }
    public string? Name { get; set; }
    /// <summary>A JSON object (Ollama's shape); a string holding a JSON object is accepted too.</summary>
    public JsonElement? Arguments { get; set; }
}

internal sealed class OllamaTool
{
    public string? Type { get; set; }
    public OllamaFunctionDefinition? Function { get; set; }
}

internal sealed class OllamaFunctionDefinition
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public JsonElement? Parameters { get; set; }
}

/// <summary>The <c>options</c> object; fields this host cannot honour (num_gpu, mirostat…) are read and ignored, as Ollama ignores unknown ones.</summary>
internal sealed class OllamaModelOptions
{
    public float? Temperature { get; set; }
    public long? Seed { get; set; }
    public int? NumPredict { get; set; }
    public float? TopP { get; set; }
    public int? TopK { get; set; }
    public float? PresencePenalty { get; set; }
    public float? FrequencyPenalty { get; set; }
    public JsonElement? Stop { get; set; }
}

/// <summary>One NDJSON line (or the whole body when not streaming) of /api/chat and /api/generate.</summary>
internal sealed class OllamaResponse
{
    public required string Model { get; init; }
    public required string CreatedAt { get; init; }
    /// <summary>/api/chat only.</summary>
    public OllamaResponseMessage? Message { get; init; }
    /// <summary>/api/generate only.</summary>
    public string? Response { get; init; }
    public string? Thinking { get; init; }
    public required bool Done { get; init; }
    public string? DoneReason { get; init; }
    public long? TotalDuration { get; init; }
    public long? LoadDuration { get; init; }
    public long? PromptEvalCount { get; init; }
    public long? PromptEvalDuration { get; init; }
    public long? EvalCount { get; init; }
    public long? EvalDuration { get; init; }
}

internal sealed class OllamaResponseMessage
{
    public string Role { get; init; } = "assistant";
    public string Content { get; init; } = "";
    public string? Thinking { get; init; }
    public List<OllamaResponseToolCall>? ToolCalls { get; init; }
}

internal sealed class OllamaResponseToolCall
{
    public string? Id { get; init; }
    public required OllamaResponseFunction Function { get; init; }
}

internal sealed class OllamaResponseFunction
{
    public int Index { get; init; }
    public required string Name { get; init; }
    public required JsonElement Arguments { get; init; }
}

internal sealed class OllamaModelDetails
{
    public string ParentModel { get; init; } = "";
    public required string Format { get; init; }
    public required string Family { get; init; }
    public required List<string> Families { get; init; }
    public required string ParameterSize { get; init; }
    public required string QuantizationLevel { get; init; }
}

internal sealed class OllamaModelEntry
{
    public required string Name { get; init; }
    public required string Model { get; init; }
    public required string ModifiedAt { get; init; }
    public required long Size { get; init; }
    public required string Digest { get; init; }
    public required OllamaModelDetails Details { get; init; }
    /// <summary>/api/ps only.</summary>
    public string? ExpiresAt { get; init; }
    /// <summary>/api/ps only.</summary>
    public long? SizeVram { get; init; }
}

internal sealed class OllamaTagsResponse
{
    public required List<OllamaModelEntry> Models { get; init; }
}

internal sealed class OllamaShowResponse
{
    public required string License { get; init; }
    public required string Modelfile { get; init; }
    public required string Parameters { get; init; }
    public required string Template { get; init; }
    public required OllamaModelDetails Details { get; init; }
    public required Dictionary<string, object> ModelInfo { get; init; }
    public required List<string> Capabilities { get; init; }
    public required string ModifiedAt { get; init; }
}

internal sealed class OllamaError
{
    public required string Error { get; init; }
}
