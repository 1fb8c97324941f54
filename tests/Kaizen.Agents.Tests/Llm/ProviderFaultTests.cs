using Kaizen.Agents.Llm;
using Kaizen.Agents.Tests.Llm.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Llm;

/// <summary>
/// A misbehaving model server through the real provider clients: every failure is an <see cref="LlmProviderException"/>
/// naming the provider, the endpoint and the server's own words; unparseable replies are retried within the bound.
/// </summary>
[Trait("Category", "llm-faults")]
public sealed class ProviderFaultTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly LoopbackOllamaServer _ollama = new();
    private readonly LoopbackOpenAIServer _openai = new();

    public async ValueTask DisposeAsync()
    {
        await _ollama.DisposeAsync();
        await _openai.DisposeAsync();
    }

    private AutonomousConfig OllamaConfig(int attempts = 3) =>
        new() { Provider = LlmProviders.Ollama, Endpoint = _ollama.Endpoint, MaxAttempts = attempts };

    private AutonomousConfig OpenAIConfig(int attempts = 3) =>
        new() { Provider = LlmProviders.OpenAI, Model = "gpt-4o-mini", Endpoint = _openai.Endpoint, MaxAttempts = attempts };

    private static IChatClient Pipeline(IChatClient inner, AutonomousConfig config) =>
        LlmFactory.BuildPipeline(inner, config, new UsageMeter(), new ZeroDelayTime());

    private static Task<ChatResponse> Ask(IChatClient client) =>
        client.GetResponseAsync([new ChatMessage(ChatRole.User, "hello")], cancellationToken: Ct);

    [Fact]
    public async Task Ollama_reply_that_is_not_json_is_a_named_provider_error_retried_within_the_bound()
    {
        for (var i = 0; i < 3; i++) _ollama.ThenChat(OllamaBehaviour.Raw(200, "<html>proxy says hello</html>\n"));
        var config = OllamaConfig();

        var error = await FluentActions.Awaiting(() => Ask(Pipeline(LlmFactory.CreateChatClient(config), config))).Should().ThrowAsync<LlmProviderException>();

        error.Which.Provider.Should().Be(LlmProviders.Ollama);
        error.Which.IsTransient.Should().BeTrue();
        error.Which.Message.Should().Contain(_ollama.Endpoint).And.Contain("not valid JSON").And.Contain("proxy says hello");
        _ollama.ChatRequestCount.Should().Be(3);
    }

    [Fact]
    public async Task Ollama_empty_200_body_is_a_named_provider_error_and_a_retry_can_succeed()
    {
        _ollama.ThenChat(OllamaBehaviour.Raw(200, "")).ThenChat(OllamaBehaviour.Reply("recovered"));
        var config = OllamaConfig();

        var response = await Ask(Pipeline(LlmFactory.CreateChatClient(config), config));

        response.Text.Should().Be("recovered");
        _ollama.ChatRequestCount.Should().Be(2);

        _ollama.ThenChat(OllamaBehaviour.Raw(200, ""));
        var single = OllamaConfig(attempts: 1);
        var error = await FluentActions.Awaiting(() => Ask(Pipeline(LlmFactory.CreateChatClient(single), single))).Should().ThrowAsync<LlmProviderException>();
        error.Which.Message.Should().Contain(_ollama.Endpoint).And.Contain("empty");
    }

    [Fact]
    public async Task Ollama_tool_call_arguments_sent_as_a_json_string_are_accepted()
    {
        _ollama.ThenChat(OllamaBehaviour.Reply("", ("read_file", (object)"""{"path": "notes.txt"}""")));
        var config = OllamaConfig();

        var response = await Ask(Pipeline(LlmFactory.CreateChatClient(config), config));

        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single();
        call.Name.Should().Be("read_file");
        call.Exception.Should().BeNull();
        call.Arguments!["path"]!.ToString().Should().Be("notes.txt");
    }

    [Fact]
    public async Task Ollama_cut_connection_is_a_named_transient_provider_error()
    {
        for (var i = 0; i < 2; i++) _ollama.ThenChat(OllamaBehaviour.Cut());
        var config = OllamaConfig(attempts: 2);

        var error = await FluentActions.Awaiting(() => Ask(Pipeline(LlmFactory.CreateChatClient(config), config))).Should().ThrowAsync<LlmProviderException>();

        error.Which.IsTransient.Should().BeTrue();
        error.Which.Message.Should().Contain(_ollama.Endpoint);
        _ollama.ChatRequestCount.Should().Be(2);
    }

    [Fact]
    public async Task OpenAI_500_keeps_the_servers_error_text_and_is_retried_only_by_our_bound()
    {
        for (var i = 0; i < 3; i++) _openai.ThenStatus(500, """{"error": {"message": "the GPU caught fire", "type": "server_error"}}""");
        var config = OpenAIConfig();

        var error = await FluentActions.Awaiting(() => Ask(Pipeline(LlmFactory.CreateOpenAIChatClient(config, "k"), config))).Should().ThrowAsync<LlmProviderException>();

        error.Which.Provider.Should().Be(LlmProviders.OpenAI);
        error.Which.IsTransient.Should().BeTrue();
        error.Which.Message.Should().Contain(_openai.Endpoint).And.Contain("500").And.Contain("the GPU caught fire");
        _openai.Requests.Count.Should().Be(3, "the SDK's own retries are off; MaxAttempts is the only bound");
    }

    [Fact]
    public async Task OpenAI_cut_connection_is_a_named_provider_error_not_an_aggregate()
    {
        for (var i = 0; i < 2; i++) _openai.ThenCut();
        var config = OpenAIConfig(attempts: 2);

        var error = await FluentActions.Awaiting(() => Ask(Pipeline(LlmFactory.CreateOpenAIChatClient(config, "k"), config))).Should().ThrowAsync<LlmProviderException>();

        error.Which.IsTransient.Should().BeTrue();
        error.Which.Message.Should().Contain(_openai.Endpoint);
        _openai.Requests.Count.Should().Be(2);
    }

    [Fact]
    public async Task OpenAI_reply_that_is_not_json_is_retried_and_named()
    {
        _openai.ThenStatus(200, "{\"id\": \"chatcmpl-1\", \"choices\": [").ThenReply("fine");
        var config = OpenAIConfig();

        (await Ask(Pipeline(LlmFactory.CreateOpenAIChatClient(config, "k"), config))).Text.Should().Be("fine");

        _openai.ThenStatus(200, "not json at all");
        var single = OpenAIConfig(attempts: 1);
        var error = await FluentActions.Awaiting(() => Ask(Pipeline(LlmFactory.CreateOpenAIChatClient(single, "k"), single))).Should().ThrowAsync<LlmProviderException>();
        error.Which.Message.Should().Contain(_openai.Endpoint).And.Contain("not valid JSON");
    }

    [Fact]
    public void Request_timeout_has_a_default_of_a_few_minutes_and_can_be_changed()
    {
        new AutonomousConfig().RequestTimeout.Should().Be(TimeSpan.FromMinutes(5));
        new AutonomousConfig { RequestTimeout = TimeSpan.Zero }.Problems().Should().ContainSingle(p => p.Contains("RequestTimeout"));
    }

    [Fact]
    public async Task A_server_slower_than_the_request_timeout_is_a_named_provider_error()
    {
        _ollama.ThenChat(OllamaBehaviour.Slow(TimeSpan.FromSeconds(30), "too late"));
        _openai.ThenSlow(TimeSpan.FromSeconds(30), "too late");
        var ollama = OllamaConfig(attempts: 1) with { RequestTimeout = TimeSpan.FromMilliseconds(500) };
        var openai = OpenAIConfig(attempts: 1) with { RequestTimeout = TimeSpan.FromMilliseconds(500) };

        var slowOllama = await FluentActions.Awaiting(() => Ask(Pipeline(LlmFactory.CreateChatClient(ollama), ollama))).Should().ThrowAsync<LlmProviderException>();
        var slowOpenAI = await FluentActions.Awaiting(() => Ask(Pipeline(LlmFactory.CreateOpenAIChatClient(openai, "k"), openai))).Should().ThrowAsync<LlmProviderException>();

        slowOllama.Which.Message.Should().Contain(_ollama.Endpoint).And.Contain("RequestTimeout");
        slowOpenAI.Which.Message.Should().Contain(_openai.Endpoint).And.Contain("RequestTimeout");
    }

    /// <summary>Retry waits pass at once (the tests count attempts, not time).</summary>
    private sealed class ZeroDelayTime : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            System.CreateTimer(callback, state, dueTime == Timeout.InfiniteTimeSpan ? dueTime : TimeSpan.Zero, period);
    }
}
