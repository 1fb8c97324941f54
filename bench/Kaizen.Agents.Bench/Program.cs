using Kaizen.Agents.Bench.Memory;

// Dispatcher: dotnet run -c Release --project bench/Kaizen.Agents.Bench -- --bench <name> [options]
var benches = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["memory"] = MemoryBench.RunAsync,
};

var at = Array.IndexOf(args, "--bench");
if (at < 0 || at + 1 >= args.Length || !benches.TryGetValue(args[at + 1], out var run))
{
    Console.Error.WriteLine($"usage: Kaizen.Agents.Bench --bench <{string.Join('|', benches.Keys)}> [options]");
    return 2;
}

return await run(args.Where((_, i) => i != at && i != at + 1).ToArray());
