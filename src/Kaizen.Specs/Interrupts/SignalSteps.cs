using Kaizen.Agents.Checkpoints;
using Kaizen.Specs.Support;
using Kaizen.Testing.Processes;
using Reqnroll;

namespace Kaizen.Specs.Interrupts;

/// <summary>
/// Ctrl+C for real: the agent runs in its own process (Kaizen.Agents.TestHost on the local model, interrupts enabled)
/// and receives a real SIGINT. What the Then steps check comes from that process's output and its checkpoint file.
/// </summary>
[Binding]
public sealed class SignalSteps(ScenarioWorkspace workspace)
{
    // A reply of the local model on a loaded 2-core machine can take a while; the process is given time, not a deadline.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);
    private readonly List<string> _lines = [];
    private string _dataFolder = "";
    private string _task = "";
    private string[] _interrupted = [];
    private int _exitCode = -1;

    [Given("an agent process with interrupts enabled")]
    public void AgentProcess() => _dataFolder = workspace.FolderOf("agent-process");

    [When("the user presses Ctrl+C while the agent works on {string}")]
    public Task CtrlC(string task) => PressCtrlC(task, times: 1);

    [When("the user presses Ctrl+C twice while the agent works on {string}")]
    public Task CtrlCTwice(string task) => PressCtrlC(task, times: 2);

    private async Task PressCtrlC(string task, int times)
    {
        _task = task;
        using var agent = Testing.Processes.AgentProcess.StartPatient(Patience, "run-local", _dataFolder, "3", "100", task);
        _lines.Add(await agent.ReadUntilAsync("thread"));
        _lines.Add(await agent.ReadUntilAsync("turn-started 1"));
        agent.Signal("INT");
        // The second press comes while the model is still reading the first turn's prompt (seconds on a CPU).
        for (var press = 2; press <= times; press++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            agent.Signal("INT");
        }
        while (await agent.ReadLineAsync() is { } line)
        {
            _lines.Add(line);
            if (line.StartsWith("interrupted ", StringComparison.Ordinal) || line.StartsWith("done ", StringComparison.Ordinal)) break;
        }
        _exitCode = await agent.WaitForExitAsync();
        _interrupted = _lines.LastOrDefault(l => l.StartsWith("interrupted ", StringComparison.Ordinal))?.Split(' ') ?? [];
    }

    private string[] Interrupted()
    {
        _interrupted.Should().HaveCount(4, "the agent process must report an interrupt (exit {0}); it printed: {1}", _exitCode, string.Join(" | ", _lines));
        _exitCode.Should().Be(3, "the host exits with 3 after an interrupt");
        return _interrupted;
    }

    [Then("the run stops gracefully after finishing the turn in progress")]
    public async Task StoppedAfterTurnInProgress()
    {
        Interrupted()[2].Should().Be("Graceful");
        var inProgress = TurnInProgress();
        var state = (await LoadNamedCheckpointAsync()).State;
        state.Turn.Should().Be(inProgress, "a graceful stop finishes the turn in progress (turn {0}) and starts no other", inProgress);
        state.Conversation.Should().Contain(c => c.Role == ConversationEntry.AssistantRole && c.Turn == inProgress, "the model's answer of the interrupted turn is kept");
    }

    [Then("the run stops at once, without finishing the turn in progress")]
    public async Task StoppedAtOnce()
    {
        Interrupted()[2].Should().Be("Immediate", "a second Ctrl+C turns the graceful stop into an immediate one");
        var inProgress = TurnInProgress();
        var state = (await LoadNamedCheckpointAsync()).State;
        state.Turn.Should().Be(inProgress - 1, "an immediate stop keeps only the turns that were finished");
        state.Conversation.Should().NotContain(c => c.Turn == inProgress && c.Role != ConversationEntry.UserRole,
            "nothing of the interrupted turn {0} is kept but the task it was given", inProgress);
    }

    [Then("the interrupt came from the user")]
    public void FromUser() => Interrupted()[1].Should().Be("User", "SIGINT is the user's Ctrl+C");

    [Then("a checkpoint of that turn was saved before the run stopped")]
    public void CheckpointBeforeStop()
    {
        var id = Interrupted()[3];
        var saved = _lines.FindIndex(l => l == $"checkpoint {TurnInProgress()} {id}");
        saved.Should().BeGreaterThanOrEqualTo(0, "the process reported saving checkpoint {0}; it printed: {1}", id, string.Join(" | ", _lines));
        saved.Should().BeLessThan(_lines.FindIndex(l => l.StartsWith("interrupted ", StringComparison.Ordinal)));
    }

    // The last turn the process started: the one running when the signal arrived (no turn starts after it).
    private int TurnInProgress() => _lines.Where(l => l.StartsWith("turn-started ", StringComparison.Ordinal))
        .Select(l => int.Parse(l["turn-started ".Length..], System.Globalization.CultureInfo.InvariantCulture)).Should().NotBeEmpty().And.Subject.Max();

    [Then("the checkpoint named in the interrupt can be loaded")]
    public async Task CheckpointLoads()
    {
        var checkpoint = await LoadNamedCheckpointAsync();
        checkpoint.State.Task.Should().Be(_task);
        checkpoint.Info.Kind.Should().Be(CheckpointKind.Interrupt);
        checkpoint.Info.ThreadId.Should().Be(_lines[0].Split(' ')[1]);
    }

    private async Task<Checkpoint> LoadNamedCheckpointAsync()
    {
        using var store = new LiteDbCheckpointStore(Path.Combine(_dataFolder, "checkpoints.db"));
        return await store.LoadAsync(Interrupted()[3]);
    }
}
