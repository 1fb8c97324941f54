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

    /// <summary>True when the line held none of the types above: a type the living doc skips, an unknown one, or <c>{}</c>.</summary>
    public bool ReadsNothing =>
        Meta is null && Source is null && GherkinDocument is null && Pickle is null && StepDefinition is null && Hook is null &&
        TestRunStarted is null && TestRunFinished is null && TestCase is null && TestCaseStarted is null && TestCaseFinished is null &&
        TestStepFinished is null && Attachment is null && ExternalAttachment is null && ParseError is null &&
        TestRunHookStarted is null && TestRunHookFinished is null;
}

internal sealed record MetaMessage(NamedVersion? Implementation, NamedVersion? Os, NamedVersion? Runtime);
internal sealed record NamedVersion(string? Name, string? Version);
internal sealed record SourceMessage(string? Uri, string? Data, string? MediaType);
// The envelopes a run repeats thousands of times (and their parts) have init properties instead of constructor
// parameters: System.Text.Json fills those directly, while constructor parameters are buffered and boxed first.
// Their non-nullable strings are null when a file leaves them out; the reader checks and reports that.
internal sealed record Location
{
    public int Line { get; init; }
    public int? Column { get; init; }
}
internal sealed record Timestamp
{
    public long Seconds { get; init; }
    public long Nanos { get; init; }
    public DateTimeOffset ToDateTime() => DateTimeOffset.FromUnixTimeSeconds(Seconds).AddTicks(Nanos / 100);
}
internal sealed record Duration
{
    public long Seconds { get; init; }
    public long Nanos { get; init; }
    public double Milliseconds => Seconds * 1000.0 + Nanos / 1_000_000.0;
}

internal sealed record PickleMessage
{
    public string Id { get; init; } = null!;
    public string? Uri { get; init; }
    public string? Name { get; init; }
    public List<PickleStepMessage>? Steps { get; init; }
    public List<PickleTagMessage>? Tags { get; init; }
    public List<string>? AstNodeIds { get; init; }
    public Location? Location { get; init; }
}
internal sealed record PickleStepMessage
{
    public string Id { get; init; } = null!;
    public string? Text { get; init; }
    public List<string>? AstNodeIds { get; init; }
    public PickleStepArgument? Argument { get; init; }
}
// Typed rather than kept as a JsonElement: each JsonElement holds its own copy of the JSON, and runs hold thousands.
internal sealed record PickleStepArgument
{
    public PickleDocString? DocString { get; init; }
    public PickleDataTable? DataTable { get; init; }
}
internal sealed record PickleDocString
{
    public string? MediaType { get; init; }
    public string? Content { get; init; }
}
internal sealed record PickleDataTable
{
    public List<PickleTableRow>? Rows { get; init; }
}
internal sealed record PickleTableRow
{
    public List<PickleTableCell>? Cells { get; init; }
}
internal sealed record PickleTableCell
{
    public string? Value { get; init; }
}
internal sealed record PickleTagMessage
{
    public string Name { get; init; } = null!;
}

internal sealed record StepDefinitionMessage(string Id, StepDefinitionPattern? Pattern, SourceReference? SourceReference);
internal sealed record StepDefinitionPattern(string? Source, string? Type);
internal sealed record SourceReference(string? Uri, Location? Location, JsonElement? JavaMethod);
internal sealed record HookMessage(string Id, string? Name, string? TagExpression, string? Type, SourceReference? SourceReference);

internal sealed record TestRunStartedMessage(string? Id, Timestamp? Timestamp);
internal sealed record TestRunFinishedMessage(bool? Success, string? Message, Timestamp? Timestamp, ExceptionInfo? Exception);
internal sealed record TestCaseMessage
{
    public string Id { get; init; } = null!;
    public string PickleId { get; init; } = null!;
    public List<TestStepMessage>? TestSteps { get; init; }
}
internal sealed record TestStepMessage
{
    public string Id { get; init; } = null!;
    public string? PickleStepId { get; init; }
    public string? HookId { get; init; }
    public List<string>? StepDefinitionIds { get; init; }
}
internal sealed record TestCaseStartedMessage
{
    public string Id { get; init; } = null!;
    public string TestCaseId { get; init; } = null!;
    public int Attempt { get; init; }
    public Timestamp? Timestamp { get; init; }
}
internal sealed record TestCaseFinishedMessage
{
    public string TestCaseStartedId { get; init; } = null!;
    public bool WillBeRetried { get; init; }
    public Timestamp? Timestamp { get; init; }
}
internal sealed record TestStepFinishedMessage
{
    public string TestCaseStartedId { get; init; } = null!;
    public string TestStepId { get; init; } = null!;
    public TestStepResult? TestStepResult { get; init; }
}
internal sealed record TestStepResult
{
    public string? Status { get; init; }
    public Duration? Duration { get; init; }
    public string? Message { get; init; }
    public ExceptionInfo? Exception { get; init; }
}
internal sealed record ExceptionInfo(string? Type, string? Message, string? StackTrace);
internal sealed record AttachmentMessage
{
    public string? TestCaseStartedId { get; init; }
    public string? TestStepId { get; init; }
    public string? Body { get; init; }
    public string? ContentEncoding { get; init; }
    public string? MediaType { get; init; }
    public string? FileName { get; init; }
    public string? Url { get; init; }
}
internal sealed record ParseErrorMessage(SourceReference? Source, string? Message);
internal sealed record TestRunHookStartedMessage(string Id, string? HookId);
internal sealed record TestRunHookFinishedMessage(string TestRunHookStartedId, TestStepResult? Result);
