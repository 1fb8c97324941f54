using System.Text.Json;
using Io.Cucumber.Messages.Types;
using Exception = Io.Cucumber.Messages.Types.Exception;

namespace Kaizen.Bdd.Messages.Serialization;

/// <summary>
/// Hand-written JSON for the messages every scenario writes (testCase, testCaseStarted, testStepStarted,
/// testStepFinished, testCaseFinished: 13 of the 14 envelopes of a five-step scenario). A test process writes them
/// thousands of times once, and System.Text.Json's reflection path (metadata, emitted accessors, tier-0 code) made
/// them the run's largest start-up cost. The output is byte for byte what <see cref="NdjsonSerializer.Options"/>
/// writes: properties in declaration order, nulls omitted, enums by wire name.
/// </summary>
internal static class FrequentMessageWriter
{
    /// <summary>Writes the envelope when it holds exactly one frequent message; false leaves the writer untouched.</summary>
    public static bool TryWrite(Utf8JsonWriter writer, Envelope envelope)
    {
        if (envelope.TestStepStarted is { } stepStarted && OnlyMember(envelope, stepStarted))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("testStepStarted");
            OptionalString(writer, "testCaseStartedId", stepStarted.TestCaseStartedId);
            OptionalString(writer, "testStepId", stepStarted.TestStepId);
            Timestamp(writer, "timestamp", stepStarted.Timestamp);
        }
        else if (envelope.TestStepFinished is { } stepFinished && OnlyMember(envelope, stepFinished))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("testStepFinished");
            OptionalString(writer, "testCaseStartedId", stepFinished.TestCaseStartedId);
            OptionalString(writer, "testStepId", stepFinished.TestStepId);
            if (stepFinished.TestStepResult is { } result) Result(writer, result);
            Timestamp(writer, "timestamp", stepFinished.Timestamp);
        }
        else if (envelope.TestCaseStarted is { } caseStarted && OnlyMember(envelope, caseStarted))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("testCaseStarted");
            writer.WriteNumber("attempt", caseStarted.Attempt);
            OptionalString(writer, "id", caseStarted.Id);
            OptionalString(writer, "testCaseId", caseStarted.TestCaseId);
            OptionalString(writer, "workerId", caseStarted.WorkerId);
            Timestamp(writer, "timestamp", caseStarted.Timestamp);
        }
        else if (envelope.TestCaseFinished is { } caseFinished && OnlyMember(envelope, caseFinished))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("testCaseFinished");
            OptionalString(writer, "testCaseStartedId", caseFinished.TestCaseStartedId);
            Timestamp(writer, "timestamp", caseFinished.Timestamp);
            writer.WriteBoolean("willBeRetried", caseFinished.WillBeRetried);
        }
        else if (envelope.TestCase is { } testCase && OnlyMember(envelope, testCase))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("testCase");
            OptionalString(writer, "id", testCase.Id);
            OptionalString(writer, "pickleId", testCase.PickleId);
            if (testCase.TestSteps is { } steps)
            {
                writer.WriteStartArray("testSteps");
                foreach (var step in steps) TestStep(writer, step);
                writer.WriteEndArray();
            }
            OptionalString(writer, "testRunStartedId", testCase.TestRunStartedId);
        }
        else return false;
        writer.WriteEndObject();
        writer.WriteEndObject();
        return true;
    }

    /// <summary>Envelopes are built with one member; anything else takes the general path so nothing is dropped.</summary>
    public static bool OnlyMember(Envelope envelope, object member)
    {
        var count = 0;
        foreach (var value in new object?[]
                 {
                     envelope.Attachment, envelope.GherkinDocument, envelope.Hook, envelope.Meta, envelope.ParameterType, envelope.ParseError,
                     envelope.Pickle, envelope.Suggestion, envelope.Source, envelope.StepDefinition, envelope.TestCase, envelope.TestCaseFinished,
                     envelope.TestCaseStarted, envelope.TestRunFinished, envelope.TestRunStarted, envelope.TestStepFinished, envelope.TestStepStarted,
                     envelope.TestRunHookStarted, envelope.TestRunHookFinished, envelope.UndefinedParameterType,
                 })
            if (value is not null) count++;
        return count == 1 && member is not null;
    }

    private static void TestStep(Utf8JsonWriter writer, TestStep step)
    {
        if (step is null) { writer.WriteNullValue(); return; }
        writer.WriteStartObject();
        OptionalString(writer, "hookId", step.HookId);
        OptionalString(writer, "id", step.Id);
        OptionalString(writer, "pickleStepId", step.PickleStepId);
        if (step.StepDefinitionIds is { } ids)
        {
            writer.WriteStartArray("stepDefinitionIds");
            foreach (var id in ids) writer.WriteStringValue(id);
            writer.WriteEndArray();
        }
        if (step.StepMatchArgumentsLists is { } lists)
        {
            writer.WriteStartArray("stepMatchArgumentsLists");
            foreach (var list in lists)
            {
                if (list is null) { writer.WriteNullValue(); continue; }
                writer.WriteStartObject();
                if (list.StepMatchArguments is { } arguments)
                {
                    writer.WriteStartArray("stepMatchArguments");
                    foreach (var argument in arguments) Argument(writer, argument);
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void Argument(Utf8JsonWriter writer, StepMatchArgument argument)
    {
        if (argument is null) { writer.WriteNullValue(); return; }
        writer.WriteStartObject();
        if (argument.Group is { } group)
        {
            writer.WritePropertyName("group");
            Group(writer, group);
        }
        OptionalString(writer, "parameterTypeName", argument.ParameterTypeName);
        writer.WriteEndObject();
    }

    private static void Group(Utf8JsonWriter writer, Group group)
    {
        if (group is null) { writer.WriteNullValue(); return; }
        writer.WriteStartObject();
        if (group.Children is { } children)
        {
            writer.WriteStartArray("children");
            foreach (var child in children) Group(writer, child);
            writer.WriteEndArray();
        }
        if (group.Start is { } start) writer.WriteNumber("start", start);
        OptionalString(writer, "value", group.Value);
        writer.WriteEndObject();
    }

    private static void Result(Utf8JsonWriter writer, TestStepResult result)
    {
        writer.WriteStartObject("testStepResult");
        if (result.Duration is { } duration)
        {
            writer.WriteStartObject("duration");
            writer.WriteNumber("seconds", duration.Seconds);
            writer.WriteNumber("nanos", duration.Nanos);
            writer.WriteEndObject();
        }
        OptionalString(writer, "message", result.Message);
        writer.WriteString("status", MessageEnumNames<TestStepResultStatus>.Wire(result.Status));
        if (result.Exception is { } exception)
        {
            writer.WritePropertyName("exception");
            JsonSerializer.Serialize<Exception>(writer, exception, NdjsonSerializer.Options);
        }
        writer.WriteEndObject();
    }

    private static void Timestamp(Utf8JsonWriter writer, string name, Timestamp timestamp)
    {
        if (timestamp is null) return;
        writer.WriteStartObject(name);
        writer.WriteNumber("seconds", timestamp.Seconds);
        writer.WriteNumber("nanos", timestamp.Nanos);
        writer.WriteEndObject();
    }

    private static void OptionalString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }
}
