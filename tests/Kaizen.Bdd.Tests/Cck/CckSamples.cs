using Kaizen.Bdd.Tests.Cck.Samples.AllStatuses;
using Kaizen.Bdd.Tests.Cck.Samples.FailedishCombinations;
using Kaizen.Bdd.Tests.Cck.Samples.GlobalHooksAfterAllError;
using Kaizen.Bdd.Tests.Cck.Samples.GlobalHooksAttachments;
using Kaizen.Bdd.Tests.Cck.Samples.GlobalHooksBeforeAllError;
using Kaizen.Bdd.Tests.Cck.Samples.SkippedFailingHook;
using Kaizen.Bdd.Tests.Cck.Samples.StackTraces;
using Kaizen.Bdd.Tests.Cck.Samples.ExamplesTablesAttachment;
using Kaizen.Bdd.Tests.Cck.Samples.ExamplesTablesUndefined;
using Kaizen.Bdd.Tests.Cck.Samples.ExamplesTablesUndefinedMultiple;
using Kaizen.Bdd.Tests.Cck.Samples.HooksAttachment;
using Kaizen.Bdd.Tests.Cck.Samples.HooksSkipped;
using Kaizen.Bdd.Tests.Cck.Samples.HooksUndefined;
using Kaizen.Bdd.Tests.Cck.Samples.PendingException;
using Kaizen.Bdd.Tests.Cck.Samples.SkippedException;
using Kaizen.Bdd.Tests.Cck.Samples.UndefinedMultiple;
using Kaizen.Bdd.Tests.Cck.Samples.UnusedSteps;
using Kaizen.Bdd.Tests.Cck.Samples.Ambiguous;
using Kaizen.Bdd.Tests.Cck.Samples.Attachments;
using Kaizen.Bdd.Tests.Cck.Samples.Backgrounds;
using Kaizen.Bdd.Tests.Cck.Samples.Cdata;
using Kaizen.Bdd.Tests.Cck.Samples.DataTables;
using Kaizen.Bdd.Tests.Cck.Samples.DocStrings;
using Kaizen.Bdd.Tests.Cck.Samples.ExamplesTables;
using Kaizen.Bdd.Tests.Cck.Samples.GlobalHooks;
using Kaizen.Bdd.Tests.Cck.Samples.Hooks;
using Kaizen.Bdd.Tests.Cck.Samples.HooksConditional;
using Kaizen.Bdd.Tests.Cck.Samples.HooksNamed;
using Kaizen.Bdd.Tests.Cck.Samples.Markdown;
using Kaizen.Bdd.Tests.Cck.Samples.Minimal;
using Kaizen.Bdd.Tests.Cck.Samples.MultipleFeatures;
using Kaizen.Bdd.Tests.Cck.Samples.ParameterTypes;
using Kaizen.Bdd.Tests.Cck.Samples.Pending;
using Kaizen.Bdd.Tests.Cck.Samples.RegularExpression;
using Kaizen.Bdd.Tests.Cck.Samples.Rules;
using Kaizen.Bdd.Tests.Cck.Samples.RulesBackgrounds;
using Kaizen.Bdd.Tests.Cck.Samples.Skipped;
using Kaizen.Bdd.Tests.Cck.Samples.Undefined;
using Kaizen.Bdd.Tests.Cck.Samples.UnknownParameterType;

namespace Kaizen.Bdd.Tests.Cck;

/// <summary>The kit samples we run (issue 2's required list), each with the port of its TypeScript step definitions.</summary>
internal static class CckSamples
{
    public static IReadOnlyList<CckSample> Required { get; } =
    [
        new("minimal", [typeof(MinimalSteps)]),
        new("backgrounds", [typeof(BackgroundsSteps)]),
        new("data-tables", [typeof(DataTablesSteps)]),
        new("doc-strings", [typeof(DocStringsSteps)]),
        new("examples-tables", [typeof(ExamplesTablesSteps)]),
        new("rules", [typeof(RulesSteps)]),
        new("rules-backgrounds", [typeof(RulesBackgroundsSteps)]),
        new("parameter-types", [typeof(ParameterTypesSteps)]),
        new("regular-expression", [typeof(RegularExpressionSteps)]),
        new("hooks", [typeof(HooksSteps)]),
        new("hooks-conditional", [typeof(HooksConditionalSteps)]),
        new("hooks-named", [typeof(HooksNamedSteps)]),
        new("global-hooks", [typeof(GlobalHooksSteps)]),
        new("pending", [typeof(PendingSteps)]),
        new("skipped", [typeof(SkippedSteps)]),
        new("undefined", [typeof(UndefinedSteps)]),
        new("ambiguous", [typeof(AmbiguousSteps)]),
        new("unknown-parameter-type", [typeof(UnknownParameterTypeSteps)]),
        new("attachments", [typeof(AttachmentsSteps)]),
        new("markdown", [typeof(MarkdownSteps)]),
        new("multiple-features", [typeof(MultipleFeaturesSteps)]),
        new("empty", []),
        new("cdata", [typeof(CdataSteps)]),
        new("all-statuses", [typeof(AllStatusesSteps)]),
    ];

    /// <summary>Kit samples beyond the required list that the engine's features cover (Category=cck-extra).</summary>
    public static IReadOnlyList<CckSample> Extra { get; } =
    [
        new("examples-tables-attachment", [typeof(ExamplesTablesAttachmentSteps)]),
        new("examples-tables-undefined", [typeof(ExamplesTablesUndefinedSteps)]),
        new("examples-tables-undefined-multiple", [typeof(ExamplesTablesUndefinedMultipleSteps)]),
        new("hooks-attachment", [typeof(HooksAttachmentSteps)]),
        new("hooks-skipped", [typeof(HooksSkippedSteps)]),
        new("hooks-undefined", [typeof(HooksUndefinedSteps)]),
        new("pending-exception", [typeof(PendingExceptionSteps)]),
        new("skipped-exception", [typeof(SkippedExceptionSteps)]),
        new("undefined-multiple", [typeof(UndefinedMultipleSteps)]),
        new("unused-steps", [typeof(UnusedStepsSteps)]),
        new("failedish-combinations", [typeof(FailedishCombinationsSteps)]),
        new("global-hooks-afterall-error", [typeof(GlobalHooksAfterAllErrorSteps)]),
        new("global-hooks-attachments", [typeof(GlobalHooksAttachmentsSteps)]),
        new("global-hooks-beforeall-error", [typeof(GlobalHooksBeforeAllErrorSteps)]),
        new("skipped-failing-hook", [typeof(SkippedFailingHookSteps)]),
        new("stack-traces", [typeof(StackTracesSteps)]),
    ];

    public static CckSample Get(string name) =>
        Required.Concat(Extra).SingleOrDefault(s => s.Name == name) ?? throw new ArgumentException($"Unknown CCK sample '{name}'.", nameof(name));
}
