using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaizen.Agents.Tools.Approval;

/// <summary>
/// An <see cref="IApprovalStore"/> in one JSON file, so a pending approval survives a process restart and can be
/// decided from another process. Every change rewrites the file atomically (temp file + rename).
/// </summary>
public sealed class JsonFileApprovalStore : IApprovalStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Uses (and creates on first write) the file at <paramref name="path"/>.</summary>
    public JsonFileApprovalStore(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask<ApprovalRecord?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var all = await LoadGuardedAsync(cancellationToken).ConfigureAwait(false);
        return all.TryGetValue(requestId, out var record) ? record : null;
    }

    /// <inheritdoc />
    public ValueTask RecordPendingAsync(ApprovalRequest request, CancellationToken cancellationToken = default) =>
        UpdateAsync(all => all.TryAdd(request.RequestId, new ApprovalRecord(request, ApprovalVerdict.Pending, null, null, null)), cancellationToken);

    /// <inheritdoc />
    public ValueTask DecideAsync(string requestId, bool approved, string decider, string? reason = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(all =>
        {
            if (!all.TryGetValue(requestId, out var record))
                throw new KeyNotFoundException($"No approval request '{requestId}' in {_path}; pending ids come from ListPendingAsync.");
            all[requestId] = record.Decided(approved, decider, reason, _time.GetUtcNow());
        }, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ApprovalRecord>> ListPendingAsync(CancellationToken cancellationToken = default)
    {
        var all = await LoadGuardedAsync(cancellationToken).ConfigureAwait(false);
        return all.Values.Where(r => r.Verdict == ApprovalVerdict.Pending).OrderBy(r => r.Request.RequestId, StringComparer.Ordinal).ToList();
    }

    private async ValueTask<Dictionary<string, ApprovalRecord>> LoadGuardedAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try { return await LoadAsync(cancellationToken).ConfigureAwait(false); }
        finally { _gate.Release(); }
    }

    private async ValueTask UpdateAsync(Action<Dictionary<string, ApprovalRecord>> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = await LoadAsync(cancellationToken).ConfigureAwait(false);
            change(all);
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temp = _path + ".tmp";
            var stream = File.Create(temp);
            await using (stream.ConfigureAwait(false))
                await JsonSerializer.SerializeAsync(stream, all.Values.ToList(), Json, cancellationToken).ConfigureAwait(false);
            File.Move(temp, _path, overwrite: true);
        }
        finally { _gate.Release(); }
    }

    private async ValueTask<Dictionary<string, ApprovalRecord>> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_path)) return new Dictionary<string, ApprovalRecord>(StringComparer.Ordinal);
        try
        {
            var stream = File.OpenRead(_path);
            await using var streamLifetime = stream.ConfigureAwait(false);
            var records = await JsonSerializer.DeserializeAsync<List<ApprovalRecord>>(stream, Json, cancellationToken).ConfigureAwait(false) ?? [];
            return records.ToDictionary(r => r.Request.RequestId, StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The approval store {_path} is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}. Fix or delete the file.", ex);
        }
    }
}
