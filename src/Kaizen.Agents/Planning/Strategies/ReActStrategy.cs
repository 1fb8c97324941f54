using Kaizen.Agents.Planning;
using Kaizen.Agents.Tools;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Planning.Strategies;

/// <summary>Settings of the <see cref="ReActStrategy"/>.</summary>
public sealed class ReActOptions
{
    /// <summary>The most reason/act/observe cycles (model requests) before the run counts as stalled (default 8).</summary>
    public int MaxIterations { get; set; } = 8;

    /// <summary>Identifies the caller in tool calls and the audit log.</summary>
    public string AgentId { get; set; } = "react";

    /// <summary>The checkpoint thread recorded with tool calls (approval requests are keyed on it).</summary>
    public string ThreadId { get; set; } = "react";

    /// <summary>
    /// How the model must use tools on the first iteration (null: its own choice). <c>ChatToolMode.RequireAny</c> makes a
    /// small model that would only think aloud look something up first; later iterations leave the choice to the model.
    /// </summary>
    public ChatToolMode? FirstIterationToolMode { get; set; }
}

/// <summary>
/// ReAct: the model thinks, calls tools (through the <see cref="IToolExecutor"/>, so validation and approval apply),
/// sees the results, and repeats until it signals completion with <see cref="AgentReplyProtocol"/>
/// (<c>{"done":true,"outputs":{"answer":…}}</c>). Several tool calls in a row form a tool chain within the budget.
/// The same thought twice without acting, or the budget used up, is a stall.
/// </summary>
public sealed class ReActStrategy(IChatClient model, IToolExecutor? tools = null, ReActOptions? options = null) : IReasoningStrategy
{
    private const string System =
        "Solve the task with the ReAct pattern: think, act by calling a tool when you need information or an effect, " +
        "observe the result, repeat. Each reply is JSON: {\"done\":false,\"thought\":\"…\"} while working, " +
        "or {\"done\":true,\"outputs\":{\"answer\":\"…\"}} when finished.";

    private readonly IChatClient _model = model ?? throw new ArgumentNullException(nameof(model));
    private readonly ReActOptions _options = options ?? new ReActOptions();

    /// <inheritdoc />
    public ReasoningStrategyKind Kind => ReasoningStrategyKind.ReAct;

    /// <inheritdoc />
    public async Task<StrategyResult> SolveAsync(string task, CancellationToken cancellationToken = default)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, System), new(ChatRole.User, task) };
        var offered = tools?.Tools.ToList();
        var trace = new List<string>();
        string? previousThought = null;

        for (var iteration = 1; iteration <= _options.MaxIterations; iteration++)
        {
            ChatResponse reply;
            try
            {
                reply = await _model.GetResponseAsync(messages, OptionsFor(iteration, offered), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (Recoverable.Is(ex, cancellationToken))
            {
                return Result(StrategyOutcome.Failed, null, trace, iteration, $"the model failed: {ex.Message}");
            }
            messages.AddRange(reply.Messages);

            var calls = reply.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (calls.Count > 0)
            {
                var pending = await ActAsync(calls, messages, trace, iteration, cancellationToken).ConfigureAwait(false);
                if (pending is not null) return Result(StrategyOutcome.PendingApproval, null, trace, iteration, pending);
                previousThought = null;
                continue;
            }

            var parsed = AgentReplyProtocol.Parse(reply.Text);
            if (parsed.Done)
            {
                var answer = parsed.Outputs?["answer"]?.ToString() ?? parsed.Outputs?.ToJsonString() ?? reply.Text;
                trace.Add($"Answer: {answer}");
                return Result(StrategyOutcome.Succeeded, answer, trace, iteration, null);
            }
            trace.Add($"Thought: {parsed.Thought}");
            if (parsed.Thought == previousThought)
                return Result(StrategyOutcome.Stalled, null, trace, iteration, "the model repeated the same thought without acting");
            previousThought = parsed.Thought;
        }
        return Result(StrategyOutcome.Stalled, null, trace, _options.MaxIterations,
            $"no answer within {_options.MaxIterations} iterations");
    }

    private ChatOptions OptionsFor(int iteration, List<AITool>? offered) => new()
    {
        Tools = offered,
        ToolMode = iteration == 1 && offered is { Count: > 0 } ? _options.FirstIterationToolMode : null,
    };

    /// <summary>Runs the calls, adds their results to the conversation; returns a reason when one waits for approval.</summary>
    private async Task<string?> ActAsync(
        List<FunctionCallContent> calls, List<ChatMessage> messages, List<string> trace, int iteration, CancellationToken cancellationToken)
    {
        var results = new List<AIContent>();
        string? pending = null;
        foreach (var call in calls)
        {
            trace.Add($"Action: {call.Name}");
            ToolExecutionResult result = tools is null
                ? new ToolExecutionResult(call.CallId, call.Name, ToolExecutionStatus.Failed, $"No tools are available; '{call.Name}' cannot be called.")
                : await tools.ExecuteAsync(call, new ToolCallContext(_options.AgentId, _options.ThreadId, iteration), cancellationToken).ConfigureAwait(false);
            trace.Add($"Observation ({result.Status}): {result.Result}");
            if (result.Status == ToolExecutionStatus.PendingApproval) pending ??= result.Result?.ToString();
            results.Add(result.ToFunctionResult());
        }
        messages.Add(new ChatMessage(ChatRole.Tool, results));
        return pending;
    }

    private StrategyResult Result(StrategyOutcome outcome, string? answer, List<string> trace, int calls, string? reason) =>
        new(Kind, outcome, answer, trace, calls, reason);
}
