using Kaizen.Agents.LocalModel;
using System.Text.Json;
using Kaizen.ModelHost.Tests.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.ModelHost.Tests;

/// <summary>
/// OllamaSharp 5.5.2 against the host on the real model (TinyLlama from tools/model; install it with
/// tools/model/install.sh). Replies are checked for structure and limits, never wording. num_predict stays small.
/// </summary>
[Trait("Category", "model-host")]
[Trait("Category", "local-model")]
[Collection(LocalModelHostCollection.Name)]
public sealed class LocalModelWireTests(LocalHostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ChatOptions Limited(int tokens, ChatOptions? options = null)
    {
        options ??= new ChatOptions();
        options.MaxOutputTokens = tokens;
        options.Temperature = 0;
        options.Seed = 42;
        // OllamaSharp sends Ollama options named in AdditionalProperties (num_predict is what caps the reply on the wire).
        options.AdditionalProperties = new AdditionalPropertiesDictionary { ["num_predict"] = tokens, ["seed"] = 42, ["temperature"] = 0f };
        return options;
    }

    [Fact]
    public async Task The_tags_describe_the_installed_gguf_file()
    {
        var model = (await fixture.Ollama().ListLocalModelsAsync(Ct)).Should().ContainSingle().Subject;

        // The host serves the CPU copy when tools/model/install.sh wrote one, else the 2-bit file itself.
        var copy = LocalModelFile.DefaultPath != LocalModelFile.InstalledPath;
        model.Name.Should().Be("tinyllama:latest");
        model.Size.Should().Be(copy ? 631_167_968 : 322_591_712);
        model.Digest.Should().Be(copy ? "32a8ee3db1287193f29abb5b59daab1ab186e882d77c8bd52b8d45b59acf9d53" : "9ee11adf737960ff06123d5c4fba24d12c5b05ba460a7afa88950fbf2b61add0");
        model.Details!.Format.Should().Be("gguf");
        model.Details.QuantizationLevel.Should().Be(copy ? "Q4_K_S" : "IQ2_XXS");
        model.Details.ParameterSize.Should().Be("1.1B");
    }

    [Fact]
    public async Task The_real_model_streams_a_reply_within_num_predict_with_usage()
    {
        IChatClient client = fixture.Ollama();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Name three colours.")], Limited(8), Ct))
            updates.Add(update);

        updates.Count(u => u.Text.Length > 0).Should().BeGreaterThan(1, "tokens are streamed as they are generated");
        string.Concat(updates.Select(u => u.Text)).Should().NotBeNullOrWhiteSpace();
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Should().ContainSingle().Subject.Details;
        usage.InputTokenCount.Should().BeGreaterThan(5, "the prompt with its chat template has more than five tokens");
        usage.OutputTokenCount.Should().BeInRange(1, 8);
    }

    [Fact]
    public async Task A_json_schema_format_gives_a_reply_that_parses_into_the_schema()
    {
        IChatClient client = fixture.Ollama();
        var options = Limited(80, new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema<Capital>() });

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "What is the capital of France? Answer in JSON.")], options, Ct);

        var root = JsonDocument.Parse(response.Text).RootElement;
        root.GetProperty("city").ValueKind.Should().Be(JsonValueKind.String);
        response.Usage!.OutputTokenCount.Should().BeInRange(1, 80);
    }

    [Fact]
    public async Task With_tools_offered_every_reply_is_text_or_a_parsed_call_of_an_offered_tool()
    {
        IChatClient client = fixture.Ollama();
        var options = Limited(60, new ChatOptions { Tools = [AIFunctionFactory.Create((string city) => "", "get_weather", "Gets the weather for a city")] });

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Use the get_weather tool to answer weather questions."), new ChatMessage(ChatRole.User, "What is the weather in Paris?")], options, Ct);

        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        if (calls.Count == 0)
        {
            response.Text.Should().NotBeNullOrWhiteSpace("a reply without a call is text");
        }
        else
        {
            calls.Should().AllSatisfy(c =>
            {
                c.Name.Should().Be("get_weather");
                c.Arguments.Should().ContainKey("city");
                JsonSerializer.SerializeToElement(c.Arguments!["city"]).ValueKind.Should().Be(JsonValueKind.String);
            });
        }
    }

    [Fact]
    public async Task Cancelling_mid_generation_stops_the_model_and_the_host_serves_the_next_request()
    {
        IChatClient client = fixture.Ollama();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var received = 0;
        try
        {
            await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Write a long story about a lighthouse keeper.")], Limited(200), cancel.Token))
                if (update.Text.Length > 0 && ++received == 1) await cancel.CancelAsync();
        }
        catch (OperationCanceledException)
        {
            // OllamaSharp may end a cancelled stream quietly or by throwing.
        }

        received.Should().Be(1);
        var line = await fixture.Host.WaitForLogAsync(l => l.Contains("POST /api/chat") && l.Contains("cancelled by the client"));
        line.Should().MatchRegex(@"after \d+ update");
        var next = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Say yes.")], Limited(4), Ct);
        next.Usage!.OutputTokenCount.Should().BeInRange(1, 4);
    }

    [Fact]
    public async Task The_openai_api_serves_the_real_model_with_usage()
    {
        var response = await fixture.OpenAi().GetResponseAsync([new ChatMessage(ChatRole.User, "Say hello.")], new ChatOptions { MaxOutputTokens = 6, Temperature = 0, Seed = 42 }, Ct);

        response.Text.Should().NotBeNullOrWhiteSpace();
        response.Usage!.OutputTokenCount.Should().BeInRange(1, 6);
        response.FinishReason.Should().BeOneOf(ChatFinishReason.Stop, ChatFinishReason.Length);
    }

    private sealed record Capital(string City);
}
