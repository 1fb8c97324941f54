using Kaizen.Bdd.Tests.Engine.Support;

namespace Kaizen.Bdd.Tests.Engine.Running;

[Trait("Category", "engine")]
public sealed class ContextInjectionTests
{
    public sealed class SharedState : IAsyncDisposable
    {
        private static int _next;
        public int Number { get; } = Interlocked.Increment(ref _next);
        public List<string> Items { get; } = [];

        public ValueTask DisposeAsync()
        {
            Recorder.Add("disposed async " + Items.Count);
            return ValueTask.CompletedTask;
        }
    }

    public sealed class SyncResource : IDisposable
    {
        public void Dispose() => Recorder.Add("disposed sync");
    }

    public sealed class Writer(SharedState state, SyncResource resource, ScenarioContext scenario)
    {
        [Given("I add {string}")]
        public void Add(string item)
        {
            _ = resource;
            state.Items.Add(item);
            scenario["last"] = item;
        }
    }

    public sealed class Reader(SharedState state, ScenarioContext scenario)
    {
        [Then("the state holds {int} item(s)")]
        public void Holds(int count)
        {
            state.Items.Should().HaveCount(count);
            scenario.Get<string>("last").Should().Be(state.Items[^1]);
            Recorder.Add($"state {state.Number}");
        }
    }

    [Fact]
    public async Task One_instance_per_scenario_shared_by_bindings_and_disposed_at_the_end()
    {
        var (result, _, log) = await EngineRun.RunAsync("""
            Feature: injection
              Scenario: first
                Given I add "a"
                And I add "b"
                Then the state holds 2 items
              Scenario: second
                Given I add "c"
                Then the state holds 1 item
            """, [typeof(Writer), typeof(Reader)]);

        result.Success.Should().BeTrue(string.Join("; ", result.Scenarios.Select(s => s.Message)));
        log.Should().HaveCount(6);
        log[1].Should().Be("disposed sync");
        log[2].Should().Be("disposed async 2");
        log[4].Should().Be("disposed sync");
        log[5].Should().Be("disposed async 1");
        log[0].Should().NotBe(log[3], "each scenario gets a new SharedState");
    }
}
