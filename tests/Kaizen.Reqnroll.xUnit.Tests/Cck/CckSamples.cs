namespace Kaizen.Reqnroll.xUnit.Tests.Cck;

/// <summary>
/// The kit samples we run: the required list and the samples beyond it. A sample Reqnroll 3.3.4 itself cannot match
/// carries the reason (also listed in docs/cck-conformance.md); its test asserts that the difference is still there.
/// </summary>
internal static class CckSamples
{
    private const string StringGroup = "Reqnroll reports a {string} argument without its quotes (group starts one character later, no child groups)";
    private const string RegexTypeName = "Reqnroll names the parameter type (\"string\") of a regular-expression capture; Cucumber leaves it out";
    private const string FileAttachments = "Reqnroll attaches files only: every attachment has a file name and a BASE64 body; no links, no inline text";
    private const string TestRunHookFailure = "after a failing [BeforeTestRun]/[AfterTestRun] hook Reqnroll's messages differ from the kit's (glue and test cases)";

    public static IReadOnlyList<CckSample> Required { get; } =
    [
        new("minimal"), new("backgrounds", StringGroup), new("data-tables"), new("doc-strings"), new("examples-tables"), new("rules"),
        new("rules-backgrounds", StringGroup), new("parameter-types", "Reqnroll writes a custom parameter type's regular expression anchored (^...$)"),
        new("regular-expression", RegexTypeName), new("hooks"), new("hooks-conditional"),
        new("hooks-named", "Reqnroll hooks have no name"), new("global-hooks"), new("pending"), new("skipped"), new("undefined"),
        new("ambiguous", RegexTypeName), new("unknown-parameter-type", "Reqnroll emits no undefinedParameterType envelope for an unknown {parameter}"),
        new("attachments", FileAttachments), new("markdown", "Reqnroll cannot run Markdown Gherkin (.feature.md)"),
        new("multiple-features", StringGroup), new("empty"), new("cdata"), new("all-statuses", RegexTypeName),
    ];

    /// <summary>Kit samples beyond the required list (Category=cck-extra).</summary>
    public static IReadOnlyList<CckSample> Extra { get; } =
    [
        new("examples-tables-attachment", FileAttachments), new("examples-tables-undefined"), new("examples-tables-undefined-multiple"),
        new("hooks-attachment", FileAttachments), new("hooks-skipped", "Reqnroll reports no test step for the after-scenario hooks of a scenario skipped by a hook"),
        new("hooks-undefined"), new("pending-exception"), new("skipped-exception"),
        new("undefined-multiple"), new("unused-steps"), new("failedish-combinations", RegexTypeName), new("global-hooks-afterall-error", TestRunHookFailure),
        new("global-hooks-attachments", FileAttachments), new("global-hooks-beforeall-error", TestRunHookFailure), new("skipped-failing-hook"), new("stack-traces"),
    ];

    public static CckSample Get(string name) =>
        Required.Concat(Extra).SingleOrDefault(s => s.Name == name) ?? throw new ArgumentException($"Unknown CCK sample '{name}'.", nameof(name));
}
