using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Llm;

namespace Kaizen.Agents;

/// <summary>
/// Settings of an <see cref="AutonomousAgent"/>. The defaults are fixed values: nothing is read from the environment
/// unless you start from <see cref="FromEnvironment()"/>. <see cref="Validate"/> reports every invalid setting at once.
/// </summary>
public sealed partial record AutonomousConfig
{
    /// <summary>Default model: small enough for a laptop CPU.</summary>
    public const string DefaultModel = "llama3.2:1b";

    /// <summary>Default Ollama endpoint.</summary>
    public const string DefaultOllamaEndpoint = "http://localhost:11434";

    /// <summary>Provider: <c>scripted</c>, <c>ollama</c>, <c>openai</c> or <c>local</c> (package Kaizen.Agents.LocalModel). Default <c>ollama</c>.</summary>
    public string Provider { get; init; } = LlmProviders.Ollama;

    /// <summary>Model id. Default <c>llama3.2:1b</c>.</summary>
    public string Model { get; init; } = DefaultModel;

    /// <summary>
    /// Provider endpoint. Default for Ollama: <c>http://localhost:11434</c>. For OpenAI: null means the public API.
    /// </summary>
    public string? Endpoint { get; init; }

    /// <summary>API key of the provider (OpenAI); prints as <c>***</c> so a config can be logged.</summary>
    public ProviderApiKey? ApiKey { get; init; }

    /// <summary>Turn limit of a run when the call does not give one.</summary>
    public int MaxTurns { get; init; } = 20;

    /// <summary>Save checkpoints (every <see cref="CheckpointInterval"/> turns, on interrupt, at the end).</summary>
    public bool EnableCheckpoints { get; init; } = true;

    /// <summary>Turns between automatic checkpoints.</summary>
    public int CheckpointInterval { get; init; } = 5;

    /// <summary>Keep only this many newest checkpoints per thread (null keeps all).</summary>
    public int? CheckpointRetention { get; init; }

    /// <summary>Compress checkpoint states with <see cref="CompressionAlgorithm"/>.</summary>
    public bool CompressCheckpoints { get; init; } = true;

    /// <summary>Algorithm used when <see cref="CompressCheckpoints"/> is on.</summary>
    public CheckpointCompression CompressionAlgorithm { get; init; } = CheckpointCompression.Auto;

    /// <summary>
    /// Turn Ctrl+C / SIGTERM into graceful interrupts while a run is active. Off by default: signal handlers are
    /// process-wide, so only the application's one top-level agent should ask for them.
    /// </summary>
    public bool HandleProcessSignals { get; init; }

    /// <summary>Longest a graceful stop may take before it becomes immediate.</summary>
    public TimeSpan GracefulShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Spending limits (USD and/or tokens) for a thread.</summary>
    public AgentBudget Budget { get; init; } = AgentBudget.Unlimited;

    /// <summary>Longest a run may last before a graceful System interrupt (null: no limit).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Folder for checkpoints and other local state. Default <c>.kaizen/</c> under the working directory.</summary>
    public string DataFolder { get; init; } = Path.Combine(Directory.GetCurrentDirectory(), ".kaizen");

    /// <summary>Newest memory turns sent verbatim as messages (when a memory backend is set).</summary>
    public int MemoryHotTurns { get; init; } = 6;

    /// <summary>Older turns sent as a transcript in the system prompt (when a memory backend is set).</summary>
    public int MemoryWarmWindow { get; init; } = 20;

    /// <summary>Memories retrieved by similarity to the task (when a memory backend is set).</summary>
    public int MemoryColdResults { get; init; } = 3;

    /// <summary>
    /// Ask the model for replies in the shape of the signature's JSON schema (<c>ChatOptions.ResponseFormat</c>). Providers
    /// with structured output then cannot send a reply the loop cannot read; turn it off for a provider that rejects schemas.
    /// </summary>
    public bool StructuredReplies { get; init; } = true;

    /// <summary>
    /// On the last turn the turn limit allows, ask the model for its final answer instead of more work: the turn offers no
    /// tools, tells the model it is its last, and (with <see cref="StructuredReplies"/>) requires <c>"done": true</c> with
    /// the signature's outputs. A run that reaches its limit then ends <see cref="AgentStopReason.Completed"/> with outputs
    /// when the model complies. Default false: the run stops at its limit with whatever state it reached.
    /// </summary>
    public bool AnswerOnLastTurn { get; init; }

    /// <summary>Attempts per model call for transient provider failures (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>
    /// Longest one model request may take before it fails as a transient <see cref="LlmProviderException"/> (and is retried
    /// within <see cref="MaxAttempts"/>). Default 5 minutes, enough for a small model on a CPU with a long prompt; raise it
    /// for slower hardware, or use <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Model prices used for cost and budget.</summary>
    public PriceTable Prices { get; init; } = PriceTable.Default;

    /// <summary>Checkpoint compression actually used.</summary>
    public CheckpointCompression EffectiveCompression => CompressCheckpoints ? CompressionAlgorithm : CheckpointCompression.None;

    /// <summary>The endpoint actually used for the provider.</summary>
    public string? EffectiveEndpoint => Endpoint ?? Provider switch
    {
        LlmProviders.Ollama => DefaultOllamaEndpoint,
        _ => null,
    };

    /// <summary>Path of the checkpoint database inside <see cref="DataFolder"/>.</summary>
    public string CheckpointDatabasePath => Path.Combine(DataFolder, "checkpoints.db");

    /// <summary>Every problem with the settings, empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!LlmProviders.All.Contains(Provider))
            problems.Add($"Provider '{Provider}' is not supported: use one of {string.Join(", ", LlmProviders.All)}.");
        if (string.IsNullOrWhiteSpace(Model)) problems.Add("Model must not be empty (e.g. \"llama3.2:1b\").");
        if (EffectiveEndpoint is { } endpoint && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
            problems.Add($"Endpoint '{endpoint}' is not an absolute URI (e.g. http://localhost:11434).");
        if (MaxTurns <= 0) problems.Add($"MaxTurns must be at least 1, got {MaxTurns}.");
        if (CheckpointInterval <= 0) problems.Add($"CheckpointInterval must be at least 1 turn, got {CheckpointInterval}.");
        if (CheckpointRetention is <= 0) problems.Add($"CheckpointRetention must be at least 1 (or null to keep all), got {CheckpointRetention}.");
        if (GracefulShutdownTimeout <= TimeSpan.Zero) problems.Add($"GracefulShutdownTimeout must be positive, got {GracefulShutdownTimeout}.");
        if (Timeout is { } timeout && timeout <= TimeSpan.Zero) problems.Add($"Timeout must be positive (or null for none), got {timeout}.");
        if (Budget.MaxCostUsd is <= 0) problems.Add($"Budget.MaxCostUsd must be positive, got {Budget.MaxCostUsd}.");
        if (Budget.MaxTokens is <= 0) problems.Add($"Budget.MaxTokens must be positive, got {Budget.MaxTokens}.");
        if (string.IsNullOrWhiteSpace(DataFolder)) problems.Add("DataFolder must not be empty.");
        if (MemoryHotTurns < 0 || MemoryWarmWindow < 0 || MemoryColdResults < 0) problems.Add("Memory tier sizes must not be negative.");
        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != System.Threading.Timeout.InfiniteTimeSpan)
            problems.Add($"RequestTimeout must be positive (or Timeout.InfiniteTimeSpan for none), got {RequestTimeout}.");
        if (MaxAttempts < 1) problems.Add($"MaxAttempts must be at least 1, got {MaxAttempts}.");
        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, or returns this config when valid.</summary>
    public AutonomousConfig Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new ArgumentException("Invalid AutonomousConfig:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        return this;
    }

    // Ollama accepts OLLAMA_HOST as "host:port" or "0.0.0.0"; clients need a full URL.
    internal static string? NormalizeOllamaHost(string? host)
    {
        if (string.IsNullOrWhiteSpace(host)) return null;
        var url = host.Contains("://", StringComparison.Ordinal) ? host : "http://" + host;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsDefaultPort && !host.Contains(':', StringComparison.Ordinal))
            url = $"{uri.Scheme}://{uri.Host}:11434";
        return url.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal);
    }
}
