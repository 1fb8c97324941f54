using Kaizen.Agents.Memory;

// Usage: Kaizen.Memory.TestWriter <database> <session> <writer-id> <turns> [multi|single|single-with-short-timeout] [per-turn|group] [forget-first]
// Writes <turns> turns "writer <id> turn <n>" with metadata { writer, n }, prints "stored <turns>" and exits 0.
// With forget-first it deletes the session before writing, so the session starts again under a new number.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: Kaizen.Memory.TestWriter <database> <session> <writer-id> <turns> [multi|single] [per-turn|group]");
    return 2;
}

var options = new MemoryOptions
{
    Concurrency = args.ElementAtOrDefault(4)?.StartsWith("single", StringComparison.Ordinal) == true ? MemoryConcurrency.SingleProcess : MemoryConcurrency.MultiProcess,
    Durability = args.ElementAtOrDefault(5) == "group" ? MemoryDurability.GroupCommit : MemoryDurability.PerTurn,
    LockTimeout = args.ElementAtOrDefault(4) == "single-with-short-timeout" ? TimeSpan.FromSeconds(2) : TimeSpan.FromMinutes(5),
};
var writer = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var turns = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
try
{
    await using var memory = new LiteDbMemoryBackend(args[0], args[1], options);
    if (args.ElementAtOrDefault(6) == "forget-first") await memory.DeleteSessionAsync();
    for (var n = 0; n < turns; n++)
    {
        await memory.StoreTurnAsync(n % 2 == 0 ? "user" : "assistant", $"writer {writer} turn {n}", DateTimeOffset.UtcNow,
            new Dictionary<string, object?> { ["writer"] = writer, ["n"] = n });
        if ((n + 1) % 100 == 0) Console.WriteLine($"progress {n + 1}"); // lets a test kill the writer mid-run
    }
}
catch (Exception exception)
{
    Console.Error.WriteLine($"{exception.GetType().Name}: {exception.Message}");
    return 1;
}

Console.WriteLine($"stored {turns}");
return 0;
