using System.Globalization;
using System.Text;
using System.Text.Json;
using Kaizen.ModelHost.Mapping;
using Kaizen.ModelHost.Wire;
using Microsoft.Extensions.AI;

namespace Kaizen.ModelHost.Endpoints;

/// <summary>Ollama's REST API (<c>/api/*</c>) over the served <see cref="IChatClient"/>.</summary>
internal static class OllamaEndpoints
{
    /// <summary>The Ollama version this host reports (its API matches that release for the endpoints served).</summary>
    public const string ReportedVersion = "0.12.0";

    public static void Map(WebApplication app)
    {
        app.MapGet("/", () => Results.Text("Ollama is running"));
        app.MapMethods("/", ["HEAD"], () => Results.Text("Ollama is running"));
        app.MapGet("/api/version", (HttpContext ctx) => ResponseWriters.WriteJsonAsync(ctx.Response, 200, new { version = ReportedVersion }, ctx.RequestAborted));
        app.MapGet("/api/tags", (HttpContext ctx, ModelHostContext host) =>
            ResponseWriters.WriteJsonAsync(ctx.Response, 200, new OllamaTagsResponse { Models = [host.Model.Entry()] }, ctx.RequestAborted));
        app.MapGet("/api/ps", (HttpContext ctx, ModelHostContext host) =>
            ResponseWriters.WriteJsonAsync(ctx.Response, 200, new OllamaTagsResponse { Models = [host.Model.Entry(running: true)] }, ctx.RequestAborted));
        app.MapPost("/api/show", ShowAsync);
        app.MapPost("/api/chat", ChatAsync);
        app.MapPost("/api/generate", GenerateAsync);
        app.MapPost("/api/embed", EmbedAsync);
        app.MapPost("/api/embeddings", EmbedAsync);
    }

    private static async Task ShowAsync(HttpContext ctx, ModelHostContext host)
    {
        var ct = ctx.RequestAborted;
        var body = await WireJson.ReadBodyAsync<OllamaShowRequest>(ctx.Request, ct);
        if (body.Error is { } error) { await ResponseWriters.OllamaErrorAsync(ctx.Response, 400, error, ct); return; }
        var name = body.Value!.Model ?? body.Value.Name;
        if (await RejectModelAsync(ctx, host, name)) return;
        var model = host.Model;
        var modelInfo = new Dictionary<string, object> { ["general.architecture"] = model.Details.Family, ["kaizen.backend"] = model.Backend };
        await ResponseWriters.WriteJsonAsync(ctx.Response, 200, new OllamaShowResponse
        {
            License = model.ModelFile is null ? "" : "Apache-2.0",
            Modelfile = $"# Served by Kaizen.ModelHost ({model.Backend} backend)\nFROM {model.ModelFile ?? model.Backend}\n",
            Parameters = "",
            Template = "{{ .Prompt }}", // the backend applies the model's own chat template
            Details = model.Details,
            ModelInfo = modelInfo,
            Capabilities = ["completion", "tools"],
            ModifiedAt = model.ModifiedAtText,
        }, ct);
    }

    private static async Task ChatAsync(HttpContext ctx, ModelHostContext host)
    {
        var ct = ctx.RequestAborted;
        var body = await WireJson.ReadBodyAsync<OllamaChatRequest>(ctx.Request, ct);
        if (body.Error is { } error) { await ResponseWriters.OllamaErrorAsync(ctx.Response, 400, error, ct); return; }
        var request = body.Value!;
        if (await RejectModelAsync(ctx, host, request.Model)) return;
        List<ChatMessage> messages;
        ChatOptions options;
        try { (messages, options) = RequestMapper.FromOllamaChat(request, host.Model.Name); }
        catch (BadWireRequestException ex) { await ResponseWriters.OllamaErrorAsync(ctx.Response, 400, ex.Message, ct); return; }
        await RunAsync(ctx, host, request.Model!, messages, options, request.Stream ?? true, chat: true);
    }

    private static async Task GenerateAsync(HttpContext ctx, ModelHostContext host)
    {
        var ct = ctx.RequestAborted;
        var body = await WireJson.ReadBodyAsync<OllamaGenerateRequest>(ctx.Request, ct);
        if (body.Error is { } error) { await ResponseWriters.OllamaErrorAsync(ctx.Response, 400, error, ct); return; }
        var request = body.Value!;
        if (await RejectModelAsync(ctx, host, request.Model)) return;
        List<ChatMessage> messages;
        ChatOptions options;
        try { (messages, options) = RequestMapper.FromOllamaGenerate(request, host.Model.Name); }
        catch (BadWireRequestException ex) { await ResponseWriters.OllamaErrorAsync(ctx.Response, 400, ex.Message, ct); return; }
        await RunAsync(ctx, host, request.Model!, messages, options, request.Stream ?? true, chat: false, emptyPrompt: string.IsNullOrEmpty(request.Prompt));
    }

    private static async Task EmbedAsync(HttpContext ctx, ModelHostContext host)
    {
        var ct = ctx.RequestAborted;
        var body = await WireJson.ReadBodyAsync<OllamaEmbedRequest>(ctx.Request, ct);
        if (body.Error is { } error) { await ResponseWriters.OllamaErrorAsync(ctx.Response, 400, error, ct); return; }
        if (await RejectModelAsync(ctx, host, body.Value!.Model)) return;
        host.Write($"POST {ctx.Request.Path} model={body.Value.Model}: 501, no embedding model");
        await ResponseWriters.OllamaErrorAsync(ctx.Response, 501, $"\"{body.Value.Model}\" does not support embeddings: this host serves a chat model only", ct);
    }

    /// <summary>Answers 400 (no model named) or 404 (another model) in Ollama's shape; false when the request names the served model.</summary>
    private static async Task<bool> RejectModelAsync(HttpContext ctx, ModelHostContext host, string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            await ResponseWriters.OllamaErrorAsync(ctx.Response, 400, "model is required", ctx.RequestAborted);
            return true;
        }
        if (host.Model.Matches(model)) return false;
        host.Write($"{ctx.Request.Method} {ctx.Request.Path} model={model}: 404, not served (serving {host.Model.FullName})");
        await ResponseWriters.OllamaErrorAsync(ctx.Response, 404, $"model \"{model}\" not found, try pulling it first", ctx.RequestAborted);
        return true;
    }

    private static async Task RunAsync(HttpContext ctx, ModelHostContext host, string model, List<ChatMessage> messages, ChatOptions options, bool stream, bool chat, bool emptyPrompt = false)
    {
        var ct = ctx.RequestAborted;
        var path = ctx.Request.Path;
        var generation = new Generation(messages);
        string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

        // Ollama answers a request with nothing to generate by loading the model: done at once, done_reason "load".
        if ((chat && messages.Count == 0) || (!chat && emptyPrompt))
        {
            var loaded = new OllamaResponse
            {
                Model = model, CreatedAt = Now(), Done = true, DoneReason = "load",
                Message = chat ? new OllamaResponseMessage() : null, Response = chat ? null : "",
            };
            if (stream) await ResponseWriters.WriteNdjsonLineAsync(ctx.Response, loaded, ct);
            else await ResponseWriters.WriteJsonAsync(ctx.Response, 200, loaded, ct);
            return;
        }

        var text = new StringBuilder();
        var thinking = new StringBuilder();
        var calls = new List<OllamaResponseToolCall>();
        try
        {
            using (await host.EnterAsync(ct))
            {
                generation.BackendStarting();
                await foreach (var update in host.Client.GetStreamingResponseAsync(messages, options, ct))
                {
                    var parts = generation.Observe(update);
                    if (parts.IsEmpty) continue;
                    var newCalls = parts.Calls.Select((c, i) => ToolCall(c, calls.Count + i)).ToList();
                    calls.AddRange(newCalls);
                    if (stream)
                    {
                        await ResponseWriters.WriteNdjsonLineAsync(ctx.Response, new OllamaResponse
                        {
                            Model = model, CreatedAt = Now(), Done = false,
                            Message = chat ? new OllamaResponseMessage { Content = parts.Text, Thinking = NullIfEmpty(parts.Thinking), ToolCalls = newCalls.Count > 0 ? newCalls : null } : null,
                            Response = chat ? null : parts.Text,
                            Thinking = chat ? null : NullIfEmpty(parts.Thinking),
                        }, ct);
                    }
                    else
                    {
                        text.Append(parts.Text);
                        thinking.Append(parts.Thinking);
                    }
                }
                generation.Finished();
            }

            var final = new OllamaResponse
            {
                Model = model,
                CreatedAt = Now(),
                Done = true,
                DoneReason = DoneReason(generation),
                Message = chat ? new OllamaResponseMessage
                {
                    Content = stream ? "" : text.ToString(),
                    Thinking = stream ? null : NullIfEmpty(thinking.ToString()),
                    ToolCalls = !stream && calls.Count > 0 ? calls : null,
                } : null,
                Response = chat ? null : stream ? "" : text.ToString(),
                Thinking = chat || stream ? null : NullIfEmpty(thinking.ToString()),
                TotalDuration = generation.TotalNanoseconds,
                LoadDuration = generation.LoadNanoseconds,
                PromptEvalCount = generation.PromptTokens,
                PromptEvalDuration = generation.PromptEvalNanoseconds,
                EvalCount = generation.GeneratedTokens,
                EvalDuration = generation.EvalNanoseconds,
            };
            if (stream) await ResponseWriters.WriteNdjsonLineAsync(ctx.Response, final, ct);
            else await ResponseWriters.WriteJsonAsync(ctx.Response, 200, final, ct);
            host.Write($"POST {path} model={model} stream={Lower(stream)}: 200, {generation.PromptTokens} prompt + {generation.GeneratedTokens} generated tokens, {calls.Count} tool call(s), done_reason={final.DoneReason}");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            host.Write($"POST {path} model={model} stream={Lower(stream)}: cancelled by the client after {generation.OutputChunks} update(s)");
        }
        catch (Exception ex)
        {
            host.Write($"POST {path} model={model} stream={Lower(stream)}: failed: {ex.GetType().Name}: {ex.Message}");
            var message = $"{ex.GetType().Name}: {ex.Message}";
            try
            {
                // Once a stream has started the status is sent: Ollama then reports the error as a last NDJSON line.
                if (ctx.Response.HasStarted) await ResponseWriters.WriteNdjsonLineAsync(ctx.Response, new OllamaError { Error = message }, CancellationToken.None);
                else await ResponseWriters.OllamaErrorAsync(ctx.Response, 500, message, CancellationToken.None);
            }
            catch (Exception writeError) when (writeError is IOException or InvalidOperationException or OperationCanceledException)
            {
                // The client is gone; nothing more to tell it.
            }
        }
    }

    private static OllamaResponseToolCall ToolCall(FunctionCallContent call, int index) => new()
    {
        Id = string.IsNullOrEmpty(call.CallId) ? null : call.CallId,
        Function = new OllamaResponseFunction
        {
            Index = index,
            Name = call.Name,
            Arguments = JsonSerializer.SerializeToElement(call.Arguments ?? new Dictionary<string, object?>()),
        },
    };

    private static string DoneReason(Generation generation) =>
        generation.FinishReason == ChatFinishReason.Length ? "length" : "stop";

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string Lower(bool value) => value ? "true" : "false";
}
