namespace Kaizen.Agents.LocalModel;

/// <summary>Settings of a <see cref="LocalChatClient"/>: which GGUF file, and how to run and sample it.</summary>
public sealed record LocalModelOptions
{
    /// <summary>The model id reported in responses and <c>ChatClientMetadata</c>.</summary>
    public const string DefaultModelId = "tinyllama-1.1b-chat";

    /// <summary>Path of the GGUF file. Default: <see cref="LocalModelFile.DefaultPath"/> (resolved when the options are created).</summary>
    public string ModelPath { get; init; } = LocalModelFile.DefaultPath;

    /// <summary>Model id reported in responses. Default <c>tinyllama-1.1b-chat</c>.</summary>
    public string ModelId { get; init; } = DefaultModelId;

    /// <summary>Sampling seed when the request gives none. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Sampling temperature when the request gives none; 0 means greedy (deterministic). Default 0.</summary>
    public float Temperature { get; init; }

    /// <summary>Context window in tokens (prompt plus reply). Default 2048 (TinyLlama's training length).</summary>
    public int ContextSize { get; init; } = 2048;

    /// <summary>CPU threads for prompt processing and generation. Default: the processor count.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Most tokens generated per reply when the request gives no <c>MaxOutputTokens</c>. Default 512: room for a
    /// grammar-bounded reply (two strings at <see cref="MaxGrammarStringLength"/> characters of odd text can take 400
    /// tokens); a reply cut short by this limit is no longer valid JSON.
    /// </summary>
    public int MaxOutputTokens { get; init; } = 512;

    /// <summary>Prompt tokens evaluated per native call; cancellation is checked between calls. Default 32 (bigger batches gained little on a 2-core CPU).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// KV caches a client keeps, one per conversation, so conversations that take turns (two agents at work, a planner
    /// and its worker) each reuse their own cache. Each is one llama.cpp context (about 80 MB at 2048 tokens), created
    /// on first need. Default 4.
    /// </summary>
    public int ConversationCaches { get; init; } = 4;

    /// <summary>Penalty on tokens repeated within the last 64 (1 = none). Default 1.1: a 2-bit model loops easily.</summary>
    public float RepeatPenalty { get; init; } = 1.1f;

    /// <summary>Longest string the JSON grammars allow, in characters (small models repeat themselves until a limit). Default 200.</summary>
    public int MaxGrammarStringLength { get; init; } = 200;

    /// <summary>Most items of a JSON array the grammars allow. Default 8.</summary>
    public int MaxGrammarArrayItems { get; init; } = 8;

    /// <summary>Longest plain-text reply the tool grammar allows (when tools are offered without a response format). Default 400.</summary>
    public int MaxGrammarTextLength { get; init; } = 400;

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public LocalModelOptions Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ModelPath)) problems.Add("ModelPath must not be empty.");
        if (string.IsNullOrWhiteSpace(ModelId)) problems.Add("ModelId must not be empty.");
        if (Temperature < 0) problems.Add($"Temperature must not be negative, got {Temperature}.");
        if (ContextSize < 128) problems.Add($"ContextSize must be at least 128, got {ContextSize}.");
        if (Threads < 1) problems.Add($"Threads must be at least 1, got {Threads}.");
        if (MaxOutputTokens < 1) problems.Add($"MaxOutputTokens must be at least 1, got {MaxOutputTokens}.");
        if (ConversationCaches < 1) problems.Add($"ConversationCaches must be at least 1, got {ConversationCaches}.");
        if (BatchSize < 1) problems.Add($"BatchSize must be at least 1, got {BatchSize}.");
        if (MaxGrammarStringLength < 1 || MaxGrammarArrayItems < 1 || MaxGrammarTextLength < 1)
            problems.Add("Grammar limits must be at least 1.");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid LocalModelOptions:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        return this;
    }
}
