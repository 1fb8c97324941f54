using Kaizen.Agents.Memory.Storage;
using LiteDB;

namespace Kaizen.Agents.Memory;

public sealed partial class LiteDbMemoryBackend
{
    /// <inheritdoc />
    /// <remarks>
    /// In <see cref="MemoryConcurrency.SingleProcess"/> mode the newest turns come from the hot-tier cache and the call
    /// completes synchronously; a miss (evicted, expired, or a limit above the cache size) reads the file once.
    /// </remarks>
    public Task<IReadOnlyList<MemoryTurn>> LoadHotTierAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0) return Task.FromResult<IReadOnlyList<MemoryTurn>>([]);
        var cacheTried = _ready && Exclusive;
        if (cacheTried && TryLoadHotFromCache(limit) is { } cached) return Task.FromResult(cached);
        return LoadHotSlowAsync(limit, cacheTried, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Besides the last <paramref name="window"/> turns, the result includes older turns currently promoted into the
    /// warm set (see <see cref="PromoteAsync"/> and <see cref="MemoryOptions.PromoteOnRetrieval"/>), all in sequence order.
    /// </remarks>
    public async Task<IReadOnlyList<MemoryTurn>> LoadWarmTierAsync(int window, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var session = Session;
        var promotedOutside = session.PromotedOutside(window);
        if (Exclusive && promotedOutside.Length == 0 && session.TryGetWarmWindow(window) is { } cached) return cached;
        var version = session.Version;
        var turns = await ReadSessionAsync((database, number, last) =>
        {
            if (number < 0 || window == 0) return new List<MemoryTurn>();
            var first = Math.Max(0, last - window + 1);
            return Turns(database).Query()
                .Where(Query.Between("_id", TurnKey.Compose(number, first), TurnKey.Compose(number, last)))
                .ToList()
                .Select(TurnDocument.ToTurn)
                .ToList();
        }, cancellationToken).ConfigureAwait(false);
        if (Exclusive) session.FillWarmWindow(turns, version, window);
        if (promotedOutside.Length == 0) return turns;

        var number = session.Number;
        var promoted = await Opened.Access.RunAsync(database => promotedOutside
            .Select(sequence => Turns(database).FindById(TurnKey.Compose(number, sequence)))
            .OfType<BsonDocument>()
            .Select(TurnDocument.ToTurn)
            .ToList(), cancellationToken).ConfigureAwait(false);
        return turns.Concat(promoted).OrderBy(turn => turn.Sequence).ToList();
    }

    /// <summary>The turn with this id, or <c>null</c> when this session has no such turn.</summary>
    public async Task<MemoryTurn?> GetTurnAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        if (!TurnKey.TryParse(id, out var key)) return null;
        return await Opened.Access.RunAsync(database =>
        {
            var document = Turns(database).FindById(key);
            return document is not null && document[TurnDocument.Session].AsString == SessionId ? TurnDocument.ToTurn(document) : null;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Up to <paramref name="count"/> turns from sequence <paramref name="fromSequence"/> on, in order (e.g. to replay after a checkpoint's memory cursor).</summary>
    public async Task<IReadOnlyList<MemoryTurn>> LoadTurnsAsync(long fromSequence, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromSequence);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadSessionAsync((database, number, _) =>
            {
                if (number < 0 || count == 0 || fromSequence > TurnKey.MaxSequence) return (IReadOnlyList<MemoryTurn>)[];
                return Turns(database).Query()
                    .Where(Query.Between("_id", TurnKey.Compose(number, fromSequence), TurnKey.Last(number)))
                    .Limit(count)
                    .ToList()
                    .Select(TurnDocument.ToTurn)
                    .ToList();
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (MemoryStoreDamagedException damaged) when (damaged.ReadableTurns.Count == 0)
        {
            var last = Math.Min(Session.LastSequence, fromSequence + count - 1);
            throw await SalvageAsync(damaged, fromSequence, last, cancellationToken).ConfigureAwait(false);
        }
    }

    // After a failed range read, each turn of the range is read on its own, so one damaged record does not hide the others.
    private async Task<MemoryStoreDamagedException> SalvageAsync(MemoryStoreDamagedException damaged, long first, long last, CancellationToken cancellationToken)
    {
        var number = Session.Number;
        var readable = new List<MemoryTurn>();
        var lost = new List<long>();
        for (var sequence = first; number >= 0 && sequence <= last; sequence++)
        {
            var key = TurnKey.Compose(number, sequence);
            try
            {
                var turn = await Opened.Access.RunAsync(database => Turns(database).FindById(key) is { } document ? TurnDocument.ToTurn(document) : null,
                    cancellationToken).ConfigureAwait(false);
                if (turn is not null) readable.Add(turn);
            }
            catch (MemoryStoreDamagedException)
            {
                lost.Add(sequence);
            }
        }
        return damaged.WithSalvage(SessionId, readable, lost);
    }

    /// <summary>Number of stored turns in this session.</summary>
    public async Task<long> CountTurnsAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await ReadSessionAsync((database, number, _) =>
        {
            if (number < 0) return 0L;
            var counted = Turns(database).LongCount(Query.Between("_id", TurnKey.First(number), TurnKey.Last(number)));
            if (SessionRecord.StoredCount(database, SessionId) is { } stored && stored != counted)
                throw new InvalidDataException($"session '{SessionId}' holds {stored} turns but its index lists {counted}: index pages are damaged");
            return counted;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sequence of the newest turn stored in this session, -1 before the first (the memory cursor a checkpoint records).
    /// A forgotten turn's number is never given again, so after the newest turn is forgotten this is still its number;
    /// only <see cref="DeleteTurnsAfterAsync"/> gives numbers back.
    /// </summary>
    public async Task<long> GetLastSequenceAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await ReadSessionAsync((_, _, last) => last, cancellationToken).ConfigureAwait(false);
    }

    private static ILiteCollection<BsonDocument> Turns(LiteDatabase database) => database.GetCollection(TurnDocument.Collection);

    private IReadOnlyList<MemoryTurn>? TryLoadHotFromCache(int limit)
    {
        var session = Session;
        var last = session.LastSequence;
        var count = (int)Math.Min(limit, last + 1);
        if (count <= 0) return session.Number < 0 || last < 0 ? [] : null;
        var turns = new MemoryTurn[count];
        for (var i = 0; i < count; i++)
        {
            if (!session.Hot.TryGet(last - i, out var turn)) return null;
            turns[i] = turn;
        }

        return turns;
    }

    // A read the cache already missed goes straight to the file: looking again would count its hits and miss twice.
    private async Task<IReadOnlyList<MemoryTurn>> LoadHotSlowAsync(int limit, bool cacheTried, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        if (!cacheTried && Exclusive && TryLoadHotFromCache(limit) is { } cached) return cached;
        var turns = await ReadSessionAsync((database, number, last) =>
        {
            if (number < 0) return (IReadOnlyList<MemoryTurn>)[];
            return Turns(database).Query()
                .Where(Query.Between("_id", TurnKey.First(number), TurnKey.Compose(number, Math.Max(0, last))))
                .OrderByDescending("_id")
                .Limit(limit)
                .ToList()
                .Select(TurnDocument.ToTurn)
                .ToList();
        }, cancellationToken).ConfigureAwait(false);
        foreach (var turn in turns) Session.Hot.Set(turn.Sequence, turn);
        return turns;
    }

    /// <summary>
    /// Runs a read with the session's number and newest sequence. In shared (multi-process) mode they are re-read from
    /// the file in the same open, so turns written by other processes are seen.
    /// </summary>
    private ValueTask<T> ReadSessionAsync<T>(Func<LiteDatabase, int, long, T> read, CancellationToken cancellationToken)
    {
        var session = Session;
        if (Exclusive) return Opened.Access.RunAsync(database => read(database, session.Number, session.LastSequence), cancellationToken);
        return ReadSharedAsync(read, cancellationToken);
    }

    private async ValueTask<T> ReadSharedAsync<T>(Func<LiteDatabase, int, long, T> read, CancellationToken cancellationToken)
    {
        var (record, result) = await Opened.Access.RunAsync(database =>
        {
            var record = SessionRecord.Load(database, SessionId);
            Session.Sync(record);
            return (record, read(database, record.Number, record.LastSequence));
        }, cancellationToken).ConfigureAwait(false);
        _ = record;
        return result;
    }
}
