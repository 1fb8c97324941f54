using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Embeddings.MiniLM.Tests;

[Trait("Category", "memory-lib")]
public sealed class MiniLMEmbeddingTests
{
    private static readonly MiniLMEmbeddingGenerator Generator = MiniLMEmbeddingGenerator.Shared;

    [Fact]
    public async Task Vectors_have_384_normalised_dimensions_and_paraphrases_score_above_unrelated_texts()
    {
        var vectors = await EmbedAsync(
            "The nightly backup job failed because the disk was full",
            "Last night's backup could not finish: no space left on the drive",
            "We are planning a team lunch at the Italian place on Friday");

        vectors.Should().OnlyContain(v => v.Length == 384);
        TensorPrimitives.Norm(vectors[0]).Should().BeApproximately(1f, 1e-3f);
        var paraphrase = TensorPrimitives.CosineSimilarity(vectors[0], vectors[1]);
        var unrelated = TensorPrimitives.CosineSimilarity(vectors[0], vectors[2]);
        paraphrase.Should().BeGreaterThan(unrelated + 0.3f, "the paraphrase shares almost no words but the meaning");
        Generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions.Should().Be(384);
    }

    [Fact]
    public async Task A_batch_returns_one_vector_per_input_in_input_order()
    {
        string[] texts = ["a long sentence about invoices being generated on the first working day of every month",
                          "short", "the cat sat", "", "a medium sentence about deploying services"];
        var small = new MiniLMEmbeddingGenerator(batchSize: 2); // three ONNX calls, shortest texts first

        var batched = await small.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        batched.Should().HaveCount(texts.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            var alone = (await Generator.GenerateAsync([texts[i]], cancellationToken: TestContext.Current.CancellationToken))[0].Vector;
            TensorPrimitives.CosineSimilarity(batched[i].Vector.Span, alone.Span).Should().BeApproximately(1f, 1e-3f, "input {0} keeps its place", i);
        }
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_embedding()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await FluentActions.Awaiting(() => Generator.GenerateAsync(["anything"], cancellationToken: cancelled.Token))
            .Should().ThrowAsync<OperationCanceledException>();
    }

    private static async Task<float[][]> EmbedAsync(params string[] texts) =>
        (await Generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken)).Select(e => e.Vector.ToArray()).ToArray();
}
