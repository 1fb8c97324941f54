using Kaizen.Agents.Tools;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Agents.Support;

/// <summary>A test implementation of <see cref="IToolExecutor"/> running real delegates, with an approval list.</summary>
public sealed class DelegateToolExecutor : IToolExecutor
{
    private readonly Dictionary<string, Func<IDictionary<string, object?>, object?>> _tools = [];

    public HashSet<string> NeedsApproval { get; } = [];
    public HashSet<string> Approved { get; } = [];
    public List<(FunctionCallContent Call, ToolCallContext Context)> Executed { get; } = [];

    public IReadOnlyList<AITool> Tools => _tools.Keys.Select(name => (AITool)AIFunctionFactory.Create(() => "", name, $"test tool {name}")).ToList();

    public DelegateToolExecutor Add(string name, Func<IDictionary<string, object?>, object?> body)
    {
        _tools[name] = body;
        return this;
    }

    public Task<ToolExecutionResult> ExecuteAsync(FunctionCallContent call, ToolCallContext context, CancellationToken cancellationToken = default)
    {
        if (!_tools.TryGetValue(call.Name, out var body))
            return Task.FromResult(new ToolExecutionResult(call.CallId, call.Name, ToolExecutionStatus.Failed, $"unknown tool {call.Name}"));
        if (NeedsApproval.Contains(call.Name) && !Approved.Contains(call.CallId))
            return Task.FromResult(new ToolExecutionResult(call.CallId, call.Name, ToolExecutionStatus.PendingApproval, null));
        Executed.Add((call, context));
        return Task.FromResult(new ToolExecutionResult(call.CallId, call.Name, ToolExecutionStatus.Succeeded, body(call.Arguments ?? new Dictionary<string, object?>())));
    }
}
