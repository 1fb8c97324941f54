using Kaizen.Agents.Checkpoints;
using LiteDB;

namespace Kaizen.Agents.Bench;

/// <summary>Checkpoint save/load of a 50-turn state against the floor (one durable LiteDB commit of the same bytes), and compression.</summary>
internal static class CheckpointBench
{
    private const int Warmup = 30;
    private const int Count = 300;

    public static Task RunAsync()
    {
        Compression();
        SaveAndLoad();
        return Task.CompletedTask;
    }

    private static void Compression()
    {
        var state = SampleStates.Conversation(10);
        Console.WriteLine("Compression, 10-turn conversation (thought + tool call + tool result per turn):");
        foreach (var algorithm in new[] { CheckpointCompression.None, CheckpointCompression.Brotli, CheckpointCompression.Zstd, CheckpointCompression.Auto })
        {
            var encoded = CheckpointCodec.Encode(state, algorithm);
            var encode = Measure.Repeat(50, 500, _ => CheckpointCodec.Encode(state, algorithm));
            var label = algorithm == CheckpointCompression.Auto ? $"Auto→{encoded.Compression}" : algorithm.ToString();
            Console.WriteLine($"  {label,-12} raw {encoded.RawSize,6} B  stored {encoded.Stored.Length,6} B  = {100.0 * encoded.Stored.Length / encoded.RawSize,5:0.0} % of raw   encode {encode.MedianMs:0.000} ms");
        }
    }

    private static void SaveAndLoad()
    {
        var state = SampleStates.Conversation(50);
        var folder = Measure.TempFolder("checkpoints");
        try
        {
            var encoded = CheckpointCodec.Encode(state, CheckpointCompression.Zstd);
            Console.WriteLine($"Save/load, 50-turn state: raw {encoded.RawSize} B, zstd {encoded.Stored.Length} B; operations interleaved so they share the machine's load");

            // LiteDB 5 returns from a commit before its background writer has written the log; a commit is durable once
            // Checkpoint() has waited for it. Both are measured; the store's durable save is compared with the durable commit.
            using var raw = new LiteDatabase(new ConnectionString { Filename = Path.Combine(folder, "floor.db"), Connection = ConnectionType.Direct });
            var rawCollection = raw.GetCollection("raw");
            using var store = new LiteDbCheckpointStore(Path.Combine(folder, "checkpoints.db"), CheckpointCompression.Zstd);
            using var lazyStore = new LiteDbCheckpointStore(Path.Combine(folder, "lazy.db"), CheckpointCompression.Zstd, durable: false);
            string? last = null, retainedLast = null;
            var saves = Measure.Interleaved(Warmup, Count,
                _ => rawCollection.Insert(new BsonDocument { ["_id"] = Guid.NewGuid().ToString("N"), ["payload"] = encoded.Stored }),
                _ =>
                {
                    rawCollection.Insert(new BsonDocument { ["_id"] = Guid.NewGuid().ToString("N"), ["payload"] = encoded.Stored });
                    raw.Checkpoint();
                },
                _ => last = store.SaveAsync(new CheckpointWrite("bench", last, CheckpointKind.Auto, state)).GetAwaiter().GetResult().Id,
                _ => lazyStore.SaveAsync(new CheckpointWrite("bench", null, CheckpointKind.Auto, state)).GetAwaiter().GetResult(),
                _ => retainedLast = store.SaveAsync(new CheckpointWrite("bench-retained", retainedLast, CheckpointKind.Auto, state, KeepLast: 10)).GetAwaiter().GetResult().Id);
            var loads = Measure.Interleaved(Warmup, Count,
                _ => store.LoadAsync(last!).GetAwaiter().GetResult(),
                _ => CheckpointCodec.Decode(encoded.Stored, CheckpointCompression.Zstd, encoded.RawSize, encoded.Sha256));
            var (lazyCommit, floor, save, lazySave, retained) = (saves[0], saves[1], saves[2], saves[3], saves[4]);

            Console.WriteLine($"  LiteDB insert, commit returns before the write          {lazyCommit}");
            Console.WriteLine($"  floor: durable LiteDB insert of the same bytes          {floor}");
            Console.WriteLine($"  checkpoint save (JSON + zstd + SHA-256 + durable commit) {save}   = {save.MedianMs / floor.MedianMs:0.00}x the floor (median)");
            Console.WriteLine($"  checkpoint save with retention (keep 10, same commit)    {retained}   = {retained.MedianMs / floor.MedianMs:0.00}x the floor (median)");
            Console.WriteLine($"  checkpoint save, durable: false (not crash-durable)      {lazySave}   = {lazySave.MedianMs / lazyCommit.MedianMs:0.00}x the lazy commit");
            Console.WriteLine($"  checkpoint load (read + zstd + SHA-256 verify + JSON)    {loads[0]}");
            Console.WriteLine($"  of which decode only (no I/O)                            {loads[1]}");
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
