namespace Kaizen.LivingDoc.Model;

// The page's data: built once in C#, embedded in the HTML as JSON and rendered by the page's script.
// Statuses are lower-case words: passed, failed, pending, undefined, ambiguous, skipped, unknown, notrun.

/// <summary>Everything the living doc page shows.</summary>
internal sealed record DocModel(
    string Title,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<RunSummary> Runs,
    IReadOnlyList<FeatureView> Features,
    IReadOnlyList<CaseView> Cases,
    IReadOnlyDictionary<string, string> TagLinks,
    IReadOnlyList<StepDefinitionView> StepDefinitions,
    IReadOnlyList<string> Diagnostics)
{
    /// <summary>Tags that name a tier rather than a category.</summary>
    public IReadOnlyList<string> Tiers { get; init; } = ["@core", "@slow", "@long-running"];

    /// <summary>Stakeholder review state, when a reviews file was given or found; null otherwise.</summary>
    public ReviewSummary? Review { get; init; }
}

/// <summary>
/// One run of the suite (oldest first in <see cref="DocModel.Runs"/>). <see cref="Errors"/> are failures outside any
/// scenario: a BeforeAll/AfterAll hook, the run itself, or Gherkin parse errors the runner reported.
/// </summary>
internal sealed record RunSummary(
    string Id, string Label, string Source, DateTimeOffset? StartedAt, double? DurationMs, string? Implementation,
    bool Complete, IReadOnlyDictionary<string, int> Counts, LlmUsage? Llm, IReadOnlyList<string> Errors);

/// <summary>A feature file.</summary>
internal sealed record FeatureView(
    string Id, string Path, string Name, string Keyword, string DescriptionHtml, IReadOnlyList<string> Tags,
    IReadOnlyList<ItemView> Items, bool FromMessagesOnly = false);

/// <summary>A background, rule, scenario or scenario outline of a feature (rules nest items).</summary>
internal sealed record ItemView(
    string Kind, string Keyword, string Name, string DescriptionHtml, IReadOnlyList<string> Tags, int Line,
    IReadOnlyList<StepView> Steps, IReadOnlyList<ExamplesView> Examples, IReadOnlyList<ItemView> Children,
    IReadOnlyList<string> CaseIds);

/// <summary>A step as written in the feature file.</summary>
internal sealed record StepView(string Keyword, string Text, DocStringView? DocString, IReadOnlyList<IReadOnlyList<string>>? DataTable);

/// <summary>A doc string argument.</summary>
internal sealed record DocStringView(string? MediaType, string Content);

/// <summary>An Examples block; each row points at the case it produced.</summary>
internal sealed record ExamplesView(string Keyword, string Name, IReadOnlyList<string> Tags, IReadOnlyList<string> Header, IReadOnlyList<ExampleRowView> Rows);

/// <summary>One Examples row.</summary>
internal sealed record ExampleRowView(IReadOnlyList<string> Cells, string? CaseId);

/// <summary>
/// One executable scenario (a pickle: a plain scenario, or one Examples row of an outline) with its latest result and
/// its history. <see cref="History"/> has one letter per run (oldest first): P passed, F failed, N pending,
/// U undefined, A ambiguous, S skipped, ? unknown, - not in that run.
/// </summary>
internal sealed record CaseView(
    string Id, string FeatureId, string Name, IReadOnlyList<string> Tags, int Line, string Status, double? DurationMs,
    IReadOnlyList<CaseStepView> Steps, string History, IReadOnlyList<double?> HistoryDurations, IReadOnlyList<string> Labels,
    LlmUsage? Llm, int Attempts, string? Rule, string? Outline, IReadOnlyList<AttachmentView> Attachments)
{
    /// <summary>Its review mark, when the page has review data.</summary>
    public ReviewMark? Review { get; init; }
}

/// <summary>A step (or hook) of a case as it ran, or as written when it did not run.</summary>
internal sealed record CaseStepView(
    string Kind, string Keyword, string Text, bool FromBackground, string Status, double? DurationMs, string? Error,
    DocStringView? DocString, IReadOnlyList<IReadOnlyList<string>>? DataTable, IReadOnlyList<AttachmentView> Attachments);

/// <summary>An attachment: inline body (text or base64) or an external URL.</summary>
internal sealed record AttachmentView(string MediaType, string? Body, bool Base64, string? FileName, string? Url);

/// <summary>Tokens and cost a scenario (or run) spent on language models.</summary>
internal sealed record LlmUsage(long InputTokens, long OutputTokens, decimal? CostUsd, int Calls, IReadOnlyList<string> Models);

/// <summary>A step definition and how many steps of the latest run used it.</summary>
internal sealed record StepDefinitionView(string Pattern, string Type, string? Source, int Uses);
