using Kaizen.Agents.Planning;

namespace Kaizen.Agents.Orchestration;

/// <summary>
/// Coordinates agents: routes each task to the best capable agent, moves it to the next capable agent when one fails
/// (keeping every reason), and runs independent tasks in parallel under a concurrency limit with results in task order.
/// </summary>
public sealed class MetaController
{
    private readonly MetaControllerOptions _options;
    private readonly List<ITaskAgent> _agents = [];
    private readonly Lock _gate = new();

    /// <summary>Creates a controller.</summary>
    public MetaController(MetaControllerOptions? options = null)
    {
        _options = options ?? new MetaControllerOptions();
        if (_options.MaxConcurrency < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxConcurrency must be at least 1.");
        if (_options.MaxAttemptsPerTask < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxAttemptsPerTask must be at least 1.");
    }

    /// <summary>The registered agents in registration order.</summary>
    public IReadOnlyList<ITaskAgent> Agents { get { lock (_gate) return _agents.ToList(); } }

    /// <summary>Adds an agent; names must be unique.</summary>
    public MetaController Register(ITaskAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        lock (_gate)
        {
            if (_agents.Any(a => string.Equals(a.Name, agent.Name, StringComparison.OrdinalIgnoreCase)))
                throw new InvalidOperationException($"An agent named '{agent.Name}' is already registered.");
            _agents.Add(agent);
        }
        return this;
    }

    /// <summary>Runs one task: the routed agents in order until one succeeds (at most <see cref="MetaControllerOptions.MaxAttemptsPerTask"/>).</summary>
    public async Task<TaskOutcome> RunAsync(AgentTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var decision = await _options.Router.RouteAsync(task, Agents, cancellationToken);
        if (decision.Candidates.Count == 0)
            return new TaskOutcome(task.Id, false, null, null, [], decision.Reason, decision.Reason);

        var attempts = new List<TaskAttempt>();
        foreach (var agent in decision.Candidates.Take(_options.MaxAttemptsPerTask))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = _options.TimeProvider.GetTimestamp();
            TaskAgentResult result;
            try
            {
                result = await agent.RunAsync(task, cancellationToken);
            }
            catch (Exception ex) when (Recoverable.Is(ex, cancellationToken))
            {
                result = TaskAgentResult.Failure($"{ex.GetType().Name}: {ex.Message}");
            }
            var duration = _options.TimeProvider.GetElapsedTime(started);
            attempts.Add(new TaskAttempt(agent.Name, result.Succeeded, result.Succeeded ? null : result.Error ?? "failed without a reason", duration));
            if (result.Succeeded)
                return new TaskOutcome(task.Id, true, result.Output, agent.Name, attempts, decision.Reason, null);
        }

        var reasons = string.Join("; ", attempts.Select(a => $"{a.AgentName}: {a.Error}"));
        return new TaskOutcome(task.Id, false, null, null, attempts, decision.Reason, $"every agent tried failed ({reasons})");
    }

    /// <summary>
    /// Runs tasks in parallel (at most <see cref="MetaControllerOptions.MaxConcurrency"/> at once); a task starts after
    /// the tasks it <see cref="AgentTask.DependsOn"/> succeeded, and fails without running if one of them failed.
    /// Results come back in the order of <paramref name="tasks"/>. Cancellation stops waiting tasks and throws.
    /// </summary>
    public async Task<IReadOnlyList<TaskOutcome>> RunAllAsync(IEnumerable<AgentTask> tasks, CancellationToken cancellationToken = default)
    {
        var list = tasks?.ToList() ?? throw new ArgumentNullException(nameof(tasks));
        TaskGraph.Validate(list);

        using var slots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
        var running = new Dictionary<string, Task<TaskOutcome>>(StringComparer.Ordinal);
        var pending = new Dictionary<string, TaskCompletionSource<TaskOutcome>>(StringComparer.Ordinal);
        foreach (var task in list) pending[task.Id] = new TaskCompletionSource<TaskOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);

        foreach (var task in list)
            running[task.Id] = RunWhenReadyAsync(task, pending, slots, cancellationToken);

        return await Task.WhenAll(list.Select(t => running[t.Id]));
    }

    private async Task<TaskOutcome> RunWhenReadyAsync(
        AgentTask task, Dictionary<string, TaskCompletionSource<TaskOutcome>> all, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        var own = all[task.Id];
        try
        {
            // Wait for dependencies before taking a slot, so waiting tasks never block runnable ones.
            var dependencies = await Task.WhenAll(task.DependsOn.Select(d => all[d].Task)).WaitAsync(cancellationToken);
            var failed = dependencies.FirstOrDefault(d => !d.Succeeded);
            TaskOutcome outcome;
            if (failed is not null)
            {
                var why = $"dependency '{failed.TaskId}' failed, so the task did not run";
                outcome = new TaskOutcome(task.Id, false, null, null, [], "not routed", why);
            }
            else
            {
                await slots.WaitAsync(cancellationToken);
                try { outcome = await RunAsync(task, cancellationToken); }
                finally { slots.Release(); }
            }
            own.TrySetResult(outcome);
            return outcome;
        }
        catch (Exception ex)
        {
            if (ex is OperationCanceledException) own.TrySetCanceled(cancellationToken);
            else own.TrySetException(ex);
            throw;
        }
    }
}
