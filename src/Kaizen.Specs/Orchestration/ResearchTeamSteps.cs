using Kaizen.Agents;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Orchestration;
using Reqnroll;
using Kaizen.Specs.Memory;
using Kaizen.Specs.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Orchestration;

/// <summary>
/// A research team: researcher agents created as children of a team agent (so an interrupt of the team reaches them),
/// each with its own session in one shared LiteDB memory file, run by the meta-controller; a writer merges their findings.
/// </summary>
[Binding]
public sealed class ResearchTeamSteps(AgentWorld world, OrchestrationWorld orchestration, MemoryWorld memory, ModelTranscript transcript)
{
    private const string DefaultQuestions = "Congestion charging|Public transport investment|Cycling infrastructure";
    private readonly List<(string Name, AutonomousAgent Agent)> _researchers = [];
    private AutonomousAgent? _team;
    private AutonomousAgent? _writer;
    private IReadOnlyList<TaskOutcome> _outcomes = [];
    private IReadOnlyList<string> _questions = [];
    private string? _synthesis;
    private TaskOutcome? _synthesisOutcome;
    private Exception? _teamStop;

    [Given("{int} researcher agents and {int} writer agent sharing one memory store")]
    public void Team(int researchers, int writers)
    {
        writers.Should().Be(1, "the scenario has one writer");
        _team = world.BuildAgent("team", world.ConfigFor("team") with { EnableCheckpoints = true, CheckpointInterval = 1 });
        for (var i = 1; i <= researchers; i++)
        {
            var name = $"researcher-{i}";
            AutonomousAgent? created = null;
            var child = _team.CreateChild(name, overrides: new AgentServices
            {
                AgentId = name,
                Observers = [world.ObserverFor(() => created!)],
                ChatClient = world.ChatClient(ResearcherScript()),
                Memory = memory.Session(name),
            });
            created = child;
            _researchers.Add((name, child));
        }
        _writer = _team.CreateChild("writer", overrides: new AgentServices
        {
            AgentId = "writer",
            ChatClient = world.ChatClient(new ChatScript().Otherwise(request => ScriptedReply.Complete(new
            {
                result = "Synthesis. " + string.Join(" ", FindingLines(request.Messages.First(m => m.Role == ChatRole.User).Text)),
            }))),
            Memory = memory.Session("writer"),
        });
    }

    [When("the team researches {string} split into:")]
    public async Task Research(string question, DataTable subQuestions)
    {
        _questions = subQuestions.Rows.Select(r => r["sub-question"]).ToList();
        // The synthesis is one more task of the run: it depends on every research task, so the meta-controller starts it
        // after them and hands it their findings.
        var research = Tasks(question).ToList();
        var synthesis = new AgentTask("synthesis", $"Write a synthesis answering \"{question}\" from the findings below.")
        {
            RequiredCapabilities = ["writing"],
            DependsOn = [.. research.Select(t => t.Id)],
        };
        var controller = Controller().Register(new AutonomousTaskAgent("writer", ["writing"], _writer!, maxTurns: 3));
        var all = await controller.RunAllAsync([.. research, synthesis]);
        _outcomes = all.Take(research.Count).ToList();
        _synthesisOutcome = all[^1];
        _synthesis = _synthesisOutcome.Output;
    }

    [When("the team researches {string} and the run is interrupted after the first findings")]
    public async Task ResearchInterrupted(string question)
    {
        _questions = DefaultQuestions.Split('|');
        var fired = false;
        world.OnEvent((e, _) =>
        {
            if (fired || e is not TurnFinished || !e.AgentId.StartsWith("researcher-", StringComparison.Ordinal)) return;
            fired = true;
            _team!.Interrupts.RequestInterrupt(InterruptSource.User, InterruptMode.Graceful, "the user stopped the research team");
        });
        try { _outcomes = await Controller().RunAllAsync(Tasks(question)); }
        catch (AgentInterruptedException stop) { _teamStop = stop; }
    }

    [Then("every sub-question was researched by exactly one researcher")]
    public void EachByOne()
    {
        _outcomes.Should().HaveCount(_questions.Count).And.OnlyContain(o => o.Succeeded && o.Attempts.Count == 1,
            "outcomes: {0}", string.Join("; ", _outcomes.Select(o => $"{o.TaskId}: {o.AgentName} {o.FailureReason} [{string.Join(", ", o.Attempts.Select(a => $"{a.AgentName}: {a.Error}"))}]")));
        world.Events.OfType<RunFinished>().Count(e => e.AgentId.StartsWith("researcher-", StringComparison.Ordinal))
            .Should().Be(_questions.Count, "one research run per sub-question");
    }

    [Then("every finding of every researcher is in the shared memory")]
    public async Task FindingsInMemory()
    {
        var stored = new List<string>();
        foreach (var (name, _) in _researchers)
            stored.AddRange((await memory.Session(name).LoadTurnsAsync(0, 10_000)).Select(t => t.Content));
        foreach (var question in _questions)
            foreach (var finding in Findings(question))
                stored.Should().Contain(c => c.Contains(finding, StringComparison.Ordinal), "the finding \"{0}\" must be in the memory file", finding);
    }

    [Then("the writer was handed every researcher's findings by the meta-controller")]
    public void WriterHandedFindings()
    {
        _synthesisOutcome!.Succeeded.Should().BeTrue(_synthesisOutcome.FailureReason);
        _synthesisOutcome.AgentName.Should().Be("writer");
        var writerTask = transcript.Of("writer").Should().NotBeEmpty().And.Subject.First().RequestText;
        foreach (var outcome in _outcomes) writerTask.Should().Contain(outcome.Output!, "the findings of {0} reach the writer", outcome.TaskId);
    }

    [Then("the writer's synthesis mentions every sub-question")]
    public void SynthesisMentionsAll()
    {
        foreach (var question in _questions) _synthesis.Should().Contain(question);
    }

    [Then("every running researcher stopped with the interrupt's reason")]
    public void EveryRunningStopped()
    {
        _teamStop.Should().NotBeNull("an interrupt of the team reaches the caller; the researchers' runs ended: {0}; outcomes: {1}",
            string.Join(", ", world.Events.Where(e => e is RunFinished or RunInterrupted).Select(e => $"{e.AgentId}@{e.Turn}:{e.GetType().Name}")),
            string.Join("; ", _outcomes.Select(o => $"{o.TaskId}: {o.AgentName} {string.Join(", ", o.Attempts.Select(a => $"{a.AgentName}: {a.Error}"))}")));
        var started = world.Events.OfType<TurnStarted>().Where(e => e.AgentId.StartsWith("researcher-", StringComparison.Ordinal)).Select(e => e.AgentId).Distinct().ToList();
        started.Should().NotBeEmpty();
        var interrupted = world.Events.OfType<RunInterrupted>().ToList();
        foreach (var agent in started)
            interrupted.Should().Contain(e => e.AgentId == agent && e.Reason.Message.Contains("the user stopped the research team"),
                "{0} was running when the team was interrupted", agent);
        world.Events.OfType<RunFinished>().Where(e => e.AgentId.StartsWith("researcher-", StringComparison.Ordinal))
            .Should().BeEmpty("no researcher may finish its task after the team was stopped");
    }

    [Then("each stopped researcher saved its own checkpoint")]
    public async Task EachSavedCheckpoint()
    {
        var interrupted = world.Events.OfType<RunInterrupted>().Where(e => e.AgentId.StartsWith("researcher-", StringComparison.Ordinal)).ToList();
        interrupted.Select(e => e.ThreadId).Should().OnlyHaveUniqueItems("each researcher runs its own thread");
        foreach (var stop in interrupted)
        {
            stop.Reason.CheckpointId.Should().NotBeNull();
            var checkpoint = await _team!.Checkpoints.LoadAsync(stop.Reason.CheckpointId!);
            checkpoint.Info.ThreadId.Should().Be(stop.ThreadId);
        }
    }

    private MetaController Controller()
    {
        var controller = new MetaController(orchestration.Options);
        foreach (var (name, agent) in _researchers)
            controller.Register(new AutonomousTaskAgent(name, ["research"], agent, maxTurns: 4));
        return controller;
    }

    private IEnumerable<AgentTask> Tasks(string question) =>
        _questions.Select((q, i) => new AgentTask($"q{i + 1}", $"Research: {q} (for: {question})") { RequiredCapabilities = ["research"] });

    // Turn 1 looks for sources, turn 2 notes the findings, turn 3 reports them.
    private static ChatScript ResearcherScript() => new ChatScript().Otherwise(request =>
    {
        var task = request.Messages.First(m => m.Role == ChatRole.User).Text;
        var question = task.Split("Research: ")[1].Split(" (for:")[0];
        var ownTurns = request.Messages.Count(m => m.Role == ChatRole.Assistant && m.Text.Contains(question, StringComparison.Ordinal));
        return ownTurns switch
        {
            0 => ScriptedReply.Working($"Looking for sources on {question}."),
            1 => ScriptedReply.Working($"Findings on {question}: {string.Join(" ", Findings(question))}"),
            _ => ScriptedReply.Complete(new { result = $"{question}: {string.Join(" ", Findings(question))}" }),
        };
    });

    private static IReadOnlyList<string> Findings(string question) =>
    [
        $"[{question}] Two city studies report lower peak traffic after the change.",
        $"[{question}] Effects grew over the first three years.",
    ];

    private static IEnumerable<string> FindingLines(string text) =>
        text.Split('\n').Where(l => l.Contains(": [", StringComparison.Ordinal)).Select(l => l.Trim());
}
