using Kaizen.Agents.Checkpoints;

namespace Kaizen.Agents.Bench;

/// <summary>Realistic agent states: each turn a thought, a tool call and its result.</summary>
internal static class SampleStates
{
    public static AgentState Conversation(int turns) => new()
    {
        Task = "Summarise the quarterly sales report and flag regions whose margin fell",
        Turn = turns,
        MaxTurns = 100,
        Conversation = [new ConversationEntry("user", "Task: Summarise the quarterly sales report and flag regions whose margin fell", 0),
            .. Enumerable.Range(1, turns).SelectMany(t => new[]
            {
                new ConversationEntry("assistant",
                    $"{{\"done\":false,\"thought\":\"Turn {t}: section {t} covers region {Region(t)}. I noted revenue, cost of goods and margin, and I will compare them with the previous quarter before moving on.\"}}",
                    t, [new ToolCallRecord($"call_{t}_0", "read_section", $"{{\"section\":{t},\"include_tables\":true}}")]),
                new ConversationEntry("tool",
                    $"Section {t} ({Region(t)}): revenue {1000 + t * 37} k EUR (+{t % 9}.{t % 7}%), cost {700 + t * 23} k EUR, margin {(30 + t % 11)}.{t % 10}%. Headcount {40 + t % 13}. Notes: seasonal effects in Q{t % 4 + 1}; one large contract renewed.",
                    t, Result: new ToolResultRecord($"call_{t}_0", "read_section", "Succeeded", $"\"Section {t} ({Region(t)}): revenue {1000 + t * 37} k EUR\"")),
            })],
        InputTokens = 1200L * turns,
        OutputTokens = 90L * turns,
        Extensions = new Dictionary<string, string> { ["plan"] = "{\"steps\":[\"read every section\",\"compare margins\",\"write summary\"],\"current\":1}" },
        ConfigHash = "0123456789abcdef",
    };

    private static string Region(int t) => new[] { "North", "South", "East", "West", "Central", "Islands" }[t % 6];
}
