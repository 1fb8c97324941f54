namespace Kaizen.Agents.Memory.Embeddings;

/// <summary>
/// An embedding generator whose model takes seconds to load (an in-process neural model). The memory backend starts
/// the load in the background as soon as a session has cold turns, and never waits for it on hot or warm reads or on
/// writes: turns stored before the model is needed are embedded, in batches, by the first cold search.
/// </summary>
public interface IPreloadableEmbedder
{
    /// <summary>True once the model is in memory.</summary>
    bool IsLoaded { get; }

    /// <summary>Starts loading the model on a background thread; returns at once. Calling it again does nothing.</summary>
    void BeginLoading();
}
