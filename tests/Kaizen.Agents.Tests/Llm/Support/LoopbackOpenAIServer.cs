using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Kaizen.Agents.Tests.Llm.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking the OpenAI chat-completions wire format (non-streaming), scripted per
/// request so tests can drive the real Microsoft.Extensions.AI.OpenAI client through malformed replies and faults.
/// </summary>
public sealed class LoopbackOpenAIServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<Func<HttpListenerContext, JsonObject, Task>> _replies = new();

    public LoopbackOpenAIServer()
    {
        Port = LoopbackOllamaServer.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The base address to give the client (<c>…/v1</c>).</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}/v1";

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    /// <summary>A normal completion with <paramref name="text"/> (and tool calls whose argument text is sent verbatim).</summary>
    public LoopbackOpenAIServer ThenReply(string text, params (string Name, string RawArguments)[] toolCalls)
    {
        _replies.Enqueue((context, _) => WriteAsync(context, 200, Completion(text, toolCalls).ToJsonString()));
        return this;
    }

    /// <summary>An HTTP status with a raw body.</summary>
    public LoopbackOpenAIServer ThenStatus(int status, string body)
    {
        _replies.Enqueue((context, _) => WriteAsync(context, status, body));
        return this;
    }

    /// <summary>Reads the request, then drops the connection without answering.</summary>
    public LoopbackOpenAIServer ThenCut()
    {
        _replies.Enqueue((context, _) =>
        {
            context.Response.Abort();
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Waits (cancellably by the client hanging up or the server stopping) for <paramref name="delay"/>, then replies.</summary>
    public LoopbackOpenAIServer ThenSlow(TimeSpan delay, string text)
    {
        _replies.Enqueue(async (context, _) =>
        {
            await Task.Delay(delay);
            await WriteAsync(context, 200, Completion(text, []).ToJsonString());
        });
        return this;
    }

    public static JsonObject Completion(string text, (string Name, string RawArguments)[] toolCalls)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = toolCalls.Length > 0 && text.Length == 0 ? null : text };
        if (toolCalls.Length > 0)
            message["tool_calls"] = new JsonArray(toolCalls.Select((c, i) => (JsonNode)new JsonObject
            {
                ["id"] = $"call_{i}", ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.RawArguments },
            }).ToArray());
        return new JsonObject
        {
            ["id"] = "chatcmpl-1", ["object"] = "chat.completion", ["created"] = 1_764_000_000, ["model"] = "gpt-4o-mini",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0, ["message"] = message, ["finish_reason"] = toolCalls.Length > 0 ? "tool_calls" : "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
        };
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException) { }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            var body = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
            Requests.Enqueue(body);
            var reply = _replies.TryDequeue(out var next)
                ? next
                : (c, _) => WriteAsync(c, 200, Completion("""{"done": true, "outputs": {"result": "ok"}}""", []).ToJsonString());
            await reply(context, body);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException) { }
    }

    private static async Task WriteAsync(HttpListenerContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
