using System.Net;
using System.Text;
using System.Text.Json;
using Kaizen.ModelHost.Tests.Support;

namespace Kaizen.ModelHost.Tests;

/// <summary>Bad requests get Ollama's and OpenAI's error shapes and status codes (raw HTTP, no client library in between).</summary>
[Trait("Category", "model-host")]
public sealed class ErrorShapeTests(ScriptedHostFixture fixture) : IClassFixture<ScriptedHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, JsonElement Body, string ContentType)> PostAsync(string path, string body)
    {
        using var http = fixture.Host.CreateHttpClient();
        using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType ?? "");
    }

    [Theory]
    [InlineData("api/chat", """{"model":"llama3.2:1b","messages":[{"role":"user","content":"hi"}]}""")]
    [InlineData("api/generate", """{"model":"llama3.2:1b","prompt":"hi"}""")]
    [InlineData("api/show", """{"model":"llama3.2:1b"}""")]
    public async Task An_unknown_model_gets_ollamas_404(string path, string body)
    {
        var (status, json, type) = await PostAsync(path, body);

        status.Should().Be(HttpStatusCode.NotFound);
        type.Should().Be("application/json");
        json.GetProperty("error").GetString().Should().Be("model \"llama3.2:1b\" not found, try pulling it first");
    }

    [Fact]
    public async Task The_served_model_answers_to_its_tagged_name_and_any_case()
    {
        (await PostAsync("api/chat", """{"model":"TinyLlama:latest","stream":false,"messages":[{"role":"user","content":"echo: ok"}]}""")).Status.Should().Be(HttpStatusCode.OK);
        (await PostAsync("api/chat", """{"model":"tinyllama:7b","stream":false,"messages":[{"role":"user","content":"echo: ok"}]}""")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"model": "tinyllama", "messages": [""", "invalid JSON body")]
    [InlineData("not json at all", "invalid JSON body")]
    [InlineData("""{"model":"tinyllama","options":{"temperature":"hot"}}""", "invalid JSON body")]
    [InlineData("", "missing request body")]
    [InlineData("""{"messages":[]}""", "model is required")]
    [InlineData("""{"model":"tinyllama","format":"yaml","messages":[{"role":"user","content":"x"}]}""", "invalid format")]
    [InlineData("""{"model":"tinyllama","messages":[{"role":"wizard","content":"x"}]}""", "unknown role 'wizard'")]
    public async Task A_bad_ollama_body_gets_400_with_the_reason(string body, string reason)
    {
        var (status, json, _) = await PostAsync("api/chat", body);

        status.Should().Be(HttpStatusCode.BadRequest);
        json.GetProperty("error").GetString().Should().Contain(reason);
    }

    [Fact]
    public async Task A_malformed_body_names_the_parse_error_position()
    {
        var (_, json, _) = await PostAsync("api/generate", """{"model": "tinyllama", "prompt": }""");

        json.GetProperty("error").GetString().Should().Contain("LineNumber: 0").And.Contain("BytePositionInLine");
    }

    [Fact]
    public async Task An_unknown_model_gets_openais_error_object_and_404()
    {
        var (status, json, _) = await PostAsync("v1/chat/completions", """{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}""");

        status.Should().Be(HttpStatusCode.NotFound);
        var error = json.GetProperty("error");
        error.GetProperty("message").GetString().Should().Contain("gpt-4o");
        error.GetProperty("type").GetString().Should().Be("invalid_request_error");
        error.GetProperty("code").GetString().Should().Be("model_not_found");
        error.GetProperty("param").GetString().Should().Be("model");
    }

    [Theory]
    [InlineData("""{"model":"tinyllama","messages":[{"role":"user","content":"hi"}""", "invalid JSON body", null)]
    [InlineData("""{"model":"tinyllama","messages":[]}""", "non-empty", "messages")]
    [InlineData("""{"model":"tinyllama","messages":[{"role":"user","content":"x"}],"response_format":{"type":"xml"}}""", "xml", "response_format")]
    [InlineData("""{"model":"tinyllama","messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{oops"}}]}]}""", "not valid JSON", "messages")]
    public async Task A_bad_openai_body_gets_400_with_openais_error_object(string body, string reason, string? param)
    {
        var (status, json, _) = await PostAsync("v1/chat/completions", body);

        status.Should().Be(HttpStatusCode.BadRequest);
        var error = json.GetProperty("error");
        error.GetProperty("message").GetString().Should().Contain(reason);
        error.GetProperty("type").GetString().Should().Be("invalid_request_error");
        error.GetProperty("param").ValueKind.Should().Be(param is null ? JsonValueKind.Null : JsonValueKind.String);
    }

    [Fact]
    public async Task Embeddings_are_refused_in_ollamas_shape_when_no_embedding_model_is_served()
    {
        var (status, json, _) = await PostAsync("api/embed", """{"model":"tinyllama","input":"hello"}""");

        status.Should().Be(HttpStatusCode.NotImplemented);
        json.GetProperty("error").GetString().Should().Contain("does not support embeddings");
    }

    [Fact]
    public async Task Ollama_streams_by_default_as_ndjson_with_counts_and_durations_on_the_last_line()
    {
        using var http = fixture.Host.CreateHttpClient();
        using var response = await http.PostAsync("api/chat", new StringContent("""{"model":"tinyllama","messages":[{"role":"user","content":"echo: a b"}]}""", Encoding.UTF8, "application/json"), Ct);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-ndjson");
        lines.Should().HaveCount(3);
        lines.Take(2).Should().AllSatisfy(l => l.GetProperty("done").GetBoolean().Should().BeFalse());
        var last = lines[^1];
        last.GetProperty("done").GetBoolean().Should().BeTrue();
        last.GetProperty("done_reason").GetString().Should().Be("stop");
        foreach (var field in new[] { "total_duration", "load_duration", "prompt_eval_count", "prompt_eval_duration", "eval_count", "eval_duration" })
            last.GetProperty(field).GetInt64().Should().BeGreaterThanOrEqualTo(0, field);
        last.GetProperty("eval_count").GetInt64().Should().BeGreaterThan(0);
        last.GetProperty("created_at").GetString().Should().EndWith("Z");
    }

    [Fact]
    public async Task An_openai_stream_ends_with_a_usage_chunk_and_done_when_usage_is_asked_for()
    {
        using var http = fixture.Host.CreateHttpClient();
        using var response = await http.PostAsync("v1/chat/completions", new StringContent(
            """{"model":"tinyllama","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"echo: x y"}]}""", Encoding.UTF8, "application/json"), Ct);
        var events = (await response.Content.ReadAsStringAsync(Ct)).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).ToList();

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        events.Should().AllSatisfy(e => e.Should().StartWith("data: "));
        events[^1].Should().Be("data: [DONE]");
        var usageChunk = JsonDocument.Parse(events[^2]["data: ".Length..]).RootElement;
        usageChunk.GetProperty("choices").GetArrayLength().Should().Be(0);
        usageChunk.GetProperty("usage").GetProperty("completion_tokens").GetInt64().Should().BeGreaterThan(0);
        var finish = JsonDocument.Parse(events[^3]["data: ".Length..]).RootElement.GetProperty("choices")[0];
        finish.GetProperty("finish_reason").GetString().Should().Be("stop");
    }
}
