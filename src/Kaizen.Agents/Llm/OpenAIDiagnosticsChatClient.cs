using System.ClientModel;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Llm;

/// <summary>
/// Middleware around the OpenAI client that turns its failures into <see cref="LlmProviderException"/>s naming the
/// endpoint and quoting the server's own error text: HTTP errors, dropped connections, replies that are not JSON, timeouts.
/// </summary>
public sealed class OpenAIDiagnosticsChatClient(IChatClient inner, string endpoint) : DelegatingChatClient(inner)
{
    /// <summary>The endpoint used when none is configured.</summary>
    public const string PublicEndpoint = "https://api.openai.com/v1";

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (OpenAIErrors.Translate(ex, endpoint, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var enumerator = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false)) yield break;
                }
                catch (Exception ex) when (OpenAIErrors.Translate(ex, endpoint, cancellationToken) is { } translated)
                {
                    throw translated;
                }
                yield return enumerator.Current;
            }
        }
    }
}

/// <summary>Maps OpenAI client failures to messages naming the endpoint and the server's words.</summary>
public static class OpenAIErrors
{
    /// <summary>The translated error, or null to let <paramref name="error"/> through (the caller's cancellation, already translated).</summary>
    public static LlmProviderException? Translate(Exception error, string endpoint, CancellationToken cancellationToken)
    {
        if (error is LlmProviderException || (error is OperationCanceledException && cancellationToken.IsCancellationRequested)) return null;
        if (error is AggregateException { InnerExceptions.Count: > 0 } aggregate) error = aggregate.InnerExceptions[^1];
        var server = $"The OpenAI-compatible server at {endpoint}";
        if (error is ClientResultException { Status: > 0 } result)
        {
            var status = result.Status;
            var transient = status is 408 or 429 || status >= 500;
            var detail = ServerMessage(result) ?? result.Message;
            var fix = status switch
            {
                401 or 403 => " Check the API key (OPENAI_API_KEY).",
                404 => " Check the model name and the endpoint (it usually ends in /v1).",
                _ => "",
            };
            return new LlmProviderException($"{server} failed with HTTP {status}: {detail}.{fix}", LlmProviders.OpenAI, transient, error);
        }
        var text = ExceptionChain.Flatten(error);
        if (error is TaskCanceledException or TimeoutException || ExceptionChain.Find<TimeoutException>(error) is not null)
            return new LlmProviderException(
                $"{server} did not answer within the request timeout (AutonomousConfig.RequestTimeout; raise it for slow models): {text}",
                LlmProviders.OpenAI, isTransient: true, error);
        if (ExceptionChain.Find<JsonException>(error) is not null || ExceptionChain.Find<FormatException>(error) is not null)
            return new LlmProviderException($"{server} sent a reply that is not valid JSON or not in the chat-completions format: {text}",
                LlmProviders.OpenAI, isTransient: true, error);
        if (ExceptionChain.Find<SocketException>(error) is { } socket && socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable)
            return new LlmProviderException($"Cannot reach the OpenAI-compatible server at {endpoint} ({socket.SocketErrorCode}): {text}",
                LlmProviders.OpenAI, isTransient: true, error);
        if (ExceptionChain.Find<IOException>(error) is not null || ExceptionChain.Find<HttpRequestException>(error) is not null || error is ClientResultException)
            return new LlmProviderException($"The connection to the OpenAI-compatible server at {endpoint} failed or dropped mid-response: {text}",
                LlmProviders.OpenAI, isTransient: true, error);
        return null;
    }

    private static string? ServerMessage(ClientResultException result)
    {
        string body;
        try
        {
            body = result.GetRawResponse()?.Content?.ToString() ?? "";
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            return null;
        }
        if (body.Length == 0) return null;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String) return error.GetString();
                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                    return message.GetString();
            }
        }
        catch (JsonException) { }
        return body.Length <= 300 ? body : body[..300] + "…";
    }

}
