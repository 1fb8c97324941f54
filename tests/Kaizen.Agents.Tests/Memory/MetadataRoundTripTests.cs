using System.Text.Json;
using Kaizen.Agents.Memory;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory-lib")]
public sealed class MetadataRoundTripTests
{
    private static Dictionary<string, object?> NestedMetadata() => new()
    {
        ["tool"] = "search",
        ["tokens"] = 1234,
        ["cost"] = 0.0125,
        ["big"] = 9_000_000_000L,
        ["ok"] = true,
        ["nothing"] = null,
        ["call"] = new Dictionary<string, object?>
        {
            ["name"] = "web.search",
            ["arguments"] = new Dictionary<string, object?> { ["query"] = "litedb", ["limit"] = 5, ["filters"] = new List<object?> { "docs", 2, null } },
            ["results"] = new List<object?>
            {
                new Dictionary<string, object?> { ["url"] = "https://example.org/a", ["score"] = 0.9 },
                new Dictionary<string, object?> { ["url"] = "https://example.org/b", ["score"] = 0.5, ["tags"] = new List<object?> { "x", "y" } },
            },
        },
    };

    [Fact]
    public async Task Nested_metadata_comes_back_the_same_from_the_cache_the_file_and_after_a_reopen()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();
        var stored = await memory.StoreTurnAsync("tool", "result", MemoryTestData.Start, NestedMetadata());

        stored.Metadata.Should().BeEquivalentTo(NestedMetadata());
        (await memory.GetTurnAsync(stored.Id, TestContext.Current.CancellationToken))!.Metadata.Should().BeEquivalentTo(NestedMetadata());
        await memory.DisposeAsync();

        var reopened = folder.Open();
        var loaded = (await reopened.LoadWarmTierAsync(1, TestContext.Current.CancellationToken)).Single();
        loaded.Metadata.Should().BeEquivalentTo(NestedMetadata(), o => o.RespectingRuntimeTypes());
        loaded.Metadata["big"].Should().BeOfType<long>();
        loaded.Metadata["tokens"].Should().BeOfType<int>();
    }

    [Fact]
    public async Task Json_metadata_is_stored_as_structure()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();
        using var json = JsonDocument.Parse("""{"a":{"b":[1,"two",{"c":true}],"d":null},"e":2.5}""");

        var stored = await memory.StoreTurnAsync("tool", "json", MemoryTestData.Start, new Dictionary<string, object?> { ["payload"] = json.RootElement.Clone() });
        var loaded = await memory.GetTurnAsync(stored.Id, TestContext.Current.CancellationToken);

        var payload = loaded!.Metadata["payload"].Should().BeAssignableTo<IReadOnlyDictionary<string, object?>>().Subject;
        payload["e"].Should().Be(2.5);
        var a = payload["a"].Should().BeAssignableTo<IReadOnlyDictionary<string, object?>>().Subject;
        a["d"].Should().BeNull();
        a["b"].Should().BeEquivalentTo(new List<object?> { 1, "two", new Dictionary<string, object?> { ["c"] = true } });
    }
}
