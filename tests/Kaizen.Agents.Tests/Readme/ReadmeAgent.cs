using Kaizen.Agents.Tools;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Readme;

/// <summary>The README's first library example, compiled as code; <see cref="ReadmeSnippetTests"/> checks the README shows exactly these lines.</summary>
internal static class ReadmeAgent
{
    public static async Task<(AgentRunResult Result, AutonomousAgent Agent)> RunAsync(IChatClient chatClient, string dataFolder)
    {
        // README:begin
        var agent = new AgentBuilder(new AutonomousConfig { DataFolder = dataFolder })
            .UseChatClient(chatClient)                    // any IChatClient: Ollama, OpenAI, the local model
            .UseCheckpoints(interval: 1)                  // dataFolder/checkpoints.db, resumable with agent.ResumeAsync
            .UseMemory("memory.db", sessionId: "docs")    // hot, warm and cold tiers in dataFolder/memory.db
            .AddTool(AIFunctionFactory.Create((string city) => $"Sunny in {city}", "weather"), DangerLevel.Medium)
            .ApproveToolsWhen(call => call.ToolName == "weather")
            .Build();
        var result = await agent.RunAutonomousAsync("What is the weather in Oslo?", maxTurns: 5);
        // README:end
        return (result, agent);
    }
}
