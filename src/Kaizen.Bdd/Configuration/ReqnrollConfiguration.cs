namespace Kaizen.Bdd.Configuration;

/// <summary>The part of Reqnroll's <c>reqnroll.json</c> that Kaizen.Bdd honours. Unset keys keep these defaults.</summary>
public sealed record ReqnrollConfiguration
{
    /// <summary>The configuration used when there is no file.</summary>
    public static ReqnrollConfiguration Default { get; } = new();

    /// <summary><c>language.feature</c>: default Gherkin language of feature files (e.g. <c>en-US</c>, <c>de</c>).</summary>
    public string FeatureLanguage { get; init; } = "en-US";

    /// <summary><c>runtime.missingOrPendingStepsOutcome</c>.</summary>
    public MissingOrPendingStepsOutcome MissingOrPendingStepsOutcome { get; init; } = MissingOrPendingStepsOutcome.Pending;

    /// <summary><c>generator.addNonParallelizableMarkerForTags</c>: tags (without <c>@</c>) whose scenarios never run in parallel.</summary>
    public IReadOnlyList<string> NonParallelizableTags { get; init; } = Array.Empty<string>();

    /// <summary><c>formatters.message.outputFilePath</c>: where the Cucumber Messages NDJSON goes, or null for the default.</summary>
    public string? MessageOutputFilePath { get; init; }

    /// <summary><c>bindingAssemblies[].assembly</c>: extra assemblies whose bindings are used.</summary>
    public IReadOnlyList<string> BindingAssemblies { get; init; } = Array.Empty<string>();

    /// <summary><c>ide.traceability.tagLinks</c>.</summary>
    public IReadOnlyList<TagLink> TagLinks { get; init; } = Array.Empty<TagLink>();
}
