using Kaizen.LivingDoc.Model;
using Kaizen.LivingDoc.Tests.Support;

namespace Kaizen.LivingDoc.Tests;

[Trait("Category", "livingdoc")]
public sealed class HistoryTests
{
    private static readonly string Scratch = TestPaths.NewScratchFolder();

    [Theory]
    [InlineData("P", "")]
    [InlineData("-P", "new")]
    [InlineData("--P", "new")]
    [InlineData("PF", "regressed")]
    [InlineData("P-F", "regressed")]
    [InlineData("FP", "fixed")]
    [InlineData("UP", "fixed")]
    [InlineData("PFP", "fixed,flaky")]
    [InlineData("PFPP", "flaky")]
    [InlineData("PPPP", "")]
    [InlineData("FFFF", "")]
    [InlineData("PSF", "regressed")]
    [InlineData("PF-", "")]
    public void Labels_follow_the_scenarios_history(string history, string expected)
    {
        HistoryLabels.For(history, passedAfterRetry: false).Should().Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_scenario_that_passed_only_after_a_retry_is_flaky()
    {
        HistoryLabels.For("P", passedAfterRetry: true).Should().Equal("flaky");
    }

    [Fact]
    public async Task Several_runs_give_each_scenario_a_trend_and_labels()
    {
        const string recent = "Recent turns are kept verbatim", overflow = "Overflow moves the oldest turn to the warm tier",
            approval = "A dangerous tool waits for approval", budget = "A plan over budget is rejected", roles = "Turns are stored with their roles";
        var day = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var runs = new[]
        {
            await new MessagesRunBuilder(TestPaths.FixtureFeatures).StartedAt(day).Only("memory/hot_tier.feature", "planning/replan.feature")
                .Fail(overflow, "x").Fail(budget, "y").WriteAsync(Path.Combine(Scratch, "1.ndjson")),
            await new MessagesRunBuilder(TestPaths.FixtureFeatures).StartedAt(day.AddDays(1)).Only("memory/hot_tier.feature", "planning/replan.feature")
                .Fail(recent, "z").WriteAsync(Path.Combine(Scratch, "2.ndjson")),
            await new MessagesRunBuilder(TestPaths.FixtureFeatures).StartedAt(day.AddDays(2))
                .Fail(recent, "again").PassAfterRetry(roles).WriteAsync(Path.Combine(Scratch, "3.ndjson")),
        };

        var (model, _, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, runs);

        model.Runs.Select(r => r.Label).Should().Equal("2026-11-20 09:00", "2026-11-21 09:00", "2026-11-22 09:00");
        model.Case(recent).History.Should().Be("PFF");
        model.Case(recent).Labels.Should().BeEmpty();
        model.Case(overflow).History.Should().Be("FPP");
        model.Case(overflow).Labels.Should().BeEmpty();
        model.Case(budget).History.Should().Be("FPP");
        model.Case(approval).History.Should().Be("--P");
        model.Case(approval).Labels.Should().Equal("new");
        model.Case(roles).Labels.Should().Equal("flaky");
        model.Case(roles).Attempts.Should().Be(2);
        model.Case(recent).HistoryDurations.Should().HaveCount(3).And.OnlyContain(d => d > 0);
        model.Case(approval).HistoryDurations[0].Should().BeNull();
    }

    [Fact]
    public async Task Regressed_and_fixed_compare_the_latest_run_with_the_previous_one()
    {
        const string recent = "Recent turns are kept verbatim", overflow = "Overflow moves the oldest turn to the warm tier";
        var runs = new[]
        {
            await new MessagesRunBuilder(TestPaths.FixtureFeatures).Fail(overflow, "x").WriteAsync(Path.Combine(Scratch, "r1.ndjson")),
            await new MessagesRunBuilder(TestPaths.FixtureFeatures).Fail(recent, "y").WriteAsync(Path.Combine(Scratch, "r2.ndjson")),
        };

        var (model, _, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, runs);

        model.Case(recent).Labels.Should().Equal("regressed");
        model.Case(overflow).Labels.Should().Equal("fixed");
        model.Cases.Count(c => c.Labels.Count > 0).Should().Be(2);
    }
}
