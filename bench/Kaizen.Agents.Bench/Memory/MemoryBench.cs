using System.Diagnostics;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Embeddings;
using Kaizen.Agents.Memory.Storage;
using LiteDB;

namespace Kaizen.Agents.Bench.Memory;

/// <summary>
/// Memory bench: StoreTurnAsync against raw LiteDB inserts of the same documents at the same durability (per-turn
/// commits on a smaller count; group commit against one transaction on the full count), then hot, warm and cold
/// read latencies on the full session.
/// Options: --turns 100000 --durable-turns 2000 --writers 64 --samples 20000 --cold-samples 500 --folder PATH
/// --group-turns 20000 --group-rounds 2, and --only group to run just the group-commit comparison.
/// </summary>
internal static class MemoryBench
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = MemoryBenchOptions.Parse(args);
        Directory.CreateDirectory(options.Folder);
        Console.WriteLine($"memory bench: {options} on {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        var embedder = new HashingEmbeddingGenerator();
        var texts = Enumerable.Range(0, options.Turns).Select(BenchText.Turn).ToArray();
        var embedClock = Stopwatch.StartNew();
        var vectors = texts.Select(embedder.Embed).ToArray();
        Console.WriteLine($"local embedder: {options.Turns:N0} texts in {embedClock.Elapsed.TotalSeconds:0.00} s ({embedClock.Elapsed.TotalMicroseconds / options.Turns:0.0} µs each)");

        // 0. Warm-up of both paths (JIT), not reported.
        RawInserts(Path.Combine(options.Folder, "warmup-raw.db"), texts, vectors, 200, perCommit: 1);
        await StoreSequentially(Path.Combine(options.Folder, "warmup-ours.db"), texts, 200);
        if (options.GroupOnly)
        {
            await GroupCommit(options, texts, vectors);
            return 0;
        }

        // 1. One durable commit per turn; raw and ours alternate twice so machine load hits both alike.
        var rawDurable = TimeSpan.Zero;
        var ourDurable = TimeSpan.Zero;
        for (var round = 0; round < 2; round++)
        {
            rawDurable += Time(() => RawInserts(Path.Combine(options.Folder, $"raw-durable-{round}.db"), texts, vectors, options.DurableTurns, perCommit: 1));
            ourDurable += await TimeAsync(() => StoreSequentially(Path.Combine(options.Folder, $"kaizen-durable-{round}.db"), texts, options.DurableTurns));
        }

        Report("per-turn durable commits (2 rounds)", 2 * options.DurableTurns, rawDurable, ourDurable, "raw: Insert() auto-commit each; ours: await StoreTurnAsync one by one, PerTurn");

        // 2. Batched: one transaction (raw) against StoreTurnsAsync (ours, <= 4096 turns per commit).
        var rawBatch = Time(() => RawInserts(Path.Combine(options.Folder, "raw-batch.db"), texts, vectors, options.Turns, perCommit: options.Turns));
        var bigFile = Path.Combine(options.Folder, "kaizen-batch.db");
        var ourBatch = await TimeAsync(() => StoreBatch(bigFile, texts));
        Report("batched", options.Turns, rawBatch, ourBatch, "raw: BeginTrans + Insert x N + Commit; ours: StoreTurnsAsync(all), embedding included");

        // 3. Group commit from concurrent writers.
        await GroupCommit(options, texts, vectors);

        // 3. Reads on the big session.
        await using var memory = new LiteDbMemoryBackend(bigFile, "bench", new MemoryOptions { PromoteOnRetrieval = false });
        Console.WriteLine($"session: {await memory.CountTurnsAsync():N0} turns in {new FileInfo(bigFile).Length / 1024.0 / 1024.0:0.0} MiB");
        var hot = new Latency("hot LoadHotTierAsync(10)");
        await hot.MeasureAsync(options.Samples, _ => memory.LoadHotTierAsync(10));
        Console.WriteLine(hot.Report("< 5 µs"));
        var warm = new Latency("warm LoadWarmTierAsync(50)");
        await warm.MeasureAsync(options.Samples / 10, _ => memory.LoadWarmTierAsync(50));
        Console.WriteLine(warm.Report("< 1 ms"));

        var build = Stopwatch.StartNew();
        await memory.SearchColdAsync("index build", 5);
        Console.WriteLine($"cold index build (first search, {options.Turns:N0} vectors): {build.Elapsed.TotalMilliseconds:0} ms");
        var cold = new Latency("cold SearchColdAsync(q, 5)");
        await cold.MeasureAsync(options.ColdSamples, i => memory.SearchColdAsync(BenchText.Query(i), 5));
        Console.WriteLine(cold.Report("< 20 ms"));
        cold = new Latency("cold SearchColdAsync(q, 5) again");
        await cold.MeasureAsync(options.ColdSamples, i => memory.SearchColdAsync(BenchText.Query(10_000 + i), 5));
        Console.WriteLine(cold.Report("< 20 ms"));

        await using (var promoting = new LiteDbMemoryBackend(bigFile, "bench", new MemoryOptions { PromoteOnRetrieval = true, Durability = MemoryDurability.GroupCommit }))
        {
            var coldPromoting = new Latency("cold search + promotion commit");
            await coldPromoting.MeasureAsync(Math.Min(options.ColdSamples, 200), i => promoting.SearchColdAsync(BenchText.Query(50_000 + i), 5));
            Console.WriteLine(coldPromoting.Report("(includes a durable write)"));
        }

        Console.WriteLine($"files kept in {options.Folder}");
        return 0;
    }

    /// <summary>Inserts <paramref name="count"/> documents, <paramref name="perCommit"/> per transaction (1: each Insert auto-commits).</summary>
    private static void RawInserts(string path, string[] texts, float[][] vectors, int count, int perCommit)
    {
        var documents = Enumerable.Range(0, count)
            .Select(i => TurnDocument.Create(TurnKey.Compose(0, i), "bench", i, i % 2 == 0 ? "user" : "assistant", texts[i], Start.AddSeconds(i), null, vectors[i], "kaizen-hashing-256"))
            .ToArray();
        var connection = new ConnectionString { Filename = path };
        LiteDbOpener.Prepare(connection);
        using var database = LiteDbOpener.Open(connection);
        var turns = database.GetCollection(TurnDocument.Collection);
        var cpu = ProcessCpu();
        var writes = WriteCalls();
        RawClock.Restart();
        for (var i = 0; i < documents.Length; i++)
        {
            if (perCommit > 1 && i % perCommit == 0) database.BeginTrans();
            turns.Insert(documents[i]);
            if (perCommit > 1 && (i % perCommit == perCommit - 1 || i == documents.Length - 1)) database.Commit();
        }
        RawClock.Stop();
        RawCpu = ProcessCpu() - cpu;
        RawWrites = WriteCalls() - writes;
    }

    private static readonly Stopwatch RawClock = new();

    /// <summary>Process CPU time of the last timed raw region (all threads, including LiteDB's log writer).</summary>
    private static TimeSpan RawCpu;

    /// <summary>Write system calls of this process so far (Linux /proc/self/io; 0 elsewhere): LiteDB writes one page per call.</summary>
    private static long WriteCalls()
    {
        const string io = "/proc/self/io";
        if (!File.Exists(io)) return 0;
        var line = File.ReadLines(io).FirstOrDefault(l => l.StartsWith("syscw:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long RawWrites;

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static async Task<TimeSpan> StoreSequentially(string path, string[] texts, int count)
    {
        await using var memory = new LiteDbMemoryBackend(path, "bench");
        await memory.InitializeAsync();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) await memory.StoreTurnAsync(i % 2 == 0 ? "user" : "assistant", texts[i], Start.AddSeconds(i));
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> StoreBatch(string path, string[] texts)
    {
        await using var memory = new LiteDbMemoryBackend(path, "bench");
        await memory.InitializeAsync();
        var clock = Stopwatch.StartNew();
        await memory.StoreTurnsAsync(texts.Select((text, i) => new NewTurn(i % 2 == 0 ? "user" : "assistant", text, Start.AddSeconds(i))));
        return clock.Elapsed;
    }

    /// <summary>Group commit against one raw transaction; rounds alternate raw and ours so machine load hits both alike.</summary>
    private static async Task GroupCommit(MemoryBenchOptions options, string[] texts, float[][] vectors)
    {
        var groupTurns = Math.Min(options.Turns, options.GroupTurns);
        var rawGroup = TimeSpan.Zero;
        var ourGroup = TimeSpan.Zero;
        long commits = 0, checkpoints = 0, rawWrites = 0, ourWrites = 0, chunkedWrites = 0;
        TimeSpan rawCpu = TimeSpan.Zero, ourCpu = TimeSpan.Zero, rawChunked = TimeSpan.Zero;
        for (var round = 0; round < options.GroupRounds; round++)
        {
            rawGroup += Time(() => RawInserts(Path.Combine(options.Folder, $"raw-group-{round}.db"), texts, vectors, groupTurns, perCommit: groupTurns));
            rawCpu += RawCpu;
            rawWrites += RawWrites;

            var (elapsed, roundCommits, roundCheckpoints, cpu, writes) = await StoreConcurrently(Path.Combine(options.Folder, $"kaizen-group-{round}.db"), texts[..groupTurns], options.Writers);
            checkpoints += roundCheckpoints;
            ourWrites += writes;
            ourGroup += elapsed;
            commits += roundCommits;
            ourCpu += cpu;

            // Reference: raw inserts committed in transactions as large as ours were on average (LiteDB's own cost of committing that often).
            var chunk = (int)Math.Max(1, Math.Round((double)groupTurns / Math.Max(1, roundCommits)));
            rawChunked += Time(() => RawInserts(Path.Combine(options.Folder, $"raw-chunked-{round}.db"), texts, vectors, groupTurns, perCommit: chunk));
            chunkedWrites += RawWrites;
        }

        var turns = options.GroupRounds * groupTurns;
        Report($"group commit, {options.Writers} concurrent writers ({options.GroupRounds} rounds)", turns, rawGroup, ourGroup,
            "raw: one transaction; ours: GroupCommit, each caller awaits its durable commit");
        Console.WriteLine($"  ours: {commits:N0} commits, {(double)turns / Math.Max(1, commits):0.0} turns per commit, {checkpoints} idle checkpoints");
        Console.WriteLine($"  write calls (≈ log pages): raw {rawWrites:N0}, ours {ourWrites:N0}, raw chunked {chunkedWrites:N0}");
        Console.WriteLine($"  raw chunked like ours ({(double)turns / Math.Max(1, commits):0} per transaction): {rawChunked.TotalSeconds:0.000} s, " +
            $"{rawChunked.TotalMicroseconds / turns:0.0} µs/turn; ours/raw chunked = {ourGroup / rawChunked:0.00}x");
        Console.WriteLine($"  process CPU: raw {rawCpu.TotalMicroseconds / turns:0.0} µs/turn, ours {ourCpu.TotalMicroseconds / turns:0.0} µs/turn, ratio {ourCpu / rawCpu:0.00}x");
    }

    private static async Task<(TimeSpan Elapsed, long Commits, long Checkpoints, TimeSpan Cpu, long Writes)> StoreConcurrently(string path, string[] texts, int writers)
    {
        await using var memory = new LiteDbMemoryBackend(path, "bench", new MemoryOptions { Durability = MemoryDurability.GroupCommit });
        await memory.InitializeAsync();
        var commitsBefore = memory.Writer!.Commits;
        var checkpointsBefore = memory.Writer.Checkpoints;
        var cpu = ProcessCpu();
        var writes = WriteCalls();
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < texts.Length)
                await memory.StoreTurnAsync(i % 2 == 0 ? "user" : "assistant", texts[i], Start.AddSeconds(i));
        })));
        var elapsed = clock.Elapsed;
        return (elapsed, memory.Writer.Commits - commitsBefore, memory.Writer.Checkpoints - checkpointsBefore, ProcessCpu() - cpu, WriteCalls() - writes);
    }

    /// <summary>Raw timing excludes building the documents and opening the file; ours includes everything after open.</summary>
    private static TimeSpan Time(Action run)
    {
        run();
        return RawClock.Elapsed;
    }

    /// <summary>Ours: from after open to the last acknowledged write (closing, like raw's, is not timed).</summary>
    private static Task<TimeSpan> TimeAsync(Func<Task<TimeSpan>> run) => run();

    private static void Report(string name, int turns, TimeSpan raw, TimeSpan ours, string how)
    {
        Console.WriteLine($"{name}: {turns:N0} turns");
        Console.WriteLine($"  raw LiteDB   {raw.TotalSeconds,8:0.000} s  {turns / raw.TotalSeconds,10:N0} turns/s  {raw.TotalMicroseconds / turns,9:0.0} µs/turn");
        Console.WriteLine($"  StoreTurn    {ours.TotalSeconds,8:0.000} s  {turns / ours.TotalSeconds,10:N0} turns/s  {ours.TotalMicroseconds / turns,9:0.0} µs/turn");
        Console.WriteLine($"  ratio ours/raw = {ours / raw:0.00}x   ({how})");
    }
}
