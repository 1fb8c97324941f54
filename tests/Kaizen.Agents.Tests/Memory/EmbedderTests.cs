using System.Numerics.Tensors;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Embeddings;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory-lib")]
public sealed class EmbedderTests
{
    [Fact]
    public void The_local_embedder_is_deterministic_and_L2_normalised()
    {
        var embedder = new HashingEmbeddingGenerator(256);

        var first = embedder.Embed("Deploy the billing service to production");
        var second = new HashingEmbeddingGenerator(256).Embed("Deploy the billing service to production");

        first.Should().Equal(second);
        first.Should().HaveCount(256);
        TensorPrimitives.Norm(first).Should().BeApproximately(1f, 1e-5f);
        embedder.Embed("!!! ...").Should().OnlyContain(x => x == 0);
    }

    [Fact]
    public void Power_of_two_sizes_put_every_word_in_the_same_bucket_as_the_modulo_of_other_sizes()
    {
        // 256 and 512 buckets take the masked path, 768 the modulo one; h % 512 % 256 == h % 768 % 256 == h % 256,
        // so folding the larger vectors onto 256 buckets must give the 256-bucket vector's direction exactly.
        const string text = "Deploy the billing service to production, then check the invoices of tenant 42";
        var small = new HashingEmbeddingGenerator(256).Embed(text);

        foreach (var size in new[] { 512, 768 })
        {
            var large = new HashingEmbeddingGenerator(size).Embed(text);
            var folded = new float[256];
            for (var i = 0; i < size; i++) folded[i % 256] += large[i];
            TensorPrimitives.CosineSimilarity(folded, small).Should().BeApproximately(1f, 1e-5f, $"{size} buckets folded onto 256");
        }
    }

    [Fact]
    public void Related_texts_score_higher_than_unrelated_ones()
    {
        var embedder = new HashingEmbeddingGenerator();
        var query = embedder.Embed("deploying services to production");

        var related = TensorPrimitives.CosineSimilarity(query, embedder.Embed("We deployed the billing service to production yesterday"));
        var unrelated = TensorPrimitives.CosineSimilarity(query, embedder.Embed("The cat sat on the mat"));

        related.Should().BeGreaterThan(unrelated + 0.2f);
    }

    [Fact]
    public async Task It_implements_IEmbeddingGenerator_with_metadata()
    {
        IEmbeddingGenerator<string, Embedding<float>> generator = new HashingEmbeddingGenerator(64);

        var embeddings = await generator.GenerateAsync(["a b", "c d"], cancellationToken: TestContext.Current.CancellationToken);

        embeddings.Should().HaveCount(2);
        embeddings[0].Vector.Length.Should().Be(64);
        generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions.Should().Be(64);
    }

    [Fact]
    public async Task A_configured_generator_is_used_for_turns_and_queries()
    {
        await using var folder = new TempMemoryFolder();
        var generator = new KeywordEmbedder();
        var memory = folder.Open(options: new MemoryOptions { EmbeddingGenerator = generator });
        await memory.StoreTurnAsync("user", "red apple", MemoryTestData.Start);
        await memory.StoreTurnAsync("user", "green pear", MemoryTestData.Start);

        var results = await memory.SearchColdAsync("pear", 2, TestContext.Current.CancellationToken);

        results[0].Turn.Content.Should().Be("green pear");
        results[0].Score.Should().BeApproximately(1, 1e-3);
        generator.Calls.Should().Be(2, "the query, then both stored turns in one batch");
        memory.EmbeddingModelId.Should().Be("keywords");
    }

    [Fact]
    public async Task GenerateAsync_counts_what_it_embedded_and_reports_token_usage()
    {
        var generator = new HashingEmbeddingGenerator(128);

        var embeddings = await generator.GenerateAsync(["the cat sat on the mat", "a cat sat on a mat", "quarterly revenue grew"],
            cancellationToken: TestContext.Current.CancellationToken);

        var v = embeddings.Select(e => e.Vector.ToArray()).ToList();
        TensorPrimitives.CosineSimilarity(v[0], v[1]).Should().BeGreaterThan(TensorPrimitives.CosineSimilarity(v[0], v[2]) + 0.2f);
        embeddings.Usage!.InputTokenCount.Should().BeGreaterThan(0);
        generator.EmbeddedCount.Should().Be(3);
    }

    [Fact]
    public async Task A_model_embedder_is_not_called_on_writes_and_embeds_the_stored_turns_in_one_batch_at_the_first_search()
    {
        await using var folder = new TempMemoryFolder();
        var generator = new KeywordEmbedder();
        var memory = folder.Open(options: new MemoryOptions { EmbeddingGenerator = generator });
        for (var i = 0; i < 5; i++) await memory.StoreTurnAsync("user", i % 2 == 0 ? $"red apple {i}" : $"green pear {i}", MemoryTestData.Start);
        generator.Calls.Should().Be(0, "writes must not wait for a model");

        await memory.SearchColdAsync("pear", 1, TestContext.Current.CancellationToken);

        generator.BatchSizes.Should().Equal([1, 5], "the query, then the five stored turns in one batch");
    }

    [Fact]
    public async Task Vectors_computed_by_a_search_are_saved_so_another_process_does_not_compute_them_again()
    {
        await using var folder = new TempMemoryFolder();
        var first = folder.Open(options: new MemoryOptions { EmbeddingGenerator = new KeywordEmbedder() });
        await first.StoreTurnAsync("user", "red apple", MemoryTestData.Start);
        await first.StoreTurnAsync("user", "green pear", MemoryTestData.Start);
        await first.SearchColdAsync("apple", 1, TestContext.Current.CancellationToken);
        await first.DisposeAsync();

        var generator = new KeywordEmbedder();
        var second = folder.Open(options: new MemoryOptions { EmbeddingGenerator = generator });
        var results = await second.SearchColdAsync("pear", 1, TestContext.Current.CancellationToken);

        results.Single().Turn.Content.Should().Be("green pear");
        generator.BatchSizes.Should().Equal([1], "only the query is embedded");
    }

    [Fact]
    public async Task A_turn_stored_or_changed_after_the_first_search_is_embedded_by_the_next_one()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open(options: new MemoryOptions { EmbeddingGenerator = new KeywordEmbedder() });
        var apple = await memory.StoreTurnAsync("user", "red apple", MemoryTestData.Start);
        (await memory.SearchColdAsync("apple", 1, TestContext.Current.CancellationToken)).Single().Turn.Id.Should().Be(apple.Id);

        var pear = await memory.StoreTurnAsync("user", "green pear", MemoryTestData.Start);
        (await memory.SearchColdAsync("pear", 1, TestContext.Current.CancellationToken)).Single().Turn.Id.Should().Be(pear.Id);

        await memory.UpdateTurnAsync(apple.Id, "a pear after all", cancellationToken: TestContext.Current.CancellationToken);
        var pears = await memory.SearchColdAsync("pear", 2, TestContext.Current.CancellationToken);
        pears.Select(r => r.Turn.Id).Should().BeEquivalentTo([apple.Id, pear.Id]);
        pears.Should().OnlyContain(r => r.Score > 0.9);
    }

        /// <summary>A tiny embedder: one dimension per known word. Stands in for a remote model in this unit test.</summary>
    private sealed class KeywordEmbedder : IEmbeddingGenerator<string, Embedding<float>>
    {
        private static readonly string[] Words = ["apple", "pear", "red", "green", "probe"];

        public int Calls { get; private set; }

        public List<int> BatchSizes { get; } = new();

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            var texts = values.ToList();
            BatchSizes.Add(texts.Count);
            var result = new GeneratedEmbeddings<Embedding<float>>();
            foreach (var value in texts)
                result.Add(new Embedding<float>(Words.Select(w => value.Contains(w, StringComparison.OrdinalIgnoreCase) ? (w is "red" or "green" ? 0.01f : 1f) : 0f).ToArray()));
            return Task.FromResult(result);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", null, "keywords", Words.Length) : null;

        public void Dispose()
        {
        }
    }
}
