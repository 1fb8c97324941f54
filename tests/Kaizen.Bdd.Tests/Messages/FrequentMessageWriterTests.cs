using Io.Cucumber.Messages.Types;
using Kaizen.Bdd.Messages.Serialization;
using MessageException = Io.Cucumber.Messages.Types.Exception;

namespace Kaizen.Bdd.Tests.Messages;

/// <summary>The hand-written writer for per-scenario messages must match the general System.Text.Json path byte for byte.</summary>
[Trait("Category", "messages")]
public sealed class FrequentMessageWriterTests
{
    public static TheoryData<string, Envelope> Envelopes() => new()
    {
        { "testCase with hook, step and nested groups", Envelope.Create(new TestCase("tc-1", "p-1",
            [
                new TestStep("h-1", "ts-1", null, null, null),
                new TestStep(null, "ts-2", "ps-1", ["sd-1", "sd-2"],
                [
                    new StepMatchArgumentsList([
                        new StepMatchArgument(new Group([new Group([], 8, "\"a<b>&é\""), new Group([], null, null)], 7, "\"a<b>&é\""), "string"),
                        new StepMatchArgument(new Group([], 0, "3"), null),
                    ]),
                    new StepMatchArgumentsList([]),
                ]),
                new TestStep(null, "ts-3", "ps-2", [], []),
            ], "run-1")) },
        { "testCase without run id", Envelope.Create(new TestCase("tc-2", "p-2", [], null)) },
        { "testCaseStarted", Envelope.Create(new TestCaseStarted(0, "s-1", "tc-1", null, new Timestamp(1_700_000_000, 123_456_700))) },
        { "testCaseStarted with worker", Envelope.Create(new TestCaseStarted(2, "s-2", "tc-1", "w-1", new Timestamp(0, 0))) },
        { "testStepStarted", Envelope.Create(new TestStepStarted("s-1", "ts-1", new Timestamp(5, 6))) },
        { "testStepFinished passed", Envelope.Create(new TestStepFinished("s-1", "ts-1",
            new TestStepResult(new Duration(0, 2_500), null, TestStepResultStatus.PASSED, null), new Timestamp(5, 7))) },
        { "testStepFinished failed", Envelope.Create(new TestStepFinished("s-1", "ts-2",
            new TestStepResult(new Duration(1, 0), "boom\n  at X \"quoted\" \u2028", TestStepResultStatus.FAILED,
                new MessageException("System.InvalidOperationException", "boom", "  at X")), new Timestamp(5, 8))) },
        { "testStepFinished undefined", Envelope.Create(new TestStepFinished("s-1", "ts-3",
            new TestStepResult(new Duration(0, 0), null, TestStepResultStatus.UNDEFINED, null), new Timestamp(5, 9))) },
        { "testCaseFinished", Envelope.Create(new TestCaseFinished("s-1", new Timestamp(9, 10), true)) },
    };

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Writes_what_the_general_serializer_writes(string name, Envelope envelope)
    {
        var general = System.Text.Json.JsonSerializer.Serialize(envelope, NdjsonSerializer.Options);

        NdjsonSerializer.Serialize(envelope).Should().Be(general, name);
    }

    [Fact]
    public void Leaves_other_messages_to_the_general_serializer()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using var writer = new System.Text.Json.Utf8JsonWriter(buffer);

        FrequentMessageWriter.TryWrite(writer, Envelope.Create(new TestRunStarted(new Timestamp(1, 2), "run-1"))).Should().BeFalse();
        writer.Flush();
        buffer.WrittenCount.Should().Be(0);
    }
}

/// <summary>Every envelope of every Compatibility Kit sample: the hand-written writers agree with System.Text.Json byte for byte.</summary>
[Trait("Category", "cck")]
public sealed class HandWrittenMessagesMatchTheGeneralSerializerTests
{
    public static TheoryData<string> Samples() => new(Kaizen.Bdd.Tests.Cck.CckSamples.Required.Concat(Kaizen.Bdd.Tests.Cck.CckSamples.Extra).Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Every_envelope_of_the_sample_is_written_identically(string sample)
    {
        var kit = Kaizen.Bdd.Tests.Cck.CckSamples.Get(sample);
        var features = new List<Kaizen.Bdd.Running.FeatureSource>();
        foreach (var file in kit.FeatureFiles)
            features.Add(new Kaizen.Bdd.Running.FeatureSource(Kaizen.Bdd.Tests.Cck.CckSample.KitUri(kit.Name, file), await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)));
        var sink = new Kaizen.Bdd.Messages.InMemoryEnvelopeSink();
        await new Kaizen.Bdd.Running.BddTestRun(new Kaizen.Bdd.Running.BddRunOptions { BindingTypes = kit.BindingTypes, Sink = sink })
            .RunAsync(features, TestContext.Current.CancellationToken);

        sink.Envelopes.Should().NotBeEmpty();
        foreach (var envelope in sink.Envelopes)
            NdjsonSerializer.Serialize(envelope).Should().Be(System.Text.Json.JsonSerializer.Serialize(envelope, NdjsonSerializer.Options));
    }
}
