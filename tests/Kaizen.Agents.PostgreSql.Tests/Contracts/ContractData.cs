using Kaizen.Agents.Checkpoints;

namespace Kaizen.Agents.PostgreSql.Tests.Contracts;

/// <summary>States and turns the contract tests write.</summary>
internal static class ContractData
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(1));

    public static AgentState Conversation(int turns, string task = "Summarise the quarterly report") => new()
    {
        Task = task,
        Turn = turns,
        MaxTurns = 100,
        Conversation = [new ConversationEntry("user", "Task: " + task, 0),
            .. Enumerable.Range(1, turns).SelectMany(t => new[]
            {
                new ConversationEntry("assistant", $"{{\"done\":false,\"thought\":\"Turn {t}: I read section {t} of the report and noted the revenue, cost and margin figures.\"}}", t,
                    [new ToolCallRecord($"call_{t}_0", "read_section", $"{{\"section\":{t}}}")]),
                new ConversationEntry("tool", $"Section {t}: revenue grew {t}% while costs fell; margin improved across the region.", t,
                    Result: new ToolResultRecord($"call_{t}_0", "read_section", "Succeeded", $"\"Section {t}: revenue grew {t}%.\"")),
            })],
        InputTokens = 1000L * turns,
        OutputTokens = 100L * turns,
        Extensions = new Dictionary<string, string> { ["plan"] = "{\"steps\":[\"read\",\"summarise\"]}" },
    };

    public static string Hash(AgentState state) => CheckpointCodec.Encode(state, CheckpointCompression.None).Sha256;
}
