using System.Diagnostics;
using System.Numerics.Tensors;
using Kaizen.Agents.Bench.Memory;
using Kaizen.Agents.Embeddings.MiniLM;
using Kaizen.Agents.Memory.Embeddings;
using Kaizen.Agents.Memory.Retrieval;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Bench.Retrieval;

/// <summary>
/// <c>--bench retrieval [--index-turns 100000] [--cold-samples 500] [--throughput-texts 256] [--cold-only]</c>: retrieval quality of
/// the hashing embedder and MiniLM side by side on <see cref="RetrievalSet"/>, embedding throughput, and cold top-5
/// latency over a large MiniLM index.
/// </summary>
internal static class RetrievalBench
{
    public static async Task RunAsync(string[] args)
    {
        var indexTurns = Option(args, "--index-turns", 100_000);
        var coldSamples = Option(args, "--cold-samples", 500);
        var throughputTexts = Option(args, "--throughput-texts", 256);
        if (args.Contains("--cold-only"))
        {
            // Search cost depends only on count × dimensions: random unit vectors stand in for embeddings.
            foreach (var dimensions in new[] { 256, 384 })
            {
                var random = new Random(3);
                float[] Unit() => Enumerable.Range(0, dimensions).Select(_ => Gaussian(random)).ToArray();
                ColdLatency($"random {dimensions}", Enumerable.Range(0, 2_000).Select(_ => Unit()).ToArray(),
                    Enumerable.Range(0, 200).Select(_ => Unit()).ToArray(), indexTurns, coldSamples);
            }

            return;
        }

        var set = RetrievalSet.Create();
        Console.WriteLine($"Retrieval set: {set.Turns.Count:N0} turns, {set.Queries.Count} paraphrased questions (one target each).");

        var hashing = await EvaluateAsync("hashing (kaizen-hashing-256)", new HashingEmbeddingGenerator(), set);
        var minilm = await EvaluateAsync("MiniLM (all-MiniLM-L6-v2)", MiniLMEmbeddingGenerator.Shared, set);
        Console.WriteLine();
        Console.WriteLine("| Embedder | recall@1 | recall@5 | MRR | embedding the 2,200 texts |");
        Console.WriteLine("|----------|----------|----------|-----|---------------------------|");
        foreach (var e in new[] { hashing, minilm })
            Console.WriteLine($"| {e.Name} | {e.Score.RecallAt1:0.000} | {e.Score.RecallAt5:0.000} | {e.Score.MeanReciprocalRank:0.000} | {e.Elapsed.TotalSeconds:0.0} s |");

        Console.WriteLine();
        await ThroughputAsync("hashing", new HashingEmbeddingGenerator(), set.Turns.Take(throughputTexts).ToList());
        await ThroughputAsync("MiniLM", MiniLMEmbeddingGenerator.Shared, set.Turns.Take(throughputTexts).ToList());

        Console.WriteLine();
        // Same run, same machine load: the hashing index (256 dimensions) shows what the dimension count alone costs.
        ColdLatency("hashing", hashing.TurnVectors, hashing.QueryVectors, indexTurns, coldSamples);
        ColdLatency("MiniLM", minilm.TurnVectors, minilm.QueryVectors, indexTurns, coldSamples);
    }

    private sealed record Evaluation(string Name, RetrievalScore Score, TimeSpan Elapsed, float[][] TurnVectors, float[][] QueryVectors);

    private static async Task<Evaluation> EvaluateAsync(string name, IEmbeddingGenerator<string, Embedding<float>> generator, RetrievalSet set)
    {
        var clock = Stopwatch.StartNew();
        var turns = await EmbedAsync(generator, set.Turns);
        var queries = await EmbedAsync(generator, set.Queries.Select(q => q.Question).ToList());
        clock.Stop();
        var ranks = set.Queries.Select((q, i) => RetrievalScore.RankOf(queries[i], turns, q.Target)).ToList();
        var score = RetrievalScore.From(ranks);
        Console.WriteLine($"{name}: recall@1 {score.RecallAt1:0.000}, recall@5 {score.RecallAt5:0.000}, MRR {score.MeanReciprocalRank:0.000} ({clock.Elapsed.TotalSeconds:0.0} s)");
        var misses = ranks.Select((rank, i) => (rank, i)).Where(m => m.rank > 5).Select(m => $"\"{set.Queries[m.i].Question}\" (rank {m.rank})").ToList();
        if (misses.Count is > 0 and <= 40) Console.WriteLine($"  not in the top 5: {string.Join("; ", misses)}");
        return new Evaluation(name, score, clock.Elapsed, turns, queries);
    }

    private static async Task<float[][]> EmbedAsync(IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts) =>
        (await generator.GenerateAsync(texts)).Select(e =>
        {
            var vector = e.Vector.ToArray();
            TensorPrimitives.Divide(vector, Math.Max(TensorPrimitives.Norm(vector), 1e-12f), vector);
            return vector;
        }).ToArray();

    private static async Task ThroughputAsync(string name, IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts)
    {
        await generator.GenerateAsync(texts.Take(8)); // loads the model, JIT
        var clock = Stopwatch.StartNew();
        await generator.GenerateAsync(texts);
        var batched = texts.Count / clock.Elapsed.TotalSeconds;
        clock.Restart();
        foreach (var text in texts) await generator.GenerateAsync([text]);
        var single = texts.Count / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{name,-8} throughput over {texts.Count} turns: batched {batched:N0} turns/s, one at a time {single:N0} turns/s ({batched / single:0.00}x)");
    }

    /// <summary>
    /// Embedding 100,000 turns with MiniLM takes far too long on a 2-core machine, so the index holds the 2,000 turn
    /// vectors replicated with Gaussian noise (σ = 0.02 per component, renormalised) up to <paramref name="count"/>.
    /// The search cost depends only on count × dimensions, not on the values.
    /// </summary>
    private static void ColdLatency(string name, float[][] turns, float[][] queries, int count, int samples)
    {
        var random = new Random(7);
        var dimensions = turns[0].Length;
        var index = new VectorIndex(dimensions, name);
        var vector = new float[dimensions];
        for (var i = 0; i < count; i++)
        {
            var source = turns[i % turns.Length];
            for (var d = 0; d < vector.Length; d++) vector[d] = source[d] + 0.02f * Gaussian(random);
            index.Upsert(i, vector); // normalises
        }

        var latency = new Latency($"cold top-5, {count:N0} × {dimensions} ({name})");
        latency.MeasureAsync(samples, i =>
        {
            index.Search(queries[i % queries.Length], 5, include: null);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        Console.WriteLine(latency.Report("< 20 ms"));
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }
}
