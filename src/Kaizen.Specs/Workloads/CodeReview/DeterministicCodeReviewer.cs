using System.Text.RegularExpressions;

namespace Kaizen.Specs.Workloads.CodeReview;

/// <summary>A finding reported by a reviewer.</summary>
/// <param name="Path">File path relative to the repository root.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Kind">What is wrong.</param>
public sealed record ReviewFinding(string Path, int Line, DefectKind Kind);

/// <summary>
/// The judgement the scripted model uses when it plays a code reviewer: it reads the file text it is
/// given and reports the lines matching known defect patterns. It only sees what reaches the model,
/// so a file that never reaches the model yields no finding.
/// </summary>
public static partial class DeterministicCodeReviewer
{
    /// <summary>Reviews one file's text.</summary>
    public static IReadOnlyList<ReviewFinding> Review(string path, string text)
    {
        var findings = new List<ReviewFinding>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            if (EmptyCatch().IsMatch(line)) findings.Add(new(path, index + 1, DefectKind.EmptyCatch));
            if (AsyncVoid().IsMatch(line)) findings.Add(new(path, index + 1, DefectKind.AsyncVoid));
            if (BlockingWait().IsMatch(line)) findings.Add(new(path, index + 1, DefectKind.BlockingWait));
            if (HardcodedSecret().IsMatch(line)) findings.Add(new(path, index + 1, DefectKind.HardcodedSecret));
            if (SqlConcatenation().IsMatch(line)) findings.Add(new(path, index + 1, DefectKind.SqlConcatenation));
        }
        return findings;
    }

    [GeneratedRegex(@"catch\s*(\([^)]*\))?\s*\{\s*\}")]
    private static partial Regex EmptyCatch();

    [GeneratedRegex(@"\basync\s+void\b")]
    private static partial Regex AsyncVoid();

    [GeneratedRegex(@"\.Result\b|\.Wait\(\)")]
    private static partial Regex BlockingWait();

    [GeneratedRegex(@"(?i)\b(api_?key|password|secret)\s*=\s*""[^""]+""")]
    private static partial Regex HardcodedSecret();

    [GeneratedRegex(@"""[^""]*\b(SELECT|UPDATE|DELETE|INSERT)\b[^""]*""\s*\+")]
    private static partial Regex SqlConcatenation();
}
