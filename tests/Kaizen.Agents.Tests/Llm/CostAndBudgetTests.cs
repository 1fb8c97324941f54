using Kaizen.Agents.Llm;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Llm;

[Trait("Category", "llm")]
public sealed class CostAndBudgetTests
{
    private static List<ChatMessage> Ask(string text) => [new(ChatRole.User, text)];

    [Fact]
    public async Task Cost_comes_from_the_price_table_and_accumulates()
    {
        var meter = new UsageMeter();
        var script = new ChatScript().Reply(ScriptedReply.Say("a").WithUsage(1_000_000, 500_000)).Reply(ScriptedReply.Say("b").WithUsage(2_000, 1_000));
        var client = new CostTrackingChatClient(new ScriptedChatClient(script), meter, PriceTable.Default, LlmProviders.OpenAI, "gpt-4o-mini");

        await client.GetResponseAsync(Ask("x"));
        meter.Total.CostUsd.Should().Be(0.15m + 0.30m);
        await client.GetResponseAsync(Ask("y"));

        meter.Total.Should().Be(new UsageSnapshot(1_002_000, 501_000, 0.45m + 0.0003m + 0.0006m, 2));
    }

    [Fact]
    public async Task Streaming_calls_are_charged_once_from_their_usage_content()
    {
        var meter = new UsageMeter();
        var client = new CostTrackingChatClient(new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Say("one two").WithUsage(100, 10))),
            meter, PriceTable.Default.With(LlmProviders.Scripted, "m", new ModelPrice(10m, 100m)), LlmProviders.Scripted, "m");

        await foreach (var _ in client.GetStreamingResponseAsync(Ask("x"))) { }

        meter.Total.Should().Be(new UsageSnapshot(100, 10, 0.002m, 1));
    }

    [Theory]
    [InlineData(LlmProviders.Ollama, "llama3.2:1b")]
    [InlineData(LlmProviders.Scripted, "anything")]
    public void Local_models_are_free(string provider, string model) =>
        PriceTable.Default.Find(provider, model).Should().Be(ModelPrice.Free);

    [Fact]
    public void Dated_model_ids_match_their_family_and_unknown_ones_are_null()
    {
        PriceTable.Default.Find(LlmProviders.OpenAI, "gpt-4o-mini-2024-07-18").Should().Be(new ModelPrice(0.15m, 0.60m));
        PriceTable.Default.Find(LlmProviders.OpenAI, "mystery-model").Should().BeNull();
    }

    [Fact]
    public async Task The_budget_guard_refuses_calls_once_the_budget_is_spent()
    {
        var meter = new UsageMeter();
        var prices = PriceTable.Default.With(LlmProviders.Scripted, "m", new ModelPrice(1_000m, 1_000m));
        IChatClient client = new CostTrackingChatClient(new ScriptedChatClient(ChatScript.Endless()), meter, prices, LlmProviders.Scripted, "m");
        client = new BudgetGuardChatClient(client, meter, new AgentBudget(MaxCostUsd: 0.05m));

        var calls = 0;
        var act = async () => { while (true) { await client.GetResponseAsync(Ask("spend")); calls++; } };

        var error = (await act.Should().ThrowAsync<BudgetExceededException>()).Which;
        error.Message.Should().StartWith("budget exceeded: spent $").And.Contain("of $0.05");
        calls.Should().BeGreaterThan(0);
        meter.Total.CostUsd.Should().BeGreaterThanOrEqualTo(0.05m);
    }

    [Fact]
    public void Token_budget_reports_tokens()
    {
        new AgentBudget(MaxTokens: 100).DescribeExcess(new UsageSnapshot(80, 30, 0, 1)).Should().Be("budget exceeded: spent 110 of 100 tokens");
        new AgentBudget(MaxTokens: 100).DescribeExcess(new UsageSnapshot(10, 30, 0, 1)).Should().BeNull();
    }
}
