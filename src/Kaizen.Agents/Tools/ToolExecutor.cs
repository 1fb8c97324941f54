using System.Text.Json;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.Audit;
using Kaizen.Agents.Tools.Validation;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tools;

/// <summary>
/// The agent loop's <see cref="IToolExecutor"/>: looks the tool up, validates the arguments against its schema,
/// applies the <see cref="ApprovalPolicy"/> (asking the <see cref="IApprovalHandler"/> when told to), runs it with a
/// timeout and retries for retry-safe levels, and writes every decision to the audit log. Bad calls come back as
/// results for the model; only cancellation throws.
/// </summary>
public sealed class ToolExecutor : IToolExecutor
{
    private static readonly JsonSerializerOptions CompactJson = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };
    private readonly ToolRegistry _registry;
    private readonly ApprovalPolicy _policy;
    private readonly IApprovalHandler? _approvals;
    private readonly IToolAuditLog _audit;
    private readonly ToolExecutorOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates an executor.</summary>
    /// <param name="registry">The tools.</param>
    /// <param name="policy">The approval policy (default <see cref="ApprovalPolicy.Default"/>).</param>
    /// <param name="approvals">Who decides on "ask" calls; without one, such calls are rejected.</param>
    /// <param name="audit">Where decisions go (default: an <see cref="InMemoryToolAuditLog"/>, see <see cref="AuditLog"/>).</param>
    /// <param name="options">Timeouts and retries.</param>
    /// <param name="timeProvider">Time for audit stamps, timeouts and retry delays.</param>
    public ToolExecutor(
        ToolRegistry registry, ApprovalPolicy? policy = null, IApprovalHandler? approvals = null,
        IToolAuditLog? audit = null, ToolExecutorOptions? options = null, TimeProvider? timeProvider = null)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _policy = policy ?? ApprovalPolicy.Default;
        _approvals = approvals;
        _audit = audit ?? new InMemoryToolAuditLog();
        _options = options ?? new ToolExecutorOptions();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The audit log decisions are written to.</summary>
    public IToolAuditLog AuditLog => _audit;

    /// <summary>The registry this executor calls into.</summary>
    public ToolRegistry Registry => _registry;

    /// <summary>
    /// Declarations only: a model client that invokes functions itself (e.g. <c>FunctionInvokingChatClient</c>)
    /// cannot run them around the policy.
    /// </summary>
    public IReadOnlyList<AITool> Tools => _registry.All.Select(t => (AITool)t.Function.AsDeclarationOnly()).ToList();

    /// <inheritdoc />
    public async Task<ToolExecutionResult> ExecuteAsync(FunctionCallContent call, ToolCallContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var argumentsJson = ArgumentsAsJson(call.Arguments);

        if (!_registry.TryGet(call.Name, out var tool))
        {
            var message = $"Unknown tool '{call.Name}'. Available tools: {string.Join(", ", _registry.Names)}.";
            await AuditAsync(context, call, null, argumentsJson, ToolAuditDecision.UnknownTool, "registry", message, cancellationToken).ConfigureAwait(false);
            return Result(call, ToolExecutionStatus.Failed, message);
        }

        var problems = call.Exception is { } parseError
            ? [$"the arguments are not valid JSON: {parseError.Message}"]
            : ArgumentValidator.Validate(tool.Schema, call.Arguments, _options.RejectUnknownArguments);
        if (problems.Count > 0)
        {
            var message = $"Invalid arguments for tool '{tool.Name}': {string.Join("; ", problems)}. Expected schema: {tool.Schema.GetRawText()}";
            await AuditAsync(context, call, tool.Level, argumentsJson, ToolAuditDecision.InvalidArguments, "validator", message, cancellationToken).ConfigureAwait(false);
            return Result(call, ToolExecutionStatus.Failed, message);
        }

        var gate = await ApproveAsync(tool, call, context, argumentsJson, cancellationToken).ConfigureAwait(false);
        if (gate is not null) return gate;

        return await RunAsync(tool, call, context, argumentsJson, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the policy and, when asked to, the approver. Returns null when the call may run.</summary>
    private async Task<ToolExecutionResult?> ApproveAsync(
        RegisteredTool tool, FunctionCallContent call, ToolCallContext context, string argumentsJson, CancellationToken cancellationToken)
    {
        var decision = _policy.Decide(tool);
        switch (decision.Action)
        {
            case ApprovalAction.Run:
                await AuditAsync(context, call, tool.Level, argumentsJson, ToolAuditDecision.AllowedByPolicy, "policy", decision.Reason, cancellationToken).ConfigureAwait(false);
                return null;
            case ApprovalAction.Reject:
                await AuditAsync(context, call, tool.Level, argumentsJson, ToolAuditDecision.RejectedByPolicy, "policy", decision.Reason, cancellationToken).ConfigureAwait(false);
                return Result(call, ToolExecutionStatus.Rejected, $"Call to '{tool.Name}' rejected: {decision.Reason}. Do not retry it; choose another way.");
        }

        if (_approvals is null)
        {
            const string why = "approval required but no approval handler is configured";
            await AuditAsync(context, call, tool.Level, argumentsJson, ToolAuditDecision.Denied, "policy", why, cancellationToken).ConfigureAwait(false);
            return Result(call, ToolExecutionStatus.Rejected, $"Call to '{tool.Name}' rejected: {why}.");
        }

        var request = new ApprovalRequest(
            ApprovalRequest.IdFor(context.ThreadId, call.CallId, tool.Name), tool.Name, tool.Level, argumentsJson,
            context.AgentId, context.ThreadId, context.Turn, call.CallId);
        ApprovalResponse response;
        try
        {
            response = await _approvals.RequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            response = new ApprovalResponse(ApprovalVerdict.Denied, "approval-handler", $"the approval handler failed: {ex.Message}");
        }

        switch (response.Verdict)
        {
            case ApprovalVerdict.Approved:
                await AuditAsync(context, call, tool.Level, argumentsJson, ToolAuditDecision.Approved, response.Decider, response.Reason, cancellationToken).ConfigureAwait(false);
                return null;
            case ApprovalVerdict.Pending:
                await AuditAsync(context, call, tool.Level, argumentsJson, ToolAuditDecision.PendingApproval, response.Decider, response.Reason, cancellationToken).ConfigureAwait(false);
                return Result(call, ToolExecutionStatus.PendingApproval,
                    $"Call to '{tool.Name}' waits for approval (request '{request.RequestId}').");
            default:
                await AuditAsync(context, call, tool.Level, argumentsJson, ToolAuditDecision.Denied, response.Decider, response.Reason, cancellationToken).ConfigureAwait(false);
                return Result(call, ToolExecutionStatus.Rejected,
                    $"Call to '{tool.Name}' was denied by {response.Decider}{(response.Reason is null ? "" : $": {response.Reason}")}.");
        }
    }

    private async Task<ToolExecutionResult> RunAsync(
        RegisteredTool tool, FunctionCallContent call, ToolCallContext context, string argumentsJson, CancellationToken cancellationToken)
    {
        var attempts = tool.Level.IsRetrySafe() ? 1 + Math.Max(0, _options.MaxRetries) : 1;
        Exception? last = null;
        var attempt = 0;
        while (attempt < attempts)
        {
            attempt++;
            try
            {
                var value = await InvokeOnceAsync(tool, call, cancellationToken).ConfigureAwait(false);
                await AuditAsync(context, call, tool.Level, argumentsJson, ToolAuditDecision.Succeeded, "tool",
                    attempt > 1 ? $"succeeded on attempt {attempt}" : null, cancellationToken).ConfigureAwait(false);
                return Result(call, ToolExecutionStatus.Succeeded, Limit(value));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (IsPermanent(ex))
            {
                last = ex;
                break;
            }
            catch (Exception ex)
            {
                last = ex;
                if (attempt < attempts && _options.RetryDelay > TimeSpan.Zero)
                    await Task.Delay(_options.RetryDelay, _time, cancellationToken).ConfigureAwait(false);
            }
        }

        var message = last switch
        {
            ToolRefusedException => $"Tool '{tool.Name}' refused the call: {last.Message}",
            IPermanentToolFailure => $"Tool '{tool.Name}' failed: {last.Message}",
            _ when IsPermanent(last!) => $"Tool '{tool.Name}' failed: {Describe(last!)}",
            _ => $"Tool '{tool.Name}' failed after {attempt} attempt(s): {Describe(last!)}",
        };
        await AuditAsync(context, call, tool.Level, argumentsJson, ToolAuditDecision.Failed, "tool", message, cancellationToken).ConfigureAwait(false);
        return Result(call, ToolExecutionStatus.Failed, message);
    }

    private async Task<object?> InvokeOnceAsync(RegisteredTool tool, FunctionCallContent call, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.CallTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var arguments = new AIFunctionArguments(call.Arguments ?? new Dictionary<string, object?>());
        try
        {
            // WaitAsync also covers tools that ignore the token.
            return await tool.Function.InvokeAsync(arguments, linked.Token).AsTask()
                .WaitAsync(_options.CallTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the call took longer than {_options.CallTimeout.TotalSeconds:0.###} s");
        }
    }

    /// <summary>
    /// True for failures that the same call cannot get past by trying again: a refusal or a tool's own report
    /// (<see cref="IPermanentToolFailure"/>), a missing file or folder, an over-long name, denied access, arguments the
    /// tool rejects. Anything else (I/O contention, timeouts, network errors) is treated as transient.
    /// </summary>
    public static bool IsPermanent(Exception error) => error is IPermanentToolFailure
        or FileNotFoundException or DirectoryNotFoundException or PathTooLongException or UnauthorizedAccessException
        or ArgumentException or FormatException or JsonException or NotSupportedException or InvalidCastException;

    private static string Describe(Exception ex) => ex switch
    {
        TimeoutException => $"timed out ({ex.Message})",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    private object? Limit(object? value)
    {
        // AIFunctionFactory hands results back as JSON; plain text reads better for the model and in logs.
        if (value is JsonElement { ValueKind: JsonValueKind.String } element) value = element.GetString();
        if (value is string text && text.Length > _options.MaxResultChars)
            return text[.._options.MaxResultChars] + $"\n[truncated: {text.Length - _options.MaxResultChars} more characters]";
        return value;
    }

    private static ToolExecutionResult Result(FunctionCallContent call, ToolExecutionStatus status, object? result) =>
        new(call.CallId, call.Name, status, result);

    private static string ArgumentsAsJson(IDictionary<string, object?>? arguments)
    {
        try { return JsonSerializer.Serialize(arguments ?? new Dictionary<string, object?>(), CompactJson); }
        catch (Exception ex) when (ex is JsonException or NotSupportedException) { return "\"<unserialisable arguments>\""; }
    }

    private ValueTask AuditAsync(
        ToolCallContext context, FunctionCallContent call, DangerLevel? level, string argumentsJson,
        ToolAuditDecision decision, string decider, string? detail, CancellationToken cancellationToken) =>
        _audit.AppendAsync(new ToolAuditEntry(
            _time.GetUtcNow(), context.AgentId, context.ThreadId, context.Turn, call.CallId, call.Name, level,
            argumentsJson, decision, decider, detail), cancellationToken);
}
