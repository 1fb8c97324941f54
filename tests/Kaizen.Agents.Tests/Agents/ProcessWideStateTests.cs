using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Llm;

namespace Kaizen.Agents.Tests.Agents;

/// <summary>Nothing process-wide unless asked: environment variables only through FromEnvironment, signals only when opted in.</summary>
[Trait("Category", "agents")]
public sealed class ProcessWideStateTests
{
    private static readonly Dictionary<string, string> OllamaEnvironment = new()
    {
        ["KAIZEN_LLM_PROVIDER"] = "Ollama",
        ["OLLAMA_HOST"] = "10.1.2.3:7000",
    };

    [Fact]
    public void A_new_config_ignores_the_environment()
    {
        var config = new AutonomousConfig();

        config.Provider.Should().Be(LlmProviders.Ollama);
        config.EffectiveEndpoint.Should().Be(AutonomousConfig.DefaultOllamaEndpoint);
        config.ApiKey.Should().BeNull();
    }

    [Fact]
    public void FromEnvironment_takes_the_provider_and_the_ollama_host()
    {
        var config = AutonomousConfig.FromEnvironment(name => OllamaEnvironment.GetValueOrDefault(name));

        config.Provider.Should().Be(LlmProviders.Ollama);
        config.EffectiveEndpoint.Should().Be("http://10.1.2.3:7000");
    }

    [Fact]
    public void FromEnvironment_takes_the_openai_endpoint_and_key_and_never_prints_the_key()
    {
        var variables = new Dictionary<string, string>
        {
            ["KAIZEN_LLM_PROVIDER"] = "openai", ["OPENAI_BASE_URL"] = "https://models.example/v1", ["OPENAI_API_KEY"] = "sk-secret",
        };

        var config = AutonomousConfig.FromEnvironment(name => variables.GetValueOrDefault(name));

        config.EffectiveEndpoint.Should().Be("https://models.example/v1");
        config.ApiKey!.Value.Should().Be("sk-secret");
        config.ToString().Should().NotContain("sk-secret").And.Contain("ApiKey = ***");
    }

    [Fact]
    public void FromEnvironment_with_nothing_set_is_the_defaults()
    {
        AutonomousConfig.FromEnvironment(_ => null).Should().Be(new AutonomousConfig());
    }

    [Fact]
    public void An_agent_handles_process_signals_only_when_asked()
    {
        using var quiet = new AutonomousAgent(new AutonomousConfig { Provider = LlmProviders.Scripted, DataFolder = Path.GetTempPath() });
        using var signalled = new AutonomousAgent(new AutonomousConfig { Provider = LlmProviders.Scripted, DataFolder = Path.GetTempPath(), HandleProcessSignals = true });

        quiet.Interrupts.Handlers.Should().NotContain(h => h is SignalInterruptHandler);
        signalled.Interrupts.Handlers.Should().ContainSingle(h => h is SignalInterruptHandler);
    }
}
