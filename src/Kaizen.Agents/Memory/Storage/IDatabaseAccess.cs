using LiteDB;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>How operations reach the LiteDB file: kept open by this process, or opened under a cross-process lock per operation.</summary>
internal interface IDatabaseAccess : IAsyncDisposable
{
    /// <summary>True when no other process can change the file, so in-memory session state stays exact.</summary>
    bool IsExclusive { get; }

    ValueTask<T> RunAsync<T>(Func<LiteDatabase, T> work, CancellationToken cancellationToken);
}
