using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.BuiltIn;
using static Kaizen.Agents.Tests.Tools.ToolTestKit;

namespace Kaizen.Agents.Tests.Tools;

[Trait("Category", "tools-lib")]
public sealed class WorkQueueTests
{
    private static readonly string[] Keys = ["a.cs", "b.cs", "c.cs"];

    private static WorkQueue Queue(IDictionary<string, string>? state = null, List<string>? loads = null) =>
        new(Keys, (key, _) =>
        {
            loads?.Add(key);
            return Task.FromResult($"text of {key}");
        }, state);

    [Fact]
    public async Task Hands_out_each_item_once_in_order_with_the_loaders_text_then_says_none_is_left()
    {
        var queue = Queue();

        var items = new List<WorkItem?>();
        for (var i = 0; i < 4; i++) items.Add(await queue.NextAsync(cancellationToken: Ct));

        items.Should().Equal(new WorkItem("a.cs", "text of a.cs", 1, 3), new WorkItem("b.cs", "text of b.cs", 2, 3), new WorkItem("c.cs", "text of c.cs", 3, 3), null);
        queue.HandedOut.Should().Equal(Keys);
        queue.Remaining.Should().Be(0);
    }

    [Fact]
    public async Task Keeps_the_first_notes_on_the_item_handed_out_last_and_ignores_blank_ones()
    {
        var queue = Queue();

        await queue.NextAsync("before anything", Ct);
        await queue.NextAsync("  ", Ct);
        await queue.NextAsync("b leaks a secret", Ct);
        await queue.NextAsync("c is fine", Ct);
        await queue.NextAsync("c again", Ct);

        queue.Notes.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["b.cs"] = "b leaks a secret",
            ["c.cs"] = "c is fine",
        }, "notes go with the item handed out before the call, the first ones are kept, and a blank note is none");
    }

    [Fact]
    public async Task A_queue_over_a_saved_copy_of_the_state_continues_with_the_next_item_and_keeps_the_notes()
    {
        var state = new Dictionary<string, string> { ["plan"] = "{}" };
        var first = Queue(state);
        await first.NextAsync("start", Ct);
        await first.NextAsync("a is fine", Ct);
        var saved = new Dictionary<string, string>(state);

        var loads = new List<string>();
        var resumed = Queue(new Dictionary<string, string>(saved), loads);
        var next = await resumed.NextAsync("b is fine", Ct);

        saved.Keys.Should().BeEquivalentTo(["plan", WorkQueue.DefaultStateKey], "the progress sits beside the other components' state");
        next.Should().Be(new WorkItem("c.cs", "text of c.cs", 3, 3));
        loads.Should().Equal("c.cs");
        resumed.HandedOut.Should().Equal(Keys);
        resumed.Notes.Should().BeEquivalentTo(new Dictionary<string, string> { ["a.cs"] = "a is fine", ["b.cs"] = "b is fine" });
        first.HandedOut.Should().Equal("a.cs", "b.cs");
    }

    [Fact]
    public async Task The_progress_is_read_from_the_state_on_every_call_so_a_refilled_state_takes_effect()
    {
        var state = new Dictionary<string, string>();
        var queue = Queue(state);
        await queue.NextAsync(cancellationToken: Ct);
        var atOne = new Dictionary<string, string>(state);
        await queue.NextAsync(cancellationToken: Ct);

        // What a resume does with the live state: clear it and refill it from the checkpoint.
        state.Clear();
        foreach (var (key, value) in atOne) state[key] = value;

        (await queue.NextAsync(cancellationToken: Ct))!.Key.Should().Be("b.cs");
    }

    [Fact]
    public async Task An_item_whose_loading_fails_stays_pending()
    {
        var fail = true;
        var queue = new WorkQueue(Keys, (key, _) => fail ? throw new IOException("disk gone") : Task.FromResult(key));

        await FluentActions.Awaiting(() => queue.NextAsync(cancellationToken: Ct)).Should().ThrowAsync<IOException>();
        fail = false;

        queue.HandedOut.Should().BeEmpty();
        (await queue.NextAsync(cancellationToken: Ct))!.Key.Should().Be("a.cs");
    }

    [Fact]
    public void A_key_given_twice_or_empty_is_refused()
    {
        FluentActions.Invoking(() => new WorkQueue(["a", "b", "a"], (k, _) => Task.FromResult(k))).Should().Throw<ArgumentException>().WithMessage("*'a'*twice*");
        FluentActions.Invoking(() => new WorkQueue(["a", ""], (k, _) => Task.FromResult(k))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Unreadable_progress_is_reported_not_taken_for_a_fresh_start()
    {
        var queue = Queue(new Dictionary<string, string> { [WorkQueue.DefaultStateKey] = "not json" });

        FluentActions.Invoking(() => queue.HandedOut).Should().Throw<InvalidDataException>().WithMessage($"*{WorkQueue.DefaultStateKey}*");
    }

    [Fact]
    public async Task The_next_item_tool_is_safe_and_tells_the_model_the_item_its_place_and_when_none_is_left()
    {
        var queue = new WorkQueue(["a.cs"], (key, _) => Task.FromResult("class A {}"));
        var executor = new ToolExecutor(new ToolRegistry().AddWorkQueue(queue));

        var first = await executor.ExecuteAsync(Call("next_item", new { notes = "start" }), Context, Ct);
        var second = await executor.ExecuteAsync(Call("next_item", new { notes = "A is fine" }), Context, Ct);

        executor.Registry.All.Select(t => (t.Name, t.Level)).Should().Equal(("next_item", DangerLevel.Safe));
        first.Status.Should().Be(ToolExecutionStatus.Succeeded);
        first.Result!.ToString().Should().Be("Item 1 of 1: a.cs\nclass A {}");
        second.Result!.ToString().Should().Be("No item is left: all 1 items have been handed out.");
        queue.Notes.Should().BeEquivalentTo(new Dictionary<string, string> { ["a.cs"] = "A is fine" });
    }
}
