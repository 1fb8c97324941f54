using Kaizen.Agents.Bench;
using Kaizen.Agents.Bench.Memory;
using Kaizen.Agents.Bench.Retrieval;

// Dispatcher: `dotnet run -c Release --project bench/Kaizen.Agents.Bench -- --bench checkpoints|loop|memory|retrieval|all`.
// Add a benchmark with one line in this table (the file holding it stays separate).
var benches = new Dictionary<string, Func<Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["checkpoints"] = CheckpointBench.RunAsync,
    ["loop"] = LoopBench.RunAsync,
    ["memory"] = () => MemoryBench.RunAsync(args), // options: see MemoryBench (--turns, --durable-turns, ...)
    ["retrieval"] = () => RetrievalBench.RunAsync(args), // hashing vs MiniLM quality, throughput, cold p99 (--index-turns, --cold-samples)
};

var index = Array.IndexOf(args, "--bench");
var selected = index >= 0 && index + 1 < args.Length ? args[index + 1] : "all";
if (selected != "all" && !benches.ContainsKey(selected))
{
    Console.Error.WriteLine($"Unknown bench '{selected}'. Use --bench {string.Join("|", benches.Keys)}|all.");
    return 2;
}
foreach (var (name, run) in benches)
{
    if (selected != "all" && !string.Equals(selected, name, StringComparison.OrdinalIgnoreCase)) continue;
    Console.WriteLine($"== {name} ==");
    await run();
    Console.WriteLine();
}
return 0;
