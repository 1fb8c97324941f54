using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kaizen.Agents.Tests.Llm.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking Ollama's wire format (/api/chat NDJSON or single JSON, /api/embed,
/// /api/tags), scripted per request so tests can drive the real OllamaSharp client through errors and drops.
/// </summary>
public sealed class LoopbackOllamaServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<OllamaBehaviour> _chat = new();

    public LoopbackOllamaServer(params string[] models)
    {
        Models = models.Length == 0 ? ["llama3.2:1b"] : models;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public string Endpoint => $"http://127.0.0.1:{Port}";
    public IReadOnlyList<string> Models { get; }
    public ConcurrentQueue<(string Path, JsonObject Body)> Requests { get; } = new();

    /// <summary>Queues the behaviour of the next /api/chat request (when the queue is empty: a plain "ok" reply).</summary>
    public LoopbackOllamaServer ThenChat(OllamaBehaviour behaviour)
    {
        _chat.Enqueue(behaviour);
        return this;
    }

    public int ChatRequestCount => Requests.Count(r => r.Path == "/api/chat");

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
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
        var path = context.Request.Url!.AbsolutePath;
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var body = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
        Requests.Enqueue((path, body));
        try
        {
            switch (path)
            {
                case "/api/tags":
                    await WriteJson(context, 200, new JsonObject
                    {
                        ["models"] = new JsonArray(Models.Select(m => (JsonNode)new JsonObject
                        {
                            ["name"] = m, ["model"] = m, ["modified_at"] = "2026-11-01T00:00:00Z", ["size"] = 1_300_000_000, ["digest"] = "abc123",
                            ["details"] = new JsonObject { ["format"] = "gguf", ["family"] = "llama", ["parameter_size"] = "1.2B", ["quantization_level"] = "Q8_0" },
                        }).ToArray()),
                    });
                    break;
                case "/api/embed":
                    if (!Models.Contains(body["model"]!.GetValue<string>())) { await ModelNotFound(context, body); break; }
                    var inputs = body["input"] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
                    await WriteJson(context, 200, new JsonObject
                    {
                        ["model"] = body["model"]!.GetValue<string>(),
                        ["embeddings"] = new JsonArray(inputs.Select(i => (JsonNode)new JsonArray(i.Length, i.Count(c => c == ' '), 0.5)).ToArray()),
                        ["prompt_eval_count"] = inputs.Sum(i => i.Length),
                    });
                    break;
                case "/api/chat":
                    if (!Models.Contains(body["model"]!.GetValue<string>())) { await ModelNotFound(context, body); break; }
                    var behaviour = _chat.TryDequeue(out var next) ? next : OllamaBehaviour.Reply("ok");
                    await behaviour.RespondAsync(context, body);
                    break;
                default:
                    await WriteJson(context, 404, new JsonObject { ["error"] = $"unknown path {path}" });
                    break;
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException) { }
    }

    private static Task ModelNotFound(HttpListenerContext context, JsonObject body) =>
        WriteJson(context, 404, new JsonObject { ["error"] = $"model \"{body["model"]}\" not found, try pulling it first" });

    internal static async Task WriteJson(HttpListenerContext context, int status, JsonNode json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}

/// <summary>How the server answers one /api/chat request.</summary>
public abstract class OllamaBehaviour
{
    public abstract Task RespondAsync(HttpListenerContext context, JsonObject request);

    /// <summary>A reply in chunks (streamed as NDJSON when the request asks for streaming), optionally with tool calls.</summary>
    public static OllamaBehaviour Reply(string text, params (string Name, object Arguments)[] toolCalls) => new ReplyBehaviour(text, toolCalls, DropAfterChunks: null);

    /// <summary>Starts streaming, then drops the connection after <paramref name="chunks"/> chunks.</summary>
    public static OllamaBehaviour DropAfter(string text, int chunks) => new ReplyBehaviour(text, [], chunks);

    /// <summary>An HTTP error with Ollama's {"error": …} body.</summary>
    public static OllamaBehaviour Error(int status, string message) => new ErrorBehaviour(status, message);

    /// <summary>A raw body with the given status, whatever the request asked for (e.g. text that is not JSON, or nothing).</summary>
    public static OllamaBehaviour Raw(int status, string body, string contentType = "application/x-ndjson") => new RawBehaviour(status, body, contentType);

    /// <summary>Waits <paramref name="delay"/> before answering with <paramref name="text"/>.</summary>
    public static OllamaBehaviour Slow(TimeSpan delay, string text) => new SlowBehaviour(delay, text);

    /// <summary>Reads the request, then drops the connection without a byte of answer.</summary>
    public static OllamaBehaviour Cut() => new CutBehaviour();

    private sealed class RawBehaviour(int status, string body, string contentType) : OllamaBehaviour
    {
        public override async Task RespondAsync(HttpListenerContext context, JsonObject request)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private sealed class SlowBehaviour(TimeSpan delay, string text) : OllamaBehaviour
    {
        public override async Task RespondAsync(HttpListenerContext context, JsonObject request)
        {
            await Task.Delay(delay);
            await Reply(text).RespondAsync(context, request);
        }
    }

    private sealed class CutBehaviour : OllamaBehaviour
    {
        public override Task RespondAsync(HttpListenerContext context, JsonObject request)
        {
            context.Response.Abort();
            return Task.CompletedTask;
        }
    }

    private sealed class ErrorBehaviour(int status, string message) : OllamaBehaviour
    {
        public override Task RespondAsync(HttpListenerContext context, JsonObject request) =>
            LoopbackOllamaServer.WriteJson(context, status, new JsonObject { ["error"] = message });
    }

    private sealed class ReplyBehaviour(string text, (string Name, object Arguments)[] toolCalls, int? DropAfterChunks) : OllamaBehaviour
    {
        public override async Task RespondAsync(HttpListenerContext context, JsonObject request)
        {
            var model = request["model"]!.GetValue<string>();
            var promptTokens = request["messages"]!.AsArray().Sum(m => m!["content"]?.GetValue<string>().Length ?? 0) / 4 + 1;
            var chunks = text.Split(' ').Select((w, i) => i == 0 ? w : " " + w).ToList();
            var stream = request["stream"]?.GetValue<bool>() ?? true;
            if (!stream)
            {
                await LoopbackOllamaServer.WriteJson(context, 200, Final(model, text, promptTokens, chunks.Count, withCalls: true));
                return;
            }
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-ndjson";
            context.Response.SendChunked = true;
            var output = context.Response.OutputStream;
            for (var i = 0; i < chunks.Count; i++)
            {
                if (DropAfterChunks == i)
                {
                    await output.FlushAsync();
                    context.Response.Abort();
                    return;
                }
                await WriteLine(output, Chunk(model, chunks[i]));
            }
            if (toolCalls.Length > 0) await WriteLine(output, Chunk(model, "", withCalls: true));
            await WriteLine(output, Final(model, "", promptTokens, chunks.Count, withCalls: false));
            context.Response.Close();
        }

        private JsonObject Chunk(string model, string content, bool withCalls = false) => new()
        {
            ["model"] = model,
            ["created_at"] = "2026-11-24T10:00:00Z",
            ["message"] = Message(content, withCalls),
            ["done"] = false,
        };

        private JsonObject Final(string model, string content, int promptTokens, int evalTokens, bool withCalls) => new()
        {
            ["model"] = model,
            ["created_at"] = "2026-11-24T10:00:01Z",
            ["message"] = Message(content, withCalls),
            ["done_reason"] = "stop",
            ["done"] = true,
            ["total_duration"] = 1_000_000,
            ["load_duration"] = 1000,
            ["prompt_eval_count"] = promptTokens,
            ["prompt_eval_duration"] = 1000,
            ["eval_count"] = evalTokens,
            ["eval_duration"] = 1000,
        };

        private JsonObject Message(string content, bool withCalls)
        {
            var message = new JsonObject { ["role"] = "assistant", ["content"] = content };
            if (withCalls && toolCalls.Length > 0)
                message["tool_calls"] = new JsonArray(toolCalls.Select(c => (JsonNode)new JsonObject
                {
                    ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = JsonSerializer.SerializeToNode(c.Arguments) },
                }).ToArray());
            return message;
        }

        private static async Task WriteLine(Stream output, JsonNode json)
        {
            await output.WriteAsync(Encoding.UTF8.GetBytes(json.ToJsonString() + "\n"));
            await output.FlushAsync();
        }
    }
}
