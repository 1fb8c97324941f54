using System.Text.Json;

namespace Kaizen.Agents.Llm;

/// <summary>
/// HTTP handler that keeps Ollama's error text: OllamaSharp reports only the status code, while the server explains
/// the cause in an <c>{"error": "…"}</c> body (e.g. "model … not found, try pulling it first").
/// </summary>
internal sealed class OllamaErrorBodyHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        string? detail = null;
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("error", out var error)) detail = error.GetString();
        }
        catch (JsonException) { }
        var status = response.StatusCode;
        response.Dispose();
        throw new HttpRequestException($"HTTP {(int)status} from {request.RequestUri?.AbsolutePath}: {detail ?? status.ToString()}", null, status);
    }
}
