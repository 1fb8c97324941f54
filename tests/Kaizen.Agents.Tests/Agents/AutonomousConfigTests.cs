using Kaizen.Agents.Llm;

namespace Kaizen.Agents.Tests.Agents;

[Trait("Category", "agents")]
public sealed class AutonomousConfigTests
{
    [Fact]
    public void Defaults_are_valid_and_point_at_a_local_model()
    {
        var config = new AutonomousConfig { Provider = LlmProviders.Ollama, Endpoint = null };
        config.Problems().Should().BeEmpty();
        config.Model.Should().Be("llama3.2:1b");
        config.DataFolder.Should().Be(Path.Combine(Directory.GetCurrentDirectory(), ".kaizen"));
        config.EffectiveCompression.Should().Be(Kaizen.Agents.Checkpoints.CheckpointCompression.Auto);
    }

    [Fact]
    public void Validation_lists_every_problem_with_the_fix()
    {
        var config = new AutonomousConfig
        {
            Provider = "mystery", CheckpointInterval = 0, MaxTurns = -1, CheckpointRetention = 0,
            GracefulShutdownTimeout = TimeSpan.Zero, Budget = new AgentBudget(MaxCostUsd: -1m), Endpoint = "not a url",
        };

        var error = FluentActions.Invoking(() => config.Validate()).Should().Throw<ArgumentException>().Which;

        error.Message.Should().Contain("Provider 'mystery' is not supported: use one of scripted, ollama, openai")
            .And.Contain("CheckpointInterval must be at least 1 turn, got 0")
            .And.Contain("MaxTurns must be at least 1, got -1")
            .And.Contain("CheckpointRetention must be at least 1")
            .And.Contain("GracefulShutdownTimeout must be positive")
            .And.Contain("Budget.MaxCostUsd must be positive")
            .And.Contain("Endpoint 'not a url' is not an absolute URI");
    }

    [Fact]
    public void An_agent_refuses_an_invalid_config()
    {
        FluentActions.Invoking(() => new AutonomousAgent(new AutonomousConfig { Provider = LlmProviders.Scripted, CheckpointInterval = -5 }))
            .Should().Throw<ArgumentException>().WithMessage("*CheckpointInterval must be at least 1 turn, got -5*");
    }

    [Theory]
    [InlineData("127.0.0.1:9999", "http://127.0.0.1:9999")]
    [InlineData("0.0.0.0", "http://127.0.0.1:11434")]
    [InlineData("https://ollama.example:443", "https://ollama.example:443")]
    [InlineData("myhost", "http://myhost:11434")]
    public void Ollama_host_values_become_urls(string host, string expected) =>
        AutonomousConfig.NormalizeOllamaHost(host).Should().Be(expected);
}
