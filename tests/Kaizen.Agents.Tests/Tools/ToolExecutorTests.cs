using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.Audit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using static Kaizen.Agents.Tests.Tools.ToolTestKit;

namespace Kaizen.Agents.Tests.Tools;

[Trait("Category", "tools-lib")]
public sealed class ToolExecutorTests
{
    private readonly CountingTool _counter = new();
    private readonly InMemoryToolAuditLog _audit = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    private ToolExecutor Executor(DangerLevel level, IApprovalHandler? approvals = null, ApprovalPolicy? policy = null, ToolExecutorOptions? options = null)
    {
        var registry = new ToolRegistry();
        registry.Register(_counter.Function(), level, "test");
        return new ToolExecutor(registry, policy, approvals, _audit,
            options ?? new ToolExecutorOptions { RetryDelay = TimeSpan.Zero }, _time);
    }

    [Fact]
    public async Task Safe_tool_runs_without_asking_and_is_audited_with_time_and_arguments()
    {
        var result = await Executor(DangerLevel.Safe).ExecuteAsync(Call("count", new { text = "hi", times = 2 }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Succeeded);
        result.Result.Should().Be("ok:hix2");
        result.ToFunctionResult().CallId.Should().Be("c1");
        _counter.Runs.Should().Be(1);
        _audit.Entries.Select(e => e.Decision).Should().Equal(ToolAuditDecision.AllowedByPolicy, ToolAuditDecision.Succeeded);
        _audit.Entries[0].Should().Match<ToolAuditEntry>(e =>
            e.ToolName == "count" && e.Decider == "policy" && e.Timestamp == _time.GetUtcNow()
            && e.ArgumentsJson.Contains("\"text\":\"hi\"") && e.AgentId == "agent-1" && e.Level == DangerLevel.Safe);
    }

    [Fact]
    public async Task Unknown_tool_fails_with_the_available_names_and_runs_nothing()
    {
        var result = await Executor(DangerLevel.Safe).ExecuteAsync(Call("rm_rf", new { text = "x" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        result.Result.Should().Be("Unknown tool 'rm_rf'. Available tools: count.");
        _counter.Runs.Should().Be(0);
        _audit.Entries.Should().ContainSingle().Which.Decision.Should().Be(ToolAuditDecision.UnknownTool);
    }

    [Fact]
    public async Task Malformed_argument_json_fails_before_the_tool_runs()
    {
        var result = await Executor(DangerLevel.Safe).ExecuteAsync(MalformedCall("count", "{\"text\": \"unterminated"), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        result.Result.As<string>().Should().StartWith("Invalid arguments for tool 'count': the arguments are not valid JSON");
        _counter.Runs.Should().Be(0);
        _audit.Entries.Should().ContainSingle().Which.Decision.Should().Be(ToolAuditDecision.InvalidArguments);
    }

    [Fact]
    public async Task Schema_violation_goes_back_to_the_model_with_the_schema()
    {
        var result = await Executor(DangerLevel.Safe).ExecuteAsync(Call("count", new { times = "many" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        result.Result.As<string>().Should().Contain("arguments.text is required").And.Contain("arguments.times must be 'integer'")
            .And.Contain("Expected schema:");
        _counter.Runs.Should().Be(0);
    }

    [Fact]
    public async Task Medium_tool_runs_when_the_callback_approves_and_records_the_decider()
    {
        var asked = new List<ApprovalRequest>();
        var handler = new CallbackApprovalHandler(r => { asked.Add(r); return true; }, "reviewer-bot");

        var result = await Executor(DangerLevel.Medium, handler).ExecuteAsync(Call("count", new { text = "w" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Succeeded);
        asked.Should().ContainSingle().Which.Should().Match<ApprovalRequest>(r =>
            r.ToolName == "count" && r.Level == DangerLevel.Medium && r.RequestId == "thread-1/c1/count");
        _audit.Entries.Should().Contain(e => e.Decision == ToolAuditDecision.Approved && e.Decider == "reviewer-bot");
    }

    [Fact]
    public async Task Medium_tool_denied_by_the_callback_does_not_run()
    {
        var result = await Executor(DangerLevel.Medium, new CallbackApprovalHandler(_ => false))
            .ExecuteAsync(Call("count", new { text = "w" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Rejected);
        result.Result.As<string>().Should().Contain("denied by callback");
        _counter.Runs.Should().Be(0);
    }

    [Fact]
    public async Task Ask_without_a_handler_is_a_rejection()
    {
        var result = await Executor(DangerLevel.High).ExecuteAsync(Call("count", new { text = "w" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Rejected);
        result.Result.As<string>().Should().Contain("no approval handler");
        _counter.Runs.Should().Be(0);
    }

    [Fact]
    public async Task Failing_approval_handler_denies_instead_of_crashing()
    {
        var handler = new CallbackApprovalHandler((_, _) => throw new InvalidOperationException("UI is down"));
        var result = await Executor(DangerLevel.Medium, handler).ExecuteAsync(Call("count", new { text = "w" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Rejected);
        result.Result.As<string>().Should().Contain("UI is down");
        _counter.Runs.Should().Be(0);
    }

    [Fact]
    public async Task Critical_tool_is_rejected_by_default_even_with_an_approving_handler()
    {
        var result = await Executor(DangerLevel.Critical, new CallbackApprovalHandler(_ => true))
            .ExecuteAsync(Call("count", new { text = "w" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Rejected);
        _counter.Runs.Should().Be(0);
        _audit.Entries.Should().ContainSingle().Which.Decision.Should().Be(ToolAuditDecision.RejectedByPolicy);
    }

    [Fact]
    public async Task Critical_tool_allowed_by_name_runs_after_approval()
    {
        var result = await Executor(DangerLevel.Critical, new CallbackApprovalHandler(_ => true), ApprovalPolicy.Default.AllowCritical("count"))
            .ExecuteAsync(Call("count", new { text = "w" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Succeeded);
        _counter.Runs.Should().Be(1);
    }

    [Fact]
    public async Task Pending_approval_stops_then_the_recorded_decision_lets_the_same_call_run()
    {
        var store = new InMemoryApprovalStore(_time);
        var executor = Executor(DangerLevel.Medium, new StoredApprovalHandler(store));
        var call = Call("count", new { text = "later" }, "call-7");

        var first = await executor.ExecuteAsync(call, Context, Ct);
        first.Status.Should().Be(ToolExecutionStatus.PendingApproval);
        _counter.Runs.Should().Be(0);
        var pending = await store.ListPendingAsync(Ct);
        pending.Should().ContainSingle().Which.Request.ArgumentsJson.Should().Contain("later");

        (await executor.ExecuteAsync(call, Context, Ct)).Status.Should().Be(ToolExecutionStatus.PendingApproval, "nobody decided yet");

        await store.DecideAsync(pending[0].Request.RequestId, approved: true, decider: "alice", cancellationToken: Ct);
        var resumed = await executor.ExecuteAsync(call, Context, Ct);

        resumed.Status.Should().Be(ToolExecutionStatus.Succeeded);
        _counter.Runs.Should().Be(1);
        _audit.Entries.Should().Contain(e => e.Decision == ToolAuditDecision.Approved && e.Decider == "store:alice");
        (await store.ListPendingAsync(Ct)).Should().BeEmpty();
    }

    [Fact]
    public async Task Pending_approval_in_a_json_file_survives_a_new_store_instance_and_can_be_denied()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("approvals.json");
        var executor = Executor(DangerLevel.High, new StoredApprovalHandler(new JsonFileApprovalStore(path, _time)));
        var call = Call("count", new { text = "x" });

        (await executor.ExecuteAsync(call, Context, Ct)).Status.Should().Be(ToolExecutionStatus.PendingApproval);

        var otherProcessView = new JsonFileApprovalStore(path, _time);
        var pending = await otherProcessView.ListPendingAsync(Ct);
        pending.Should().ContainSingle();
        await otherProcessView.DecideAsync(pending[0].Request.RequestId, approved: false, decider: "bob", reason: "too risky", cancellationToken: Ct);

        var after = await executor.ExecuteAsync(call, Context, Ct);
        after.Status.Should().Be(ToolExecutionStatus.Rejected);
        after.Result.As<string>().Should().Contain("store:bob").And.Contain("too risky");
        _counter.Runs.Should().Be(0);
    }

    [Fact]
    public async Task Deciding_an_unknown_request_names_where_ids_come_from()
    {
        var act = async () => await new InMemoryApprovalStore().DecideAsync("nope", true, "x", cancellationToken: Ct);
        await act.Should().ThrowAsync<KeyNotFoundException>().WithMessage("*ListPendingAsync*");
    }

    [Theory]
    [InlineData("y\n", ToolExecutionStatus.Succeeded, 1)]
    [InlineData("yes\n", ToolExecutionStatus.Succeeded, 1)]
    [InlineData("n\n", ToolExecutionStatus.Rejected, 0)]
    [InlineData("", ToolExecutionStatus.Rejected, 0)]
    public async Task Console_prompt_shows_the_call_and_only_yes_approves(string typed, ToolExecutionStatus expected, int runs)
    {
        var output = new StringWriter();
        var handler = new ConsoleApprovalHandler(new StringReader(typed), output);

        var result = await Executor(DangerLevel.Medium, handler).ExecuteAsync(Call("count", new { text = "abc" }), Context, Ct);

        result.Status.Should().Be(expected);
        _counter.Runs.Should().Be(runs);
        output.ToString().Should().Contain("count (Medium)").And.Contain("\"text\":\"abc\"").And.Contain("[y/N]");
    }

    [Fact]
    public async Task Retry_safe_tool_is_retried_until_it_succeeds()
    {
        _counter.Behaviour = run => run < 3 ? throw new IOException($"flaky {run}") : Task.FromResult("ok");

        var result = await Executor(DangerLevel.Safe).ExecuteAsync(Call("count", new { text = "r" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Succeeded);
        _counter.Runs.Should().Be(3);
        _audit.Entries.Last().Detail.Should().Be("succeeded on attempt 3");
    }

    [Fact]
    public async Task Tool_with_side_effects_is_not_retried_and_the_error_reaches_the_model()
    {
        _counter.Behaviour = _ => throw new IOException("disk full");

        var result = await Executor(DangerLevel.Medium, new CallbackApprovalHandler(_ => true)).ExecuteAsync(Call("count", new { text = "r" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        result.Result.Should().Be("Tool 'count' failed after 1 attempt(s): IOException: disk full");
        _counter.Runs.Should().Be(1);
    }

    [Fact]
    public async Task Refusing_tool_is_not_retried()
    {
        _counter.Behaviour = _ => throw new ToolRefusedException("not here");
        var result = await Executor(DangerLevel.Safe).ExecuteAsync(Call("count", new { text = "r" }), Context, Ct);

        result.Result.Should().Be("Tool 'count' refused the call: not here");
        _counter.Runs.Should().Be(1);
    }

    [Fact]
    public async Task Hanging_tool_times_out_is_retried_once_and_reported()
    {
        _counter.Behaviour = _ => new TaskCompletionSource<string>().Task; // never completes, ignores cancellation
        // Real time here: the timeout must actually elapse while the tool hangs.
        var registry = Executor(DangerLevel.Safe).Registry;
        var executor = new ToolExecutor(registry, audit: _audit, timeProvider: TimeProvider.System,
            options: new ToolExecutorOptions { CallTimeout = TimeSpan.FromMilliseconds(100), MaxRetries = 1, RetryDelay = TimeSpan.Zero });

        var result = await executor.ExecuteAsync(Call("count", new { text = "slow" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        result.Result.As<string>().Should().Contain("failed after 2 attempt(s): timed out");
        _counter.Runs.Should().Be(2);
    }

    [Fact]
    public async Task Cancellation_is_the_only_thing_that_throws()
    {
        using var cancel = new CancellationTokenSource();
        _counter.Behaviour = async _ => { await cancel.CancelAsync(); await Task.Delay(Timeout.Infinite, cancel.Token); return "never"; };
        var executor = new ToolExecutor(Executor(DangerLevel.Safe).Registry, options: new ToolExecutorOptions { RetryDelay = TimeSpan.Zero });

        var act = () => executor.ExecuteAsync(Call("count", new { text = "c" }), Context, cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        _counter.Runs.Should().Be(1);
    }

    [Fact]
    public void Tools_are_offered_as_declarations_so_no_client_can_invoke_them_around_the_policy()
    {
        var tools = Executor(DangerLevel.Safe).Tools;
        tools.Should().ContainSingle().Which.Should().BeAssignableTo<AIFunctionDeclaration>().And.NotBeAssignableTo<AIFunction>();
        tools[0].Name.Should().Be("count");
    }

    [Fact]
    public async Task Audit_log_in_json_lines_reads_back()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("audit", "tools.jsonl");
        var registry = new ToolRegistry();
        registry.Register(_counter.Function(), DangerLevel.Critical, "test");
        var executor = new ToolExecutor(registry, audit: new JsonLinesToolAuditLog(path), timeProvider: _time);

        await executor.ExecuteAsync(Call("count", new { text = "a" }), Context, Ct);
        await executor.ExecuteAsync(Call("nothing"), Context, Ct);

        var entries = JsonLinesToolAuditLog.Read(path);
        entries.Select(e => e.Decision).Should().Equal(ToolAuditDecision.RejectedByPolicy, ToolAuditDecision.UnknownTool);
        entries[0].Level.Should().Be(DangerLevel.Critical);
    }

    [Fact]
    public void Registering_two_tools_with_one_name_is_refused_with_the_fix()
    {
        var registry = new ToolRegistry();
        registry.Register(_counter.Function(), DangerLevel.Safe, "builtin");
        var act = () => registry.Register(_counter.Function(), DangerLevel.Safe, "mcp:x");
        act.Should().Throw<InvalidOperationException>().WithMessage("*'count' is already registered (from builtin)*ToolNamePrefix*");
    }
}
