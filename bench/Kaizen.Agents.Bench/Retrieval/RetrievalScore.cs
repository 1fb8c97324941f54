namespace Kaizen.Agents.Bench.Retrieval;

/// <summary>Recall@1, recall@5 and mean reciprocal rank of a retrieval run (ranks start at 1).</summary>
internal sealed record RetrievalScore(double RecallAt1, double RecallAt5, double MeanReciprocalRank)
{
    public static RetrievalScore From(IReadOnlyList<int> ranks) => new(
        ranks.Count(r => r == 1) / (double)ranks.Count,
        ranks.Count(r => r <= 5) / (double)ranks.Count,
        ranks.Average(r => 1.0 / r));

    /// <summary>Rank of <paramref name="target"/> when <paramref name="query"/> is scored against every vector (cosine; vectors normalised).</summary>
    public static int RankOf(float[] query, IReadOnlyList<float[]> vectors, int target)
    {
        var targetScore = System.Numerics.Tensors.TensorPrimitives.Dot(query, vectors[target]);
        var better = 0;
        for (var i = 0; i < vectors.Count; i++)
        {
            if (i != target && System.Numerics.Tensors.TensorPrimitives.Dot(query, vectors[i]) >= targetScore) better++;
        }

        return better + 1;
    }
}
