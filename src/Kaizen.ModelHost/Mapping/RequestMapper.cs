using System.Text;
using System.Text.Json;
using Kaizen.ModelHost.Wire;
using Microsoft.Extensions.AI;

namespace Kaizen.ModelHost.Mapping;

/// <summary>A request the host understood but cannot accept (answered with 400 and the message).</summary>
internal sealed class BadWireRequestException(string message, string? param = null) : Exception(message)
{
    public string? Param { get; } = param;
}

/// <summary>Turns Ollama and OpenAI request bodies into the conversation and <see cref="ChatOptions"/> of an <see cref="IChatClient"/> call.</summary>
internal static class RequestMapper
{
    private static readonly JsonElement EmptyObjectSchema = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement.Clone();

    // ---- Ollama ------------------------------------------------------------------------------------------------

    public static (List<ChatMessage> Messages, ChatOptions Options) FromOllamaChat(OllamaChatRequest request, string modelId)
    {
        var messages = new List<ChatMessage>();
        var pendingCalls = new List<(string Id, string Name)>();
        var index = 0;
        foreach (var message in request.Messages ?? [])
        {
            var role = message.Role?.Trim().ToLowerInvariant();
            switch (role)
            {
                case "system" or "user":
                    messages.Add(new ChatMessage(role == "system" ? ChatRole.System : ChatRole.User, WithImages(message.Content, message.Images, index)));
                    break;
                case "assistant":
                    var contents = new List<AIContent>();
                    if (!string.IsNullOrEmpty(message.Thinking)) contents.Add(new TextReasoningContent(message.Thinking));
                    if (!string.IsNullOrEmpty(message.Content)) contents.Add(new TextContent(message.Content));
                    var callIndex = 0;
                    foreach (var call in message.ToolCalls ?? [])
                    {
                        var name = call.Function?.Name;
                        if (string.IsNullOrWhiteSpace(name)) throw new BadWireRequestException($"messages[{index}].tool_calls[{callIndex}]: the function has no name");
                        var id = string.IsNullOrEmpty(call.Id) ? $"call_{index}_{callIndex}" : call.Id;
                        contents.Add(new FunctionCallContent(id, name, ArgumentsFrom(call.Function!.Arguments, $"messages[{index}].tool_calls[{callIndex}].function.arguments")));
                        pendingCalls.Add((id, name));
                        callIndex++;
                    }
                    messages.Add(new ChatMessage(ChatRole.Assistant, contents));
                    break;
                case "tool":
                    messages.Add(new ChatMessage(ChatRole.Tool, [OllamaToolResult(message, pendingCalls, index)]));
                    break;
                default:
                    throw new BadWireRequestException($"messages[{index}]: unknown role '{message.Role}'");
            }
            index++;
        }

        var options = new ChatOptions { ModelId = modelId };
        ApplyOllamaOptions(options, request.Options);
        options.ResponseFormat = OllamaFormat(request.Format);
        if (request.Tools is { Count: > 0 } tools)
            options.Tools = [.. tools.Select((t, i) => Declaration(t.Function?.Name, t.Function?.Description, t.Function?.Parameters, $"tools[{i}]"))];
        return (messages, options);
    }

    public static (List<ChatMessage> Messages, ChatOptions Options) FromOllamaGenerate(OllamaGenerateRequest request, string modelId)
    {
        var messages = new List<ChatMessage>();
        if (!string.IsNullOrEmpty(request.System)) messages.Add(new ChatMessage(ChatRole.System, request.System));
        messages.Add(new ChatMessage(ChatRole.User, WithImages(request.Prompt, request.Images, 0)));
        var options = new ChatOptions { ModelId = modelId };
        ApplyOllamaOptions(options, request.Options);
        options.ResponseFormat = OllamaFormat(request.Format);
        return (messages, options);
    }

    private static void ApplyOllamaOptions(ChatOptions options, OllamaModelOptions? wire)
    {
        if (wire is null) return;
        options.Temperature = wire.Temperature;
        options.Seed = wire.Seed;
        options.MaxOutputTokens = wire.NumPredict is > 0 ? wire.NumPredict : null; // -1 (no limit) and -2 (fill the context) mean no cap
        options.TopP = wire.TopP;
        options.TopK = wire.TopK;
        options.PresencePenalty = wire.PresencePenalty;
        options.FrequencyPenalty = wire.FrequencyPenalty;
        options.StopSequences = StopSequences(wire.Stop, "options.stop");
    }

    /// <summary><c>"json"</c> → any JSON; an object → that JSON schema; absent, null or "" → free text.</summary>
    private static ChatResponseFormat? OllamaFormat(JsonElement? format)
    {
        if (format is not { } value) return null;
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String when value.GetString() is "" => null,
            JsonValueKind.String when string.Equals(value.GetString(), "json", StringComparison.OrdinalIgnoreCase) => ChatResponseFormat.Json,
            JsonValueKind.Object => ChatResponseFormat.ForJsonSchema(value.Clone(), "response"),
            _ => throw new BadWireRequestException($"invalid format: {value.GetRawText()} (use \"json\" or a JSON schema object)", "format"),
        };
    }

    private static FunctionResultContent OllamaToolResult(OllamaMessage message, List<(string Id, string Name)> pendingCalls, int index)
    {
        var content = message.Content ?? "";
        string? callId = message.ToolCallId;
        object? result = content;
        // Some clients (OllamaSharp) wrap the result with the call id they assigned: {"call_id"|"CallId": …, "result": …}.
        if (content.TrimStart().StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(content);
                var root = doc.RootElement;
                if (TryGet(root, "call_id", "CallId", "callId") is { ValueKind: JsonValueKind.String } id && TryGet(root, "result", "Result") is { } wrapped)
                {
                    callId ??= id.GetString();
                    result = wrapped.ValueKind == JsonValueKind.String ? wrapped.GetString() : wrapped.Clone();
                }
            }
            catch (JsonException)
            {
                // Plain text that happens to start with '{': keep it as it is.
            }
        }

        var match = callId is not null ? pendingCalls.FindIndex(c => c.Id == callId)
            : message.ToolName is { } toolName ? pendingCalls.FindIndex(c => string.Equals(c.Name, toolName, StringComparison.Ordinal))
            : pendingCalls.Count > 0 ? 0 : -1;
        if (match >= 0)
        {
            callId ??= pendingCalls[match].Id;
            pendingCalls.RemoveAt(match);
        }
        return new FunctionResultContent(callId ?? $"call_result_{index}", result);
    }

    private static JsonElement? TryGet(JsonElement element, params string[] names)
    {
        foreach (var name in names)
            if (element.TryGetProperty(name, out var value)) return value;
        return null;
    }

    private static List<AIContent> WithImages(string? text, List<string>? images, int index)
    {
        var contents = new List<AIContent> { new TextContent(text ?? "") };
        for (var i = 0; i < (images?.Count ?? 0); i++)
        {
            try { contents.Add(new DataContent(Convert.FromBase64String(images![i]), "image/*")); }
            catch (FormatException) { throw new BadWireRequestException($"messages[{index}].images[{i}] is not base64"); }
        }
        return contents;
    }

    // ---- OpenAI ------------------------------------------------------------------------------------------------

    public static (List<ChatMessage> Messages, ChatOptions Options) FromOpenAi(OpenAiChatRequest request, string modelId)
    {
        if (request.Messages is not { Count: > 0 }) throw new BadWireRequestException("'messages' must be a non-empty array", "messages");
        if (request.N is > 1) throw new BadWireRequestException("n > 1 is not supported by this host", "n");
        var messages = new List<ChatMessage>();
        var index = 0;
        foreach (var message in request.Messages)
        {
            var text = OpenAiText(message.Content, index);
            switch (message.Role?.Trim().ToLowerInvariant())
            {
                case "system" or "developer":
                    messages.Add(new ChatMessage(ChatRole.System, text));
                    break;
                case "user":
                    messages.Add(new ChatMessage(ChatRole.User, text) { AuthorName = message.Name });
                    break;
                case "assistant":
                    var contents = new List<AIContent>();
                    if (!string.IsNullOrEmpty(text)) contents.Add(new TextContent(text));
                    var callIndex = 0;
                    foreach (var call in message.ToolCalls ?? [])
                    {
                        var where = $"messages[{index}].tool_calls[{callIndex}]";
                        if (string.IsNullOrWhiteSpace(call.Function?.Name)) throw new BadWireRequestException($"{where}: the function has no name", "messages");
                        if (string.IsNullOrEmpty(call.Id)) throw new BadWireRequestException($"{where}: missing id", "messages");
                        contents.Add(new FunctionCallContent(call.Id, call.Function.Name, ArgumentsFromString(call.Function.Arguments, where + ".function.arguments")));
                        callIndex++;
                    }
                    messages.Add(new ChatMessage(ChatRole.Assistant, contents));
                    break;
                case "tool":
                    if (string.IsNullOrEmpty(message.ToolCallId)) throw new BadWireRequestException($"messages[{index}]: a tool message needs tool_call_id", "messages");
                    messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(message.ToolCallId, text)]));
                    break;
                default:
                    throw new BadWireRequestException($"messages[{index}]: unknown role '{message.Role}'", "messages");
            }
            index++;
        }

        var options = new ChatOptions
        {
            ModelId = modelId,
            Temperature = request.Temperature,
            TopP = request.TopP,
            Seed = request.Seed,
            MaxOutputTokens = request.MaxCompletionTokens ?? request.MaxTokens,
            PresencePenalty = request.PresencePenalty,
            FrequencyPenalty = request.FrequencyPenalty,
            StopSequences = StopSequences(request.Stop, "stop"),
            ResponseFormat = OpenAiFormat(request.ResponseFormat),
        };
        if (options.MaxOutputTokens is <= 0) throw new BadWireRequestException("max_tokens must be at least 1", "max_tokens");
        if (request.Tools is { Count: > 0 } tools)
        {
            options.Tools = [.. tools.Select((t, i) =>
                t.Type is null or "function"
                    ? Declaration(t.Function?.Name, t.Function?.Description, t.Function?.Parameters, $"tools[{i}]")
                    : throw new BadWireRequestException($"tools[{i}]: type '{t.Type}' is not supported (only 'function')", "tools"))];
        }
        options.ToolMode = ToolChoice(request.ToolChoice);
        return (messages, options);
    }

    private static string OpenAiText(JsonElement? content, int index)
    {
        if (content is not { } value || value.ValueKind == JsonValueKind.Null) return "";
        if (value.ValueKind == JsonValueKind.String) return value.GetString()!;
        if (value.ValueKind != JsonValueKind.Array) throw new BadWireRequestException($"messages[{index}].content must be a string or an array of parts", "messages");
        var text = new StringBuilder();
        foreach (var part in value.EnumerateArray())
        {
            var type = part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type is "text" && part.TryGetProperty("text", out var partText) && partText.ValueKind == JsonValueKind.String)
                text.Append(partText.GetString());
            else
                throw new BadWireRequestException($"messages[{index}].content: part type '{type}' is not supported by this model (text only)", "messages");
        }
        return text.ToString();
    }

    private static ChatResponseFormat? OpenAiFormat(OpenAiResponseFormat? format) => format?.Type switch
    {
        null or "text" => null,
        "json_object" => ChatResponseFormat.Json,
        "json_schema" when format.JsonSchema?.Schema is { ValueKind: JsonValueKind.Object } schema =>
            ChatResponseFormat.ForJsonSchema(schema.Clone(), format.JsonSchema.Name, format.JsonSchema.Description),
        "json_schema" => throw new BadWireRequestException("response_format.json_schema.schema must be a JSON schema object", "response_format"),
        _ => throw new BadWireRequestException($"response_format.type '{format.Type}' is not supported (text, json_object, json_schema)", "response_format"),
    };

    private static ChatToolMode? ToolChoice(JsonElement? choice)
    {
        if (choice is not { } value || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString() switch
            {
                "none" => ChatToolMode.None,
                "auto" => ChatToolMode.Auto,
                "required" => ChatToolMode.RequireAny,
                var other => throw new BadWireRequestException($"tool_choice '{other}' is not one of none, auto, required", "tool_choice"),
            };
        }
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("function", out var function)
            && function.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            return ChatToolMode.RequireSpecific(name.GetString()!);
        throw new BadWireRequestException("tool_choice must be a string or {\"type\":\"function\",\"function\":{\"name\":…}}", "tool_choice");
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    private static AIFunctionDeclaration Declaration(string? name, string? description, JsonElement? parameters, string where)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new BadWireRequestException($"{where}: the function has no name", "tools");
        var schema = parameters is { ValueKind: JsonValueKind.Object } p ? p.Clone()
            : parameters is null or { ValueKind: JsonValueKind.Null } ? EmptyObjectSchema
            : throw new BadWireRequestException($"{where}.function.parameters must be a JSON schema object", "tools");
        return AIFunctionFactory.CreateDeclaration(name, description ?? "", schema);
    }

    private static Dictionary<string, object?> ArgumentsFrom(JsonElement? arguments, string where) => arguments switch
    {
        null or { ValueKind: JsonValueKind.Null } => [],
        { ValueKind: JsonValueKind.Object } obj => obj.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone()),
        { ValueKind: JsonValueKind.String } s => ArgumentsFromString(s.GetString(), where),
        _ => throw new BadWireRequestException($"{where} must be a JSON object"),
    };

    private static Dictionary<string, object?> ArgumentsFromString(string? json, string where)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone())
                : throw new BadWireRequestException($"{where} must hold a JSON object", "messages");
        }
        catch (JsonException ex)
        {
            throw new BadWireRequestException($"{where} is not valid JSON: {ex.Message}", "messages");
        }
    }

    private static List<string>? StopSequences(JsonElement? stop, string where) => stop switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } s => [s.GetString()!],
        { ValueKind: JsonValueKind.Array } a when a.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) => [.. a.EnumerateArray().Select(e => e.GetString()!)],
        _ => throw new BadWireRequestException($"{where} must be a string or an array of strings", where),
    };
}
