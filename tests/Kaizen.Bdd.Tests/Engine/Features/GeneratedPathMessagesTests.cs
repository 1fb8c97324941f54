using System.Text;
using Kaizen.Bdd.Messages.Serialization;
using Kaizen.Bdd.Running;

namespace Kaizen.Bdd.Tests.Engine.Features;

/// <summary>
/// Drives the same runtime entry points generated classes use (FeatureRunner over this assembly's run) and reads the
/// real NDJSON file it writes, to prove the xUnit path reaches the messages file.
/// </summary>
[Trait("Category", "engine")]
public sealed class GeneratedPathMessagesTests
{
    private const string Uri = "engine/generated-path-check.feature";

    [Fact]
    public async Task A_scenario_run_through_FeatureRunner_lands_in_the_messages_file()
    {
        const string feature = """
            @kaizen-sample
            Feature: Generated path check
              Scenario: adds through the runtime
                Given a calculator
                When I add 20 and 22
                Then the result is 42
            """;
        var runner = await FeatureRunner.StartAsync(typeof(GeneratedPathMessagesTests).Assembly, Uri, feature);
        await runner.RunScenarioAsync(3);
        await runner.DisposeAsync();

        var run = await BddRuntime.GetRunAsync(typeof(GeneratedPathMessagesTests).Assembly);
        await run.Session.FlushAsync(TestContext.Current.CancellationToken);
        var path = ((Kaizen.Bdd.Messages.NdjsonFileEnvelopeSink)run.Sink).Path;
        string text;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
            text = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        var envelopes = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(NdjsonSerializer.Deserialize).ToList();
        var pickle = envelopes.Single(e => e.Pickle?.Uri == Uri).Pickle;
        var testCase = envelopes.Single(e => e.TestCase?.PickleId == pickle.Id).TestCase;
        var started = envelopes.Single(e => e.TestCaseStarted?.TestCaseId == testCase.Id).TestCaseStarted;
        envelopes.Where(e => e.TestStepFinished?.TestCaseStartedId == started.Id)
            .Select(e => e.TestStepFinished.TestStepResult.Status.ToString()).Should().Equal("PASSED", "PASSED", "PASSED");
        envelopes.Should().Contain(e => e.Attachment != null && e.Attachment.TestCaseStartedId == started.Id && e.Attachment.Body == "20 + 22 = 42");
        envelopes.Should().Contain(e => e.TestCaseFinished != null && e.TestCaseFinished.TestCaseStartedId == started.Id);
    }
}
