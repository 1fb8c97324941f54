using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Reembedding;

namespace Kaizen.Agents.Embeddings.MiniLM.Tests;

[Trait("Category", "memory-lib")]
public sealed class MiniLMMemoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kaizen-minilm-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "memory.db");

    [Fact]
    public async Task Hot_and_warm_use_never_loads_the_model_and_the_first_cold_turn_starts_loading_it_in_the_background()
    {
        var model = new MiniLMModel();
        var generator = new MiniLMEmbeddingGenerator(model);
        await using (var memory = new LiteDbMemoryBackend(DatabasePath, "s", new MemoryOptions { WarmTierSize = 5, EmbeddingGenerator = generator }))
        {
            for (var i = 0; i < 5; i++) await memory.StoreTurnAsync("user", $"turn {i}", Start, cancellationToken: TestContext.Current.CancellationToken);
            await memory.LoadHotTierAsync(3, TestContext.Current.CancellationToken);
            await memory.LoadWarmTierAsync(5, TestContext.Current.CancellationToken);

            model.LoadCount.Should().Be(0);
            generator.IsLoaded.Should().BeFalse();

            await memory.StoreTurnAsync("user", "turn 5 pushes turn 0 into the cold tier", Start, cancellationToken: TestContext.Current.CancellationToken);
            model.LoadCount.Should().Be(1, "the first cold turn starts the load");
            await generator.LoadAsync(TestContext.Current.CancellationToken);
            generator.IsLoaded.Should().BeTrue();
        }

        await using var reopened = new LiteDbMemoryBackend(DatabasePath, "s", new MemoryOptions { WarmTierSize = 5, EmbeddingGenerator = generator });
        (await reopened.SearchColdAsync("turn 3", 1, TestContext.Current.CancellationToken)).Should().ContainSingle();
        model.LoadCount.Should().Be(1, "the model loads once");
    }

    [Fact]
    public async Task Cold_search_finds_a_paraphrase_that_shares_no_content_word_with_the_turn()
    {
        await using var memory = new LiteDbMemoryBackend(DatabasePath, "s", new MemoryOptions().UseMiniLM());
        await memory.StoreTurnAsync("user", "The quarterly invoices go out on the first working day of every month", Start, cancellationToken: TestContext.Current.CancellationToken);
        await memory.StoreTurnAsync("user", "Our office plants need watering twice a week", Start, cancellationToken: TestContext.Current.CancellationToken);
        await memory.StoreTurnAsync("assistant", "The nightly export crashed because the disk was full", Start, cancellationToken: TestContext.Current.CancellationToken);

        var best = await memory.SearchColdAsync("when do we send customers their bills", 1, TestContext.Current.CancellationToken);

        best.Single().Turn.Content.Should().StartWith("The quarterly invoices");
        memory.EmbeddingModelId.Should().Be("all-MiniLM-L6-v2");
    }

    [Fact]
    public async Task A_hashing_store_refuses_MiniLM_until_re_embedded_and_then_opens_with_it()
    {
        await using (var hashing = new LiteDbMemoryBackend(DatabasePath, "s"))
        {
            await hashing.StoreTurnAsync("user", "The quarterly invoices go out on the first working day of every month", Start, cancellationToken: TestContext.Current.CancellationToken);
            await hashing.StoreTurnAsync("user", "Our office plants need watering twice a week", Start, cancellationToken: TestContext.Current.CancellationToken);
        }

        await using (var refused = new LiteDbMemoryBackend(DatabasePath, "s", new MemoryOptions().UseMiniLM()))
        {
            var thrown = await FluentActions.Awaiting(() => refused.InitializeAsync(TestContext.Current.CancellationToken)).Should().ThrowAsync<EmbedderMismatchException>();
            thrown.Which.Message.Should().Contain("kaizen-hashing-256").And.Contain("all-MiniLM-L6-v2").And.Contain("reembed").And.Contain("--embedder minilm");
        }

        var result = await MemoryReembedder.ReembedAsync(DatabasePath, MiniLMEmbeddingGenerator.Shared, cancellationToken: TestContext.Current.CancellationToken);

        result.TurnsEmbedded.Should().Be(2);
        await using var converted = new LiteDbMemoryBackend(DatabasePath, "s", new MemoryOptions().UseMiniLM());
        (await converted.SearchColdAsync("when do we send customers their bills", 1, TestContext.Current.CancellationToken))
            .Single().Turn.Content.Should().StartWith("The quarterly invoices");
    }

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
