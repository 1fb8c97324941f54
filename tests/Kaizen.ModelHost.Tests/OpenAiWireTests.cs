using System.Text.Json;
using Kaizen.ModelHost.Tests.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.ModelHost.Tests;

/// <summary>The OpenAI .NET client (through Microsoft.Extensions.AI.OpenAI) against the host's /v1 API on the scripted backend.</summary>
[Trait("Category", "model-host")]
public sealed class OpenAiWireTests(ScriptedHostFixture fixture) : IClassFixture<ScriptedHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_model_list_names_the_served_model()
    {
        var models = (await fixture.OpenAiClient().GetOpenAIModelClient().GetModelsAsync(Ct)).Value;

        models.Should().ContainSingle().Which.Id.Should().Be("tinyllama");
    }

    [Fact]
    public async Task A_non_streaming_completion_returns_the_reply_and_usage()
    {
        var response = await fixture.OpenAi().GetResponseAsync(
            [new ChatMessage(ChatRole.System, "You repeat."), new ChatMessage(ChatRole.User, "echo: over the openai wire")],
            new ChatOptions { MaxOutputTokens = 20, Temperature = 0, Seed = 1 }, Ct);

        response.Text.Should().Be("over the openai wire");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.Usage!.InputTokenCount.Should().BeGreaterThan(0);
        response.Usage.OutputTokenCount.Should().BeGreaterThan(0);
        response.Usage.TotalTokenCount.Should().Be(response.Usage.InputTokenCount + response.Usage.OutputTokenCount);
    }

    [Fact]
    public async Task A_streaming_completion_arrives_in_chunks_and_ends_with_usage()
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in fixture.OpenAi().GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "echo: red green blue")], cancellationToken: Ct))
            updates.Add(update);

        string.Concat(updates.Select(u => u.Text)).Should().Be("red green blue");
        updates.Count(u => u.Text.Length > 0).Should().Be(3);
        updates.Select(u => u.FinishReason).Should().Contain(ChatFinishReason.Stop);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Should().ContainSingle().Subject.Details;
        usage.OutputTokenCount.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Tool_calls_come_back_with_ids_and_parsed_arguments_and_results_go_back_by_id()
    {
        var client = fixture.OpenAi();
        var tool = AIFunctionFactory.Create((string city, bool metric) => "", "get_weather", "Weather for a city");

        var first = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Weather in Rome?")], new ChatOptions { Tools = [tool] }, Ct);
        var call = first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Should().ContainSingle().Subject;
        first.FinishReason.Should().Be(ChatFinishReason.ToolCalls);
        call.Name.Should().Be("get_weather");
        call.CallId.Should().NotBeNullOrEmpty();
        call.Arguments!["city"]!.ToString().Should().Be("sample city");
        JsonSerializer.SerializeToElement(call.Arguments["metric"]).GetBoolean().Should().BeTrue();

        var second = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "Weather in Rome?"), .. first.Messages, new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, "warm")])],
            new ChatOptions { Tools = [tool] }, Ct);
        second.Text.Should().Be("The tool returned: warm");
    }

    [Fact]
    public async Task Streamed_tool_calls_are_reassembled_by_the_client()
    {
        var calls = new List<FunctionCallContent>();
        await foreach (var update in fixture.OpenAi().GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "list it")],
                           new ChatOptions { Tools = [AIFunctionFactory.Create((string folder) => "", "list_directory", "Lists a folder")] }, Ct))
            calls.AddRange(update.Contents.OfType<FunctionCallContent>());

        calls.Should().ContainSingle().Which.Name.Should().Be("list_directory");
        calls[0].Arguments!["folder"]!.ToString().Should().Be("sample folder");
    }

    [Fact]
    public async Task A_json_schema_response_format_is_accepted()
    {
        var response = await fixture.OpenAi().GetResponseAsync([new ChatMessage(ChatRole.User, "status?")],
            new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema<Reading>() }, Ct);

        JsonDocument.Parse(response.Text).RootElement.ValueKind.Should().Be(JsonValueKind.Object);
    }

    private sealed record Reading(string Sensor, double Value);
}
