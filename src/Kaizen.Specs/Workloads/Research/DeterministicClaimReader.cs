namespace Kaizen.Specs.Workloads.Research;

/// <summary>A stance a reader found in a paper.</summary>
/// <param name="PaperId">The paper.</param>
/// <param name="ClaimId">The claim.</param>
/// <param name="Stance">Support or contradiction.</param>
public sealed record ClaimFinding(string PaperId, string ClaimId, Stance Stance);

/// <summary>
/// The judgement the scripted model uses when it plays a reader: it recognises the catalogue's claims in the
/// paper text it is given, whatever their wording, and whether the paper states or contradicts them.
/// </summary>
public static class DeterministicClaimReader
{
    /// <summary>Reads one paper's text.</summary>
    public static IReadOnlyList<ClaimFinding> Read(string paperId, string text)
    {
        var findings = new List<ClaimFinding>();
        foreach (var claim in ClaimCatalogue.All)
        {
            if (Mentions(text, claim.Contradiction))
                findings.Add(new ClaimFinding(paperId, claim.Id, Stance.Contradicts));
            else if (claim.Statements.Any(statement => Mentions(text, statement)))
                findings.Add(new ClaimFinding(paperId, claim.Id, Stance.Supports));
        }
        return findings;
    }

    // The generator lower-cases the first letter after "In <city>, ": compare without it.
    private static bool Mentions(string text, string sentence) =>
        text.Contains(sentence[1..], StringComparison.Ordinal);
}
