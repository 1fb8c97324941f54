using Kaizen.Agents.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Kaizen.Agents.Tests.Agents;

[Trait("Category", "agents")]
public sealed class AgentCompositionTests
{
    private static AutonomousConfig Config() => new() { Provider = LlmProviders.Scripted, DataFolder = Directory.CreateTempSubdirectory("kaizen-compose-").FullName };

    [Fact]
    public async Task AddKaizenAgent_builds_the_agent_from_options_and_the_containers_chat_client()
    {
        var model = new ScriptedChatClient(new ChatScript().Complete(new { result = "done" }));
        var services = new ServiceCollection();
        services.AddChatClient(model);
        services.Configure<KaizenAgentOptions>(options => options.Config = Config() with { MaxTurns = 7 });
        services.AddKaizenAgent(agent => agent.WithId("from-di"));

        await using var provider = services.BuildServiceProvider();
        var agent = provider.GetRequiredService<AutonomousAgent>();
        var result = await agent.RunAutonomousAsync("finish", cancellationToken: TestContext.Current.CancellationToken);

        agent.AgentId.Should().Be("from-di");
        agent.Config.MaxTurns.Should().Be(7);
        result.GetOutput<string>("result").Should().Be("done");
        model.Requests.Should().HaveCount(1);
        provider.GetRequiredService<AutonomousAgent>().Should().BeSameAs(agent);
    }

    [Fact]
    public async Task The_callers_middleware_runs_in_the_callers_order_inside_the_agents_own()
    {
        var order = new List<string>();
        ChatClientBuilder Step(ChatClientBuilder pipeline, string name) => pipeline.Use(async (messages, options, next, cancellationToken) =>
        {
            order.Add(name);
            await next(messages, options, cancellationToken);
        });
        using var agent = new AgentBuilder(Config())
            .UseChatClient(new ScriptedChatClient(new ChatScript().Complete(new { result = "ok" })), pipeline => Step(Step(pipeline, "first"), "second"))
            .Build();

        await agent.RunAutonomousAsync("go", cancellationToken: TestContext.Current.CancellationToken);

        order.Should().Equal("first", "second");
    }

    [Fact]
    public async Task The_kaizen_middleware_composes_on_a_ChatClientBuilder()
    {
        var meter = new UsageMeter();
        var prices = PriceTable.Default.With("p", "m", new ModelPrice(1m, 1m));
        var client = new ChatClientBuilder(new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Say("a").WithUsage(20, 20)).Say("b")))
            .UseKaizenBudget(meter, new AgentBudget(MaxTokens: 30))
            .UseKaizenCost(meter, prices, "p", "m")
            .UseKaizenRetry(RetryOptions.Default)
            .Build();

        await client.GetResponseAsync("x", cancellationToken: TestContext.Current.CancellationToken);

        meter.Total.TotalTokens.Should().Be(40);
        await FluentActions.Awaiting(() => client.GetResponseAsync("y", cancellationToken: TestContext.Current.CancellationToken))
            .Should().ThrowAsync<BudgetExceededException>();
    }

    [Fact]
    public void A_builder_without_signals_leaves_the_process_alone_and_one_with_them_opts_in()
    {
        using var quiet = new AgentBuilder(Config()).Build();
        using var signalled = new AgentBuilder(Config()).HandleProcessSignals().Build();

        quiet.Config.HandleProcessSignals.Should().BeFalse();
        signalled.Config.HandleProcessSignals.Should().BeTrue();
    }
}
