namespace Kaizen.Agents.Llm;

/// <summary>
/// The script answered a request that offered no tools with a tool call. A real model cannot do that (providers only
/// return calls to tools the request offers), so a script that does would hide a caller that forgot to offer its tools.
/// </summary>
public sealed class ScriptedToolCallNotOfferedException : InvalidOperationException
{
    /// <summary>Creates the error for <paramref name="request"/>, whose scripted reply calls <paramref name="toolName"/>.</summary>
    public ScriptedToolCallNotOfferedException(ScriptedRequest request, string toolName)
        : base($"ScriptedChatClient step {request.CallIndex + 1} calls the tool '{toolName}', but the request offered no tools " +
               $"(ChatOptions.Tools is empty), so no real model could make that call. The caller sent {request}.")
    {
        Request = request;
        ToolName = toolName;
    }

    /// <summary>The request that offered no tools.</summary>
    public ScriptedRequest Request { get; }

    /// <summary>The tool the scripted reply called.</summary>
    public string ToolName { get; }
}
