using Kaizen.Agents.Llm;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Llm;

[Trait("Category", "llm")]
public sealed class LlmFactoryTests
{
    [Fact]
    public async Task The_scripted_provider_without_a_script_keeps_working_turn_after_turn()
    {
        var client = LlmFactory.CreateChatClient(new AutonomousConfig { Provider = LlmProviders.Scripted });
        var options = new ChatOptions { AdditionalProperties = new() { ["kaizen.turn"] = 4 } };
        (await client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")], options)).Text.Should().Be("{\"done\":false,\"thought\":\"step 4\"}");
    }

    [Fact]
    public void The_ollama_provider_is_an_ollamasharp_client_behind_diagnostics()
    {
        var client = LlmFactory.CreateChatClient(new AutonomousConfig { Provider = LlmProviders.Ollama, Endpoint = "http://127.0.0.1:1" });
        client.Should().BeOfType<OllamaDiagnosticsChatClient>();
        client.GetService<ChatClientMetadata>()!.ProviderName.Should().Be("ollama");
    }

    [Fact]
    public void The_openai_provider_without_a_key_says_where_to_give_one()
    {
        FluentActions.Invoking(() => LlmFactory.CreateChatClient(new AutonomousConfig { Provider = LlmProviders.OpenAI, Model = "gpt-4o-mini" }))
            .Should().Throw<InvalidOperationException>().WithMessage("*set AutonomousConfig.ApiKey*FromEnvironment()*OPENAI_API_KEY*");
    }

    [Fact]
    public async Task The_pipeline_charges_the_meter_and_enforces_the_budget()
    {
        var config = new AutonomousConfig
        {
            Provider = LlmProviders.Scripted, Model = "m", Budget = new AgentBudget(MaxTokens: 30),
            Prices = PriceTable.Default.With(LlmProviders.Scripted, "m", new ModelPrice(1m, 1m)),
        };
        var meter = new UsageMeter();
        var client = LlmFactory.BuildPipeline(new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Say("a").WithUsage(20, 20)).Say("b")), config, meter);

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]);

        meter.Total.TotalTokens.Should().Be(40);
        meter.Total.CostUsd.Should().Be(0.00004m);
        await FluentActions.Awaiting(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "y")])).Should().ThrowAsync<BudgetExceededException>()
            .WithMessage("budget exceeded: spent 40 of 30 tokens");
    }
}
