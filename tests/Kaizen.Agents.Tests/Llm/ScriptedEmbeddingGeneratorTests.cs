using System.Numerics.Tensors;
using Kaizen.Agents.Llm;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Llm;

[Trait("Category", "llm")]
public sealed class ScriptedEmbeddingGeneratorTests
{
    [Fact]
    public async Task Embeddings_are_deterministic_normalized_and_closer_for_shared_words()
    {
        var generator = new ScriptedEmbeddingGenerator(dimensions: 128);
        var embeddings = await generator.GenerateAsync(["the cat sat on the mat", "a cat sat on a mat", "quarterly revenue grew", "the cat sat on the mat"]);

        var v = embeddings.Select(e => e.Vector.ToArray()).ToList();
        v[0].Should().Equal(v[3]);
        v[0].Length.Should().Be(128);
        TensorPrimitives.Norm(v[0]).Should().BeApproximately(1f, 1e-5f);
        TensorPrimitives.CosineSimilarity(v[0], v[1]).Should().BeGreaterThan(TensorPrimitives.CosineSimilarity(v[0], v[2]) + 0.3f);
        embeddings.Usage!.InputTokenCount.Should().BeGreaterThan(0);
        generator.EmbeddedCount.Should().Be(4);
    }

    [Fact]
    public void Same_text_gives_the_same_vector_in_another_instance()
    {
        new ScriptedEmbeddingGenerator().Embed("checkpoint resume").Should().Equal(new ScriptedEmbeddingGenerator().Embed("checkpoint resume"));
    }
}
