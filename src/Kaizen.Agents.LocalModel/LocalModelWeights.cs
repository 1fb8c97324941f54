using System.Collections.Concurrent;
using System.Diagnostics;
using LLama;
using LLama.Common;

namespace Kaizen.Agents.LocalModel;

/// <summary>
/// A loaded model file (about 430 MB of memory and a few seconds to load for TinyLlama). <see cref="Shared"/> keeps one
/// instance per file for the whole process; every <see cref="LocalChatClient"/> uses it, each with its own context.
/// </summary>
public sealed class LocalModelWeights : IDisposable
{
    private static readonly ConcurrentDictionary<string, Lazy<LocalModelWeights>> SharedWeights = new(StringComparer.Ordinal);

    private LocalModelWeights(string path, LLamaWeights weights, TimeSpan loadTime)
    {
        Path = path;
        Weights = weights;
        LoadTime = loadTime;
    }

    /// <summary>Full path of the model file.</summary>
    public string Path { get; }

    /// <summary>How long loading took.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>Whether this instance is the process-wide one from <see cref="Shared"/> (disposing it does nothing).</summary>
    public bool IsShared { get; private init; }

    internal LLamaWeights Weights { get; }

    /// <summary>
    /// The process-wide instance for <paramref name="path"/>, loaded on first use (thread-safe; later calls return the
    /// same instance). It lives until the process ends.
    /// </summary>
    /// <exception cref="Kaizen.Agents.Llm.LlmProviderException">The file is missing, too small or not GGUF.</exception>
    public static LocalModelWeights Shared(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        LocalModelFile.Validate(full);
        var lazy = SharedWeights.GetOrAdd(full, p => new Lazy<LocalModelWeights>(() => LoadCore(p, shared: true), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            SharedWeights.TryRemove(new KeyValuePair<string, Lazy<LocalModelWeights>>(full, lazy));
            throw;
        }
    }

    /// <summary>Whether the process-wide instance for <paramref name="path"/> is already loaded.</summary>
    public static bool IsLoaded(string path) =>
        SharedWeights.TryGetValue(System.IO.Path.GetFullPath(path), out var lazy) && lazy.IsValueCreated;

    /// <summary>Loads a private instance of <paramref name="path"/> (dispose it when done). Prefer <see cref="Shared"/>.</summary>
    public static LocalModelWeights Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        LocalModelFile.Validate(full);
        return LoadCore(full, shared: false);
    }

    private static LocalModelWeights LoadCore(string path, bool shared)
    {
        NativeSetup.EnsureConfigured();
        var watch = Stopwatch.StartNew();
        var weights = LLamaWeights.LoadFromFile(new ModelParams(path) { GpuLayerCount = 0 });
        return new LocalModelWeights(path, weights, watch.Elapsed) { IsShared = shared };
    }

    /// <summary>Frees a private instance; does nothing for the shared one.</summary>
    public void Dispose()
    {
        if (!IsShared) Weights.Dispose();
    }
}
