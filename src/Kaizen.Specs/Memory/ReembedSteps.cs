using Kaizen.Agents.Embeddings.MiniLM;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Reembedding;
using Reqnroll;

namespace Kaizen.Specs.Memory;

/// <summary>
/// Converting a memory file from one embedder to another with the library's re-embedder, then opening it with the new
/// one. The counts checked are the ones the re-embedder reported and the turns the reopened store holds.
/// </summary>
[Binding]
public sealed class ReembedSteps(MemoryWorld world)
{
    private readonly List<ReembedProgress> _progress = [];
    private ReembedResult? _result;
    private string? _missingFile;
    private Exception? _failure;

    [When("the memory file is re-embedded with the sentence model in batches of {int}")]
    public async Task Reembed(int batch)
    {
        await world.CloseAllAsync();
        _result = await MemoryReembedder.ReembedAsync(world.DatabasePath, MiniLMEmbeddingGenerator.Shared, p => _progress.Add(p), batch);
        world.Options.UseMiniLM();
    }

    [Then("all {int} turns of {string} were embedded again, in batches of at most {int}, and the progress reached all of them")]
    public async Task EveryTurnEmbedded(int turns, string session, int batch)
    {
        _result!.SessionsConverted.Should().Be(1);
        _result.TurnsEmbedded.Should().Be(turns);
        var reports = _progress.Where(p => p.SessionId == session).ToList();
        reports.Should().NotBeEmpty();
        reports[^1].Should().Match<ReembedProgress>(p => p.Done == turns && p.Total == turns);
        reports.Select(p => p.Done).Should().BeInAscendingOrder();
        reports.Zip(reports.Skip(1), (a, b) => b.Done - a.Done).Should().OnlyContain(step => step <= batch, "each batch is committed on its own");
        (await world.Session(session).LoadTurnsAsync(0, turns + 1)).Should().HaveCount(turns, "the reopened store holds every turn");
    }

    [When("a memory file that does not exist is re-embedded with the sentence model")]
    public async Task ReembedMissingFile()
    {
        _missingFile = Path.Combine(Path.GetDirectoryName(world.DatabasePath)!, "no-such-memory.db");
        try
        {
            await MemoryReembedder.ReembedAsync(_missingFile, MiniLMEmbeddingGenerator.Shared);
        }
        catch (Exception ex)
        {
            _failure = ex;
        }
    }

    [Then("the re-embedding is refused with an error naming that file")]
    public void RefusedNamingTheFile() =>
        _failure.Should().BeOfType<MemoryStoreException>("a missing file is the user's mistake, told as such").Which.Message.Should().Contain(_missingFile!);

    [Then("no memory file was created at that path")]
    public void NoFileCreated() => File.Exists(_missingFile).Should().BeFalse("{0} must not be created by a refused re-embed", _missingFile);
}
