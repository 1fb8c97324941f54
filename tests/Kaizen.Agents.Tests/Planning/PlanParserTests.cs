using Kaizen.Agents.Planning;

namespace Kaizen.Agents.Tests.Planning;

[Trait("Category", "planning-lib")]
public sealed class PlanParserTests
{
    [Fact]
    public void Reads_steps_with_expected_outcomes_in_either_spelling()
    {
        var steps = PlanParser.Parse("""{"steps":[{"description":"a","expected_outcome":"A"},{"description":"b","expectedOutcome":"B"}]}""");
        steps.Should().Equal(new PlannedStep("a", "A"), new PlannedStep("b", "B"));
    }

    [Fact]
    public void Tolerates_prose_code_fences_and_a_bare_array()
    {
        PlanParser.Parse("Here you go:\n```json\n{\"steps\":[{\"description\":\"x\"}]}\n```").Should().Equal(new PlannedStep("x", ""));
        PlanParser.Parse("[\"first\", {\"description\":\"second\",\"expected\":\"done\"}]")
            .Should().Equal(new PlannedStep("first", ""), new PlannedStep("second", "done"));
    }

    [Theory]
    [InlineData("no json here", "no JSON object or array")]
    [InlineData("{\"steps\": [", "the JSON is invalid")]
    [InlineData("{\"plan\": []}", "no \"steps\" array")]
    [InlineData("{\"steps\": []}", "array is empty")]
    [InlineData("{\"steps\": [{\"expected_outcome\":\"x\"}]}", "step 1 has no \"description\"")]
    [InlineData("{\"steps\": [\"ok\", 5]}", "step 2 is not an object")]
    public void Unreadable_plans_say_what_is_wrong(string text, string message)
    {
        var act = () => PlanParser.Parse(text);
        act.Should().Throw<PlanFormatException>().Which.Message.Should().Contain(message);
    }
}
