using System.Globalization;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Memory;
using Kaizen.Agents.PostgreSql;
using Kaizen.Agents.PostgreSql.Bench;
using Kaizen.Testing.Postgres;

// dotnet run -c Release --project bench/Kaizen.Agents.PostgreSql.Bench -- [turns=100000] [connection string]
// Without a connection string (or KAIZEN_TEST_POSTGRES) a throw-away cluster with fsync on is started, so PostgreSQL
// commits are as durable as LiteDB's. Prints median / p99 in ms for each store, side by side.
var turns = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
using var server = args.Length > 1 ? null : new PostgresTestServer(durable: true);
var connection = args.Length > 1 ? args[1] : server!.ConnectionString ?? throw new InvalidOperationException(server.Unavailable);
var folder = Path.Combine(Path.GetTempPath(), "kaizen-pg-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
await using var database = PostgresDatabase.Open(connection, "bench_" + Guid.NewGuid().ToString("N")[..8]);
var now = DateTimeOffset.UtcNow;
Console.WriteLine($"Kaizen stores, LiteDB vs PostgreSQL, {turns:N0} turns in one session; {Environment.ProcessorCount} cores; median / p99 ms");
Console.WriteLine($"{"operation",-44}{"LiteDB",20}{"PostgreSQL",20}");
void Row(string name, Summary lite, Summary pg) => Console.WriteLine($"{name,-44}{lite,20}{pg,20}");

// Memory: load the session, then time the three tiers.
var options = new MemoryOptions { HotTierSize = 10, WarmTierSize = 50 };
var lite = new LiteDbMemoryBackend(Path.Combine(folder, "memory.db"), "bench", options);
var pg = new PostgresMemoryBackend(database, "bench", options);
string Content(int i) => $"Turn {i}: the agent read record {i * 7 % 1009} of batch {i / 500} and noted {(i % 3 == 0 ? "an overdue invoice" : i % 3 == 1 ? "a shipping delay" : "a refund request")} for customer {i % 997}.";
var loadLite = await Timing.TimeAsync(async () =>
{
    for (var start = 0; start < turns; start += 1000)
        await lite.StoreTurnsAsync(Enumerable.Range(start, Math.Min(1000, turns - start)).Select(i => new NewTurn(i % 2 == 0 ? "user" : "assistant", Content(i), now)).ToList());
});
var loadPg = await Timing.TimeAsync(async () =>
{
    for (var start = 0; start < turns; start += 1000)
        await pg.StoreTurnsAsync(Enumerable.Range(start, Math.Min(1000, turns - start)).Select(i => new NewTurn(i % 2 == 0 ? "user" : "assistant", Content(i), now)).ToList());
});
Console.WriteLine($"{"load (batches of 1,000 turns), total s",-44}{loadLite / 1000,20:0.0}{loadPg / 1000,20:0.0}");
var (hotLite, hotPg) = await Timing.SideBySideAsync(20, 300, _ => lite.LoadHotTierAsync(10), _ => pg.LoadHotTierAsync(10));
Row("hot: newest 10", hotLite, hotPg);
var (warmLite, warmPg) = await Timing.SideBySideAsync(20, 300, _ => lite.LoadWarmTierAsync(50), _ => pg.LoadWarmTierAsync(50));
Row("warm: last 50", warmLite, warmPg);
var firstLite = await Timing.TimeAsync(() => lite.SearchColdAsync("overdue invoice for customer", 5));
var firstPg = await Timing.TimeAsync(() => pg.SearchColdAsync("overdue invoice for customer", 5));
Console.WriteLine($"{"cold: first search (loads the vectors)",-44}{firstLite,20:0.0}{firstPg,20:0.0}");
string[] queries = ["overdue invoice for customer 12", "shipping delay in batch 40", "refund request", "record 500 of batch 3", "customer 996"];
var (coldLite, coldPg) = await Timing.SideBySideAsync(5, 200, i => lite.SearchColdAsync(queries[Math.Abs(i) % queries.Length], 5), i => pg.SearchColdAsync(queries[Math.Abs(i) % queries.Length], 5));
Row("cold: top-5 search", coldLite, coldPg);
await lite.DisposeAsync();

// Checkpoints: a 20-turn state, saved with retention as an agent does, then loaded.
using var liteCheckpoints = new LiteDbCheckpointStore(Path.Combine(folder, "checkpoints.db"));
using var pgCheckpoints = new PostgresCheckpointStore(database);
var state = new AgentState
{
    Task = "Summarise the quarterly report",
    Turn = 20,
    MaxTurns = 100,
    Conversation = [.. Enumerable.Range(0, 41).Select(i => new ConversationEntry(i % 2 == 0 ? "assistant" : "tool", Content(i), i / 2))],
};
string? liteHead = null, pgHead = null;
var (saveLite, savePg) = await Timing.SideBySideAsync(10, 300,
    async _ => liteHead = (await liteCheckpoints.SaveAsync(new CheckpointWrite("t", liteHead, CheckpointKind.Auto, state, KeepLast: 10) { ExpectedHeadId = liteHead })).Id,
    async _ => pgHead = (await pgCheckpoints.SaveAsync(new CheckpointWrite("t", pgHead, CheckpointKind.Auto, state, KeepLast: 10) { ExpectedHeadId = pgHead })).Id);
Row("checkpoint save (41 entries, keep 10)", saveLite, savePg);
var (readLite, readPg) = await Timing.SideBySideAsync(10, 300, _ => liteCheckpoints.LoadAsync(liteHead!), _ => pgCheckpoints.LoadAsync(pgHead!));
Row("checkpoint load + verify", readLite, readPg);

// Group commit: 64 writers, each its own session, storing turns one at a time (LiteDB in its group-commit mode;
// PostgreSQL always groups the writes of a process).
const int writers = 64, perWriter = 50;
options = new MemoryOptions { HotTierSize = 10, WarmTierSize = 50, Durability = MemoryDurability.GroupCommit };
var liteShared = new LiteDbMemoryBackend(Path.Combine(folder, "group.db"), "probe", options);
await liteShared.InitializeAsync();
var liteWriters = Enumerable.Range(0, writers).Select(w => new LiteDbMemoryBackend(Path.Combine(folder, "group.db"), $"writer-{w}", options)).ToList();
var pgWriters = Enumerable.Range(0, writers).Select(w => new PostgresMemoryBackend(database, $"writer-{w}", options)).ToList();
async Task<double> RunWritersAsync(IReadOnlyList<IMemoryBackend> backends) => await Timing.TimeAsync(() => Task.WhenAll(backends.Select(async (backend, w) =>
{
    for (var i = 0; i < perWriter; i++) await backend.StoreTurnAsync("assistant", Content(w * perWriter + i), now);
})));
var liteCommitsBefore = liteShared.Writer!.Commits;
var groupLite = await RunWritersAsync(liteWriters);
var liteCommits = liteShared.Writer!.Commits - liteCommitsBefore;
var pgCommitsBefore = database.TurnWriter.Commits;
var groupPg = await RunWritersAsync(pgWriters);
var pgCommits = database.TurnWriter.Commits - pgCommitsBefore;
const int total = writers * perWriter;
Console.WriteLine($"{"group commit, 64 writers: turns/s",-44}{total / groupLite * 1000,20:N0}{total / groupPg * 1000,20:N0}");
Console.WriteLine($"{"group commit, 64 writers: turns per commit",-44}{(double)total / liteCommits,20:0.0}{(double)total / pgCommits,20:0.0}");
foreach (var backend in liteWriters) await backend.DisposeAsync();
await liteShared.DisposeAsync();
try
{
    Directory.Delete(folder, recursive: true);
}
catch (IOException)
{
}
return 0;
