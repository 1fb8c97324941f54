using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Orchestration;
using Kaizen.Agents.Orchestration.Strategies;
using Kaizen.Agents.Planning.Strategies;
using Kaizen.Specs.Support;
using Reqnroll;

namespace Kaizen.Specs.Planning;

/// <summary>
/// Reasoning strategies on the scenario's model: chain of thought, tree of thoughts and the adaptive runner that
/// switches between them. What the Then steps check is what the library recorded (trace, calls, monitor, switches),
/// compared with what the model really replied (the transcript), never the model's wording.
/// </summary>
[Binding]
public sealed partial class ReasoningSteps(AgentWorld world, ModelTranscript transcript)
{
    private readonly List<IReasoningStrategy> _strategies = [];
    private StrategyPerformanceMonitor _monitor = new();
    private AdaptiveResult? _adaptive;
    private StrategyResult? _single;
    private ChatScript _script = SensibleReasoner();
    private int _branchFactor;

    [Given("the strategies chain of thought and tree of thoughts on the model")]
    public void BothStrategies()
    {
        var model = world.ChatClient(_script);
        _strategies.Add(new ChainOfThoughtStrategy(model));
        _strategies.Add(new TreeOfThoughtsStrategy(model, new TreeOfThoughtsOptions { BranchFactor = 2, BeamWidth = 1, MaxDepth = 1 }));
    }

    [Given("the tree-of-thoughts strategy on the model, {int} thoughts per branch, a beam of {int}, {int} levels deep")]
    public void TreeOfThoughts(int branch, int beam, int depth)
    {
        _branchFactor = branch;
        // Never "solved" early, so every level is explored and the call count is fixed by the options.
        _strategies.Add(new TreeOfThoughtsStrategy(world.ChatClient(_script),
            new TreeOfThoughtsOptions { BranchFactor = branch, BeamWidth = beam, MaxDepth = depth, SolvedScore = 11 }));
    }

    [Given("the model's chain of thought ends without an answer")]
    public void ChainWithoutAnswer() => _script = new ChatScript()
        .When(r => r.SystemText.Contains("step by step", StringComparison.Ordinal), ScriptedReply.Say("""{"steps":["the timetable is not in the task"],"answer":""}"""), times: null)
        .Otherwise(SensibleReply);

    [When("the adaptive runner solves {string}")]
    public async Task AdaptiveSolves(string task) =>
        _adaptive = await new AdaptiveStrategyRunner(_strategies, _monitor).RunAsync(new AgentTask("task-1", task));

    [When("the strategy solves {string}")]
    public async Task StrategySolves(string task) => _single = await _strategies.Single().SolveAsync(task);

    [Then("the runner started with chain of thought, because the task is step-by-step reasoning")]
    public void StartedWithChain() =>
        _adaptive!.Selection.Should().Match<StrategySelection>(s => s.Kind == ReasoningStrategyKind.ChainOfThought && s.Reason.Contains("step-by-step"));

    [Then("every strategy run is recorded in the performance monitor with its outcome and model calls")]
    public void RecordedInMonitor()
    {
        var runs = _adaptive!.Runs;
        foreach (var kind in Enum.GetValues<ReasoningStrategyKind>())
        {
            var mine = runs.Where(r => r.Kind == kind).ToList();
            _monitor.For(kind).Should().Match<StrategyStats>(s =>
                s.Runs == mine.Count && s.Successes == mine.Count(r => r.Outcome == StrategyOutcome.Succeeded)
                && s.Stalls == mine.Count(r => r.Outcome == StrategyOutcome.Stalled) && s.ModelCalls == mine.Sum(r => r.ModelCalls));
        }
        runs.Sum(r => r.ModelCalls).Should().Be(transcript.Exchanges.Count, "each strategy counts the model requests it really made");
    }

    [Then("the runner stopped at the first answer, with a switch recorded for each strategy before it")]
    public void StoppedAtFirstAnswer()
    {
        var runs = _adaptive!.Runs;
        runs.SkipLast(1).Where(r => r.Succeeded).Should().BeEmpty("the runner stops at the first answer");
        _adaptive.Switches.Should().HaveCount(runs.Count - 1);
        for (var i = 0; i < _adaptive.Switches.Count; i++)
            _adaptive.Switches[i].Should().StartWith($"{runs[i].Kind} {runs[i].Outcome.ToString().ToLowerInvariant()}").And.EndWith($"switched to {runs[i + 1].Kind}");
        _adaptive.Final.Should().BeSameAs(runs[^1]);
        if (_adaptive.Final.Succeeded) _adaptive.Final.Answer.Should().NotBeNullOrWhiteSpace();
    }

    [Then("the chain-of-thought trace holds the model's reasoning steps, numbered, in its order")]
    public void ChainTrace()
    {
        var run = _adaptive!.Runs.Should().Contain(r => r.Kind == ReasoningStrategyKind.ChainOfThought).Subject;
        var reply = transcript.Exchanges.First(e => e.Request.Any(m => m.Text.Contains("step by step", StringComparison.Ordinal)));
        using var json = JsonDocument.Parse(reply.Response.Text);
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!).Where(s => s.Length > 0).ToList();
        steps.Should().NotBeEmpty("the reply schema asks for at least one step");
        run.Trace.Should().Equal(steps.Select((s, i) => $"Step {i + 1}: {s}"));
        run.ModelCalls.Should().Be(1, "a reply bound to the schema is read the first time");
    }

    [Then("the chain of thought stalled and the tree of thoughts gave the answer")]
    public void ChainStalledTreeAnswered()
    {
        _adaptive!.Runs.Select(r => (r.Kind, r.Outcome)).Should().Equal(
            (ReasoningStrategyKind.ChainOfThought, StrategyOutcome.Stalled), (ReasoningStrategyKind.TreeOfThoughts, StrategyOutcome.Succeeded));
        _adaptive.Runs[0].Reason.Should().Contain("no answer");
    }

    [Then("every candidate thought was scored from 0 to 10, {int} per branch")]
    public void EveryCandidateScored(int perBranch)
    {
        var candidates = Candidates();
        candidates.Should().NotBeEmpty();
        candidates.Should().OnlyContain(c => c.Score >= 0 && c.Score <= 10);
        candidates.GroupBy(c => c.Depth).Should().OnlyContain(level => level.Count() <= perBranch, "a beam of 1 proposes from one branch per level");
    }

    [Then("each level kept its best-scored candidate, the first one on a tie")]
    public void KeptBest()
    {
        var kept = _single!.Trace.Select(t => KeptLine().Match(t)).Where(m => m.Success)
            .ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => m.Groups[2].Value);
        foreach (var level in Candidates().GroupBy(c => c.Depth))
        {
            var best = level.OrderByDescending(c => c.Score).First();
            kept.Should().ContainKey(level.Key);
            kept[level.Key].Should().StartWith(best.Thought, "depth {0} keeps the highest score (first proposed on a tie)", level.Key);
        }
    }

    [Then("each level's proposals build on the line of thought kept before it, and the answer on the best line")]
    public void BuildsOnKeptLine()
    {
        var requests = transcript.Exchanges.Select(e => e.RequestText).ToList();
        var proposals = requests.Where(t => t.Contains("\nPropose ", StringComparison.Ordinal)).ToList();
        var line = new List<string>();
        foreach (var level in Candidates().GroupBy(c => c.Depth).OrderBy(g => g.Key))
        {
            proposals[level.Key - 1].Should().Contain($"Thoughts so far: {(line.Count == 0 ? "(none)" : string.Join(" -> ", line))}\n",
                "depth {0} proposes from the thoughts kept before it", level.Key);
            line.Add(level.OrderByDescending(c => c.Score).First().Thought);
        }
        requests[^1].Should().Contain($"Best line of thought: {string.Join(" -> ", line)}\n");
    }

    [Then("the strategy asked the model once per proposal, once per score and once for the answer")]
    public void CallCount()
    {
        var candidates = Candidates();
        var levels = candidates.Select(c => c.Depth).Distinct().Count();
        _single!.ModelCalls.Should().Be(levels + candidates.Count + 1).And.Be(transcript.Exchanges.Count);
        if (_single.Succeeded) _single.Answer.Should().NotBeNullOrWhiteSpace();
    }

    private List<(int Depth, string Thought, double Score)> Candidates() => _single!.Trace
        .Select(t => CandidateLine().Match(t)).Where(m => m.Success)
        .Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value, double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)))
        .ToList();

    // Only the scripted provider (KAIZEN_LLM_PROVIDER=scripted) reads this: plausible replies of each shape.
    private static ChatScript SensibleReasoner() => new ChatScript().Otherwise(SensibleReply);

    private static ScriptedReply SensibleReply(ScriptedRequest r) =>
        r.SystemText.Contains("step by step", StringComparison.Ordinal) ? ScriptedReply.Say("""{"steps":["14:10 plus 60 minutes is 15:10","plus 35 minutes is 15:45"],"answer":"15:45"}""")
        : r.LastUserText.Contains("Propose", StringComparison.Ordinal) ? ScriptedReply.Say("""{"thoughts":["count the minutes","convert to hours"]}""")
        : r.LastUserText.Contains("Score", StringComparison.Ordinal) ? ScriptedReply.Say(r.LastUserText.Contains("convert", StringComparison.Ordinal) ? """{"score":7}""" : """{"score":4}""")
        : ScriptedReply.Say("""{"answer":"15:45"}""");

    [GeneratedRegex(@"^Depth (\d+) candidate '(.*)' scored ([0-9.]+)$", RegexOptions.Singleline)]
    private static partial Regex CandidateLine();

    [GeneratedRegex(@"^Depth (\d+) kept: (.*)$", RegexOptions.Singleline)]
    private static partial Regex KeptLine();
}
