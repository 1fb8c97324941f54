using Kaizen.Agents.Memory.Caching;
using Reqnroll;

namespace Kaizen.Specs.Memory;

/// <summary>
/// The hot tier's eviction policy as a user configures it: which of the newest turns a full hot tier still answers from
/// memory, read from the library's own hit and miss counters.
/// </summary>
[Binding]
public sealed class HotTierPolicySteps(MemoryWorld world)
{
    [Given("a memory whose hot tier keeps {int} turns and drops them by the {word} policy")]
    public void HotTierOf(int turns, string policy)
    {
        world.Options.HotTierSize = turns;
        world.Options.HotTierEvictionPolicy = Enum.Parse<EvictionPolicy>(policy, ignoreCase: true);
    }

    [Then("the hot tier gave {string} from memory and {string} from the file")]
    public void GaveFromMemoryAndFile(string fromMemory, string fromFile)
    {
        var cached = List(fromMemory);
        var read = List(fromFile);
        world.LastRead.Select(t => t.Content).Should().Equal(cached.Concat(read), "the hot tier gives the newest turns first, wherever they come from");
        var before = world.HotStatisticsBeforeLastRead ?? throw new InvalidOperationException("No hot read was made in this scenario.");
        var after = world.Session(world.LastSession!).HotTierStatistics;
        (after.Hits - before.Hits).Should().Be(cached.Count, "each turn still in the hot tier is one hit");
        // The hot tier is read newest first and goes to the file at the first turn it no longer holds.
        (after.Misses - before.Misses).Should().Be(read.Count == 0 ? 0 : 1, "the first turn missing from the hot tier is one miss");
    }

    private static List<string> List(string turns) =>
        turns == "nothing" ? [] : turns.Split(',', StringSplitOptions.TrimEntries).ToList();
}
