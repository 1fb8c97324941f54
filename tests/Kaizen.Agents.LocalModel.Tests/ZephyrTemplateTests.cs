using Microsoft.Extensions.AI;

namespace Kaizen.Agents.LocalModel.Tests;

[Trait("Category", "local-model")]
public sealed class ZephyrTemplateTests
{
    [Fact]
    public void A_conversation_renders_in_the_zephyr_format_ending_with_an_open_assistant_turn()
    {
        var prompt = ZephyrTemplate.Render(
        [
            new ChatMessage(ChatRole.System, "Be brief."),
            new ChatMessage(ChatRole.User, "Hi"),
            new ChatMessage(ChatRole.Assistant, "Hello!"),
            new ChatMessage(ChatRole.User, "Bye"),
        ]);

        prompt.Should().Be("<|system|>\nBe brief.</s>\n<|user|>\nHi</s>\n<|assistant|>\nHello!</s>\n<|user|>\nBye</s>\n<|assistant|>\n");
    }

    [Fact]
    public void Tools_are_listed_in_the_system_turn_and_calls_and_results_appear_in_the_transcript()
    {
        var tool = AIFunctionFactory.Create((string path) => "", "read_file", "Read a file.");
        var prompt = ZephyrTemplate.Render(
        [
            new ChatMessage(ChatRole.User, "Read a.txt"),
            new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "read_file", new Dictionary<string, object?> { ["path"] = "a.txt" })]),
            new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c1", "hello world")]),
        ], [tool], "Reply with only a JSON object like {\"done\": boolean}.");

        prompt.Should().Be(
            "<|system|>\nTools you can call. To call one, reply with only {\"tool\":\"<name>\",\"arguments\":{...}}.\n- read_file(path): Read a file." +
            "\n\nReply with only a JSON object like {\"done\": boolean}.</s>\n" +
            "<|user|>\nRead a.txt</s>\n" +
            "<|assistant|>\n{\"tool\":\"read_file\",\"arguments\":{\"path\":\"a.txt\"}}</s>\n" +
            "<|user|>\nResult of read_file: hello world</s>\n" +
            "<|assistant|>\n");
    }
}
