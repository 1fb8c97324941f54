using Kaizen.Agents.Checkpoints;

namespace Kaizen.Testing.Samples;

/// <summary>An agent state of a report-reading run with tool calls: what the checkpoint tests of every store save.</summary>
public static class SampleConversations
{
    public static AgentState Of(int turns, string task = "Summarise the quarterly report") => new()
    {
        Task = task,
        Turn = turns,
        MaxTurns = 100,
        Conversation = [new ConversationEntry("user", "Task: " + task, 0),
            .. Enumerable.Range(1, turns).SelectMany(t => new[]
            {
                new ConversationEntry("assistant", $"{{\"done\":false,\"thought\":\"Turn {t}: I read section {t} of the report and noted the revenue, cost and margin figures for the summary.\"}}", t,
                    [new ToolCallRecord($"call_{t}_0", "read_section", $"{{\"section\":{t}}}")]),
                new ConversationEntry("tool", $"Section {t}: revenue grew {t}% while costs fell; margin improved across the region.", t,
                    Result: new ToolResultRecord($"call_{t}_0", "read_section", "Succeeded", $"\"Section {t}: revenue grew {t}% while costs fell; margin improved across the region.\"")),
            })],
        InputTokens = 1000L * turns,
        OutputTokens = 100L * turns,
        Extensions = new Dictionary<string, string> { ["plan"] = "{\"steps\":[\"read\",\"summarise\"]}" },
    };
}
