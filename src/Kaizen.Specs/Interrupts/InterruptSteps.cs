using Kaizen.Agents;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Llm;
using Reqnroll;
using Kaizen.Specs.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kaizen.Specs.Interrupts;

/// <summary>Steps about stopping a running agent: Ctrl+C, a time limit, a budget.</summary>
[Binding]
public sealed class InterruptSteps(AgentWorld world, ModelTranscript transcript)
{
    private TimeSpan _replyDuration;
    private TimeSpan _timeLimit;
    private string _task = "";

    [Given("an agent with a time limit of {int} seconds")]
    public void GivenTimeLimit(int seconds) => SetTimeLimit(TimeSpan.FromSeconds(seconds));

    private void SetTimeLimit(TimeSpan limit)
    {
        _timeLimit = limit;
        world.Config = world.Config with { Timeout = _timeLimit, EnableCheckpoints = true };
    }

    [Given("an agent with a time limit of {int} milliseconds")]
    public void GivenTimeLimitInMilliseconds(int milliseconds) => SetTimeLimit(TimeSpan.FromMilliseconds(milliseconds));

    [Given("each model reply takes {int} seconds")]
    public void GivenReplyDuration(int seconds)
    {
        _replyDuration = TimeSpan.FromSeconds(seconds);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        world.Time = clock;
        if (world.IsRealModel)
        {
            world.ModelMiddleware = client => new SimulatedLatencyChatClient(client, clock, _replyDuration);
            return;
        }
        world.Script = new ChatScript().Otherwise(request =>
        {
            clock.Advance(_replyDuration);
            return ScriptedReply.Working(AnalystThoughts.For(request.AssistantTurns + 1));
        });
    }

    [Given("an agent with a budget of ${decimal}")]
    public void GivenDollarBudget(decimal dollars) =>
        world.Config = world.Config with { Budget = new AgentBudget(MaxCostUsd: dollars), EnableCheckpoints = true };

    [Given("the model is priced at ${decimal} per million input tokens and ${decimal} per million output tokens")]
    public void GivenPrice(decimal inputPerMillion, decimal outputPerMillion) =>
        world.Config = world.Config with
        {
            Prices = world.Config.Prices.With(world.Config.Provider, world.Config.Model, new ModelPrice(inputPerMillion, outputPerMillion)),
        };

    [Given("an agent with a budget of {int} tokens")]
    public void GivenTokenBudget(int tokens) =>
        world.Config = world.Config with { Budget = new AgentBudget(MaxTokens: tokens), EnableCheckpoints = true };

    [When("the agent works on {string} with up to {int} turns")]
    public async Task WorkWithUpTo(string task, int turns)
    {
        _task = task;
        if (_replyDuration == TimeSpan.Zero)
            world.Script = ChatScript.ByTurn((t, _) => ScriptedReply.Working(AnalystThoughts.For(t)));
        await world.RunAsync(task, turns);
    }

    [Then("the run is interrupted by the system")]
    public void InterruptedBySystem() => world.RequireInterruption().Reason.Source.Should().Be(InterruptSource.System);

    [Then("the reason of the interrupt says the time limit of {string} ran out")]
    public void ReasonNamesLimit(string limit) => world.RequireInterruption().Reason.Message.Should().Contain($"timeout after {limit}");

    [Then("the reason of the interrupt mentions the budget")]
    public void ReasonMentionsBudget() => world.RequireInterruption().Reason.Message.Should().ContainEquivalentOf("budget");

    [Then("the run stopped at the end of the first turn that passed the time limit")]
    public void StoppedAtFirstTurnPastLimit()
    {
        var turns = world.RequireInterruption().PartialResult!.Turns;
        var firstPastLimit = (int)Math.Ceiling(_timeLimit / _replyDuration);
        turns.Should().Be(firstPastLimit, "each reply takes {0} and the limit is {1}", _replyDuration, _timeLimit);
    }

    [Then("a checkpoint was saved when the run stopped")]
    public async Task CheckpointSavedOnStop()
    {
        var interruption = world.RequireInterruption();
        interruption.Reason.CheckpointId.Should().NotBeNull();
        (await world.Agent!.Checkpoints.LoadAsync(interruption.Reason.CheckpointId!)).State.Turn.Should().Be(interruption.PartialResult!.Turns);
    }

    [Then("the amount spent is at least ${decimal}")]
    public void AmountSpentAtLeast(decimal dollars) =>
        world.RequireInterruption().PartialResult!.CostUsd.Should().BeGreaterThanOrEqualTo(dollars);

    [Then("the amount spent is what the model reported using, at its price")]
    public void AmountSpentIsPricedUsage()
    {
        var price = ConfiguredPrice ?? throw new InvalidOperationException("The scenario did not price its model.");
        var reported = transcript.Exchanges.Sum(e => price.Cost(e.Response.Usage?.InputTokenCount ?? 0, e.Response.Usage?.OutputTokenCount ?? 0));
        reported.Should().BePositive("the model reports the tokens of every reply");
        world.RequireInterruption().PartialResult!.CostUsd.Should().Be(reported, "the run's cost is the model's reported usage at the configured price");
    }

    [Then("no model call was made after the budget was reached")]
    public void NoCallAfterBudget()
    {
        var stopped = world.RequireInterruption().PartialResult!;
        var calls = transcript.Exchanges;
        calls.Should().HaveCount(stopped.Turns, "one model call per turn, and none once the budget stopped the run");
        var budget = world.Config.Budget;
        var price = ConfiguredPrice ?? ModelPrice.Free;
        var beforeLast = calls.SkipLast(1).Select(c => (Input: c.Response.Usage?.InputTokenCount ?? 0, Output: c.Response.Usage?.OutputTokenCount ?? 0)).ToList();
        if (budget.MaxTokens is { } tokens)
            beforeLast.Sum(c => c.Input + c.Output).Should().BeLessThan(tokens, "every call but the last was made while the token budget still had room");
        if (budget.MaxCostUsd is { } dollars)
            beforeLast.Sum(c => price.Cost(c.Input, c.Output)).Should().BeLessThan(dollars, "every call but the last was made while the dollar budget still had room");
    }

    [Then("the tokens used are at least {int}")]
    public void TokensUsed(int tokens) =>
        world.RequireInterruption().PartialResult!.TotalTokens.Should().BeGreaterThanOrEqualTo(tokens);

    private ModelPrice? ConfiguredPrice => world.Config.Prices.Find(world.Config.Provider, world.Config.Model);
}
