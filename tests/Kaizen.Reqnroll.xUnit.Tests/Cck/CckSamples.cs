namespace Kaizen.Reqnroll.xUnit.Tests.Cck;

/// <summary>The kit samples we run: the required list, and the samples beyond it.</summary>
internal static class CckSamples
{
    public static IReadOnlyList<CckSample> Required { get; } =
    [
        new("minimal"), new("backgrounds"), new("data-tables"), new("doc-strings"), new("examples-tables"), new("rules"),
        new("rules-backgrounds"), new("parameter-types"), new("regular-expression"), new("hooks"), new("hooks-conditional"),
        new("hooks-named"), new("global-hooks"), new("pending"), new("skipped"), new("undefined"), new("ambiguous"),
        new("unknown-parameter-type"), new("attachments"), new("markdown"), new("multiple-features"), new("empty"),
        new("cdata"), new("all-statuses"),
    ];

    /// <summary>Kit samples beyond the required list (Category=cck-extra).</summary>
    public static IReadOnlyList<CckSample> Extra { get; } =
    [
        new("examples-tables-attachment"), new("examples-tables-undefined"), new("examples-tables-undefined-multiple"),
        new("hooks-attachment"), new("hooks-skipped"), new("hooks-undefined"), new("pending-exception"), new("skipped-exception"),
        new("undefined-multiple"), new("unused-steps"), new("failedish-combinations"), new("global-hooks-afterall-error"),
        new("global-hooks-attachments"), new("global-hooks-beforeall-error"), new("skipped-failing-hook"), new("stack-traces"),
    ];

    public static CckSample Get(string name) =>
        Required.Concat(Extra).SingleOrDefault(s => s.Name == name) ?? throw new ArgumentException($"Unknown CCK sample '{name}'.", nameof(name));
}
