using Kaizen.Bdd.Tests.Engine.Support;

namespace Kaizen.Bdd.Tests.Engine.Running;

[Trait("Category", "engine")]
public sealed class ScopeTests
{
    public sealed class General
    {
        [Given("I log in")] public void Any() => Recorder.Add("general");
    }

    [Scope(Tag = "web")]
    public sealed class Web
    {
        [Given("I log in")] public void ViaBrowser() => Recorder.Add("web");
    }

    public sealed class WebAndFeature
    {
        [Given("I log in"), Scope(Tag = "web", Feature = "scoped")] public void Specific() => Recorder.Add("web+feature");
    }

    public sealed class ScenarioScoped
    {
        [Given("I log in"), Scope(Scenario = "other")] public void OtherOnly() => Recorder.Add("other");
    }

    [Fact]
    public async Task A_matching_scope_beats_no_scope_and_more_criteria_beat_fewer()
    {
        const string feature = """
            Feature: scoped
              Scenario: plain
                Given I log in
              @web
              Scenario: web
                Given I log in
            """;
        var (onlyTag, _, tagLog) = await EngineRun.RunAsync(feature, [typeof(General), typeof(Web), typeof(ScenarioScoped)]);
        onlyTag.Success.Should().BeTrue();
        tagLog.Should().Equal("general", "web");

        var (both, _, bothLog) = await EngineRun.RunAsync(feature, [typeof(General), typeof(Web), typeof(WebAndFeature)]);
        both.Success.Should().BeTrue();
        bothLog.Should().Equal("general", "web+feature");
    }

    public sealed class Twin
    {
        [Given("I log in")] public void Again() => Recorder.Add("twin");
    }

    [Fact]
    public async Task Two_equally_good_definitions_are_ambiguous_and_every_candidate_is_listed()
    {
        var (result, envelopes, log) = await EngineRun.RunAsync("""
            Feature: ambiguous
              Scenario: two
                Given I log in
            """, [typeof(General), typeof(Twin)]);

        var scenario = result.Scenarios.Single();
        scenario.Status.Should().Be(ScenarioExecutionStatus.Ambiguous);
        scenario.Message.Should().Contain("ScopeTests+General.Any").And.Contain("ScopeTests+Twin.Again");
        log.Should().BeEmpty();
        envelopes.Single(e => e.TestCase is not null).TestCase.TestSteps.Single().StepDefinitionIds.Should().HaveCount(2);
    }
}
