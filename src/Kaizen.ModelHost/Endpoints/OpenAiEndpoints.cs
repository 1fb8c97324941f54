using System.Text;
using System.Text.Json;
using Kaizen.ModelHost.Mapping;
using Kaizen.ModelHost.Wire;
using Microsoft.Extensions.AI;

namespace Kaizen.ModelHost.Endpoints;

/// <summary>OpenAI's chat-completions API (<c>/v1/*</c>) over the served <see cref="IChatClient"/>.</summary>
internal static class OpenAiEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/v1/models", (HttpContext ctx, ModelHostContext host) =>
            ResponseWriters.WriteJsonAsync(ctx.Response, 200, new OpenAiModelList { Data = [Model(host)] }, ctx.RequestAborted));
        app.MapGet("/v1/models/{**id}", async (HttpContext ctx, ModelHostContext host, string id) =>
        {
            if (!host.Model.Matches(id)) { await ModelNotFoundAsync(ctx, id); return; }
            await ResponseWriters.WriteJsonAsync(ctx.Response, 200, Model(host), ctx.RequestAborted);
        });
        app.MapPost("/v1/chat/completions", ChatCompletionsAsync);
        app.MapPost("/v1/embeddings", async (HttpContext ctx) =>
            await ResponseWriters.OpenAiErrorAsync(ctx.Response, 501, "this host serves a chat model only: no embeddings", "invalid_request_error", "unsupported", null, ctx.RequestAborted));
    }

    private static OpenAiModel Model(ModelHostContext host) =>
        new() { Id = host.Model.Name, Created = new DateTimeOffset(host.Model.ModifiedAt).ToUnixTimeSeconds() };

    private static Task ModelNotFoundAsync(HttpContext ctx, string model) =>
        ResponseWriters.OpenAiErrorAsync(ctx.Response, 404, $"model \"{model}\" not found", "invalid_request_error", "model_not_found", "model", ctx.RequestAborted);

    private static Task BadRequestAsync(HttpContext ctx, string message, string? param) =>
        ResponseWriters.OpenAiErrorAsync(ctx.Response, 400, message, "invalid_request_error", null, param, ctx.RequestAborted);

    private static async Task ChatCompletionsAsync(HttpContext ctx, ModelHostContext host)
    {
        var ct = ctx.RequestAborted;
        var body = await WireJson.ReadBodyAsync<OpenAiChatRequest>(ctx.Request, ct);
        if (body.Error is { } error) { await BadRequestAsync(ctx, error, null); return; }
        var request = body.Value!;
        if (string.IsNullOrWhiteSpace(request.Model)) { await BadRequestAsync(ctx, "you must provide a model parameter", "model"); return; }
        if (!host.Model.Matches(request.Model))
        {
            host.Write($"POST /v1/chat/completions model={request.Model}: 404, not served (serving {host.Model.Name})");
            await ModelNotFoundAsync(ctx, request.Model);
            return;
        }
        List<ChatMessage> messages;
        ChatOptions options;
        try { (messages, options) = RequestMapper.FromOpenAi(request, host.Model.Name); }
        catch (BadWireRequestException ex) { await BadRequestAsync(ctx, ex.Message, ex.Param); return; }

        var stream = request.Stream ?? false;
        var includeUsage = request.StreamOptions?.IncludeUsage ?? false;
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..24];
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var model = request.Model;
        var generation = new Generation(messages);
        var text = new StringBuilder();
        var calls = new List<OpenAiResponseToolCall>();

        OpenAiCompletion Chunk(OpenAiResponseMessage? delta, string? finish, OpenAiUsage? usage = null) => new()
        {
            Id = id, Object = "chat.completion.chunk", Created = created, Model = model,
            Choices = delta is null ? [] : [new OpenAiChoice { Delta = delta, FinishReason = finish }],
            Usage = usage,
        };

        try
        {
            using (await host.EnterAsync(ct))
            {
                generation.BackendStarting();
                if (stream) await ResponseWriters.WriteSseAsync(ctx.Response, Chunk(new OpenAiResponseMessage { Role = "assistant", Content = "" }, null), ct);
                await foreach (var update in host.Client.GetStreamingResponseAsync(messages, options, ct))
                {
                    var parts = generation.Observe(update);
                    if (parts.IsEmpty) continue;
                    var newCalls = parts.Calls.Select((c, i) => ToolCall(c, calls.Count + i, stream)).ToList();
                    calls.AddRange(newCalls);
                    if (stream)
                    {
                        if (parts.Text.Length > 0)
                            await ResponseWriters.WriteSseAsync(ctx.Response, Chunk(new OpenAiResponseMessage { Content = parts.Text }, null), ct);
                        if (newCalls.Count > 0)
                            await ResponseWriters.WriteSseAsync(ctx.Response, Chunk(new OpenAiResponseMessage { ToolCalls = newCalls }, null), ct);
                    }
                    else
                    {
                        text.Append(parts.Text);
                    }
                }
                generation.Finished();
            }

            var finish = calls.Count > 0 ? "tool_calls" : generation.FinishReason == ChatFinishReason.Length ? "length" : "stop";
            var usage = new OpenAiUsage
            {
                PromptTokens = generation.PromptTokens,
                CompletionTokens = generation.GeneratedTokens,
                TotalTokens = generation.PromptTokens + generation.GeneratedTokens,
            };
            if (stream)
            {
                await ResponseWriters.WriteSseAsync(ctx.Response, Chunk(new OpenAiResponseMessage(), finish), ct);
                if (includeUsage) await ResponseWriters.WriteSseAsync(ctx.Response, Chunk(null, null, usage), ct);
                await ResponseWriters.WriteSseDoneAsync(ctx.Response, ct);
            }
            else
            {
                await ResponseWriters.WriteJsonAsync(ctx.Response, 200, new OpenAiCompletion
                {
                    Id = id, Object = "chat.completion", Created = created, Model = model,
                    Choices =
                    [
                        new OpenAiChoice
                        {
                            Message = new OpenAiResponseMessage
                            {
                                Role = "assistant",
                                Content = text.Length == 0 && calls.Count > 0 ? null : text.ToString(),
                                ToolCalls = calls.Count > 0 ? calls : null,
                            },
                            FinishReason = finish,
                        },
                    ],
                    Usage = usage,
                }, ct);
            }
            host.Write($"POST /v1/chat/completions model={model} stream={(stream ? "true" : "false")}: 200, {usage.PromptTokens} prompt + {usage.CompletionTokens} generated tokens, {calls.Count} tool call(s), finish_reason={finish}");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            host.Write($"POST /v1/chat/completions model={model} stream={(stream ? "true" : "false")}: cancelled by the client after {generation.OutputChunks} update(s)");
        }
        catch (Exception ex)
        {
            host.Write($"POST /v1/chat/completions model={model}: failed: {ex.GetType().Name}: {ex.Message}");
            var message = $"{ex.GetType().Name}: {ex.Message}";
            try
            {
                if (ctx.Response.HasStarted)
                    await ResponseWriters.WriteSseAsync(ctx.Response, new OpenAiErrorBody { Error = new OpenAiErrorDetail { Message = message, Type = "server_error" } }, CancellationToken.None);
                else
                    await ResponseWriters.OpenAiErrorAsync(ctx.Response, 500, message, "server_error", null, null, CancellationToken.None);
            }
            catch (Exception writeError) when (writeError is IOException or InvalidOperationException or OperationCanceledException)
            {
                // The client is gone.
            }
        }
    }

    private static OpenAiResponseToolCall ToolCall(FunctionCallContent call, int index, bool stream) => new()
    {
        Index = stream ? index : null,
        Id = string.IsNullOrEmpty(call.CallId) ? $"call_{index}" : call.CallId,
        Function = new OpenAiFunctionCall
        {
            Name = call.Name,
            Arguments = JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>()),
        },
    };
}
