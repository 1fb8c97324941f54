using System.Globalization;
using System.Text;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Memory;

namespace Kaizen.Agents;

/// <summary>
/// Connects a run to its <see cref="IMemoryBackend"/>: stores every new conversation entry once (even across a
/// crash and resume) and reads the three tiers back for the prompt.
/// </summary>
internal sealed class MemoryBridge(IMemoryBackend memory, AutonomousConfig config, string agentId, string threadId, TimeProvider time)
{
    private const string EntryKey = "entry";
    private const string ThreadKey = "thread";
    private const int FirstRecoveryScan = 64;
    private Dictionary<int, MemoryTurn> _storedAfterCursor = [];

    /// <summary>
    /// On a resume, finds the entries of this thread that a previous process stored past the checkpoint's cursor (it
    /// crashed before the next checkpoint), so they are not stored a second time when the resumed run redoes them the
    /// same way, and are deleted when it does them differently. A new run recovers nothing: the
    /// session may hold turns of earlier runs (e.g. earlier plan steps of the same agent), but none of them is one of
    /// this run's entries, even when their entry numbers match.
    /// </summary>
    public async Task RecoverAsync(AgentState state, bool resuming, CancellationToken cancellationToken)
    {
        await memory.InitializeAsync(cancellationToken).ConfigureAwait(false);
        _storedAfterCursor = [];
        // A checkpoint written with memory always has a cursor (the task is stored before the first turn).
        if (!resuming || state.MemoryCursor is not { } cursor) return;
        var pastCursor = await TurnsAfterAsync(cursor, cancellationToken).ConfigureAwait(false);
        _storedAfterCursor = pastCursor
            .Where(t => ThreadOf(t) == threadId)
            .Select(t => (Entry: EntryIndex(t), Turn: t))
            .Where(p => p.Entry is { } entry && entry >= state.MemoryStoredEntries)
            .GroupBy(p => p.Entry!.Value)
            .ToDictionary(g => g.Key, g => g.MinBy(p => p.Turn.Sequence).Turn);
    }

    // Other runs may share the session and write in between, so widen the newest-first scan until it reaches the cursor.
    private async Task<IReadOnlyList<MemoryTurn>> TurnsAfterAsync(long cursor, CancellationToken cancellationToken)
    {
        for (var limit = FirstRecoveryScan; ; limit *= 2)
        {
            var newest = await memory.LoadHotTierAsync(limit, cancellationToken).ConfigureAwait(false);
            if (newest.Count < limit || newest[^1].Sequence <= cursor || limit > int.MaxValue / 2)
                return newest.Where(t => t.Sequence > cursor).ToList();
        }
    }

    /// <summary>Stores the entries not stored yet and returns the state with the new cursor.</summary>
    public async Task<AgentState> StoreNewEntriesAsync(AgentState state, CancellationToken cancellationToken)
    {
        var cursor = state.MemoryCursor;
        for (var i = state.MemoryStoredEntries; i < state.Conversation.Count; i++)
        {
            var entry = state.Conversation[i];
            var text = ConversationMapper.ToMemoryText(entry);
            if (_storedAfterCursor.Remove(i, out var earlier))
            {
                if (earlier.Role == entry.Role && earlier.Content == text)
                {
                    cursor = earlier.Sequence;
                    continue;
                }
                // The resumed run did this turn differently: what the lost process stored from here on never happened.
                await ForgetLostEntriesAsync(earlier, cancellationToken).ConfigureAwait(false);
            }
            var metadata = new Dictionary<string, object?>
            {
                ["agent"] = agentId,
                [ThreadKey] = threadId,
                ["turn"] = entry.Turn,
                [EntryKey] = i,
            };
            if (entry.Calls is { Count: > 0 } calls) metadata["tools"] = string.Join(",", calls.Select(c => c.Name));
            var stored = await memory.StoreTurnAsync(entry.Role, text, time.GetUtcNow(), metadata, cancellationToken).ConfigureAwait(false);
            cursor = stored.Sequence;
        }
        return state with { MemoryCursor = cursor, MemoryStoredEntries = state.Conversation.Count };
    }

    private async Task ForgetLostEntriesAsync(MemoryTurn first, CancellationToken cancellationToken)
    {
        var lost = _storedAfterCursor.Values.Prepend(first).ToList();
        _storedAfterCursor.Clear();
        try
        {
            foreach (var turn in lost) await memory.DeleteTurnAsync(turn.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException)
        {
            // A backend that cannot delete single turns keeps them; the resumed run's own entries are stored after them.
        }
    }

    /// <summary>Hot turns (chronological) for messages, plus warm transcript and cold memories for the system prompt.</summary>
    public async Task<MemoryContext> LoadContextAsync(string task, CancellationToken cancellationToken)
    {
        // What a lost process stored past the checkpoint has not happened in this run (yet): the model sees memory as
        // the checkpoint knew it, so a resumed turn is asked the same way as the first time.
        var lost = _storedAfterCursor.Values.Select(t => t.Id).ToHashSet();
        var hot = config.MemoryHotTurns == 0 ? [] : (await memory.LoadHotTierAsync(config.MemoryHotTurns + lost.Count, cancellationToken).ConfigureAwait(false))
            .Where(t => !lost.Contains(t.Id)).Take(config.MemoryHotTurns).Reverse().ToList();
        var seen = hot.Select(t => t.Id).Concat(lost).ToHashSet();
        var warm = config.MemoryWarmWindow == 0 ? [] : (await memory.LoadWarmTierAsync(config.MemoryWarmWindow, cancellationToken).ConfigureAwait(false))
            .Where(t => !seen.Contains(t.Id)).ToList();
        seen.UnionWith(warm.Select(t => t.Id));
        var cold = config.MemoryColdResults == 0 ? [] : (await memory.SearchColdAsync(task, config.MemoryColdResults + lost.Count, cancellationToken).ConfigureAwait(false))
            .Where(s => !seen.Contains(s.Turn.Id)).Take(config.MemoryColdResults).ToList();
        return new MemoryContext(hot, warm, cold);
    }

    private static string? ThreadOf(MemoryTurn turn) =>
        turn.Metadata.TryGetValue(ThreadKey, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private static int? EntryIndex(MemoryTurn turn) =>
        turn.Metadata.TryGetValue(EntryKey, out var value) && value is not null
        && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
            ? index : null;
}

/// <summary>What the memory tiers contribute to one prompt.</summary>
internal sealed record MemoryContext(IReadOnlyList<MemoryTurn> Hot, IReadOnlyList<MemoryTurn> Warm, IReadOnlyList<ScoredMemoryTurn> Cold)
{
    public string? SystemSection()
    {
        if (Warm.Count == 0 && Cold.Count == 0) return null;
        var text = new StringBuilder();
        if (Cold.Count > 0)
        {
            text.AppendLine("Relevant memories:");
            foreach (var memory in Cold) text.AppendLine($"- ({memory.Turn.Role}) {memory.Turn.Content}");
        }
        if (Warm.Count > 0)
        {
            text.AppendLine("Earlier in this session:");
            foreach (var turn in Warm) text.AppendLine($"{turn.Role}: {turn.Content}");
        }
        return text.ToString().TrimEnd();
    }
}
