using System.Text.Json;
using Kaizen.Agents.Llm;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Llm;

[Trait("Category", "llm")]
public sealed class ScriptedChatClientTests
{
    private static List<ChatMessage> Ask(string text) => [new(ChatRole.User, text)];

    private static readonly ChatOptions WithTools = new()
    {
        Tools = [AIFunctionFactory.Create((string path) => path, "read_file"), AIFunctionFactory.Create(() => "", "x")],
    };

    [Fact]
    public async Task Replays_steps_in_order_and_records_requests()
    {
        var client = new ScriptedChatClient(new ChatScript().Say("first").Working("thinking").Complete(new { result = "42" }));

        (await client.GetResponseAsync(Ask("a"))).Text.Should().Be("first");
        (await client.GetResponseAsync(Ask("b"))).Text.Should().Be("{\"done\":false,\"thought\":\"thinking\"}");
        var last = await client.GetResponseAsync(Ask("c"));

        last.Text.Should().Be("{\"done\":true,\"outputs\":{\"result\":\"42\"}}");
        last.FinishReason.Should().Be(ChatFinishReason.Stop);
        client.Requests.Select(r => r.LastUserText).Should().Equal("a", "b", "c");
        client.Position.Should().Be(3);
    }

    [Fact]
    public async Task Tool_calls_become_function_call_contents_with_deterministic_ids()
    {
        var client = new ScriptedChatClient(new ChatScript()
            .CallTool("read_file", new { path = "a.txt" })
            .Reply(ScriptedReply.CallTools(ScriptedToolCall.Of("x", null, "mine"), ScriptedToolCall.Of("y"))));

        var first = await client.GetResponseAsync(Ask("go"), WithTools);
        var call = first.Messages.Single().Contents.OfType<FunctionCallContent>().Single();
        call.Name.Should().Be("read_file");
        call.CallId.Should().Be("call_0_0");
        ((JsonElement)call.Arguments!["path"]!).GetString().Should().Be("a.txt");
        first.FinishReason.Should().Be(ChatFinishReason.ToolCalls);

        var second = await client.GetResponseAsync(Ask("go"), WithTools);
        second.Messages.Single().Contents.OfType<FunctionCallContent>().Select(c => c.CallId).Should().Equal("mine", "call_1_1");
    }

    [Fact]
    public async Task A_tool_call_scripted_for_a_request_that_offers_no_tools_is_refused()
    {
        var client = new ScriptedChatClient(new ChatScript().CallTool("read_file", new { path = "a.txt" }));

        var act = () => client.GetResponseAsync(Ask("go"), new ChatOptions());

        var error = (await act.Should().ThrowAsync<ScriptedToolCallNotOfferedException>()).Which;
        error.ToolName.Should().Be("read_file");
        error.Message.Should().Contain("step 1").And.Contain("'read_file'").And.Contain("offered no tools");
    }

    [Fact]
    public async Task Token_usage_is_deterministic_and_grows_with_the_prompt()
    {
        UsageDetails Usage(ChatResponse r) => r.Usage!;
        var a = Usage(await new ScriptedChatClient(new ChatScript().Say("hello world")).GetResponseAsync(Ask("short")));
        var b = Usage(await new ScriptedChatClient(new ChatScript().Say("hello world")).GetResponseAsync(Ask("short")));
        var longer = Usage(await new ScriptedChatClient(new ChatScript().Say("hello world")).GetResponseAsync(Ask(new string('x', 400))));

        a.InputTokenCount.Should().Be(b.InputTokenCount).And.Be(4 + 2); // 4 per message + ceil(5/4)
        a.OutputTokenCount.Should().Be(4 + 3);                            // 4 + ceil(11/4)
        a.TotalTokenCount.Should().Be(a.InputTokenCount + a.OutputTokenCount);
        longer.InputTokenCount.Should().Be(4 + 100);
    }

    [Fact]
    public async Task Fixed_usage_overrides_the_estimate()
    {
        var client = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Say("x").WithUsage(1000, 50)));
        var usage = (await client.GetResponseAsync(Ask("q"))).Usage!;
        (usage.InputTokenCount, usage.OutputTokenCount).Should().Be((1000, 50));
    }

    [Fact]
    public async Task Streaming_yields_word_chunks_then_tool_calls_and_usage()
    {
        var client = new ScriptedChatClient(new ChatScript()
            .Reply(ScriptedReply.Say("one two three") with { ToolCalls = [ScriptedToolCall.Of("t", new { n = 1 })] }));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Ask("s"), WithTools)) updates.Add(update);

        updates.Count.Should().Be(4);
        string.Concat(updates.Select(u => u.Text)).Should().Be("one two three");
        var response = updates.ToChatResponse();
        response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single().Name.Should().Be("t");
        response.Usage!.OutputTokenCount.Should().BeGreaterThan(0);
        updates[^1].FinishReason.Should().Be(ChatFinishReason.ToolCalls);
    }

    [Fact]
    public async Task Running_out_of_script_names_the_step_and_the_request()
    {
        var client = new ScriptedChatClient(new ChatScript().Say("only one"));
        await client.GetResponseAsync(Ask("first"));

        var act = () => client.GetResponseAsync(Ask("what comes next?"));

        var error = (await act.Should().ThrowAsync<ScriptExhaustedException>()).Which;
        error.Message.Should().Contain("step 2").And.Contain("has 1 step(s)").And.Contain("what comes next?").And.Contain("Otherwise");
        error.Request.CallIndex.Should().Be(1);
    }

    [Fact]
    public async Task Content_rules_answer_before_the_sequence_and_respect_their_count()
    {
        var script = new ChatScript()
            .Say("sequence 1").Say("sequence 2")
            .When(r => r.Contains("researcher"), ScriptedReply.Say("research result"), times: 2);
        var client = new ScriptedChatClient(script);

        (await client.GetResponseAsync(Ask("you are the researcher"))).Text.Should().Be("research result");
        (await client.GetResponseAsync(Ask("planner here"))).Text.Should().Be("sequence 1");
        (await client.GetResponseAsync(Ask("researcher again"))).Text.Should().Be("research result");
        (await client.GetResponseAsync(Ask("researcher third time"))).Text.Should().Be("sequence 2");
    }

    [Fact]
    public async Task A_reply_can_be_computed_from_the_request()
    {
        var client = new ScriptedChatClient(r => ScriptedReply.Say($"echo {r.LastUserText} #{r.CallIndex}"));
        (await client.GetResponseAsync(Ask("ping"))).Text.Should().Be("echo ping #0");
        (await client.GetResponseAsync(Ask("pong"))).Text.Should().Be("echo pong #1");
    }

    [Fact]
    public async Task By_turn_scripts_read_the_turn_from_the_agent_options_or_the_conversation()
    {
        var client = new ScriptedChatClient(ChatScript.ByTurn((turn, _) => ScriptedReply.Say($"turn {turn}")));
        var withOption = new ChatOptions { AdditionalProperties = new() { ["kaizen.turn"] = 7 } };

        (await client.GetResponseAsync(Ask("x"), withOption)).Text.Should().Be("turn 7");
        List<ChatMessage> history = [new(ChatRole.User, "t"), new(ChatRole.Assistant, "a"), new(ChatRole.User, "u"), new(ChatRole.Assistant, "b")];
        (await client.GetResponseAsync(history)).Text.Should().Be("turn 3");
    }

    [Fact]
    public async Task A_scripted_failure_is_thrown()
    {
        var client = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Fail(new HttpRequestException("boom"))));
        await FluentActions.Awaiting(() => client.GetResponseAsync(Ask("x"))).Should().ThrowAsync<HttpRequestException>().WithMessage("boom");
    }

    [Fact]
    public async Task A_delayed_reply_observes_cancellation()
    {
        var client = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Say("late").After(TimeSpan.FromMinutes(5))));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await FluentActions.Awaiting(() => client.GetResponseAsync(Ask("x"), cancellationToken: cts.Token)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Metadata_reports_the_scripted_provider_and_model()
    {
        var metadata = new ScriptedChatClient(new ChatScript(), "llama3.2:1b").GetService<ChatClientMetadata>();
        metadata!.ProviderName.Should().Be("scripted");
        metadata.DefaultModelId.Should().Be("llama3.2:1b");
    }
}
