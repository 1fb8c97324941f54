namespace Kaizen.Agents.Memory.Reembedding;

/// <summary>Where a re-embed stands after a committed batch (or when a session starts or resumes).</summary>
/// <param name="SessionId">The session being converted.</param>
/// <param name="Done">Turns of the session converted so far, earlier runs included.</param>
/// <param name="Total">Turns of the session.</param>
/// <param name="BatchesThisRun">Batches committed by this run, over every session.</param>
public sealed record ReembedProgress(string SessionId, long Done, long Total, int BatchesThisRun);

/// <summary>What a re-embed did.</summary>
/// <param name="SessionsConverted">Sessions this run finished converting.</param>
/// <param name="SessionsAlreadyCurrent">Sessions that already used the embedder.</param>
/// <param name="TurnsEmbedded">Turns this run embedded (resumed runs skip what earlier runs committed).</param>
public sealed record ReembedResult(int SessionsConverted, int SessionsAlreadyCurrent, long TurnsEmbedded);
