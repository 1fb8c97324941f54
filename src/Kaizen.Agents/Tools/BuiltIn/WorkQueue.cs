using System.ComponentModel;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tools.BuiltIn;

/// <summary>
/// A fixed list of items (files, records, papers…) handed to the model one at a time through one tool, <c>next_item</c>
/// (Safe), so even a small model works through a long list without tracking where it is. Each call gives the next
/// pending item, keeps the notes the model passes on the item before it, and records this progress in
/// <see cref="State"/>. Pass <see cref="State"/> as the run's live extensions (<see cref="AgentRunRequest.Extensions"/>,
/// <see cref="AgentResumeRequest.Extensions"/>): every checkpoint then holds the progress, and a run resumed from one
/// carries on with the next item instead of starting over.
/// </summary>
public sealed class WorkQueue
{
    /// <summary>The tool's name unless another is given.</summary>
    public const string DefaultToolName = "next_item";

    /// <summary>The key of the progress in <see cref="State"/> unless another is given.</summary>
    public const string DefaultStateKey = "work_queue";

    private readonly Func<string, CancellationToken, Task<string>> _load;
    private readonly HashSet<string> _loading = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates a queue over <paramref name="keys"/>, handed out in that order.</summary>
    /// <param name="keys">The items' keys (e.g. file paths); each at most once.</param>
    /// <param name="load">Returns the text the model gets for a key (e.g. the file's content).</param>
    /// <param name="state">
    /// The live state the progress is kept in (null: a new dictionary). A run refills it from the checkpoint it resumes,
    /// so the queue reads its progress from here on every call.
    /// </param>
    /// <param name="stateKey">The progress's key in <paramref name="state"/> (two queues of one run need two keys).</param>
    /// <param name="toolName">The tool's name.</param>
    /// <exception cref="ArgumentException">A key is empty or given twice.</exception>
    public WorkQueue(IEnumerable<string> keys, Func<string, CancellationToken, Task<string>> load, IDictionary<string, string>? state = null,
        string stateKey = DefaultStateKey, string toolName = DefaultToolName)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentException.ThrowIfNullOrWhiteSpace(stateKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(toolName);
        _load = load ?? throw new ArgumentNullException(nameof(load));
        Keys = keys.ToList();
        if (Keys.FirstOrDefault(string.IsNullOrEmpty) is not null) throw new ArgumentException("A work item needs a non-empty key.", nameof(keys));
        if (Keys.GroupBy(k => k, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"The key '{twice.Key}' is given twice; each item is handed out once.", nameof(keys));
        State = state ?? new Dictionary<string, string>();
        StateKey = stateKey;
        ToolName = toolName;
    }

    /// <summary>Every item's key, in the order they are handed out.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The live state holding the progress under <see cref="StateKey"/>.</summary>
    public IDictionary<string, string> State { get; }

    /// <summary>The progress's key in <see cref="State"/>.</summary>
    public string StateKey { get; }

    /// <summary>The tool's name.</summary>
    public string ToolName { get; }

    /// <summary>The keys handed out so far, in order.</summary>
    public IReadOnlyList<string> HandedOut
    {
        get { lock (_gate) return Progress().Keys.ToList(); }
    }

    /// <summary>The notes the model left on the items handed out, by key (an item has none until the model's next call).</summary>
    public IReadOnlyDictionary<string, string> Notes
    {
        get { lock (_gate) return Progress().Items.Where(i => i.Notes is not null).ToDictionary(i => i.Key, i => i.Notes!, StringComparer.Ordinal); }
    }

    /// <summary>How many items have not been handed out yet.</summary>
    public int Remaining
    {
        get { lock (_gate) return Pending(Progress()).Count(); }
    }

    /// <summary>
    /// Keeps <paramref name="notesOnPrevious"/> on the item handed out last (the first notes on an item are kept), then
    /// hands out the next pending item, or returns null when none is left. An item whose loading fails stays pending.
    /// </summary>
    public async Task<WorkItem?> NextAsync(string? notesOnPrevious = null, CancellationToken cancellationToken = default)
    {
        string key;
        lock (_gate)
        {
            var progress = Progress().WithNotesOnLast(notesOnPrevious);
            Save(progress);
            var next = Pending(progress).FirstOrDefault(k => !_loading.Contains(k));
            if (next is null) return null;
            key = next;
            _loading.Add(key);
        }
        try
        {
            var text = await _load(key, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                var progress = Progress().After(key);
                Save(progress);
                return new WorkItem(key, text ?? "", progress.Items.Count, Keys.Count);
            }
        }
        finally
        {
            lock (_gate) _loading.Remove(key);
        }
    }

    /// <summary>The <c>next_item</c> tool over this queue; register it as Safe (<see cref="BuiltInTools.AddWorkQueue"/>).</summary>
    public AIFunction AsTool() => AIFunctionFactory.Create(
        async ([Description("Your notes on the item you were given last: what is wrong in it, or 'nothing found'. Write 'start' on your first call.")] string notes,
               CancellationToken cancellationToken) =>
        {
            var item = await NextAsync(notes, cancellationToken).ConfigureAwait(false);
            return item is null
                ? $"No item is left: all {Keys.Count} items have been handed out."
                : $"Item {item.Number} of {item.Count}: {item.Key}\n{item.Text}";
        },
        ToolName, "Gives you the next item to work on, with its text, and keeps your notes on the item before it.");

    private IEnumerable<string> Pending(WorkQueueProgress progress)
    {
        var done = progress.Keys.ToHashSet(StringComparer.Ordinal);
        return Keys.Where(k => !done.Contains(k));
    }

    private WorkQueueProgress Progress() =>
        State.TryGetValue(StateKey, out var json) ? WorkQueueProgress.Parse(json, StateKey) : WorkQueueProgress.Empty;

    private void Save(WorkQueueProgress progress)
    {
        if (progress.Items.Count > 0 || State.ContainsKey(StateKey)) State[StateKey] = progress.ToJson();
    }
}
