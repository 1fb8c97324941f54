using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Embeddings;
using Kaizen.Agents.Memory.Reembedding;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory-lib")]
public sealed class ReembedTests
{
    [Fact]
    public async Task Re_embedding_converts_every_session_so_the_new_embedder_opens_and_searches_it()
    {
        await using var folder = new TempMemoryFolder();
        await StoreAsync(folder, "a", 30);
        await StoreAsync(folder, "b", 10);
        var target = new HashingEmbeddingGenerator(64);
        var reports = new List<ReembedProgress>();

        var result = await MemoryReembedder.ReembedAsync(folder.DatabasePath, target, reports.Add, batchSize: 8, TestContext.Current.CancellationToken);

        result.Should().Be(new ReembedResult(SessionsConverted: 2, SessionsAlreadyCurrent: 0, TurnsEmbedded: 40));
        target.EmbeddedCount.Should().Be(40);
        reports.Should().Contain(new ReembedProgress("a", 30, 30, 4)).And.Contain(new ReembedProgress("b", 10, 10, 6));
        var reopened = folder.Open("a", new MemoryOptions { EmbeddingGenerator = new HashingEmbeddingGenerator(64) });
        (await reopened.SearchColdAsync("deployment step 17", 1, TestContext.Current.CancellationToken)).Single().Turn.Sequence.Should().Be(17);
        await reopened.DisposeAsync();
        var again = await MemoryReembedder.ReembedAsync(folder.DatabasePath, target, cancellationToken: TestContext.Current.CancellationToken);
        again.Should().Be(new ReembedResult(0, 2, 0));
    }

    [Fact]
    public async Task An_interrupted_re_embed_blocks_the_session_and_a_second_run_resumes_after_the_last_committed_batch()
    {
        await using var folder = new TempMemoryFolder();
        await StoreAsync(folder, "a", 50);
        using var stop = new CancellationTokenSource();
        var first = new HashingEmbeddingGenerator(64);

        await FluentActions.Awaiting(() => MemoryReembedder.ReembedAsync(folder.DatabasePath, first,
                progress => { if (progress.BatchesThisRun == 2) stop.Cancel(); }, batchSize: 10, stop.Token))
            .Should().ThrowAsync<OperationCanceledException>();

        first.EmbeddedCount.Should().Be(20, "two batches of ten were embedded before the stop");
        var blocked = folder.Open("a", new MemoryOptions { EmbeddingGenerator = new HashingEmbeddingGenerator(64) });
        (await FluentActions.Awaiting(() => blocked.InitializeAsync(TestContext.Current.CancellationToken)).Should().ThrowAsync<EmbedderMismatchException>())
            .Which.Message.Should().Contain("half-way").And.Contain("--embedder hashing:64");
        await blocked.DisposeAsync();

        var second = new HashingEmbeddingGenerator(64);
        var reports = new List<ReembedProgress>();
        var result = await MemoryReembedder.ReembedAsync(folder.DatabasePath, second, reports.Add, batchSize: 10, TestContext.Current.CancellationToken);

        result.TurnsEmbedded.Should().Be(30);
        second.EmbeddedCount.Should().Be(30, "the second run starts after the last committed batch");
        reports.First().Should().Be(new ReembedProgress("a", 20, 50, 0));
        var reopened = folder.Open("a", new MemoryOptions { EmbeddingGenerator = new HashingEmbeddingGenerator(64) });
        (await reopened.SearchColdAsync("deployment step 3", 1, TestContext.Current.CancellationToken)).Single().Turn.Sequence.Should().Be(3);
    }

    private static async Task StoreAsync(TempMemoryFolder folder, string session, int count)
    {
        var memory = folder.Open(session);
        for (var i = 0; i < count; i++) await memory.StoreTurnAsync("user", $"deployment step {i} of the rollout", MemoryTestData.Start);
        await memory.DisposeAsync();
    }
}
