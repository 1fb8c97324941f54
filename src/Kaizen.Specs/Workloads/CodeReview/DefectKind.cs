namespace Kaizen.Specs.Workloads.CodeReview;

/// <summary>The kinds of defect planted in a generated code base, each one a real review finding.</summary>
public enum DefectKind
{
    /// <summary>An exception swallowed by an empty catch block.</summary>
    EmptyCatch,
    /// <summary>An <c>async void</c> method that is not an event handler: its exceptions crash the process.</summary>
    AsyncVoid,
    /// <summary>A task waited on synchronously (<c>.Result</c> / <c>.Wait()</c>): a deadlock risk.</summary>
    BlockingWait,
    /// <summary>A credential written into the source.</summary>
    HardcodedSecret,
    /// <summary>SQL built by string concatenation: an injection risk.</summary>
    SqlConcatenation,
}

/// <summary>A defect planted at a known place: the truth a review is checked against.</summary>
/// <param name="Path">File path relative to the repository root, with forward slashes.</param>
/// <param name="Line">1-based line of the defect.</param>
/// <param name="Kind">What is wrong.</param>
public sealed record PlantedDefect(string Path, int Line, DefectKind Kind);
