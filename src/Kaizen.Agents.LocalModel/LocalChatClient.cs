using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Kaizen.Agents.Llm;
using LLama;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.LocalModel;

/// <summary>
/// An <see cref="IChatClient"/> that runs a local GGUF model in process (TinyLlama 1.1B Chat by default) with the
/// model's Zephyr chat template. JSON-schema response formats and tools are enforced by a grammar so every reply
/// parses; KV caches are kept between calls, one per conversation (up to <see cref="LocalModelOptions.ConversationCaches"/>),
/// so a conversation's next turn evaluates only its new tokens even when other conversations called in between. Calls
/// on one client run one at a time. The model weights are shared per process (<see cref="LocalModelWeights.Shared"/>);
/// each client owns its contexts (about 80 MB each for 2048 tokens). Use <see cref="Shared"/> for one client per process.
/// </summary>
public sealed class LocalChatClient : IChatClient
{
    private static readonly ConcurrentDictionary<LocalModelOptions, Lazy<LocalChatClient>> SharedClients = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly KvCachePool _caches;
    private readonly ChatClientMetadata _metadata;
    private TimeSpan _pendingLoadTime;
    private bool _isShared;
    private bool _disposed;

    /// <summary>Creates a client on the process-wide weights of <see cref="LocalModelOptions.ModelPath"/> (loaded on first use).</summary>
    /// <exception cref="LlmProviderException">The model file is missing, too small or not GGUF (the message names the file and the install command).</exception>
    public LocalChatClient(LocalModelOptions options)
        : this(options, LoadShared(options, out var fresh), fresh)
    {
    }

    /// <summary>Creates a client on weights already loaded (e.g. <see cref="LocalModelWeights.Load"/>); the caller keeps ownership of them.</summary>
    public LocalChatClient(LocalModelOptions options, LocalModelWeights weights)
        : this(options, weights, freshLoad: false)
    {
    }

    private LocalChatClient(LocalModelOptions options, LocalModelWeights weights, bool freshLoad)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(weights);
        Options = options.Validate();
        Weights = weights;
        _caches = new KvCachePool(weights, options);
        _pendingLoadTime = freshLoad ? weights.LoadTime : TimeSpan.Zero;
        _metadata = new ChatClientMetadata(LocalModelProvider.Name, new Uri(weights.Path), options.ModelId);
    }

    /// <summary>
    /// The process-wide client for <paramref name="options"/> (default options when null): created on first use, the
    /// same instance afterwards for equal options. Disposing it does nothing; it lives until the process ends.
    /// </summary>
    public static LocalChatClient Shared(LocalModelOptions? options = null)
    {
        var key = options ?? new LocalModelOptions();
        key = key with { ModelPath = Path.GetFullPath(key.ModelPath) };
        LocalModelFile.Validate(key.ModelPath);
        var lazy = SharedClients.GetOrAdd(key, k => new Lazy<LocalChatClient>(() => new LocalChatClient(k) { _isShared = true }, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            SharedClients.TryRemove(new KeyValuePair<LocalModelOptions, Lazy<LocalChatClient>>(key, lazy));
            throw;
        }
    }

    /// <summary>The settings in use.</summary>
    public LocalModelOptions Options { get; }

    /// <summary>The loaded model.</summary>
    public LocalModelWeights Weights { get; }

    /// <summary>Tokens currently held in this client's KV cache.</summary>
    public int CachedTokenCount => _caches.CachedTokenCount;

    /// <summary>KV caches created so far (at most <see cref="LocalModelOptions.ConversationCaches"/>).</summary>
    public int ConversationCacheCount => _caches.Count;

    /// <summary>Figures of the last completed call, or null before the first.</summary>
    public LocalGenerationStats? LastStats { get; private set; }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var plan = ReplyPlan.For(options, Options);
        var run = new Run();
        var text = new StringBuilder();
        await foreach (var piece in GenerateAsync(messages, plan, run, cancellationToken).ConfigureAwait(false))
            text.Append(piece);
        return BuildResponse(text.ToString(), plan, run);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var plan = ReplyPlan.For(options, Options);
        var run = new Run();
        var responseId = NewResponseId();
        var text = new StringBuilder();
        // With tools offered, a reply may be a call: hold the text until it is known not to be one.
        var buffered = plan.Tools.Count > 0;
        await foreach (var piece in GenerateAsync(messages, plan, run, cancellationToken).ConfigureAwait(false))
        {
            text.Append(piece);
            if (!buffered)
                yield return new ChatResponseUpdate(ChatRole.Assistant, piece) { ResponseId = responseId, MessageId = responseId, ModelId = Options.ModelId, CreatedAt = DateTimeOffset.UtcNow };
        }
        var final = BuildResponse(text.ToString(), plan, run);
        var contents = new List<AIContent>();
        if (buffered) contents.AddRange(final.Messages[0].Contents);
        contents.Add(new UsageContent(final.Usage!));
        yield return new ChatResponseUpdate(ChatRole.Assistant, contents)
        {
            ResponseId = responseId,
            MessageId = responseId,
            ModelId = Options.ModelId,
            CreatedAt = DateTimeOffset.UtcNow,
            FinishReason = final.FinishReason,
            AdditionalProperties = final.AdditionalProperties,
        };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(ChatClientMetadata)) return _metadata;
        if (serviceType == typeof(LocalModelOptions)) return Options;
        if (serviceType == typeof(LocalModelWeights)) return Weights;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Frees the context (not the shared weights). Does nothing for the instance from <see cref="Shared"/>.</summary>
    public void Dispose()
    {
        if (_isShared || _disposed) return;
        _disposed = true;
        _caches.Dispose();
        _gate.Dispose();
    }

    private async IAsyncEnumerable<string> GenerateAsync(IEnumerable<ChatMessage> messages, ReplyPlan plan, Run run, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var total = Stopwatch.StartNew();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var prompt = _caches.Tokenize(ZephyrTemplate.Render(messages, plan.Tools, plan.FormatHint));
            var room = _caches.ContextSize - prompt.Length;
            if (room < 1)
                throw new LlmProviderException($"The prompt has {prompt.Length} tokens but the local model's context holds {_caches.ContextSize} (LocalModelOptions.ContextSize): shorten the conversation.", LocalModelProvider.Name, isTransient: false);
            var maxTokens = Math.Min(plan.MaxOutputTokens, room);

            var promptWatch = Stopwatch.StartNew();
            var session = _caches.For(prompt);
            var reused = await session.LoadPromptAsync(prompt, cancellationToken).ConfigureAwait(false);
            promptWatch.Stop();

            var vocabulary = Weights.Weights.Vocab;
            using var sampler = SamplerFactory.Create(vocabulary, plan.Grammar, plan.Temperature, plan.Seed, Options.RepeatPenalty);
            var decoder = new StreamingTokenDecoder(session.Context);
            var stops = new StopSequenceFilter(plan.StopSequences);
            var generated = 0;
            var finish = ChatFinishReason.Length;
            var generationWatch = Stopwatch.StartNew();
            while (generated < maxTokens)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var token = session.Sample(sampler);
                if (token.IsEndOfGeneration(vocabulary) || token == vocabulary.EOS)
                {
                    finish = ChatFinishReason.Stop;
                    break;
                }
                generated++;
                decoder.Add(token);
                var (emit, stopped) = stops.Push(decoder.Read());
                if (emit.Length > 0) yield return emit;
                if (stopped)
                {
                    finish = ChatFinishReason.Stop;
                    break;
                }
                if (generated < maxTokens) await session.AppendAsync(token).ConfigureAwait(false);
            }
            if (finish == ChatFinishReason.Length && stops.Flush() is { Length: > 0 } rest) yield return rest;
            else if (finish == ChatFinishReason.Stop && !stops.Stopped && stops.Flush() is { Length: > 0 } tail) yield return tail;
            generationWatch.Stop();

            var load = _pendingLoadTime;
            _pendingLoadTime = TimeSpan.Zero;
            run.Finish = finish;
            run.Stats = new LocalGenerationStats(prompt.Length, reused, prompt.Length - reused, generated, promptWatch.Elapsed, generationWatch.Elapsed, total.Elapsed + load, load);
            LastStats = run.Stats;
        }
        finally
        {
            _gate.Release();
        }
    }

    private ChatResponse BuildResponse(string text, ReplyPlan plan, Run run)
    {
        var stats = run.Stats ?? throw new InvalidOperationException("The generation did not complete.");
        var call = ToolCallParser.TryParse(text, plan.Tools);
        var message = call is not null
            ? new ChatMessage(ChatRole.Assistant, [call])
            : new ChatMessage(ChatRole.Assistant, text);
        var responseId = NewResponseId();
        message.MessageId = responseId;
        return new ChatResponse(message)
        {
            ResponseId = responseId,
            ModelId = Options.ModelId,
            CreatedAt = DateTimeOffset.UtcNow,
            FinishReason = call is not null ? ChatFinishReason.ToolCalls : run.Finish,
            Usage = new UsageDetails
            {
                InputTokenCount = stats.PromptTokens,
                OutputTokenCount = stats.GeneratedTokens,
                TotalTokenCount = stats.PromptTokens + stats.GeneratedTokens,
                CachedInputTokenCount = stats.ReusedPromptTokens,
                AdditionalCounts = new AdditionalPropertiesDictionary<long>
                {
                    [LocalGenerationStats.ReusedPromptTokensKey] = stats.ReusedPromptTokens,
                    [LocalGenerationStats.EvaluatedPromptTokensKey] = stats.EvaluatedPromptTokens,
                },
            },
            AdditionalProperties = new AdditionalPropertiesDictionary { [LocalGenerationStats.PropertyKey] = stats },
        };
    }

    private static LocalModelWeights LoadShared(LocalModelOptions options, out bool fresh)
    {
        ArgumentNullException.ThrowIfNull(options);
        var before = LocalModelWeights.IsLoaded(options.ModelPath);
        var weights = LocalModelWeights.Shared(options.ModelPath);
        fresh = !before;
        return weights;
    }

    private static string NewResponseId() => "local-" + Guid.NewGuid().ToString("N")[..16];

    private sealed class Run
    {
        public ChatFinishReason Finish { get; set; } = ChatFinishReason.Stop;

        public LocalGenerationStats? Stats { get; set; }
    }
}
