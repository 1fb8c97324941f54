using System.Net;
using Kaizen.Agents.Llm;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Llm;

[Trait("Category", "llm")]
public sealed class RetryingChatClientTests
{
    private static readonly RetryOptions Fast = new(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4));
    private static List<ChatMessage> Ask() => [new(ChatRole.User, "x")];

    [Fact]
    public async Task Transient_failures_are_retried_until_success()
    {
        var script = new ChatScript()
            .Reply(ScriptedReply.Fail(new HttpRequestException("reset", null, HttpStatusCode.BadGateway)))
            .Reply(ScriptedReply.Fail(new IOException("connection reset by peer")))
            .Say("finally");
        var inner = new ScriptedChatClient(script);

        var response = await new RetryingChatClient(inner, Fast).GetResponseAsync(Ask());

        response.Text.Should().Be("finally");
        inner.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Attempts_are_bounded()
    {
        var inner = new ScriptedChatClient(_ => ScriptedReply.Fail(new HttpRequestException("down", null, HttpStatusCode.ServiceUnavailable)));
        await FluentActions.Awaiting(() => new RetryingChatClient(inner, Fast).GetResponseAsync(Ask())).Should().ThrowAsync<HttpRequestException>();
        inner.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Permanent_failures_are_not_retried()
    {
        var inner = new ScriptedChatClient(_ => ScriptedReply.Fail(new LlmProviderException("model missing", LlmProviders.Ollama, isTransient: false)));
        await FluentActions.Awaiting(() => new RetryingChatClient(inner, Fast).GetResponseAsync(Ask())).Should().ThrowAsync<LlmProviderException>();
        inner.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task Streaming_is_retried_before_the_first_update()
    {
        var inner = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Fail(new IOException("dropped"))).Say("a b"));
        var text = "";
        await foreach (var update in new RetryingChatClient(inner, Fast).GetStreamingResponseAsync(Ask())) text += update.Text;
        text.Should().Be("a b");
    }

    [Fact]
    public void Backoff_doubles_and_is_capped()
    {
        var options = new RetryOptions(10, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));
        Enumerable.Range(1, 6).Select(options.DelayAfter).Select(d => (int)d.TotalMilliseconds).Should().Equal(200, 400, 800, 1600, 2000, 2000);
    }
}
