using Kaizen.Agents.Orchestration;
using Kaizen.Agents.Orchestration.Strategies;
using Kaizen.Agents.Planning.Strategies;
using Reqnroll;

namespace Kaizen.Specs.Orchestration;

/// <summary>The strategy selector with a performance record filled through the monitor, as past runs would.</summary>
[Binding]
public sealed class StrategyChoiceSteps
{
    private readonly StrategyPerformanceMonitor _monitor = new();
    private StrategySelection? _selection;

    [Given("chain of thought has solved {int} of its {int} tasks and tree of thoughts {int} of its {int}")]
    public void PastResults(int cotSolved, int cotRuns, int totSolved, int totRuns)
    {
        Record(ReasoningStrategyKind.ChainOfThought, cotSolved, cotRuns);
        Record(ReasoningStrategyKind.TreeOfThoughts, totSolved, totRuns);
    }

    [When("a strategy is chosen for {string}")]
    public void Choose(string task) => _selection = new StrategySelector(_monitor).Select(new AgentTask("task-1", task));

    [Then(@"(chain of thought|tree of thoughts) is chosen, because (.*)")]
    public void Chosen(string strategy, string why)
    {
        var expected = strategy == "tree of thoughts" ? ReasoningStrategyKind.TreeOfThoughts : ReasoningStrategyKind.ChainOfThought;
        _selection!.Kind.Should().Be(expected, "the selector said: {0}", _selection.Reason);
        if (expected == ReasoningStrategyKind.ChainOfThought) _selection.Reason.Should().Be(why, "the record did not override the usual choice");
        else _selection.Reason.Should().StartWith(why);
    }

    private void Record(ReasoningStrategyKind kind, int solved, int runs)
    {
        for (var i = 0; i < runs; i++)
            _monitor.Record(kind, i < solved ? StrategyOutcome.Succeeded : StrategyOutcome.Failed, TimeSpan.FromSeconds(1), modelCalls: 1);
    }
}
