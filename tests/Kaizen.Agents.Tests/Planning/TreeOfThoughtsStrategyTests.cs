using System.Text.RegularExpressions;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Planning.Strategies;

namespace Kaizen.Agents.Tests.Planning;

/// <summary>
/// Tree-of-Thoughts with a scripted model answering by content: proposals per branch, a fixed score per thought,
/// and the answer naming the best branch.
/// </summary>
[Trait("Category", "planning-lib")]
public sealed partial class TreeOfThoughtsStrategyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string[]> Proposals = new()
    {
        ["(none)"] = ["A", "B", "C"],
        ["B"] = ["B1", "B2"],
        ["C"] = ["C1"],
        ["A"] = ["A1"],
    };

    private static readonly Dictionary<string, double> Scores = new()
    {
        ["A"] = 3, ["B"] = 8, ["C"] = 5, ["B1"] = 6, ["B2"] = 7.5, ["C1"] = 7, ["A1"] = 10,
    };

    private static ScriptedChatClient Model() => new(request =>
    {
        var prompt = request.LastUserText;
        if (prompt.Contains("Propose"))
        {
            var path = SoFar().Match(prompt).Groups[1].Value;
            var last = path.Split(" -> ")[^1];
            return ScriptedReply.Json(new { thoughts = Proposals.GetValueOrDefault(last, []) });
        }
        if (prompt.Contains("Score this"))
        {
            var last = prompt[(prompt.LastIndexOf("10 (solves the task): ", StringComparison.Ordinal) + 22)..].Split('\n')[0].Split(" -> ")[^1];
            return ScriptedReply.Json(new { score = Scores[last] });
        }
        var best = BestLine().Match(prompt).Groups[1].Value;
        return ScriptedReply.Json(new { answer = $"follow {best}" });
    });

    [Fact]
    public async Task Beam_keeps_the_best_candidates_and_answers_from_the_best_branch()
    {
        var model = Model();
        var strategy = new TreeOfThoughtsStrategy(model, new TreeOfThoughtsOptions { BeamWidth = 2, BranchFactor = 3, MaxDepth = 2 });

        var result = await strategy.SolveAsync("pick a route", Ct);

        result.Outcome.Should().Be(StrategyOutcome.Succeeded);
        result.Answer.Should().Be("follow B -> B2");
        result.Trace.Should().Contain("Depth 1 kept: B (8) | C (5)");
        result.Trace.Should().Contain("Depth 2 kept: B2 (7.5) | C1 (7)");
        model.Requests.Should().NotContain(r => r.LastUserText.Contains("Thoughts so far: A\n"), "the weakest branch is pruned");
        // 1 proposal + 3 scores at depth 1; 2 proposals + 3 scores at depth 2; 1 answer
        result.ModelCalls.Should().Be(10);
        model.Requests.Should().HaveCount(10);
    }

    [Fact]
    public async Task Beam_width_one_expands_only_the_single_best_branch()
    {
        var model = Model();
        var result = await new TreeOfThoughtsStrategy(model, new TreeOfThoughtsOptions { BeamWidth = 1, MaxDepth = 2 }).SolveAsync("pick", Ct);

        result.Answer.Should().Be("follow B -> B2");
        model.Requests.Count(r => r.LastUserText.Contains("Propose")).Should().Be(2);
        model.Requests.Should().NotContain(r => r.LastUserText.Contains("Thoughts so far: C\n"));
    }

    [Fact]
    public async Task Wide_beam_finds_the_branch_a_narrow_one_prunes()
    {
        var result = await new TreeOfThoughtsStrategy(Model(), new TreeOfThoughtsOptions { BeamWidth = 3, MaxDepth = 2 }).SolveAsync("pick", Ct);
        result.Answer.Should().Be("follow A -> A1", "A scores low at depth 1 but leads to the only 10");
    }

    [Fact]
    public async Task Solved_score_stops_the_search_early()
    {
        var model = Model();
        var result = await new TreeOfThoughtsStrategy(model, new TreeOfThoughtsOptions { BeamWidth = 2, MaxDepth = 3, SolvedScore = 8 }).SolveAsync("pick", Ct);

        result.Answer.Should().Be("follow B");
        result.ModelCalls.Should().Be(5, "one level (1 proposal + 3 scores) then the answer");
    }

    [Fact]
    public async Task No_candidates_is_a_stall()
    {
        var model = new ScriptedChatClient(_ => ScriptedReply.Json(new { thoughts = Array.Empty<string>() }));
        var result = await new TreeOfThoughtsStrategy(model).SolveAsync("pick", Ct);

        result.Outcome.Should().Be(StrategyOutcome.Stalled);
        result.Reason.Should().Be("no candidate thoughts at depth 1");
    }

    [GeneratedRegex(@"Thoughts so far: (.*)\n")]
    private static partial Regex SoFar();

    [GeneratedRegex(@"Best line of thought: (.*)\n")]
    private static partial Regex BestLine();
}
