using System.Diagnostics;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Tools;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents;

/// <summary>
/// One execution of the turn loop on a thread: prompt → model → tools → memory → interrupt check → checkpoint,
/// until completion, the turn limit, or an interrupt. The state only changes at the end of a turn, so whatever
/// stops the run, the last state is consistent and is what gets checkpointed.
/// </summary>
internal sealed class AgentRun
{
    private readonly AutonomousAgent _agent;
    private readonly string _threadId;
    private readonly IDictionary<string, string>? _liveExtensions;
    private readonly MemoryBridge? _memory;
    private readonly PromptBuilder _prompt;
    private readonly bool _resumed;
    private readonly System.Text.Json.JsonElement _replySchema;
    private readonly System.Text.Json.JsonElement _finalReplySchema;
    private AgentState _state;
    private AgentState? _lastSavedState;
    private string? _lastCheckpointId;
    private string? _expectedHeadId;

    private readonly TurnToolChoice _toolChoice;

    // threadHeadId: the thread's newest checkpoint when a resume started; every save checks the thread still ends there.
    public AgentRun(AutonomousAgent agent, string threadId, AgentState state, string? lastCheckpointId, IDictionary<string, string>? liveExtensions,
        TurnToolChoice? toolChoice = null, string? threadHeadId = null)
    {
        _expectedHeadId = threadHeadId;
        _toolChoice = toolChoice ?? TurnToolChoice.ModelDecides;
        _agent = agent;
        _threadId = threadId;
        _state = state;
        _lastCheckpointId = lastCheckpointId;
        _resumed = lastCheckpointId is not null;
        if (_resumed) _lastSavedState = state;
        _liveExtensions = liveExtensions;
        _memory = agent.Memory is null ? null : new MemoryBridge(agent.Memory, agent.Config, agent.AgentId, threadId, agent.Time);
        _prompt = new PromptBuilder(agent.Signature, _memory);
        _replySchema = SignatureReplySchema.For(agent.Signature);
        _finalReplySchema = agent.Config.AnswerOnLastTurn ? SignatureReplySchema.For(agent.Signature, final: true) : _replySchema;
    }

    public string ThreadId => _threadId;
    public AgentState State => _state;
    public string? LastCheckpointId => _lastCheckpointId;

    private AutonomousConfig Config => _agent.Config;
    private InterruptManager Interrupts => _agent.Interrupts;

    public async Task<AgentRunResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        using var activity = AgentTelemetry.Source.StartActivity("agent.run");
        activity?.SetTag("kaizen.agent.id", _agent.AgentId);
        activity?.SetTag("kaizen.thread.id", _threadId);
        _agent.Usage.Reset(new UsageSnapshot(_state.InputTokens, _state.OutputTokens, _state.CostUsd, 0));
        Interrupts.BeginRun();
        try
        {
            if (_memory is not null)
            {
                await _memory.RecoverAsync(_state, resuming: _resumed, cancellationToken).ConfigureAwait(false);
                _state = await _memory.StoreNewEntriesAsync(_state, cancellationToken).ConfigureAwait(false);
            }
            await AnswerPendingToolCallsAsync(cancellationToken).ConfigureAwait(false);
            while (!_state.Completed && _state.Turn < _state.MaxTurns && !Interrupts.IsInterruptRequested)
            {
                await RunTurnAsync(cancellationToken).ConfigureAwait(false);
                if (Config.EnableCheckpoints && _state.Turn % Config.CheckpointInterval == 0)
                    await SaveCheckpointAsync(CheckpointKind.Auto, CancellationToken.None).ConfigureAwait(false);
            }
            if (Interrupts.Reason is { } reason) throw await StopOnInterruptAsync(reason).ConfigureAwait(false);
            if (Config.EnableCheckpoints && !ReferenceEquals(_lastSavedState, _state))
                await SaveCheckpointAsync(CheckpointKind.Final, CancellationToken.None).ConfigureAwait(false);
            var stop = _state.Completed ? AgentStopReason.Completed : AgentStopReason.MaxTurns;
            Publish(new RunFinished(_agent.AgentId, _threadId, _state.Turn, _agent.Time.GetUtcNow(), stop));
            activity?.SetTag("kaizen.stop_reason", stop.ToString());
            return Result(stop);
        }
        catch (OperationCanceledException ex) when (ex is not AgentInterruptedException && Interrupts.ImmediateToken.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw await StopOnInterruptAsync(Interrupts.Reason!, ex).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not AgentInterruptedException && Config.EnableCheckpoints && !ReferenceEquals(_lastSavedState, _state))
        {
            // Caller cancellation or a failure: keep the last consistent state before letting the error through.
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            await SaveCheckpointAsync(CheckpointKind.Error, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        finally
        {
            Interrupts.EndRun();
        }
    }

    public async Task<CheckpointInfo> SaveCheckpointAsync(CheckpointKind kind, CancellationToken cancellationToken)
    {
        using var activity = AgentTelemetry.Source.StartActivity("agent.checkpoint");
        var context = new CheckpointHookContext(_agent.AgentId, _threadId, kind, _state);
        foreach (var hook in _agent.CheckpointHooks) await hook.BeforeCheckpointAsync(context, cancellationToken).ConfigureAwait(false);
        _state = context.State;
        var info = await _agent.Checkpoints.SaveAsync(
            new CheckpointWrite(_threadId, _lastCheckpointId, kind, _state, Config.CheckpointRetention) { ExpectedHeadId = _expectedHeadId },
            cancellationToken).ConfigureAwait(false);
        _lastCheckpointId = info.Id;
        _expectedHeadId = info.Id;
        _lastSavedState = _state;
        activity?.SetTag("kaizen.checkpoint.id", info.Id);
        activity?.SetTag("kaizen.checkpoint.stored_bytes", info.StoredSize);
        foreach (var hook in _agent.CheckpointHooks) await hook.AfterCheckpointAsync(context, info, cancellationToken).ConfigureAwait(false);
        Publish(new CheckpointSaved(_agent.AgentId, _threadId, _state.Turn, _agent.Time.GetUtcNow(), info));
        return info;
    }

    private async Task RunTurnAsync(CancellationToken cancellationToken)
    {
        var turn = _state.Turn + 1;
        using var activity = AgentTelemetry.Source.StartActivity("agent.turn");
        activity?.SetTag("kaizen.turn", turn);
        Publish(new TurnStarted(_agent.AgentId, _threadId, turn, _agent.Time.GetUtcNow()));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Interrupts.ImmediateToken);
        var token = linked.Token;
        var before = _agent.Usage.Total;

        var messages = await _prompt.BuildAsync(_state, token).ConfigureAwait(false);
        var options = Options(turn);
        var entries = new List<ConversationEntry>();
        if (IsLastAnswerTurn(turn))
        {
            var lastTurn = new ConversationEntry(ConversationEntry.UserRole, LastTurnInstruction, turn);
            entries.Add(lastTurn);
            messages.Add(ConversationMapper.ToMessage(lastTurn));
        }
        var reply = ConversationMapper.FromResponse(await _agent.ChatClient.GetResponseAsync(messages, options, token).ConfigureAwait(false), turn);
        entries.Add(reply);
        // An immediate interrupt during the call discards the turn: the state stays at the previous, consistent turn.
        token.ThrowIfCancellationRequested();

        IReadOnlyDictionary<string, System.Text.Json.JsonElement>? outputs = null;
        if (reply.Calls is { Count: > 0 } calls)
        {
            await ExecuteCallsAsync(calls, turn, entries, token).ConfigureAwait(false);
        }
        else if (AgentReplyProtocol.Parse(reply.Text) is { Done: true } parsed)
        {
            var (values, problem) = parsed.JsonError is null ? _agent.Signature.ReadOutputs(parsed.Outputs) : (null, parsed.JsonError);
            if (problem is not null)
            {
                // One repair round inside the same turn: tell the model what was wrong and ask again.
                var repair = new ConversationEntry(ConversationEntry.UserRole,
                    $"Your reply could not be used: {problem}. Reply again with only the JSON object {{\"done\": true, \"outputs\": {{...}}}} matching the outputs listed above.", turn);
                entries.Add(repair);
                messages.Add(ConversationMapper.ToMessage(reply));
                messages.Add(ConversationMapper.ToMessage(repair));
                var second = ConversationMapper.FromResponse(await _agent.ChatClient.GetResponseAsync(messages, options, token).ConfigureAwait(false), turn);
                entries.Add(second);
                var reparsed = AgentReplyProtocol.Parse(second.Text);
                (values, problem) = reparsed.JsonError is null ? _agent.Signature.ReadOutputs(reparsed.Outputs) : (null, reparsed.JsonError);
                if (problem is not null) throw new SignatureOutputException(_agent.Signature.Name, problem, second.Text);
            }
            outputs = values;
        }

        var usage = _agent.Usage.Total;
        _state = _state with
        {
            Turn = turn,
            Conversation = [.. _state.Conversation, .. entries],
            InputTokens = usage.InputTokens,
            OutputTokens = usage.OutputTokens,
            CostUsd = usage.CostUsd,
            Completed = outputs is not null,
            Outputs = outputs ?? _state.Outputs,
            Extensions = _liveExtensions is null ? _state.Extensions : new Dictionary<string, string>(_liveExtensions),
        };
        if (_memory is not null) _state = await _memory.StoreNewEntriesAsync(_state, CancellationToken.None).ConfigureAwait(false);
        Publish(new TurnFinished(_agent.AgentId, _threadId, turn, _agent.Time.GetUtcNow(),
            usage.InputTokens - before.InputTokens, usage.OutputTokens - before.OutputTokens, usage.CostUsd - before.CostUsd, _state.Completed));
    }

    // A run stopped while a call waited for approval resumes by answering the calls still open in the last turn.
    private async Task AnswerPendingToolCallsAsync(CancellationToken cancellationToken)
    {
        var pending = _state.UnansweredToolCalls();
        if (pending.Count == 0) return;
        var entries = new List<ConversationEntry>();
        await ExecuteCallsAsync(pending, _state.Turn, entries, cancellationToken).ConfigureAwait(false);
        _state = _state with { Conversation = [.. _state.Conversation, .. entries] };
        if (_memory is not null) _state = await _memory.StoreNewEntriesAsync(_state, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task ExecuteCallsAsync(IReadOnlyList<ToolCallRecord> calls, int turn, List<ConversationEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var call in calls)
        {
            using var activity = AgentTelemetry.Source.StartActivity("agent.tool");
            activity?.SetTag("kaizen.tool.name", call.Name);
            var result = _agent.Tools is { } tools
                ? await tools.ExecuteAsync(ConversationMapper.ToCall(call), new ToolCallContext(_agent.AgentId, _threadId, turn), cancellationToken).ConfigureAwait(false)
                : new ToolExecutionResult(call.CallId, call.Name, ToolExecutionStatus.Failed, $"No tools are available to this agent; '{call.Name}' cannot be called.");
            Publish(new ToolCalled(_agent.AgentId, _threadId, turn, _agent.Time.GetUtcNow(), call.Name, call.CallId, result.Status));
            if (result.Status == ToolExecutionStatus.PendingApproval)
            {
                Interrupts.RequestInterrupt(InterruptSource.Programmatic, InterruptMode.Graceful,
                    $"tool '{call.Name}' (call {call.CallId}) is waiting for approval");
                return;
            }
            entries.Add(ConversationMapper.FromToolResult(result, turn));
        }
    }

    private async Task<AgentInterruptedException> StopOnInterruptAsync(InterruptReason reason, Exception? cause = null)
    {
        string? checkpointId = null;
        if (Config.EnableCheckpoints)
            checkpointId = ReferenceEquals(_lastSavedState, _state)
                ? _lastCheckpointId
                : (await SaveCheckpointAsync(CheckpointKind.Interrupt, CancellationToken.None).ConfigureAwait(false)).Id;
        var final = reason with { CheckpointId = checkpointId };
        Publish(new RunInterrupted(_agent.AgentId, _threadId, _state.Turn, _agent.Time.GetUtcNow(), final));
        return new AgentInterruptedException(final, Result(AgentStopReason.Interrupted), cause);
    }

    private string ReplySchemaName => new string(_agent.Signature.Name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()) + "_reply";

    private const string LastTurnInstruction =
        "This is your last turn. Do not call tools. Reply with {\"done\": true, \"outputs\": {...}}: your final outputs, as listed above.";

    private bool IsLastAnswerTurn(int turn) => Config.AnswerOnLastTurn && turn == _state.MaxTurns;

    private ChatOptions Options(int turn)
    {
        var options = new ChatOptions { AdditionalProperties = new() { ["kaizen.turn"] = turn, ["kaizen.agent"] = _agent.AgentId } };
        var last = IsLastAnswerTurn(turn);
        if (Config.StructuredReplies)
            options.ResponseFormat = ChatResponseFormat.ForJsonSchema(last ? _finalReplySchema : _replySchema, ReplySchemaName, "One turn of the agent: a note, whether the task is done, and the outputs.");
        if (!last && _agent.Tools is { Tools.Count: > 0 } tools)
        {
            options.Tools = [.. tools.Tools];
            options.ToolMode = _toolChoice.For(turn);
        }
        return options;
    }

    private AgentRunResult Result(AgentStopReason stop) => new(_agent.AgentId, _threadId, stop, _lastCheckpointId, _state);

    private void Publish(AgentEvent agentEvent) => _agent.Publisher.Publish(agentEvent);
}
