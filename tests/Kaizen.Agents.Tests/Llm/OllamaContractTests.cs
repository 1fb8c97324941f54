using System.Text.Json;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Tests.Agents.Support;
using Kaizen.Agents.Tests.Llm.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Llm;

/// <summary>The real OllamaSharp client, through our factory and middleware, against a loopback server speaking Ollama's wire format.</summary>
[Trait("Category", "ollama-contract")]
public sealed class OllamaContractTests : IAsyncDisposable
{
    private readonly LoopbackOllamaServer _server = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private AutonomousConfig Config(string model = "llama3.2:1b") =>
        new() { Provider = LlmProviders.Ollama, Model = model, Endpoint = _server.Endpoint };

    private IChatClient Pipeline(AutonomousConfig config, UsageMeter? meter = null) =>
        LlmFactory.BuildPipeline(LlmFactory.CreateChatClient(config), config with { MaxAttempts = 3 }, meter ?? new UsageMeter());

    private static List<ChatMessage> Ask(string text) => [new(ChatRole.User, text)];

    [Fact]
    public async Task Streaming_ndjson_is_read_into_text_and_usage()
    {
        _server.ThenChat(OllamaBehaviour.Reply("Hello from the loopback model"));
        var meter = new UsageMeter();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Pipeline(Config(), meter).GetStreamingResponseAsync(Ask("say hello"), cancellationToken: TestContext.Current.CancellationToken))
            updates.Add(update);

        string.Concat(updates.Select(u => u.Text)).Should().Be("Hello from the loopback model");
        updates.Count(u => u.Text.Length > 0).Should().Be(5);
        meter.Total.OutputTokens.Should().Be(5);
        meter.Total.InputTokens.Should().Be("say hello".Length / 4 + 1);
        meter.Total.CostUsd.Should().Be(0m);
        var sent = _server.Requests.Single(r => r.Path == "/api/chat").Body;
        sent["model"]!.GetValue<string>().Should().Be("llama3.2:1b");
        sent["messages"]![0]!["content"]!.GetValue<string>().Should().Be("say hello");
    }

    [Fact]
    public async Task A_non_streaming_call_returns_the_whole_reply_with_usage()
    {
        _server.ThenChat(OllamaBehaviour.Reply("""{"done": true, "outputs": {"result": "42"}}"""));

        var response = await Pipeline(Config()).GetResponseAsync(Ask("compute"), cancellationToken: TestContext.Current.CancellationToken);

        response.Text.Should().Be("""{"done": true, "outputs": {"result": "42"}}""");
        response.Usage!.OutputTokenCount.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Tool_calls_in_the_stream_become_function_call_contents_and_tools_are_sent()
    {
        _server.ThenChat(OllamaBehaviour.Reply("", ("get_weather", new { city = "Paris" })));
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((string city) => $"sunny in {city}", "get_weather", "Weather for a city")] };

        var response = await Pipeline(Config()).GetResponseAsync(Ask("weather?"), options, TestContext.Current.CancellationToken);

        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single();
        call.Name.Should().Be("get_weather");
        call.Arguments!["city"]!.ToString().Should().Be("Paris");
        var sent = _server.Requests.Single(r => r.Path == "/api/chat").Body;
        sent["tools"]![0]!["function"]!["name"]!.GetValue<string>().Should().Be("get_weather");
    }

    [Fact]
    public async Task Embeddings_come_from_api_embed()
    {
        var generator = LlmFactory.CreateEmbeddingGenerator(Config());
        var embeddings = await generator.GenerateAsync(["one two", "three"], cancellationToken: TestContext.Current.CancellationToken);

        embeddings.Select(e => e.Vector.ToArray()).Should().BeEquivalentTo(new[] { new[] { 7f, 1f, 0.5f }, new[] { 5f, 0f, 0.5f } }, o => o.WithStrictOrdering());
        _server.Requests.Single(r => r.Path == "/api/embed").Body["input"]!.AsArray().Count.Should().Be(2);
    }

    [Fact]
    public async Task The_probe_lists_models_and_names_the_pull_command_for_a_missing_one()
    {
        var ready = await OllamaProbe.CheckAsync(_server.Endpoint, "llama3.2:1b", cancellationToken: TestContext.Current.CancellationToken);
        var missing = await OllamaProbe.CheckAsync(_server.Endpoint, "qwen3:0.6b", cancellationToken: TestContext.Current.CancellationToken);

        ready.Ready.Should().BeTrue();
        ready.Models.Should().Equal("llama3.2:1b");
        missing.Reachable.Should().BeTrue();
        missing.ModelAvailable.Should().BeFalse();
        missing.Message.Should().Contain("ollama pull qwen3:0.6b");
    }

    [Fact]
    public async Task A_missing_model_fails_once_with_the_pull_command()
    {
        var error = (await FluentActions.Awaiting(() => Pipeline(Config("qwen3:0.6b")).GetResponseAsync(Ask("hi"), cancellationToken: TestContext.Current.CancellationToken))
            .Should().ThrowAsync<LlmProviderException>()).Which;

        error.Message.Should().Contain("Model 'qwen3:0.6b' is not available").And.Contain("`ollama pull qwen3:0.6b`");
        error.IsTransient.Should().BeFalse();
        _server.ChatRequestCount.Should().Be(1, "a missing model is not retried");
    }

    [Fact]
    public async Task A_server_error_is_retried_and_then_reported_with_its_status()
    {
        for (var i = 0; i < 3; i++) _server.ThenChat(OllamaBehaviour.Error(500, "llama runner process has terminated"));

        var error = (await FluentActions.Awaiting(() => Pipeline(Config()).GetResponseAsync(Ask("hi"), cancellationToken: TestContext.Current.CancellationToken))
            .Should().ThrowAsync<LlmProviderException>()).Which;

        error.Message.Should().Contain("HTTP 500").And.Contain("llama runner process has terminated");
        error.IsTransient.Should().BeTrue();
        _server.ChatRequestCount.Should().Be(3);
    }

    [Fact]
    public async Task A_transient_server_error_followed_by_success_is_invisible_to_the_caller()
    {
        _server.ThenChat(OllamaBehaviour.Error(503, "loading model")).ThenChat(OllamaBehaviour.Reply("recovered"));
        (await Pipeline(Config()).GetResponseAsync(Ask("hi"), cancellationToken: TestContext.Current.CancellationToken)).Text.Should().Be("recovered");
        _server.ChatRequestCount.Should().Be(2);
    }

    [Fact]
    public async Task A_connection_dropped_mid_stream_is_reported_as_such()
    {
        _server.ThenChat(OllamaBehaviour.DropAfter("one two three four", chunks: 2));
        var received = new List<string>();

        var act = async () =>
        {
            await foreach (var update in Pipeline(Config()).GetStreamingResponseAsync(Ask("hi"), cancellationToken: TestContext.Current.CancellationToken))
                received.Add(update.Text);
        };

        var error = (await act.Should().ThrowAsync<LlmProviderException>()).Which;
        error.Message.Should().Contain("failed or dropped mid-response");
        error.IsTransient.Should().BeTrue();
        string.Concat(received).Should().Be("one two");
    }

    [Fact]
    public async Task A_stream_the_caller_cancels_ends_in_cancellation_not_in_a_dropped_connection_error()
    {
        _server.ThenChat(OllamaBehaviour.Reply("one two three four five six seven eight"));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var received = 0;

        var act = async () =>
        {
            await foreach (var update in Pipeline(Config()).GetStreamingResponseAsync(Ask("hi"), cancellationToken: cancel.Token))
                if (update.Text.Length > 0 && ++received == 1) await cancel.CancelAsync();
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        received.Should().Be(1);
    }

    [Fact]
    public async Task An_unreachable_server_names_ollama_serve()
    {
        var config = Config() with { Endpoint = $"http://127.0.0.1:{LoopbackOllamaServer.FreePort()}", MaxAttempts = 1 };
        var client = LlmFactory.BuildPipeline(LlmFactory.CreateChatClient(config), config, new UsageMeter());

        var error = (await FluentActions.Awaiting(() => client.GetResponseAsync(Ask("hi"), cancellationToken: TestContext.Current.CancellationToken))
            .Should().ThrowAsync<LlmProviderException>()).Which;

        error.Message.Should().Contain("Cannot reach Ollama at http://127.0.0.1:").And.Contain("`ollama serve`").And.Contain("`ollama pull llama3.2:1b`");
    }

    [Fact]
    public async Task An_agent_completes_a_task_over_the_ollama_wire()
    {
        _server.ThenChat(OllamaBehaviour.Reply("""{"done": false, "thought": "reading"}"""))
               .ThenChat(OllamaBehaviour.Reply("""Here you go: {"done": true, "outputs": {"result": "Paris"}}"""));
        using var folder = new TempFolder();
        using var agent = new AutonomousAgent(Config() with { DataFolder = folder.Path, HandleProcessSignals = false });

        var result = await agent.RunAutonomousAsync("Capital of France?", 5, TestContext.Current.CancellationToken);

        result.GetOutput<string>("result").Should().Be("Paris");
        result.Turns.Should().Be(2);
        result.TotalTokens.Should().BeGreaterThan(0);
        result.CostUsd.Should().Be(0m);
        JsonDocument.Parse(_server.Requests.Last(r => r.Path == "/api/chat").Body.ToJsonString())
            .RootElement.GetProperty("messages").GetArrayLength().Should().Be(3, "system, task, first reply");
    }
}
