using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Llm;

/// <summary>
/// Middleware around OllamaSharp that turns its failures into <see cref="LlmProviderException"/>s naming the fix:
/// an unreachable server (<c>ollama serve</c>), a missing model (<c>ollama pull …</c>), server errors, dropped connections.
/// </summary>
public sealed class OllamaDiagnosticsChatClient(IChatClient inner, string endpoint, string model) : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (OllamaErrors.Translate(ex, endpoint, options?.ModelId ?? model, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var enumerator = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var finished = false;
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        // Ollama always ends a stream with a "done" message; a stream without one was cut off, unless the
                        // caller cancelled it (OllamaSharp then ends the stream quietly instead of throwing).
                        if (!finished) cancellationToken.ThrowIfCancellationRequested();
                        if (!finished)
                            throw new LlmProviderException(
                                $"The connection to Ollama at {endpoint} failed or dropped mid-response: the stream ended without its final \"done\" message. Is `ollama serve` still running?",
                                LlmProviders.Ollama, isTransient: true);
                        yield break;
                    }
                    finished |= enumerator.Current.FinishReason is not null;
                }
                catch (Exception ex) when (OllamaErrors.Translate(ex, endpoint, options?.ModelId ?? model, cancellationToken) is { } translated)
                {
                    throw translated;
                }
                yield return enumerator.Current;
            }
        }
    }
}

/// <summary>Maps OllamaSharp / HttpClient failures to messages with the fix.</summary>
public static class OllamaErrors
{
    /// <summary>The translated error, or null to let <paramref name="error"/> through (cancellation, already translated).</summary>
    public static LlmProviderException? Translate(Exception error, string endpoint, string model, CancellationToken cancellationToken)
    {
        if (error is LlmProviderException || (error is OperationCanceledException && cancellationToken.IsCancellationRequested)) return null;
        if (ExceptionChain.Find<LlmProviderException>(error) is { } nested) return nested; // raised while HttpClient buffered the body
        var text = ExceptionChain.Flatten(error);
        if (IsModelMissing(error, text))
            return new LlmProviderException(
                $"Model '{model}' is not available on the Ollama server at {endpoint}. Pull it with `ollama pull {model}` (server said: {text}).",
                LlmProviders.Ollama, isTransient: false, error);
        if (ExceptionChain.Find<SocketException>(error) is { } socket && socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain or SocketError.HostUnreachable)
            return new LlmProviderException(
                $"Cannot reach Ollama at {endpoint} ({socket.SocketErrorCode}). Start it with `ollama serve`, pull the model with `ollama pull {model}`, " +
                "or point AutonomousConfig.Endpoint (OLLAMA_HOST with AutonomousConfig.FromEnvironment()) at a running server.", LlmProviders.Ollama, isTransient: true, error);
        if (ExceptionChain.Find<HttpRequestException>(error) is { StatusCode: { } status } && (int)status >= 500)
            return new LlmProviderException($"Ollama at {endpoint} failed with HTTP {(int)status}: {text}", LlmProviders.Ollama, isTransient: true, error);
        if (error is TaskCanceledException or TimeoutException || ExceptionChain.Find<TimeoutException>(error) is not null)
            return new LlmProviderException(
                $"Ollama at {endpoint} did not answer within the request timeout (AutonomousConfig.RequestTimeout; raise it for slow hardware): {text}",
                LlmProviders.Ollama, isTransient: true, error);
        if (ExceptionChain.Find<IOException>(error) is not null || ExceptionChain.Find<HttpRequestException>(error) is { StatusCode: null })
            return new LlmProviderException(
                $"The connection to Ollama at {endpoint} failed or dropped mid-response: {text}. Is `ollama serve` still running?",
                LlmProviders.Ollama, isTransient: true, error);
        if (ExceptionChain.Find<JsonException>(error) is not null)
            return new LlmProviderException(
                $"Ollama at {endpoint} sent a reply that is not valid JSON or not in Ollama's format: {text}. Check that the endpoint is an Ollama server.",
                LlmProviders.Ollama, isTransient: true, error);
        if (error is InvalidOperationException && text.Contains("Done=true", StringComparison.Ordinal))
            return new LlmProviderException(
                $"Ollama at {endpoint} sent an empty or incomplete reply (no final \"done\" message): {text}",
                LlmProviders.Ollama, isTransient: true, error);
        if (error.GetType().Name == "OllamaException" || error is HttpRequestException)
            return new LlmProviderException($"Ollama at {endpoint} returned an error: {text}", LlmProviders.Ollama, isTransient: false, error);
        return null;
    }

    private static bool IsModelMissing(Exception error, string text) =>
        ExceptionChain.Find<HttpRequestException>(error) is { StatusCode: HttpStatusCode.NotFound }
        || (text.Contains("not found", StringComparison.OrdinalIgnoreCase) && text.Contains("model", StringComparison.OrdinalIgnoreCase));

}
