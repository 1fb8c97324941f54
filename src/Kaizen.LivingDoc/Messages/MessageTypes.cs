using System.Text.Json;

namespace Kaizen.LivingDoc.Messages;

// Lean views of the Cucumber Messages envelopes the living doc reads. Unknown fields are ignored so that
// output of any Cucumber implementation (and future protocol versions) loads.

internal sealed record Envelope
{
    public MetaMessage? Meta { get; init; }
    public SourceMessage? Source { get; init; }
    public AstNodeLines? GherkinDocument { get; init; }
    public PickleMessage? Pickle { get; init; }
    public StepDefinitionMessage? StepDefinition { get; init; }
    public HookMessage? Hook { get; init; }
    public TestRunStartedMessage? TestRunStarted { get; init; }
    public TestRunFinishedMessage? TestRunFinished { get; init; }
    public TestCaseMessage? TestCase { get; init; }
    public TestCaseStartedMessage? TestCaseStarted { get; init; }
    public TestCaseFinishedMessage? TestCaseFinished { get; init; }
    public TestStepFinishedMessage? TestStepFinished { get; init; }
    public AttachmentMessage? Attachment { get; init; }
    public AttachmentMessage? ExternalAttachment { get; init; }
    public ParseErrorMessage? ParseError { get; init; }
    public TestRunHookStartedMessage? TestRunHookStarted { get; init; }
    public TestRunHookFinishedMessage? TestRunHookFinished { get; init; }
}

internal sealed record MetaMessage(NamedVersion? Implementation, NamedVersion? Os, NamedVersion? Runtime);
internal sealed record NamedVersion(string? Name, string? Version);
internal sealed record SourceMessage(string? Uri, string? Data, string? MediaType);
internal sealed record Location(int Line, int? Column);
internal sealed record Timestamp(long Seconds, long Nanos)
{
    public DateTimeOffset ToDateTime() => DateTimeOffset.FromUnixTimeSeconds(Seconds).AddTicks(Nanos / 100);
}
internal sealed record Duration(long Seconds, long Nanos)
{
    public double Milliseconds => Seconds * 1000.0 + Nanos / 1_000_000.0;
}

internal sealed record PickleMessage(string Id, string? Uri, string? Name, List<PickleStepMessage>? Steps, List<PickleTagMessage>? Tags, List<string>? AstNodeIds, Location? Location);
internal sealed record PickleStepMessage(string Id, string? Text, List<string>? AstNodeIds, PickleStepArgument? Argument);
// Typed rather than kept as a JsonElement: each JsonElement holds its own copy of the JSON, and runs hold thousands.
internal sealed record PickleStepArgument(PickleDocString? DocString, PickleDataTable? DataTable);
internal sealed record PickleDocString(string? MediaType, string? Content);
internal sealed record PickleDataTable(List<PickleTableRow>? Rows);
internal sealed record PickleTableRow(List<PickleTableCell>? Cells);
internal sealed record PickleTableCell(string? Value);
internal sealed record PickleTagMessage(string Name);

internal sealed record StepDefinitionMessage(string Id, StepDefinitionPattern? Pattern, SourceReference? SourceReference);
internal sealed record StepDefinitionPattern(string? Source, string? Type);
internal sealed record SourceReference(string? Uri, Location? Location, JsonElement? JavaMethod);
internal sealed record HookMessage(string Id, string? Name, string? TagExpression, string? Type, SourceReference? SourceReference);

internal sealed record TestRunStartedMessage(string? Id, Timestamp? Timestamp);
internal sealed record TestRunFinishedMessage(bool? Success, string? Message, Timestamp? Timestamp, ExceptionInfo? Exception);
internal sealed record TestCaseMessage(string Id, string PickleId, List<TestStepMessage>? TestSteps);
internal sealed record TestStepMessage(string Id, string? PickleStepId, string? HookId, List<string>? StepDefinitionIds);
internal sealed record TestCaseStartedMessage(string Id, string TestCaseId, int Attempt, Timestamp? Timestamp);
internal sealed record TestCaseFinishedMessage(string TestCaseStartedId, bool WillBeRetried, Timestamp? Timestamp);
internal sealed record TestStepFinishedMessage(string TestCaseStartedId, string TestStepId, TestStepResult? TestStepResult);
internal sealed record TestStepResult(string? Status, Duration? Duration, string? Message, ExceptionInfo? Exception);
internal sealed record ExceptionInfo(string? Type, string? Message, string? StackTrace);
internal sealed record AttachmentMessage(
    string? TestCaseStartedId, string? TestStepId, string? Body, string? ContentEncoding, string? MediaType, string? FileName, string? Url);
internal sealed record ParseErrorMessage(SourceReference? Source, string? Message);
internal sealed record TestRunHookStartedMessage(string Id, string? HookId);
internal sealed record TestRunHookFinishedMessage(string TestRunHookStartedId, TestStepResult? Result);
