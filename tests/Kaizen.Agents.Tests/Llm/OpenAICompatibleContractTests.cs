using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Tests.Llm.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Llm;

/// <summary>The real Microsoft.Extensions.AI.OpenAI client against a loopback server speaking the chat-completions wire format.</summary>
[Trait("Category", "openai-contract")]
public sealed class OpenAICompatibleContractTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<JsonObject> _requests = [];
    private readonly int _port = LoopbackOllamaServer.FreePort();

    public OpenAICompatibleContractTests()
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public void Dispose() => _listener.Close();

    [Fact]
    public async Task A_completion_is_read_and_priced_from_the_table()
    {
        var config = new AutonomousConfig { Provider = LlmProviders.OpenAI, Model = "gpt-4o-mini", Endpoint = $"http://127.0.0.1:{_port}/v1" };
        var meter = new UsageMeter();
        var client = LlmFactory.BuildPipeline(LlmFactory.CreateOpenAIChatClient(config, "test-key"), config, meter);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hello")], cancellationToken: TestContext.Current.CancellationToken);

        response.Text.Should().Be("""{"done": true, "outputs": {"result": "hi"}}""");
        meter.Total.Should().Be(new UsageSnapshot(1000, 200, 1000 * 0.15m / 1_000_000 + 200 * 0.60m / 1_000_000, 1));
        _requests.Single()["model"]!.GetValue<string>().Should().Be("gpt-4o-mini");
        _requests.Single()["messages"]![0]!["content"]!.ToString().Should().Contain("hello");
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            var request = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
            lock (_requests) _requests.Add(request);
            var body = new JsonObject
            {
                ["id"] = "chatcmpl-1", ["object"] = "chat.completion", ["created"] = 1_764_000_000, ["model"] = "gpt-4o-mini",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = """{"done": true, "outputs": {"result": "hi"}}""" },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 1000, ["completion_tokens"] = 200, ["total_tokens"] = 1200 },
            };
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
