using OllamaSharp;

namespace Kaizen.Agents.Llm;

/// <summary>What <see cref="OllamaProbe.CheckAsync"/> found.</summary>
/// <param name="Reachable">The server answered.</param>
/// <param name="ModelAvailable">The model is pulled.</param>
/// <param name="Models">Models the server has.</param>
/// <param name="Message">One line: ready, or what is wrong and the fix.</param>
public sealed record OllamaProbeResult(bool Reachable, bool ModelAvailable, IReadOnlyList<string> Models, string Message)
{
    /// <summary>Server up and model pulled.</summary>
    public bool Ready => Reachable && ModelAvailable;
}

/// <summary>Checks an Ollama server before use: reachable (<c>/api/tags</c>) and the model pulled.</summary>
public static class OllamaProbe
{
    /// <summary>Asks <paramref name="endpoint"/> for its models; never throws for an unreachable server.</summary>
    public static async Task<OllamaProbeResult> CheckAsync(string endpoint, string model, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = new Uri(endpoint), Timeout = timeout ?? TimeSpan.FromSeconds(3) };
        using var client = new OllamaApiClient(http, model);
        IReadOnlyList<string> models;
        try
        {
            models = (await client.ListLocalModelsAsync(cancellationToken).ConfigureAwait(false)).Select(m => m.Name).ToList();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return new OllamaProbeResult(false, false, [], $"Ollama is not reachable at {endpoint} ({ex.GetBaseException().Message}): start it with `ollama serve`.");
        }
        var available = models.Any(m => string.Equals(m, model, StringComparison.OrdinalIgnoreCase)
                                         || string.Equals(m, model + ":latest", StringComparison.OrdinalIgnoreCase));
        return available
            ? new OllamaProbeResult(true, true, models, $"Ollama at {endpoint} is ready with {model}.")
            : new OllamaProbeResult(true, false, models, $"Ollama at {endpoint} does not have {model}: run `ollama pull {model}`.");
    }
}
