using System.Text.Json;
using Kaizen.Agents;
using Kaizen.Agents.Llm;
using Kaizen.ModelHost.Tests.Support;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OllamaSharp.Models;

namespace Kaizen.ModelHost.Tests;

/// <summary>OllamaSharp 5.5.2, unchanged, against the host's Ollama API on the scripted backend.</summary>
[Trait("Category", "model-host")]
public sealed class OllamaWireTests(ScriptedHostFixture fixture) : IClassFixture<ScriptedHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Version_tags_and_show_describe_the_served_model()
    {
        var client = fixture.Ollama();

        (await client.GetVersionAsync(Ct)).Should().Be("0.12.0");
        (await client.IsRunningAsync(Ct)).Should().BeTrue();
        var model = (await client.ListLocalModelsAsync(Ct)).Should().ContainSingle().Subject;
        model.Name.Should().Be("tinyllama:latest");
        model.Digest.Should().MatchRegex("^[0-9a-f]{64}$");
        model.Details.Should().NotBeNull();
        model.Details!.Family.Should().Be("scripted");
        var show = await client.ShowModelAsync(new ShowModelRequest { Model = "tinyllama" }, Ct);
        show.Details.Family.Should().Be("scripted");
        show.Modelfile.Should().Contain("Kaizen.ModelHost");
    }

    [Fact]
    public async Task The_library_probe_finds_the_model_by_its_short_name()
    {
        var probe = await OllamaProbe.CheckAsync(fixture.Host.Address.ToString().TrimEnd('/'), "tinyllama", TimeSpan.FromSeconds(60), Ct);

        probe.Ready.Should().BeTrue(probe.Message);
        probe.Models.Should().Equal("tinyllama:latest");
    }

    [Fact]
    public async Task A_non_streaming_chat_returns_the_reply_with_usage_and_finish_reason()
    {
        IChatClient client = fixture.Ollama();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "echo: the host answers")], new ChatOptions { Temperature = 0, Seed = 7, MaxOutputTokens = 32 }, Ct);

        response.Text.Should().Be("the host answers");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.Usage.Should().NotBeNull();
        response.Usage!.InputTokenCount.Should().BeGreaterThan(0);
        response.Usage.OutputTokenCount.Should().BeGreaterThan(0);
        response.ModelId.Should().Be("tinyllama");
    }

    [Fact]
    public async Task A_streaming_chat_arrives_in_several_updates_and_ends_with_usage()
    {
        IChatClient client = fixture.Ollama();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "echo: one two three four")], cancellationToken: Ct))
            updates.Add(update);

        string.Concat(updates.Select(u => u.Text)).Should().Be("one two three four");
        updates.Count(u => u.Text.Length > 0).Should().Be(4);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Should().ContainSingle().Subject.Details;
        usage.InputTokenCount.Should().BeGreaterThan(0);
        usage.OutputTokenCount.Should().BeGreaterThan(0);
        updates.Last().FinishReason.Should().Be(ChatFinishReason.Stop);
    }

    [Fact]
    public async Task Offered_tools_reach_the_model_with_their_schema_and_calls_come_back_with_parsed_arguments()
    {
        IChatClient client = fixture.Ollama();
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((string city, int days) => $"{days} sunny days in {city}", "get_weather", "Weather for a city")] };

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "What is the weather in Paris?")], options, Ct);

        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Should().ContainSingle().Subject;
        call.Name.Should().Be("get_weather");
        // The scripted model fills each schema property with a value of its type: the schema crossed the wire intact.
        call.Arguments.Should().NotBeNull();
        call.Arguments!["city"]!.ToString().Should().Be("sample city");
        JsonSerializer.SerializeToElement(call.Arguments["days"]).GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Streamed_tool_calls_become_function_call_contents()
    {
        IChatClient client = fixture.Ollama();
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((string path) => "", "read_file", "Reads a file")] };

        var calls = new List<FunctionCallContent>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Read the notes")], options, Ct))
            calls.AddRange(update.Contents.OfType<FunctionCallContent>());

        calls.Should().ContainSingle().Which.Name.Should().Be("read_file");
        calls[0].Arguments!["path"]!.ToString().Should().Be("sample path");
    }

    [Fact]
    public async Task A_tool_result_sent_back_reaches_the_model_as_the_result_of_that_call()
    {
        IChatClient client = fixture.Ollama();
        var tool = AIFunctionFactory.Create((string city) => "", "get_weather", "Weather for a city");
        List<ChatMessage> conversation =
        [
            new(ChatRole.User, "Weather in Oslo?"),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "get_weather", new Dictionary<string, object?> { ["city"] = "Oslo" })]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", "snow, -3 C")]),
        ];

        var response = await client.GetResponseAsync(conversation, new ChatOptions { Tools = [tool] }, Ct);

        response.Text.Should().Be("The tool returned: snow, -3 C");
    }

    [Fact]
    public async Task Json_format_and_json_schema_requests_are_accepted_and_the_reply_parses()
    {
        IChatClient client = fixture.Ollama();

        var json = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "status?")], new ChatOptions { ResponseFormat = ChatResponseFormat.Json }, Ct);
        var schema = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "status?")], new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema<Status>() }, Ct);

        JsonDocument.Parse(json.Text).RootElement.GetProperty("done").GetBoolean().Should().BeFalse();
        JsonDocument.Parse(schema.Text).RootElement.ValueKind.Should().Be(JsonValueKind.Object);
    }

    [Fact]
    public async Task Generate_streams_the_completion_and_ends_with_counts_and_durations()
    {
        var client = fixture.Ollama();

        var chunks = new List<GenerateResponseStream?>();
        await foreach (var chunk in client.GenerateAsync(new GenerateRequest { Model = "tinyllama:latest", Prompt = "echo: alpha beta", Options = new RequestOptions { NumPredict = 16 } }, Ct))
            chunks.Add(chunk);

        string.Concat(chunks.Select(c => c?.Response)).Should().Be("alpha beta");
        var done = chunks.Last().Should().BeOfType<GenerateDoneResponseStream>().Subject;
        done.Done.Should().BeTrue();
        done.DoneReason.Should().Be("stop");
        done.EvalCount.Should().BeGreaterThan(0);
        done.PromptEvalCount.Should().BeGreaterThan(0);
        done.TotalDuration.Should().BeGreaterThan(0);
        done.TotalDuration.Should().BeGreaterThanOrEqualTo(done.EvalDuration);
    }

    [Fact]
    public async Task The_library_ollama_provider_runs_an_agent_over_the_host()
    {
        var config = new AutonomousConfig
        {
            Provider = LlmProviders.Ollama, Model = "tinyllama", Endpoint = fixture.Host.Address.ToString().TrimEnd('/'),
            HandleProcessSignals = false, DataFolder = Directory.CreateTempSubdirectory("kaizen-modelhost-").FullName,
        };
        try
        {
            using var agent = new AutonomousAgent(config);
            var result = await agent.RunAutonomousAsync("Keep working.", maxTurns: 2, Ct);

            result.Turns.Should().Be(2, "the scripted model keeps working every turn");
            result.TotalTokens.Should().BeGreaterThan(0);
        }
        finally
        {
            Directory.Delete(config.DataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_model_is_reported_by_the_library_with_the_pull_command()
    {
        var config = new AutonomousConfig { Provider = LlmProviders.Ollama, Model = "qwen3:0.6b", Endpoint = fixture.Host.Address.ToString().TrimEnd('/'), MaxAttempts = 1 };
        var client = LlmFactory.BuildPipeline(LlmFactory.CreateChatClient(config), config, new UsageMeter());

        var error = (await FluentActions.Awaiting(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: Ct))
            .Should().ThrowAsync<LlmProviderException>()).Which;

        error.Message.Should().Contain("qwen3:0.6b").And.Contain("ollama pull qwen3:0.6b");
        error.IsTransient.Should().BeFalse();
    }

    private sealed record Status(string State, int Progress);
}
