using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Embeddings;
using LiteDB;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory-lib")]
public sealed class EmbedderMismatchTests
{
    [Fact]
    public async Task Opening_a_session_stored_with_another_embedder_names_both_and_the_re_embed_command()
    {
        await using var folder = new TempMemoryFolder();
        var hashing = folder.Open();
        await hashing.StoreTurnAsync("user", "green pear", MemoryTestData.Start);
        await hashing.DisposeAsync();

        var other = folder.Open(options: new MemoryOptions { EmbeddingGenerator = new HashingEmbeddingGenerator(64) });
        var thrown = await FluentActions.Awaiting(() => other.LoadHotTierAsync(1, TestContext.Current.CancellationToken))
            .Should().ThrowAsync<EmbedderMismatchException>();

        thrown.Which.StoredEmbedderId.Should().Be("kaizen-hashing-256");
        thrown.Which.ConfiguredEmbedderId.Should().Be("kaizen-hashing-64");
        thrown.Which.Message.Should().Contain("'kaizen-hashing-256'").And.Contain("'kaizen-hashing-64'").And.Contain("session-1")
            .And.Contain($"reembed --file \"{folder.DatabasePath}\" --embedder hashing:64");
    }

    [Fact]
    public async Task A_new_session_in_the_same_file_may_use_another_embedder()
    {
        await using var folder = new TempMemoryFolder();
        await folder.Open("a").StoreTurnAsync("user", "green pear", MemoryTestData.Start);

        var other = folder.Open("b", new MemoryOptions { EmbeddingGenerator = new HashingEmbeddingGenerator(64) });
        await other.StoreTurnAsync("user", "red apple", MemoryTestData.Start);

        (await other.SearchColdAsync("apple", 1, TestContext.Current.CancellationToken)).Single().Turn.Content.Should().Be("red apple");
    }

    [Fact]
    public async Task A_file_written_before_sessions_recorded_their_embedder_opens_with_the_hashing_embedder_and_refuses_another()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();
        await memory.StoreTurnAsync("user", "green pear", MemoryTestData.Start);
        await memory.StoreTurnAsync("user", "red apple", MemoryTestData.Start);
        await memory.DisposeAsync();
        RemoveSessionEmbedderFields(folder.DatabasePath); // what files of the earlier format look like

        var legacy = folder.Open();
        (await legacy.SearchColdAsync("apple", 1, TestContext.Current.CancellationToken)).Single().Turn.Content.Should().Be("red apple");
        await legacy.DisposeAsync();
        var other = folder.Open(options: new MemoryOptions { EmbeddingGenerator = new HashingEmbeddingGenerator(64) });
        (await FluentActions.Awaiting(() => other.InitializeAsync(TestContext.Current.CancellationToken)).Should().ThrowAsync<EmbedderMismatchException>())
            .Which.StoredEmbedderId.Should().Be("kaizen-hashing-256");
    }

    private static void RemoveSessionEmbedderFields(string path)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = path, Collation = new Collation(System.Globalization.CultureInfo.InvariantCulture.LCID, System.Globalization.CompareOptions.Ordinal) });
        var sessions = database.GetCollection("sessions");
        foreach (var session in sessions.FindAll().ToList())
        {
            session.Keys.Should().Contain(["ee", "ed"], "the new format records the embedder");
            session.Remove("ee");
            session.Remove("ed");
            sessions.Update(session);
        }
    }
}
