using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Llm;

/// <summary>One reply of the scripted model: text, tool calls, or a provider failure to raise.</summary>
public sealed record ScriptedReply
{
    /// <summary>The assistant's text (plain, or JSON such as a completion object). May be empty when only tools are called.</summary>
    public string Text { get; init; } = "";

    /// <summary>Tool calls the model asks for, in order. Call ids left empty are assigned deterministically.</summary>
    public IReadOnlyList<ScriptedToolCall> ToolCalls { get; init; } = [];

    /// <summary>Token usage to report instead of the deterministic estimate.</summary>
    public UsageDetails? Usage { get; init; }

    /// <summary>When set, the request fails with this exception instead of replying (simulates a provider error).</summary>
    public Exception? Error { get; init; }

    /// <summary>How long the model "thinks" before replying; the wait observes cancellation (for interrupt and timeout scenarios).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>
    /// Whether the reply's tool calls stand even when the request offered no tools (a misbehaving model). Off by default:
    /// the client then refuses such a reply with <see cref="ScriptedToolCallNotOfferedException"/>.
    /// </summary>
    public bool IgnoresOfferedTools { get; init; }

    /// <summary>A plain text reply.</summary>
    public static ScriptedReply Say(string text) => new() { Text = text };

    /// <summary>A reply whose text is <paramref name="value"/> serialized as JSON.</summary>
    public static ScriptedReply Json(object value) => new() { Text = JsonSerializer.Serialize(value) };

    /// <summary>A reply whose text is the given raw JSON (not validated, so broken JSON can be scripted on purpose).</summary>
    public static ScriptedReply RawJson(string json) => new() { Text = json };

    /// <summary>A turn that keeps working: <c>{"done":false,"thought":…}</c>.</summary>
    public static ScriptedReply Working(string thought) => new() { Text = AgentReplyProtocol.FormatWorking(thought) };

    /// <summary>The completion signal with the signature's outputs: <c>{"done":true,"outputs":{…}}</c>.</summary>
    public static ScriptedReply Complete(object? outputs = null) => new() { Text = AgentReplyProtocol.FormatCompletion(outputs) };

    /// <summary>A reply calling one tool. <paramref name="arguments"/> is a dictionary or any object serializable to a JSON object.</summary>
    public static ScriptedReply CallTool(string name, object? arguments = null, string? callId = null) =>
        new() { ToolCalls = [new ScriptedToolCall(name, ScriptedToolCall.ToArguments(arguments), callId)] };

    /// <summary>A reply calling several tools in one response.</summary>
    public static ScriptedReply CallTools(params ScriptedToolCall[] calls) => new() { ToolCalls = calls };

    /// <summary>A reply that fails the request with <paramref name="error"/>.</summary>
    public static ScriptedReply Fail(Exception error) => new() { Error = error };

    /// <summary>This reply, whose tool calls are made even when the request offered no tools (a misbehaving model).</summary>
    public ScriptedReply IgnoringOfferedTools() => this with { IgnoresOfferedTools = true };

    /// <summary>This reply after a cancellable wait of <paramref name="delay"/>.</summary>
    public ScriptedReply After(TimeSpan delay) => this with { Delay = delay };

    /// <summary>This reply with fixed token counts instead of the estimate.</summary>
    public ScriptedReply WithUsage(long inputTokens, long outputTokens) => this with
    {
        Usage = new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = outputTokens, TotalTokenCount = inputTokens + outputTokens },
    };
}

/// <summary>A tool call inside a <see cref="ScriptedReply"/>.</summary>
/// <param name="Name">The tool's name.</param>
/// <param name="Arguments">The arguments as the model would send them.</param>
/// <param name="CallId">The call id; null to let the client assign <c>call_{request}_{index}</c>.</param>
public sealed record ScriptedToolCall(string Name, IReadOnlyDictionary<string, object?> Arguments, string? CallId = null)
{
    /// <summary>Creates a call from a dictionary or an object serializable to a JSON object (e.g. an anonymous object).</summary>
    public static ScriptedToolCall Of(string name, object? arguments = null, string? callId = null) => new(name, ToArguments(arguments), callId);

    internal static IReadOnlyDictionary<string, object?> ToArguments(object? arguments) => arguments switch
    {
        null => new Dictionary<string, object?>(),
        IReadOnlyDictionary<string, object?> ready => ready,
        IDictionary<string, object?> dict => new Dictionary<string, object?>(dict),
        _ => JsonSerializer.SerializeToElement(arguments) is { ValueKind: JsonValueKind.Object } element
            ? element.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone())
            : throw new ArgumentException($"Tool arguments must serialize to a JSON object; got {arguments.GetType().Name}.", nameof(arguments)),
    };
}
