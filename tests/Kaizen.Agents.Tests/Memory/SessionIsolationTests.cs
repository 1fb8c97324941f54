using Kaizen.Agents.Memory;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory-lib")]
public sealed class SessionIsolationTests
{
    [Fact]
    public async Task Two_sessions_in_one_file_never_see_each_others_turns()
    {
        await using var folder = new TempMemoryFolder();
        var first = folder.Open("agent-a");
        var second = folder.Open("agent-b");
        for (var i = 0; i < 20; i++)
        {
            await first.StoreTurnAsync("user", $"apples {i}", MemoryTestData.Start);
            await second.StoreTurnAsync("user", $"oranges {i}", MemoryTestData.Start);
        }

        (await first.LoadHotTierAsync(20, TestContext.Current.CancellationToken)).Should().OnlyContain(t => t.Content.StartsWith("apples") && t.SessionId == "agent-a");
        (await second.LoadWarmTierAsync(50, TestContext.Current.CancellationToken)).Should().HaveCount(20).And.OnlyContain(t => t.Content.StartsWith("oranges"));
        (await first.SearchColdAsync("oranges", 5, TestContext.Current.CancellationToken)).Should().OnlyContain(r => r.Turn.SessionId == "agent-a");
        (await second.LoadHotTierAsync(1, TestContext.Current.CancellationToken))[0].Sequence.Should().Be(19, "each session numbers its own turns");
    }

    [Fact]
    public async Task Session_ids_are_case_sensitive()
    {
        await using var folder = new TempMemoryFolder();
        var upper = folder.Open("Session");
        var lower = folder.Open("session");
        await upper.StoreTurnAsync("user", "upper", MemoryTestData.Start);

        (await lower.CountTurnsAsync(TestContext.Current.CancellationToken)).Should().Be(0);
        await lower.StoreTurnAsync("user", "lower", MemoryTestData.Start);
        (await upper.LoadHotTierAsync(5, TestContext.Current.CancellationToken)).Select(t => t.Content).Should().Equal("upper");
    }

    [Fact]
    public async Task Two_backends_on_the_same_session_share_one_sequence()
    {
        await using var folder = new TempMemoryFolder();
        var one = folder.Open("shared");
        var two = folder.Open("shared");

        var a = await one.StoreTurnAsync("user", "from one", MemoryTestData.Start);
        var b = await two.StoreTurnAsync("user", "from two", MemoryTestData.Start);

        (a.Sequence, b.Sequence).Should().Be((0L, 1L));
        (await one.LoadHotTierAsync(2, TestContext.Current.CancellationToken)).Select(t => t.Content).Should().Equal("from two", "from one");
    }
}
