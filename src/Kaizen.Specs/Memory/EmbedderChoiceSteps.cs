using Kaizen.Agents.Embeddings.MiniLM;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Embeddings;
using Reqnroll;

namespace Kaizen.Specs.Memory;

/// <summary>
/// Which embedder the scenario's memory store uses, and what the library says when a session is opened with another
/// one than it was stored with.
/// </summary>
[Binding]
public sealed class EmbedderChoiceSteps(MemoryWorld world)
{
    private EmbedderMismatchException? _refusal;

    [Given("the memory store embeds with the built-in hashing embedder")]
    public void HashingEmbedder() => world.Options.EmbeddingGenerator = MemoryEmbedders.Local();

    [Given("the memory store embeds with the sentence model")]
    public void SentenceModel() => world.Options.UseMiniLM();

    [When("the memory store is closed and opened again with the built-in hashing embedder")]
    public async Task ReopenWithHashing()
    {
        await world.CloseAllAsync();
        HashingEmbedder();
    }

    [When("the memory store is closed and opened again with the sentence model")]
    public async Task ReopenWithSentenceModel()
    {
        await world.CloseAllAsync();
        SentenceModel();
    }

    [Then("opening the session {string} is refused because its turns were embedded with {string}")]
    public async Task Refused(string session, string storedEmbedder)
    {
        var backend = world.Session(session);
        _refusal = (await FluentActions.Awaiting(() => backend.InitializeAsync()).Should().ThrowAsync<EmbedderMismatchException>()).Which;
        _refusal.StoredEmbedderId.Should().Be(storedEmbedder);
        _refusal.ConfiguredEmbedderId.Should().Be(backend.EmbeddingModelId);
        _refusal.Message.Should().Contain(session).And.Contain(world.DatabasePath).And.Contain($"'{storedEmbedder}'").And.Contain($"'{backend.EmbeddingModelId}'");
    }

    [Then("the refusal gives the command that re-embeds the store with {string}, or to open it with {string} instead")]
    public void RefusalGivesCommand(string reembedWith, string openWith)
    {
        _refusal.Should().NotBeNull("a refusal was checked first");
        _refusal!.ReembedCommand.Should().EndWith($"reembed --file \"{world.DatabasePath}\" --embedder {reembedWith}");
        _refusal.Message.Should().Contain(_refusal.ReembedCommand).And.Contain($"(or open it with the embedder '{_refusal.StoredEmbedderId}': {openWith})");
    }
}
