using System.Globalization;
using System.Text.RegularExpressions;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Planning;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Audit;
using Reqnroll;
using Kaizen.Specs.Memory;
using Kaizen.Specs.Support;
using Kaizen.Specs.Tools;
using Kaizen.Specs.Workloads.DataAnalysis;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Workflows;

/// <summary>
/// The enterprise workflow: a planner model plans the quarterly report; each step runs on the real agent loop with file
/// tools (approval for the write), LiteDB memory and checkpoints; the scripted step model reads what the tools return.
/// </summary>
[Binding]
public sealed partial class EnterpriseWorkflowSteps(AgentWorld world, ToolWorld tools, MemoryWorld memory, UsageLedger ledger)
{
    private static readonly string[] Regions = ["North", "South", "West"];
    private readonly Dictionary<string, decimal> _totals = new(StringComparer.Ordinal);
    private PlanningResult? _result;
    private int _checkpointInterval;

    [Given("a workspace with the sales files of {int} regions for the last quarter")]
    public void SalesFiles(int regions)
    {
        foreach (var (region, index) in Regions.Take(regions).Select((r, i) => (r, i)))
        {
            var file = SalesRecordsGenerator.Generate(100 + index, 40);
            var clean = string.Join("\n", file.Csv.Split('\n').Where((line, row) => row == 0 || !file.Anomalies.Any(a => a.Row == row)));
            File.WriteAllText(tools.PathOf($"{region.ToLowerInvariant()}.csv"), clean);
            // The truth is worked out from quantity × unit price; the scripted analyst adds up the total column it reads.
            _totals[region] = ExpectedTotalOf(clean);
        }
    }

    [Given("a planning agent with file tools, memory and a checkpoint every {int} turns")]
    public void PlanningAgentWithEverything(int interval)
    {
        _checkpointInterval = interval;
        tools.AddFileTools();
        tools.Equip();
        world.Memory = memory.Session("quarterly-report");
    }

    [When("the agent works on {string}")]
    public async Task Work(string goal)
    {
        var agent = world.BuildAgent("analyst", world.Config with
        {
            EnableCheckpoints = true,
            CheckpointInterval = _checkpointInterval,
            MaxTurns = 6,
            Prices = world.Config.Prices.With(world.Config.Provider, world.Config.Model, LongRunningWorld.ScenarioPrice),
        }, StepScript());
        var planner = world.ChatClient(new ChatScript().Otherwise(_ => ScriptedReply.Json(new
        {
            steps = Regions.Select(r => new { description = $"Read the {r} sales file {r.ToLowerInvariant()}.csv and total it", expected_outcome = $"the {r} total" })
                .Append(new { description = "Write the report to report.md", expected_outcome = "report.md with every region's total" }),
        })));
        _result = await new PlanningAgent(planner, new AgentStepExecutor(agent, maxTurnsPerStep: 6)).RunAsync(goal);
        _result.Succeeded.Should().BeTrue("{0}; earlier failures: {1}", _result.FailureReason, string.Join(" | ", _result.Plan.Failures.Select(f => $"{f.StepDescription}: {f.Error}")));
    }

    [Then("the plan covered reading each region's file and writing the report")]
    public void PlanCovered()
    {
        var steps = _result!.Plan.Steps.Select(s => s.Description).ToList();
        foreach (var region in _totals.Keys) steps.Should().Contain(s => s.Contains($"{region.ToLowerInvariant()}.csv"));
        steps[^1].Should().Contain("report.md");
        _result.Plan.IsComplete.Should().BeTrue();
    }

    [Then("each region's file was read exactly once")]
    public void EachReadOnce()
    {
        var reads = tools.Audit.Entries.Where(e => e.ToolName == "read_file" && e.Decision == ToolAuditDecision.Succeeded).Select(e => e.ArgumentsJson).ToList();
        foreach (var region in _totals.Keys) reads.Count(a => a.Contains($"{region.ToLowerInvariant()}.csv")).Should().Be(1, "{0}.csv", region);
        reads.Should().HaveCount(_totals.Count);
    }

    [Then("the report file contains the total sales of each region")]
    public void ReportHasTotals()
    {
        var report = File.ReadAllText(tools.PathOf("report.md"));
        foreach (var (region, total) in _totals) report.Should().Contain($"{region}: {Money(total)}");
    }

    [Then("approval was asked once, for the report")]
    public void ApprovalOnce() => tools.Asked.Should().ContainSingle().Which.ToolName.Should().Be("write_file");

    [Then("the memory of the run holds the total of each region")]
    public async Task MemoryHoldsTotals()
    {
        var turns = await memory.Session("quarterly-report").LoadTurnsAsync(0, 100_000);
        foreach (var (region, total) in _totals)
            turns.Should().Contain(t => t.Content.Contains($"{region}: {Money(total)}"), "the {0} total must be in memory", region);
    }

    [Then("at least {int} checkpoint was saved")]
    public async Task AtLeastOneCheckpoint(int count)
    {
        var store = world.Agent!.Checkpoints;
        var all = new List<CheckpointInfo>();
        foreach (var thread in await store.ListThreadsAsync()) all.AddRange(await store.ListAsync(thread));
        all.Should().HaveCountGreaterThanOrEqualTo(count);
    }

    [Then("the cost the agent reports is its tokens at the model's price")]
    public void CostAndUsage()
    {
        ledger.Total.Calls.Should().BePositive();
        ledger.Total.InputTokens.Should().BePositive();
        world.Agent!.Usage.Total.CostUsd.Should().Be(LongRunningWorld.ScenarioPrice.Cost(world.Agent.Usage.Total.InputTokens, world.Agent.Usage.Total.OutputTokens))
            .And.BePositive();
    }

    // The agent has memory, so the prompt holds recent turns of earlier steps too: the model looks at its own newest
    // tool call (and the result after it) to know where it is in the current step.
    private ChatScript StepScript() => new ChatScript().Otherwise(request =>
    {
        // The current step's prompt is the run's task: the first user message (older steps' prompts follow from memory).
        var prompt = request.Messages.First(m => m.Role == ChatRole.User).Text;
        var step = NowDo().Match(prompt);
        if (!step.Success) return ScriptedReply.Complete(new { result = "nothing to do" });
        var description = step.Groups[1].Value;
        var lastCall = request.Messages.Select((m, i) => (m, i)).LastOrDefault(p => p.m.Role == ChatRole.Assistant && p.m.Text.Contains("[called tool ", StringComparison.Ordinal));
        var lastResult = lastCall.m is null ? null : request.Messages.Skip(lastCall.i + 1).FirstOrDefault(m => m.Text.StartsWith("[tool ", StringComparison.Ordinal))?.Text;
        bool Called(string tool, string path) =>
            lastCall.m is not null && lastResult is not null && lastCall.m.Text.Contains($"[called tool {tool} ", StringComparison.Ordinal) && lastCall.m.Text.Contains(path, StringComparison.Ordinal);

        if (description.StartsWith("Read the ", StringComparison.Ordinal))
        {
            var region = description.Split(' ')[2];
            var file = $"{region.ToLowerInvariant()}.csv";
            if (!Called("read_file", file)) return ScriptedReply.CallTool("read_file", new { path = file });
            var read = lastResult!;
            var csv = read[(read.IndexOf(']') + 2)..];
            return ScriptedReply.Complete(new { result = $"{region}: {Money(TotalOf(csv))}" });
        }
        // Writing: the totals come from the completed steps the planning agent put in the step prompt.
        if (!Called("write_file", "report.md"))
        {
            var lines = TotalLine().Matches(prompt[..step.Index]).Select(m => m.Value).Distinct();
            return ScriptedReply.CallTool("write_file", new { path = "report.md", content = "# Quarterly sales\n\n" + string.Join("\n", lines.Select(l => "- " + l)) });
        }
        return ScriptedReply.Complete(new { result = "report.md written" });
    });

    private static decimal ExpectedTotalOf(string csv) => csv.Split('\n').Skip(1).Where(l => l.Length > 0)
        .Select(l => l.Split(','))
        .Sum(cells => int.Parse(cells[4], CultureInfo.InvariantCulture) * decimal.Parse(cells[5], CultureInfo.InvariantCulture));

    private static decimal TotalOf(string csv) => csv.Split('\n').Skip(1).Where(l => l.Length > 0)
        .Sum(l => decimal.Parse(l.Split(',')[6], CultureInfo.InvariantCulture));

    private static string Money(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Now do step \d+: ([^\n]*)")]
    private static partial Regex NowDo();

    [GeneratedRegex(@"(North|South|West|East|Central): [\d,]+\.\d\d")]
    private static partial Regex TotalLine();
}
