using System.Globalization;
using Kaizen.Agents.LocalModel;
using Microsoft.Extensions.AI;

// dotnet run -c Release --project bench/Kaizen.Agents.LocalModel.Bench -- [rounds=3]
// The installed 2-bit model and its CPU copy (tools/model/install.sh writes it) answer the same prompts in alternating
// rounds on one fresh context each, so both see the same machine load; prints tokens/s per file and the ratio.
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var installed = LocalModelFile.InstalledPath;
var copy = LocalModelCpuCopy.PathFor(installed);
LocalModelFile.Validate(installed);
if (!LocalModelCpuCopy.IsCurrent(installed))
{
    Console.Error.WriteLine($"No current CPU copy at {copy}: run tools/model/install.sh first.");
    return 2;
}

// An agent-sized prompt (about 400 tokens) and a short reply, as in the specs.
var prompt = "You are an autonomous agent. Notes from the team: " +
             string.Join(" ", Enumerable.Range(1, 30).Select(i => $"Note {i}: record {i * 7} was checked on day {i % 5 + 1}.")) +
             " Say in one sentence what the notes are about.";
var files = new[] { ("2-bit IQ2_XXS", installed), ($"CPU copy {LocalModelCpuCopy.Encoding}", copy) };
var totals = files.ToDictionary(f => f.Item1, _ => (PromptTokens: 0, PromptSeconds: 0.0, Generated: 0, GenerationSeconds: 0.0));
Console.WriteLine($"Local model encodings side by side, {rounds} rounds, {Environment.ProcessorCount} threads");
for (var round = 1; round <= rounds; round++)
{
    foreach (var (name, path) in round % 2 == 1 ? files : files.Reverse())
    {
        using var client = new LocalChatClient(new LocalModelOptions { ModelPath = path });
        await client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], new ChatOptions { MaxOutputTokens = 48 });
        var stats = client.LastStats!;
        var t = totals[name];
        totals[name] = (t.PromptTokens + stats.EvaluatedPromptTokens, t.PromptSeconds + stats.PromptDuration.TotalSeconds,
            t.Generated + stats.GeneratedTokens, t.GenerationSeconds + stats.GenerationDuration.TotalSeconds);
        Console.WriteLine($"round {round} {name,-16} prompt {stats.PromptTokensPerSecond,6:F1} tok/s   generation {stats.GenerationTokensPerSecond,6:F1} tok/s");
    }
}
double Rate(int tokens, double seconds) => seconds <= 0 ? 0 : tokens / seconds;
var (slow, fast) = (totals[files[0].Item1], totals[files[1].Item1]);
Console.WriteLine($"{"all rounds",-8}{"",-17} prompt {Rate(slow.PromptTokens, slow.PromptSeconds),6:F1} -> {Rate(fast.PromptTokens, fast.PromptSeconds),6:F1} tok/s " +
                  $"(x{Rate(fast.PromptTokens, fast.PromptSeconds) / Rate(slow.PromptTokens, slow.PromptSeconds):F2})   generation {Rate(slow.Generated, slow.GenerationSeconds),6:F1} -> " +
                  $"{Rate(fast.Generated, fast.GenerationSeconds),6:F1} tok/s (x{Rate(fast.Generated, fast.GenerationSeconds) / Rate(slow.Generated, slow.GenerationSeconds):F2})");
return 0;
