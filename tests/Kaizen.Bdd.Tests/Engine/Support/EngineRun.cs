using Gherkin.CucumberMessages;
using Io.Cucumber.Messages.Types;
using Kaizen.Bdd.Configuration;
using Kaizen.Bdd.Messages;
using Kaizen.Bdd.Running;
using Microsoft.Extensions.Time.Testing;

namespace Kaizen.Bdd.Tests.Engine.Support;

/// <summary>Runs one feature text through the real engine with explicit bindings and deterministic ids and clock.</summary>
internal static class EngineRun
{
    public static async Task<(BddRunResult Result, IReadOnlyList<Envelope> Envelopes, List<string> Log)> RunAsync(
        string feature, Type[] bindings, MissingOrPendingStepsOutcome outcome = MissingOrPendingStepsOutcome.Pending)
    {
        var log = new List<string>();
        Recorder.Current.Value = log;
        var sink = new InMemoryEnvelopeSink();
        var run = new BddTestRun(new BddRunOptions
        {
            BindingTypes = bindings,
            Sink = sink,
            IdGenerator = new IncrementingIdGenerator(),
            TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)),
            MissingOrPendingStepsOutcome = outcome,
        });
        var result = await run.RunAsync([new FeatureSource("features/test.feature", feature)], TestContext.Current.CancellationToken);
        return (result, sink.Envelopes, log);
    }
}

/// <summary>Lets binding classes report what happened to the test that started the run (flows with the async context).</summary>
internal static class Recorder
{
    public static readonly AsyncLocal<List<string>?> Current = new();

    public static void Add(string entry) => Current.Value?.Add(entry);
}
