using System.Text.Json;
using Kaizen.Agents.LocalModel.Tests.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.LocalModel.Tests.Contract;

/// <summary>
/// What the library asks of any chat client serving a real model: text, streaming, JSON-schema replies, tool calls,
/// usage, cancellation, seeded determinism. Derive and implement <see cref="CreateClient"/> to run the same contract on
/// another client (e.g. OllamaSharp against the Ollama-API host). The base does not dispose the client it gets.
/// Assertions check structure, never wording.
/// </summary>
public abstract class ChatClientContractTests
{
    /// <summary>Replies of the JSON contract fit in this many tokens (strings in the schemas are bounded).</summary>
    protected const int JsonReplyTokens = 96;

    /// <summary>The client under test.</summary>
    protected abstract IChatClient CreateClient();

    /// <summary>Writes a line to the test output.</summary>
    protected abstract void Log(string line);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_question_gets_a_text_answer_with_token_usage()
    {
        var response = await CreateClient().GetResponseAsync(
            [new ChatMessage(ChatRole.User, "What is the capital of France? Answer in one sentence.")],
            new ChatOptions { MaxOutputTokens = 32 }, Cancel);

        Log($"reply: {response.Text}");
        response.Text.Should().NotBeNullOrWhiteSpace();
        response.Messages.Should().ContainSingle().Which.Role.Should().Be(ChatRole.Assistant);
        response.Usage.Should().NotBeNull();
        response.Usage!.InputTokenCount.Should().BeGreaterThan(0);
        response.Usage.OutputTokenCount.Should().BeInRange(1, 32);
    }

    [Fact]
    public async Task Streaming_yields_text_updates_then_usage()
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in CreateClient().GetStreamingResponseAsync(
                           [new ChatMessage(ChatRole.User, "Name three colours.")], new ChatOptions { MaxOutputTokens = 24 }, Cancel))
            updates.Add(update);

        var text = string.Concat(updates.Select(u => u.Text));
        Log($"{updates.Count} updates: {text}");
        updates.Count(u => u.Text.Length > 0).Should().BeGreaterThan(1, "text arrives piece by piece");
        text.Should().NotBeNullOrWhiteSpace();
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Should().ContainSingle().Subject.Details;
        usage.InputTokenCount.Should().BeGreaterThan(0);
        usage.OutputTokenCount.Should().BeInRange(1, 24);
    }

    [Theory]
    [MemberData(nameof(ContractCases.JsonCaseIds), MemberType = typeof(ContractCases))]
    public async Task A_json_schema_reply_parses_and_matches_the_schema(string caseId)
    {
        var (schema, prompt) = ContractCases.JsonCase(caseId);
        var response = await CreateClient().GetResponseAsync(
            [new ChatMessage(ChatRole.System, "You answer with JSON only."), new ChatMessage(ChatRole.User, prompt)],
            new ChatOptions { MaxOutputTokens = JsonReplyTokens, ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, caseId.Split('-')[0]) }, Cancel);

        Log($"{prompt} -> {response.Text}");
        using var reply = JsonDocument.Parse(response.Text);
        SchemaCheck.Problems(reply.RootElement, schema).Should().BeEmpty();
    }

    [Fact]
    public async Task A_required_tool_call_names_a_listed_tool_with_arguments_matching_its_schema()
    {
        var tools = Tools();
        var response = await CreateClient().GetResponseAsync(
            [new ChatMessage(ChatRole.System, "You are a file assistant."), new ChatMessage(ChatRole.User, "Show me what is in the file notes.txt.")],
            new ChatOptions { MaxOutputTokens = 64, Tools = [.. tools], ToolMode = ChatToolMode.RequireAny }, Cancel);

        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Should().ContainSingle().Subject;
        Log($"call: {call.Name}({JsonSerializer.Serialize(call.Arguments)}) id {call.CallId}");
        var tool = tools.Should().ContainSingle(t => t.Name == call.Name).Subject;
        call.CallId.Should().NotBeNullOrWhiteSpace();
        var arguments = JsonSerializer.SerializeToElement(call.Arguments);
        SchemaCheck.Problems(arguments, tool.JsonSchema).Should().BeEmpty();
        response.FinishReason.Should().Be(ChatFinishReason.ToolCalls);
    }

    [Fact]
    public async Task With_tools_offered_a_reply_is_either_a_listed_tool_call_or_the_response_format()
    {
        var tools = Tools();
        var schema = JsonDocument.Parse(ContractCases.Schemas["agent"]).RootElement;
        var response = await CreateClient().GetResponseAsync(
            [new ChatMessage(ChatRole.System, "You are a file assistant."), new ChatMessage(ChatRole.User, "List the files in the folder /docs.")],
            new ChatOptions { MaxOutputTokens = JsonReplyTokens, Tools = [.. tools], ResponseFormat = ChatResponseFormat.ForJsonSchema(schema) }, Cancel);

        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        Log(calls.Count > 0 ? $"call: {calls[0].Name}({JsonSerializer.Serialize(calls[0].Arguments)})" : $"reply: {response.Text}");
        if (calls.Count > 0)
        {
            tools.Select(t => t.Name).Should().Contain(calls[0].Name);
            SchemaCheck.Problems(JsonSerializer.SerializeToElement(calls[0].Arguments), tools.Single(t => t.Name == calls[0].Name).JsonSchema).Should().BeEmpty();
        }
        else
        {
            using var reply = JsonDocument.Parse(response.Text);
            SchemaCheck.Problems(reply.RootElement, schema).Should().BeEmpty();
        }
    }

    [Fact]
    public async Task A_tool_result_in_the_conversation_is_read_and_answered()
    {
        var call = new FunctionCallContent("call_1", "read_file", new Dictionary<string, object?> { ["path"] = "notes.txt" });
        var response = await CreateClient().GetResponseAsync(
        [
            new ChatMessage(ChatRole.System, "You are a file assistant."),
            new ChatMessage(ChatRole.User, "What does notes.txt say?"),
            new ChatMessage(ChatRole.Assistant, [call]),
            new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call_1", "Buy milk and eggs.")]),
        ], new ChatOptions { MaxOutputTokens = 32, Tools = [.. Tools()] }, Cancel);

        Log($"reply: {response.Text}");
        response.Messages.SelectMany(m => m.Contents).Should().NotBeEmpty();
        response.Usage!.OutputTokenCount.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Cancelling_during_generation_throws_and_the_client_keeps_working()
    {
        var client = CreateClient();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var received = 0;
        var act = async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(
                               [new ChatMessage(ChatRole.User, "Write a long story about a dragon and a knight.")],
                               new ChatOptions { MaxOutputTokens = 400 }, cancellation.Token))
            {
                if (update.Text.Length > 0 && ++received == 2) await cancellation.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        received.Should().Be(2, "generation stops at the next token after cancellation");

        var after = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Say hello.")], new ChatOptions { MaxOutputTokens = 8 }, Cancel);
        after.Usage!.OutputTokenCount.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_sampled_reply()
    {
        var client = CreateClient();
        var options = new ChatOptions { MaxOutputTokens = 24, Temperature = 0.9f, Seed = 1234 };
        ChatMessage[] messages = [new ChatMessage(ChatRole.User, "Invent a name for a new planet and describe it briefly.")];

        var first = await client.GetResponseAsync(messages, options.Clone(), Cancel);
        var second = await client.GetResponseAsync(messages, options.Clone(), Cancel);

        Log($"1: {first.Text}\n2: {second.Text}");
        first.Text.Should().NotBeNullOrWhiteSpace();
        second.Text.Should().Be(first.Text);
    }

    /// <summary>A fixed tool list: file tools with JSON schemas.</summary>
    protected static IReadOnlyList<AIFunction> Tools() =>
    [
        AIFunctionFactory.Create((string path) => "", "read_file", "Read a text file and return its content."),
        AIFunctionFactory.Create((string path) => "", "list_directory", "List the files in a folder."),
        AIFunctionFactory.Create((string title, string text) => "", "save_note", "Save a note with a title."),
    ];
}
