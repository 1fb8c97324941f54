using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace Kaizen.ModelHost;

/// <summary>What the served model is and how requests reach it: the backend, the served model's facts, the queue and the log.</summary>
public sealed class ModelHostContext
{
    private readonly SemaphoreSlim _gate;

    /// <summary>Creates the context; at most <paramref name="parallel"/> generations run at once.</summary>
    public ModelHostContext(IChatClient client, ServedModel model, int parallel, TextWriter log)
    {
        Client = client;
        Model = model;
        Log = log;
        _gate = new SemaphoreSlim(parallel, parallel);
    }

    /// <summary>The backend.</summary>
    public IChatClient Client { get; }

    /// <summary>The served model.</summary>
    public ServedModel Model { get; }

    /// <summary>One line per request goes here (stderr by default; stdout stays for the address line).</summary>
    public TextWriter Log { get; }

    /// <summary>Waits for a generation slot (Ollama queues requests the same way); dispose the result to free it.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(_gate);
    }

    /// <summary>Writes one log line.</summary>
    public void Write(string line)
    {
        lock (Log) { Log.WriteLine("[modelhost] " + line); Log.Flush(); }
    }

    private sealed class Slot(SemaphoreSlim gate) : IDisposable
    {
        private int _released;
        public void Dispose() { if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release(); }
    }
}

/// <summary>One generation as the wire formats report it: the visible parts of each update, token counts and timings.</summary>
internal sealed class Generation
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly IReadOnlyList<ChatMessage> _prompt;
    private TimeSpan? _backendStart;
    private TimeSpan? _firstOutput;
    private TimeSpan? _end;
    private int _callCount;

    public Generation(IReadOnlyList<ChatMessage> prompt) => _prompt = prompt;

    public long? InputTokens { get; private set; }
    public long? OutputTokens { get; private set; }
    public int OutputChunks { get; private set; }
    public ChatFinishReason? FinishReason { get; private set; }
    public bool HadToolCalls => _callCount > 0;

    public void BackendStarting() => _backendStart ??= _clock.Elapsed;

    public void Finished() => _end ??= _clock.Elapsed;

    /// <summary>Reads one update: returns its text, reasoning and tool calls, and records usage and the finish reason.</summary>
    public UpdateParts Observe(ChatResponseUpdate update)
    {
        string text = "", thinking = "";
        List<FunctionCallContent>? calls = null;
        foreach (var content in update.Contents)
        {
            switch (content)
            {
                case TextContent t: text += t.Text; break;
                case TextReasoningContent r: thinking += r.Text; break;
                case FunctionCallContent f: (calls ??= []).Add(f); break;
                case UsageContent u:
                    InputTokens = u.Details.InputTokenCount ?? InputTokens;
                    OutputTokens = u.Details.OutputTokenCount ?? OutputTokens;
                    break;
            }
        }
        if (update.FinishReason is { } finish) FinishReason = finish;
        if (text.Length > 0 || thinking.Length > 0 || calls is not null)
        {
            _firstOutput ??= _clock.Elapsed;
            OutputChunks++;
            _callCount += calls?.Count ?? 0;
        }
        return new UpdateParts(text, thinking, calls ?? []);
    }

    /// <summary>Prompt tokens: the backend's count, else an estimate (4 characters a token).</summary>
    public long PromptTokens => InputTokens ?? Math.Max(1, (_prompt.Sum(m => (long)m.Text.Length) + 3) / 4);

    /// <summary>Generated tokens: the backend's count, else the number of streamed pieces.</summary>
    public long GeneratedTokens => OutputTokens ?? OutputChunks;

    public long TotalNanoseconds => Nanoseconds(_end ?? _clock.Elapsed);

    /// <summary>Time before the backend was called (request parsing, waiting for a slot): the model itself is loaded at start-up.</summary>
    public long LoadNanoseconds => Nanoseconds(_backendStart ?? TimeSpan.Zero);

    /// <summary>From the backend call to its first output.</summary>
    public long PromptEvalNanoseconds => Nanoseconds((_firstOutput ?? _end ?? _clock.Elapsed) - (_backendStart ?? TimeSpan.Zero));

    /// <summary>From the first output to the end.</summary>
    public long EvalNanoseconds => Nanoseconds((_end ?? _clock.Elapsed) - (_firstOutput ?? _end ?? _clock.Elapsed));

    private static long Nanoseconds(TimeSpan span) => Math.Max(0, span.Ticks) * 100;
}

/// <summary>The visible parts of one streamed update.</summary>
internal readonly record struct UpdateParts(string Text, string Thinking, IReadOnlyList<FunctionCallContent> Calls)
{
    public bool IsEmpty => Text.Length == 0 && Thinking.Length == 0 && Calls.Count == 0;
}
