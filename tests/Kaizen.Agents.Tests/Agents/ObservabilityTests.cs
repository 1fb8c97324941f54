using System.Diagnostics;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Tests.Agents.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Kaizen.Agents.Tests.Agents;

[Trait("Category", "agents")]
public sealed class ObservabilityTests : IDisposable
{
    private readonly AgentFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Runs_are_logged_and_traced()
    {
        var collector = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)).SetMinimumLevel(LogLevel.Debug));
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AgentTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) activities.Add(activity); },
        };
        ActivitySource.AddActivityListener(listener);
        var model = new ScriptedChatClient(new ChatScript().Working("a").Complete(new { result = "r" }));
        var agent = _fixture.Agent(model, _fixture.Config(interval: 1), new AgentServices { LoggerFactory = loggers, AgentId = "observed" });

        var result = await agent.RunAutonomousAsync("t");

        var messages = collector.GetSnapshot().Select(r => r.Message).ToList();
        messages.Should().Contain(m => m.StartsWith("Agent observed thread " + result.ThreadId + ": turn 2 finished", StringComparison.Ordinal));
        messages.Should().Contain(m => m.Contains("Auto checkpoint", StringComparison.Ordinal) && m.Contains("at turn 1", StringComparison.Ordinal));
        messages.Should().Contain(m => m.EndsWith("run ended (Completed) after 2 turns", StringComparison.Ordinal));
        List<Activity> stopped;
        lock (activities) stopped = activities.ToList();
        var run = stopped.Single(a => a.OperationName == "agent.run" && (string?)a.GetTagItem("kaizen.thread.id") == result.ThreadId);
        run.GetTagItem("kaizen.stop_reason").Should().Be("Completed");
        stopped.Count(a => a.OperationName == "agent.turn" && a.ParentSpanId == run.SpanId).Should().Be(2);
        stopped.Count(a => a.OperationName == "agent.checkpoint" && a.ParentSpanId == run.SpanId).Should().Be(2);
        run.Events.Select(e => e.Name).Should().Contain("RunFinished");
    }
}
