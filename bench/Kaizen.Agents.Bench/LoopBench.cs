using System.Diagnostics;
using Kaizen.Agents.Llm;

namespace Kaizen.Agents.Bench;

/// <summary>Turn loop throughput with the scripted model: everything real except the model, checkpoints every 5 turns.</summary>
internal static class LoopBench
{
    public static async Task RunAsync()
    {
        await Report("50-turn runs x 40, checkpoint every 5 turns", runs: 40, turns: 50, checkpoints: true);
        await Report("50-turn runs x 40, no checkpoints        ", runs: 40, turns: 50, checkpoints: false);
        await Report("one 500-turn run, checkpoint every 5     ", runs: 1, turns: 500, checkpoints: true);
    }

    private static async Task Report(string label, int runs, int turns, bool checkpoints)
    {
        var folder = Measure.TempFolder("loop");
        try
        {
            var config = new AutonomousConfig
            {
                Provider = LlmProviders.Scripted, DataFolder = folder, CheckpointInterval = 5, EnableCheckpoints = checkpoints, HandleProcessSignals = false,
            };
            using var agent = new AutonomousAgent(config, services: new AgentServices { ChatClient = new ScriptedChatClient(ChatScript.Endless()) });
            await agent.RunAutonomousAsync("warm up", 10);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < runs; i++) await agent.RunAutonomousAsync($"process batch {i}", turns);
            watch.Stop();
            var total = runs * turns;
            Console.WriteLine($"  {label}: {total / watch.Elapsed.TotalSeconds,8:0} turns/s  ({watch.Elapsed.TotalMilliseconds * 1000 / total:0} µs/turn)");
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
