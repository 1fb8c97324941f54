using Kaizen.Agents.Llm;
using Kaizen.Agents.Tests.Agents.Support;
using Kaizen.ModelHost.Tests.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Llm;

/// <summary>Starts Kaizen.ModelHost on the real model (one per class) as the Ollama server the smoke tests talk to.</summary>
public sealed class RealModelOllamaServer : IAsyncLifetime
{
    private ModelHostProcess? _host;

    public ModelHostProcess Host => _host ?? throw new InvalidOperationException("The model host has not started.");

    public async ValueTask InitializeAsync() => _host = await ModelHostProcess.StartAsync(["--backend", "local"]);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}

/// <summary>
/// The library's <c>ollama</c> provider (OllamaSharp, unchanged) on real inference: Kaizen.ModelHost serves the local
/// TinyLlama over Ollama's API, exactly as <c>ollama serve</c> would (install the model with tools/model/install.sh).
/// Checks structure and library behaviour, never wording. The fault cases stay on <see cref="Support.LoopbackOllamaServer"/>.
/// </summary>
[Trait("Category", "ollama")]
[Trait("Category", "local-model")]
public sealed class OllamaSmokeTests(RealModelOllamaServer server) : IClassFixture<RealModelOllamaServer>
{
    private AutonomousConfig Config() => new()
    {
        Provider = LlmProviders.Ollama,
        Model = "tinyllama",
        Endpoint = server.Host.Address.ToString().TrimEnd('/'),
        HandleProcessSignals = false,
    };

    [Fact]
    public async Task The_probe_finds_the_served_model()
    {
        var probe = await OllamaProbe.CheckAsync(Config().EffectiveEndpoint!, "tinyllama", TimeSpan.FromSeconds(60), cancellationToken: TestContext.Current.CancellationToken);

        probe.Ready.Should().BeTrue(probe.Message);
    }

    [Fact]
    public async Task The_real_model_streams_a_reply_with_token_usage()
    {
        var config = Config();
        var meter = new UsageMeter();
        var client = LlmFactory.BuildPipeline(LlmFactory.CreateChatClient(config), config, meter);
        var options = new ChatOptions { MaxOutputTokens = 12, AdditionalProperties = new() { ["num_predict"] = 12 } };

        var text = "";
        var updates = 0;
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Reply with the single word: ready")], options, TestContext.Current.CancellationToken))
        {
            text += update.Text;
            updates++;
        }

        text.Should().NotBeNullOrWhiteSpace();
        updates.Should().BeGreaterThan(1);
        meter.Total.InputTokens.Should().BeGreaterThan(0);
        meter.Total.OutputTokens.Should().BeInRange(1, 12);
        meter.Total.CostUsd.Should().Be(0m);
    }

    [Fact]
    public async Task An_agent_runs_turns_on_the_real_model_and_checkpoints_them()
    {
        using var folder = new TempFolder();
        using var agent = new AutonomousAgent(Config() with { DataFolder = folder.Path, CheckpointInterval = 1 });
        int ServedChats() => server.Host.Log.Count(l => l.Contains("POST /api/chat") && l.Contains(": 200,"));
        var before = ServedChats();

        var result = await agent.RunAutonomousAsync("What is 2 + 2? Give the number as the result.", maxTurns: 2, TestContext.Current.CancellationToken);

        result.Turns.Should().BeInRange(1, 2);
        result.TotalTokens.Should().BeGreaterThan(0);
        result.CostUsd.Should().Be(0m);
        var checkpoints = await agent.ListCheckpointsAsync(result.ThreadId);
        checkpoints.Should().NotBeEmpty("a checkpoint is saved after every turn (CheckpointInterval = 1)");
        (ServedChats() - before).Should().BeGreaterThanOrEqualTo(result.Turns,
            "every turn was a real model call through the host");
    }
}
