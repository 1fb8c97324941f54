using Kaizen.Agents.Llm;
using Kaizen.Agents.Planning.Strategies;

namespace Kaizen.Agents.Tests.Planning;

[Trait("Category", "planning-lib")]
public sealed class ChainOfThoughtStrategyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Steps_go_to_the_trace_and_the_answer_is_returned()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Json(new { steps = new[] { "12 * 10 = 120", "120 + 24 = 144" }, answer = "144" })));

        var result = await new ChainOfThoughtStrategy(model).SolveAsync("What is 12 * 12?", Ct);

        result.Outcome.Should().Be(StrategyOutcome.Succeeded);
        result.Answer.Should().Be("144");
        result.Trace.Should().Equal("Step 1: 12 * 10 = 120", "Step 2: 120 + 24 = 144");
        model.Requests.Single().LastUserText.Should().Be("What is 12 * 12?");
    }

    [Fact]
    public async Task Unreadable_reply_is_repaired_once()
    {
        var model = new ScriptedChatClient(new ChatScript().Say("I think it's 144").Reply(ScriptedReply.Json(new { steps = new[] { "s" }, answer = "144" })));

        var result = await new ChainOfThoughtStrategy(model).SolveAsync("q", Ct);

        result.Answer.Should().Be("144");
        result.ModelCalls.Should().Be(2);
        model.Requests[1].LastUserText.Should().Contain("could not be read: the reply contains no JSON object");
    }

    [Fact]
    public async Task Two_unreadable_replies_fail_with_the_reason()
    {
        var model = new ScriptedChatClient(new ChatScript().Say("hmm").Say("{broken"));
        var result = await new ChainOfThoughtStrategy(model).SolveAsync("q", Ct);

        result.Outcome.Should().Be(StrategyOutcome.Failed);
        result.Reason.Should().Contain("no readable reply after one repair request");
    }

    [Fact]
    public async Task Reasoning_without_an_answer_is_a_stall()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Json(new { steps = new[] { "unsure" }, answer = "" })));
        var result = await new ChainOfThoughtStrategy(model).SolveAsync("q", Ct);

        result.Outcome.Should().Be(StrategyOutcome.Stalled);
        result.Answer.Should().BeNull();
    }

    [Fact]
    public async Task Model_failure_is_a_failed_result_not_an_exception()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Fail(new HttpRequestException("connection refused"))));
        var result = await new ChainOfThoughtStrategy(model).SolveAsync("q", Ct);

        result.Outcome.Should().Be(StrategyOutcome.Failed);
        result.Reason.Should().Be("the model failed: connection refused");
    }
}
