using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaizen.ModelHost.Wire;

/// <summary>The JSON settings of both wire formats: snake_case names, nulls left out, field names matched case-insensitively (as Ollama's Go decoder does).</summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
        // Quotes and non-ASCII text as they are (model "x" not found), like Ollama's and OpenAI's servers write them.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads the whole request body as <typeparamref name="T"/>; on failure gives the reason instead (empty body, parse error).</summary>
    public static async Task<BodyResult<T>> ReadBodyAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0) return new(null, "missing request body");
        buffer.Position = 0;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(buffer, Options, cancellationToken).ConfigureAwait(false);
            return value is null ? new(null, "the request body is JSON null, expected an object") : new(value, null);
        }
        catch (JsonException ex)
        {
            return new(null, "invalid JSON body: " + ex.Message);
        }
    }
}

/// <summary>A parsed request body, or why it could not be parsed.</summary>
internal sealed record BodyResult<T>(T? Value, string? Error) where T : class;
