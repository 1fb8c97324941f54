using LLama;
using LLama.Common;
using LLama.Native;
using Kaizen.Agents.Llm;

namespace Kaizen.Agents.LocalModel;

/// <summary>
/// One llama.cpp context and the tokens its KV cache holds. A new prompt keeps the longest common prefix with those
/// tokens, drops the rest from the cache and evaluates only the new tokens. Not thread-safe: the client serializes calls.
/// </summary>
internal sealed class KvCacheSession : IDisposable
{
    private static readonly LLamaSeqId Sequence = LLamaSeqId.Zero;
    private readonly LLamaContext _context;
    private readonly List<LLamaToken> _cached = [];
    private readonly LLamaBatch _batch = new();
    private readonly int _chunk;

    public KvCacheSession(LocalModelWeights weights, LocalModelOptions options)
    {
        var parameters = new ModelParams(weights.Path)
        {
            ContextSize = (uint)options.ContextSize,
            Threads = options.Threads,
            BatchThreads = options.Threads,
            BatchSize = (uint)Math.Max(options.BatchSize, 1),
            GpuLayerCount = 0,
        };
        _context = weights.Weights.CreateContext(parameters);
        _chunk = Math.Max(options.BatchSize, 1);
        Weights = weights;
    }

    public LocalModelWeights Weights { get; }

    public LLamaContext Context => _context;

    public int ContextSize => (int)_context.ContextSize;

    /// <summary>Tokens currently in the KV cache.</summary>
    public int CachedTokenCount => _cached.Count;

    /// <summary>How many leading tokens of <paramref name="prompt"/> the cache already holds.</summary>
    public int CommonPrefix(IReadOnlyList<LLamaToken> prompt)
    {
        var common = 0;
        while (common < _cached.Count && common < prompt.Count && _cached[common] == prompt[common]) common++;
        return common;
    }

    public LLamaToken[] Tokenize(string text) => _context.Tokenize(text, addBos: true, special: true);

    /// <summary>
    /// Makes the cache hold exactly <paramref name="prompt"/>, with the logits of its last token ready for sampling.
    /// Returns how many prompt tokens were reused from the cache.
    /// </summary>
    public async Task<int> LoadPromptAsync(IReadOnlyList<LLamaToken> prompt, CancellationToken cancellationToken)
    {
        if (prompt.Count == 0) throw new ArgumentException("The prompt has no tokens.", nameof(prompt));
        var common = CommonPrefix(prompt);
        // The last prompt token is always evaluated again: its logits are what the first reply token is sampled from.
        if (common == prompt.Count) common--;
        Truncate(common);
        for (var start = common; start < prompt.Count; start += _chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(start + _chunk, prompt.Count);
            _batch.Clear();
            for (var i = start; i < end; i++)
                _batch.Add(prompt[i], i, Sequence, logits: i == prompt.Count - 1);
            await DecodeAsync().ConfigureAwait(false);
            for (var i = start; i < end; i++) _cached.Add(prompt[i]);
        }
        return common;
    }

    /// <summary>Samples the next token from the logits of the last evaluated token.</summary>
    public LLamaToken Sample(SafeLLamaSamplerChainHandle sampler) => sampler.Sample(_context.NativeHandle, _batch.TokenCount - 1);

    /// <summary>Evaluates one generated token so the next can be sampled (and so the next turn can reuse it).</summary>
    public async Task AppendAsync(LLamaToken token)
    {
        _batch.Clear();
        _batch.Add(token, _cached.Count, Sequence, logits: true);
        await DecodeAsync().ConfigureAwait(false);
        _cached.Add(token);
    }

    private void Truncate(int keep)
    {
        if (keep >= _cached.Count) return;
        if (keep == 0) _context.NativeHandle.MemoryClear(data: true);
        else _context.NativeHandle.MemorySequenceRemove(Sequence, keep, -1);
        _cached.RemoveRange(keep, _cached.Count - keep);
    }

    private async Task DecodeAsync()
    {
        var result = await Task.Run(() => _context.NativeHandle.Decode(_batch)).ConfigureAwait(false);
        if (result != DecodeResult.Ok)
        {
            // The cache no longer matches what we think it holds: start from scratch next time.
            _context.NativeHandle.MemoryClear(data: true);
            _cached.Clear();
            throw new LlmProviderException($"The local model failed to evaluate tokens ({result}).", LocalModelProvider.Name, isTransient: false);
        }
    }

    public void Dispose()
    {
        _context.Dispose();
    }
}
