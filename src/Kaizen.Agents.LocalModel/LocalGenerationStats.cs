namespace Kaizen.Agents.LocalModel;

/// <summary>
/// Figures of one reply of a <see cref="LocalChatClient"/> (also in <c>ChatResponse.AdditionalProperties</c> and the
/// last streaming update under <see cref="PropertyKey"/>; an Ollama-style host maps them to <c>eval_count</c>, durations…).
/// </summary>
/// <param name="PromptTokens">Tokens of the whole prompt.</param>
/// <param name="ReusedPromptTokens">Prompt tokens already in the KV cache (not evaluated again).</param>
/// <param name="EvaluatedPromptTokens">Prompt tokens evaluated for this reply.</param>
/// <param name="GeneratedTokens">Tokens generated.</param>
/// <param name="PromptDuration">Time spent evaluating the prompt.</param>
/// <param name="GenerationDuration">Time spent generating.</param>
/// <param name="TotalDuration">Whole call, including waiting for the context.</param>
/// <param name="LoadDuration">Model load time when this call loaded the model, else zero.</param>
public sealed record LocalGenerationStats(
    int PromptTokens,
    int ReusedPromptTokens,
    int EvaluatedPromptTokens,
    int GeneratedTokens,
    TimeSpan PromptDuration,
    TimeSpan GenerationDuration,
    TimeSpan TotalDuration,
    TimeSpan LoadDuration)
{
    /// <summary>Key of the stats in <c>AdditionalProperties</c>.</summary>
    public const string PropertyKey = "kaizen.local.stats";

    /// <summary>Key of <see cref="ReusedPromptTokens"/> in <c>UsageDetails.AdditionalCounts</c>.</summary>
    public const string ReusedPromptTokensKey = "ReusedPromptTokens";

    /// <summary>Key of <see cref="EvaluatedPromptTokens"/> in <c>UsageDetails.AdditionalCounts</c>.</summary>
    public const string EvaluatedPromptTokensKey = "EvaluatedPromptTokens";

    /// <summary>Prompt tokens evaluated per second (0 when none were).</summary>
    public double PromptTokensPerSecond => EvaluatedPromptTokens == 0 || PromptDuration <= TimeSpan.Zero ? 0 : EvaluatedPromptTokens / PromptDuration.TotalSeconds;

    /// <summary>Tokens generated per second (0 when none were).</summary>
    public double GenerationTokensPerSecond => GeneratedTokens == 0 || GenerationDuration <= TimeSpan.Zero ? 0 : GeneratedTokens / GenerationDuration.TotalSeconds;
}
