using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Llm;

/// <summary>
/// A deterministic, cost-free <see cref="IChatClient"/> that replays a <see cref="ChatScript"/>. It stands in for
/// the model only: everything around it (agent loop, tools, memory, checkpoints) runs for real. Token usage is
/// estimated deterministically (<see cref="ScriptedTokenCounter"/>) unless a reply fixes it. Thread-safe.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly ChatScript _script;
    private readonly List<ScriptedRequest> _requests = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private int _position;

    /// <summary>Creates a client replaying <paramref name="script"/>, reporting <paramref name="modelId"/>.</summary>
    /// <param name="script">The replies.</param>
    /// <param name="modelId">Model id to report.</param>
    /// <param name="timeProvider">Clock for scripted delays (<see cref="ScriptedReply.Delay"/>).</param>
    public ScriptedChatClient(ChatScript script, string modelId = "scripted", TimeProvider? timeProvider = null)
    {
        _script = script ?? throw new ArgumentNullException(nameof(script));
        ModelId = modelId;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates a client whose every reply is computed by <paramref name="responder"/>.</summary>
    public ScriptedChatClient(Func<ScriptedRequest, ScriptedReply> responder, string modelId = "scripted")
        : this(new ChatScript().Otherwise(responder), modelId) { }

    /// <summary>The model id reported in responses and metadata.</summary>
    public string ModelId { get; }

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<ScriptedRequest> Requests { get { lock (_gate) return _requests.ToList(); } }

    /// <summary>Index of the next sequential step.</summary>
    public int Position { get { lock (_gate) return _position; } }

    /// <summary>Moves to sequential step <paramref name="position"/>, e.g. to continue a script after a resume.</summary>
    public void Seek(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        lock (_gate) _position = position;
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (request, reply) = Take(messages, options);
        if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, _time, cancellationToken).ConfigureAwait(false);
        var message = new ChatMessage(ChatRole.Assistant, BuildContents(request, reply)) { MessageId = ResponseId(request) };
        return new ChatResponse(message)
        {
            ResponseId = ResponseId(request),
            ModelId = ModelId,
            FinishReason = reply.ToolCalls.Count > 0 ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
            Usage = UsageFor(request, reply),
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (request, reply) = Take(messages, options);
        if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, _time, cancellationToken).ConfigureAwait(false);
        var responseId = ResponseId(request);
        foreach (var chunk in Chunks(reply.Text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return Update(responseId, [new TextContent(chunk)]);
        }
        var final = BuildContents(request, reply).Where(c => c is not TextContent).ToList();
        final.Add(new UsageContent(UsageFor(request, reply)));
        var last = Update(responseId, final);
        last.FinishReason = reply.ToolCalls.Count > 0 ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop;
        yield return last;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, ModelId)
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose() { }

    private (ScriptedRequest Request, ScriptedReply Reply) Take(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ScriptedRequest request;
        Func<ScriptedRequest, ScriptedReply>? produce;
        lock (_gate)
        {
            request = new ScriptedRequest(_requests.Count, messages.ToList(), options);
            _requests.Add(request);
            (produce, _) = _script.Next(request, ref _position);
        }
        if (produce is null) throw new ScriptExhaustedException(request, _script.StepCount);
        var reply = produce(request) ?? throw new InvalidOperationException($"The script returned no reply for {request}.");
        if (reply.Error is not null) throw reply.Error;
        if (reply.ToolCalls.Count > 0 && !reply.IgnoresOfferedTools && options?.Tools is not { Count: > 0 })
            throw new ScriptedToolCallNotOfferedException(request, reply.ToolCalls[0].Name);
        return (request, reply);
    }

    private List<AIContent> BuildContents(ScriptedRequest request, ScriptedReply reply)
    {
        var contents = new List<AIContent>();
        if (reply.Text.Length > 0) contents.Add(new TextContent(reply.Text));
        for (var i = 0; i < reply.ToolCalls.Count; i++)
        {
            var call = reply.ToolCalls[i];
            contents.Add(new FunctionCallContent(call.CallId ?? $"call_{request.CallIndex}_{i}", call.Name, call.Arguments.ToDictionary()));
        }
        return contents;
    }

    private ChatResponseUpdate Update(string responseId, IList<AIContent> contents) =>
        new(ChatRole.Assistant, contents) { ResponseId = responseId, MessageId = responseId, ModelId = ModelId };

    private UsageDetails UsageFor(ScriptedRequest request, ScriptedReply reply)
    {
        if (reply.Usage is not null) return reply.Usage;
        var input = ScriptedTokenCounter.Count(request.Messages);
        var output = ScriptedTokenCounter.Count(new ChatMessage(ChatRole.Assistant, BuildContents(request, reply)));
        return new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
    }

    private static string ResponseId(ScriptedRequest request) => $"scripted-{request.CallIndex}";

    // Word-sized chunks (each keeps its trailing space) so streaming consumers see several updates.
    private static IEnumerable<string> Chunks(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ' ') continue;
            yield return text[start..(i + 1)];
            start = i + 1;
        }
        if (start < text.Length) yield return text[start..];
    }
}
