using Kaizen.Agents.Memory.Caching;
using Kaizen.Agents.Memory.Embeddings;
using Kaizen.Agents.Memory.Storage;
using Kaizen.Agents.Memory.Storage.Writes;
using Kaizen.Agents.Memory.Tiers;

namespace Kaizen.Agents.Memory;

/// <summary>
/// Three-tier conversation memory in a LiteDB file: hot (an in-process cache of the newest turns), warm (the last
/// <see cref="MemoryOptions.WarmTierSize"/> turns plus promoted ones) and cold (every turn, searched by embedding).
/// Many sessions share one file without seeing each other; every write goes through one group-commit writer per file
/// and process, and <see cref="MemoryConcurrency.MultiProcess"/> lets several processes share the file.
/// </summary>
/// <remarks>
/// Initialisation is lazy and safe: every member opens the file on first use; <see cref="InitializeAsync"/> only
/// makes the moment explicit. Empty content is stored (it never matches a search); <c>null</c> content, an empty role and
/// content above <see cref="MemoryOptions.MaxContentBytes"/> are rejected with <see cref="ArgumentException"/>.
/// A session id that was never written is simply empty. A file that is not a LiteDB database is refused with a
/// <see cref="MemoryStoreException"/> and left untouched.
/// </remarks>
public sealed partial class LiteDbMemoryBackend : IMemoryBackend
{
    private readonly MemoryLocation _location;
    private readonly TurnEmbedder _embedder;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private MemoryFile? _file;
    private SessionState? _session;
    private volatile bool _ready;
    private int _disposed;

    /// <summary>Creates a backend; nothing is opened until first use or <see cref="InitializeAsync"/>.</summary>
    /// <param name="databasePathOrConnectionString">
    /// A file path, <c>:memory:</c>, or a LiteDB connection string (<c>Filename=…;Password=…</c>;
    /// <c>Connection=shared</c> selects <see cref="MemoryConcurrency.MultiProcess"/>).
    /// </param>
    /// <param name="sessionId">The session (conversation) this backend reads and writes; compared case-sensitively.</param>
    /// <param name="options">Tier sizes, durability, concurrency and embedder; defaults when <c>null</c>.</param>
    public LiteDbMemoryBackend(string databasePathOrConnectionString, string sessionId, MemoryOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        Options = options ?? new MemoryOptions();
        Options.Validate();
        _location = MemoryLocation.Parse(databasePathOrConnectionString, Options.Concurrency);
        _embedder = new TurnEmbedder(Options.EmbeddingGenerator, Options.EmbeddingDimensions);
        SessionId = sessionId;
    }

    /// <inheritdoc />
    public string SessionId { get; }

    /// <summary>Full path of the database file (<c>:memory:</c> for an in-memory database).</summary>
    public string DatabasePath => _location.FullPath;

    /// <summary>The options this backend was created with.</summary>
    public MemoryOptions Options { get; }

    /// <summary>Whether several processes share the file (from the options or <c>Connection=shared</c>).</summary>
    public MemoryConcurrency Concurrency => _location.Concurrency;

    /// <summary>Model id recorded with this backend's vectors (e.g. <c>kaizen-hashing-256</c>, <c>all-MiniLM-L6-v2</c>, <c>nomic-embed-text</c>).</summary>
    public string EmbeddingModelId => _embedder.ModelId;

    /// <summary>Hot-tier cache statistics of this session in this process.</summary>
    public CacheStatistics HotTierStatistics => _session?.Hot.GetStatistics() ?? new CacheStatistics(0, 0, 0, 0, 0, Options.HotTierSize);

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        _ready ? Task.CompletedTask : InitializeSlowAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<MemoryTurn> StoreTurnAsync(
        string role,
        string content,
        DateTimeOffset timestamp,
        IReadOnlyDictionary<string, object?>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        var write = await PrepareStoreAsync(new NewTurn(role, content, timestamp, metadata), Options.Durability == MemoryDurability.GroupCommit, cancellationToken).ConfigureAwait(false);
        var stored = await Opened.Writer.EnqueueAsync(write, cancellationToken).ConfigureAwait(false);
        PreloadEmbedderIfCold(stored.Sequence);
        return stored;
    }

    /// <summary>
    /// Stores several turns with consecutive sequence numbers (unless other writers interleave), committed together
    /// (at most <see cref="MemoryOptions.MaxGroupCommitBatch"/> per transaction) whatever the durability mode.
    /// Every turn is durable when the task completes; all inputs are validated before anything is written.
    /// </summary>
    public async Task<IReadOnlyList<MemoryTurn>> StoreTurnsAsync(IEnumerable<NewTurn> turns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turns);
        var writes = new List<StoreTurnWrite>();
        foreach (var turn in turns) writes.Add(await PrepareStoreAsync(turn, groupable: true, cancellationToken).ConfigureAwait(false));
        var pending = writes.Select(write => Opened.Writer.EnqueueAsync(write, cancellationToken)).ToArray();
        var stored = await Task.WhenAll(pending).ConfigureAwait(false);
        if (stored.Length > 0) PreloadEmbedderIfCold(stored.Max(turn => turn.Sequence));
        return stored;
    }

    private async Task<StoreTurnWrite> PrepareStoreAsync(NewTurn turn, bool groupable, CancellationToken cancellationToken)
    {
        MemoryArguments.CheckTurn(turn, Options.MaxContentBytes, ", at most 8 MiB because LiteDB documents are limited to 16 MiB");
        var (role, content, timestamp, metadata) = turn;
        var metadataBson = metadata is { Count: > 0 } ? MetadataBson.ToBson(metadata) : null;
        IReadOnlyDictionary<string, object?> metadataAsRead = metadataBson is null ? EmptyMetadata : MetadataBson.FromBson(metadataBson);

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var vector = _embedder.VectorAtWrite(content);
        cancellationToken.ThrowIfCancellationRequested();
        var dimensions = _embedder.EmbedsAtWrite ? vector.Length : _embedder.Dimensions;
        return new StoreTurnWrite(Session, role, content, timestamp, metadataBson, metadataAsRead, vector, _embedder.ModelId, dimensions, groupable);
    }

    /// <summary>
    /// Once the session has a cold turn, a slow-to-load model starts loading in the background, so the first cold
    /// search finds it ready; hot and warm reads and writes never wait for it.
    /// </summary>
    private void PreloadEmbedderIfCold(long newestSequence)
    {
        if (newestSequence >= Options.WarmTierSize) _embedder.BeginLoading();
    }

    /// <summary>Refuses a session whose vectors come from another embedder, or whose re-embed was interrupted.</summary>
    private void EnsureSameEmbedder(SessionState session)
    {
        if (session.ReembedTarget is { } target)
            throw new EmbedderMismatchException(DatabasePath, SessionId, target, 0, _embedder.ModelId, _embedder.Dimensions, reembedInterrupted: true);
        if (session.EmbedderId is { } stored && stored != _embedder.ModelId)
            throw new EmbedderMismatchException(DatabasePath, SessionId, stored, session.EmbedderDimensions, _embedder.ModelId, _embedder.Dimensions, reembedInterrupted: false);
    }

    /// <summary>Closes this backend; the file closes when the last backend of this process on it is disposed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _initGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_file is not null) await _file.ReleaseAsync().ConfigureAwait(false);
            _file = null;
            _ready = false;
        }
        finally
        {
            _initGate.Release();
        }
    }

    private static readonly IReadOnlyDictionary<string, object?> EmptyMetadata = new Dictionary<string, object?>();

    /// <summary>The file's writer once open (the bench reads its commit counts).</summary>
    internal GroupCommitWriter? Writer => _file?.Writer;

    private MemoryFile Opened => _file ?? throw new ObjectDisposedException(nameof(LiteDbMemoryBackend));

    private SessionState Session => _session!;

    private bool Exclusive => Opened.Access.IsExclusive;

    private async Task InitializeSlowAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        await _initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed == 1, this);
            if (_ready) return;
            _file ??= await MemoryFile.AcquireAsync(_location, Options, cancellationToken).ConfigureAwait(false);
            var session = _file.Session(SessionId, Options);
            await session.LoadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!session.Loaded)
                {
                    var record = await _file.Access.RunAsync(database => SessionRecord.Load(database, SessionId), cancellationToken).ConfigureAwait(false);
                    session.Sync(record);
                }
            }
            finally
            {
                session.LoadGate.Release();
            }

            EnsureSameEmbedder(session);
            PreloadEmbedderIfCold(session.LastSequence);
            _session = session;
            _ready = true;
        }
        finally
        {
            _initGate.Release();
        }
    }
}
