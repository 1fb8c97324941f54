namespace Kaizen.LivingDoc.Model;

/// <summary>What one run says about the scenarios it ran, keyed by <see cref="CaseKey"/>.</summary>
internal sealed record RunResults(
    RunSummary Summary,
    IReadOnlyDictionary<string, CaseResult> Cases,
    IReadOnlyList<string> UnmatchedUris);

/// <summary>The final attempt of one scenario in one run.</summary>
internal sealed record CaseResult(
    string Status, double? DurationMs, IReadOnlyList<RunStep> Steps, int Attempts, bool PassedAfterRetry,
    LlmUsage? Llm, IReadOnlyList<AttachmentView> Attachments);

/// <summary>A test step as it ran: a pickle step (with its index in the pickle) or a hook.</summary>
internal sealed record RunStep(
    string Kind, int? PickleStepIndex, string Text, string Status, double? DurationMs, string? Error,
    DocStringView? DocString, IReadOnlyList<IReadOnlyList<string>>? DataTable, IReadOnlyList<AttachmentView> Attachments);
