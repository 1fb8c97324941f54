using System.Runtime.ExceptionServices;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Planning;

namespace Kaizen.Agents.Orchestration;

/// <summary>
/// Coordinates agents: routes each task to the best capable agent (the least busy among equally good ones), moves it to
/// the next capable agent when one fails (keeping every reason), and runs independent tasks in parallel under a
/// concurrency limit with results in task order. An interrupt stops the whole run: running members stop at their turn
/// boundary and tasks not yet started are not started.
/// </summary>
public sealed class MetaController
{
    private readonly MetaControllerOptions _options;
    private readonly List<ITaskAgent> _agents = [];
    private readonly Lock _gate = new();
    private readonly AgentLoad _load = new();

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

    /// <summary>
    /// Runs one task: the routed agents in order until one succeeds (at most <see cref="MetaControllerOptions.MaxAttemptsPerTask"/>).
    /// Among equally ranked agents the one with the fewest running tasks, then the fewest tasks so far, is tried first.
    /// </summary>
    /// <exception cref="AgentInterruptedException">The agent running the task was interrupted.</exception>
    public async Task<TaskOutcome> RunAsync(AgentTask task, CancellationToken cancellationToken = default)
    {
        var (outcome, interrupt) = await RunTaskAsync(task, cancellationToken).ConfigureAwait(false);
        if (interrupt is not null) ExceptionDispatchInfo.Throw(interrupt);
        return outcome;
    }

    /// <summary>
    /// Runs tasks in parallel (at most <see cref="MetaControllerOptions.MaxConcurrency"/> at once); a task starts after
    /// the tasks it <see cref="AgentTask.DependsOn"/> succeeded, and fails without running if one of them failed.
    /// Results come back in the order of <paramref name="tasks"/>. Cancellation stops waiting tasks and throws.
    /// </summary>
    /// <exception cref="TasksInterruptedException">
    /// A member was interrupted (its team was, or its own interrupt fired, e.g. a tool waiting for approval) or
    /// <see cref="MetaControllerOptions.Interrupts"/> was: no task started after that, the running ones were let stop,
    /// and the exception carries every task's outcome.
    /// </exception>
    public async Task<IReadOnlyList<TaskOutcome>> RunAllAsync(IEnumerable<AgentTask> tasks, CancellationToken cancellationToken = default)
    {
        var list = tasks?.ToList() ?? throw new ArgumentNullException(nameof(tasks));
        TaskGraph.Validate(list);

        using var slots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
        var stop = new StopLatch(_options.Interrupts);
        var running = new Dictionary<string, Task<TaskOutcome>>(StringComparer.Ordinal);
        var pending = new Dictionary<string, TaskCompletionSource<TaskOutcome>>(StringComparer.Ordinal);
        foreach (var task in list) pending[task.Id] = new TaskCompletionSource<TaskOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);

        foreach (var task in list)
            running[task.Id] = RunWhenReadyAsync(task, pending, slots, stop, cancellationToken);

        var outcomes = await Task.WhenAll(list.Select(t => running[t.Id])).ConfigureAwait(false);
        if (stop.Stopped is { } reason) throw new TasksInterruptedException(reason, outcomes, stop.MemberInterrupt);
        return outcomes;
    }

    private async Task<TaskOutcome> RunWhenReadyAsync(
        AgentTask task, Dictionary<string, TaskCompletionSource<TaskOutcome>> all, SemaphoreSlim slots, StopLatch stop, CancellationToken cancellationToken)
    {
        var own = all[task.Id];
        try
        {
            // Wait for dependencies before taking a slot, so waiting tasks never block runnable ones.
            var dependencies = await Task.WhenAll(task.DependsOn.Select(d => all[d].Task)).WaitAsync(cancellationToken).ConfigureAwait(false);
            var failed = dependencies.FirstOrDefault(d => !d.Succeeded);
            TaskOutcome outcome;
            if (stop.Check() is { } before)
                outcome = NotRun(task, before);
            else if (failed is not null)
                outcome = new TaskOutcome(task.Id, false, null, null, [], "not routed", $"dependency '{failed.TaskId}' failed, so the task did not run");
            else
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    // The interrupt may have come while this task waited for a slot.
                    if (stop.Check() is { } meanwhile) outcome = NotRun(task, meanwhile);
                    else
                    {
                        var withInputs = task.DependsOn.Count == 0 ? task : task with
                        {
                            DependencyResults = [.. dependencies.Select(d => new KeyValuePair<string, string>(d.TaskId, d.Output ?? ""))],
                        };
                        (outcome, var interrupt) = await RunTaskAsync(withInputs, cancellationToken).ConfigureAwait(false);
                        if (interrupt is not null) stop.MemberStopped(interrupt);
                    }
                }
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

    // Runs the attempts of one task; an interrupted attempt ends the task and is handed back instead of thrown.
    private async Task<(TaskOutcome Outcome, AgentInterruptedException? Interrupt)> RunTaskAsync(AgentTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var decision = await _options.Router.RouteAsync(task, Agents, cancellationToken).ConfigureAwait(false);
        if (decision.Candidates.Count == 0)
            return (new TaskOutcome(task.Id, false, null, null, [], decision.Reason, decision.Reason), null);

        var (order, why) = _load.PlanAndStartFirst(decision);
        var routing = why is null ? decision.Reason : $"{decision.Reason}; {why}";
        var attempts = new List<TaskAttempt>();
        var tries = order.Take(_options.MaxAttemptsPerTask).ToList();
        for (var i = 0; i < tries.Count; i++)
        {
            var agent = tries[i];
            if (i > 0) _load.Start(agent);
            var started = _options.TimeProvider.GetTimestamp();
            TaskAgentResult result;
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Routing and slots are taken in task order on the caller's flow; the agent's work runs on the thread
                // pool, so an agent whose first step is synchronous (an in-process model) cannot hold back the next task.
                result = await Task.Run(() => agent.RunAsync(task, cancellationToken), CancellationToken.None).ConfigureAwait(false);
            }
            catch (AgentInterruptedException stopped)
            {
                var message = $"interrupted: {stopped.Reason}";
                attempts.Add(new TaskAttempt(agent.Name, false, message, _options.TimeProvider.GetElapsedTime(started)));
                return (new TaskOutcome(task.Id, false, null, null, attempts, routing, message), stopped);
            }
            catch (Exception ex) when (Recoverable.Is(ex, cancellationToken))
            {
                result = TaskAgentResult.Failure($"{ex.GetType().Name}: {ex.Message}");
            }
            finally
            {
                _load.Finish(agent);
            }
            var duration = _options.TimeProvider.GetElapsedTime(started);
            attempts.Add(new TaskAttempt(agent.Name, result.Succeeded, result.Succeeded ? null : result.Error ?? "failed without a reason", duration));
            if (result.Succeeded)
                return (new TaskOutcome(task.Id, true, result.Output, agent.Name, attempts, routing, null), null);
        }

        var reasons = string.Join("; ", attempts.Select(a => $"{a.AgentName}: {a.Error}"));
        return (new TaskOutcome(task.Id, false, null, null, attempts, routing, $"every agent tried failed ({reasons})"), null);
    }

    private static TaskOutcome NotRun(AgentTask task, InterruptReason reason) =>
        new(task.Id, false, null, null, [], "not routed", $"not run: the run was interrupted before the task started ({reason.Message})");

    // The first interrupt of one RunAllAsync: a member's, or one seen standing on the team's manager before a task started.
    private sealed class StopLatch(InterruptManager? team)
    {
        private AgentInterruptedException? _member;
        private InterruptReason? _team;

        public AgentInterruptedException? MemberInterrupt => Volatile.Read(ref _member);

        /// <summary>Why the run stops, or null; asks the team's manager too.</summary>
        public InterruptReason? Check()
        {
            if (Stopped is { } known) return known;
            if (team?.Reason is { } reason) Interlocked.CompareExchange(ref _team, reason, null);
            return Stopped;
        }

        /// <summary>The interrupt that stopped the run, if any (without asking the team's manager again).</summary>
        public InterruptReason? Stopped => MemberInterrupt?.Reason ?? Volatile.Read(ref _team);

        public void MemberStopped(AgentInterruptedException interrupt) => Interlocked.CompareExchange(ref _member, interrupt, null);
    }
}
