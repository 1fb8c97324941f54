using System.Text;
using System.Text.Json;

namespace Kaizen.ModelHost.Wire;

/// <summary>Writes wire bodies: whole JSON documents, NDJSON lines (Ollama streaming) and SSE events (OpenAI streaming).</summary>
internal static class ResponseWriters
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    public static async Task WriteJsonAsync<T>(HttpResponse response, int status, T body, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, WireJson.Options);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    public static Task OllamaErrorAsync(HttpResponse response, int status, string message, CancellationToken cancellationToken) =>
        WriteJsonAsync(response, status, new OllamaError { Error = message }, cancellationToken);

    public static Task OpenAiErrorAsync(HttpResponse response, int status, string message, string type, string? code, string? param, CancellationToken cancellationToken) =>
        WriteJsonAsync(response, status, new OpenAiErrorBody { Error = new OpenAiErrorDetail { Message = message, Type = type, Code = code, Param = param } }, cancellationToken);

    /// <summary>Starts an NDJSON stream (200, <c>application/x-ndjson</c>) unless already started.</summary>
    public static async Task StartNdjsonAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        if (response.HasStarted) return;
        response.StatusCode = 200;
        response.ContentType = "application/x-ndjson";
        await response.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteNdjsonLineAsync<T>(HttpResponse response, T line, CancellationToken cancellationToken)
    {
        await StartNdjsonAsync(response, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(line, WireJson.Options), cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a server-sent-events stream (200, <c>text/event-stream</c>) unless already started.</summary>
    public static async Task StartSseAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        if (response.HasStarted) return;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await response.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public static Task WriteSseAsync<T>(HttpResponse response, T data, CancellationToken cancellationToken) =>
        WriteSseRawAsync(response, JsonSerializer.SerializeToUtf8Bytes(data, WireJson.Options), cancellationToken);

    /// <summary>The end of an OpenAI stream: <c>data: [DONE]</c>.</summary>
    public static Task WriteSseDoneAsync(HttpResponse response, CancellationToken cancellationToken) =>
        WriteSseRawAsync(response, Encoding.UTF8.GetBytes("[DONE]"), cancellationToken);

    private static async Task WriteSseRawAsync(HttpResponse response, byte[] data, CancellationToken cancellationToken)
    {
        await StartSseAsync(response, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(DataPrefix, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(EventEnd, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
