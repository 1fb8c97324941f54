using System.Net;
using System.Text;
using Kaizen.ModelHost.Tests.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.ModelHost.Tests;

/// <summary>A client that goes away mid-stream cancels the generation on the server, and the server keeps serving.</summary>
[Trait("Category", "model-host")]
public sealed class CancellationTests(SlowScriptedHostFixture fixture) : IClassFixture<SlowScriptedHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string LongEcho = "echo: " + string.Join(' ', Enumerable.Range(1, 200).Select(i => $"w{i}"));

    [Fact]
    public async Task Closing_an_ndjson_stream_cancels_generation_and_the_host_stays_healthy()
    {
        using (var http = fixture.Host.CreateHttpClient())
        {
            var body = $$$"""{"model":"tinyllama","messages":[{"role":"user","content":"{{{LongEcho}}}"}],"options":{"num_predict":400}}""";
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
            (await reader.ReadLineAsync(Ct)).Should().Contain("\"w1 \"");
        } // the connection closes here, 199 words early

        var line = await fixture.Host.WaitForLogAsync(l => l.Contains("POST /api/chat") && l.Contains("cancelled by the client"));
        line.Should().NotContain("200 update");
        await ShouldStillServeAsync();
    }

    [Fact]
    public async Task Cancelling_an_ollamasharp_stream_cancels_generation_on_the_host()
    {
        IChatClient client = fixture.Ollama();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var received = 0;

        try
        {
            await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, LongEcho.Replace("w1 ", "ollamasharp "))], cancellationToken: cancel.Token))
            {
                if (update.Text.Length == 0) continue;
                if (++received == 2) await cancel.CancelAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // OllamaSharp may end a cancelled stream quietly or by throwing: either way it stops reading.
        }

        received.Should().Be(2, "no update arrives after the cancellation");
        await fixture.Host.WaitForLogAsync(l => l.Contains("POST /api/chat") && l.Contains("cancelled by the client") && !l.Contains("after 200"));
        await ShouldStillServeAsync();
    }

    [Fact]
    public async Task Cancelling_an_openai_stream_cancels_generation_on_the_host()
    {
        var client = fixture.OpenAi();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var act = async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, LongEcho)], cancellationToken: cancel.Token))
                if (update.Text.Length > 0) await cancel.CancelAsync();
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        await fixture.Host.WaitForLogAsync(l => l.Contains("POST /v1/chat/completions") && l.Contains("cancelled by the client"));
        await ShouldStillServeAsync();
    }

    private async Task ShouldStillServeAsync()
    {
        using var http = fixture.Host.CreateHttpClient();
        (await http.GetAsync("api/version", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = await ((IChatClient)fixture.Ollama()).GetResponseAsync([new ChatMessage(ChatRole.User, "echo: still here")], cancellationToken: Ct);
        reply.Text.Should().Be("still here");
    }
}
