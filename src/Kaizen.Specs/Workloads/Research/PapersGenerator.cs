using System.Text;

namespace Kaizen.Specs.Workloads.Research;

/// <summary>One generated paper.</summary>
/// <param name="Id">Short id, e.g. <c>P07</c>.</param>
/// <param name="Title">The title.</param>
/// <param name="Text">The whole paper (title, authors, abstract, findings) as Markdown.</param>
public sealed record Paper(string Id, string Title, string Text);

/// <summary>Where a paper stands on a claim.</summary>
public enum Stance
{
    /// <summary>The paper states the claim.</summary>
    Supports,
    /// <summary>The paper states the opposite.</summary>
    Contradicts,
}

/// <summary>The truth behind the generated papers: which paper supports or contradicts which claim.</summary>
/// <param name="PaperId">The paper.</param>
/// <param name="ClaimId">The claim.</param>
/// <param name="Stance">Support or contradiction.</param>
public sealed record PlantedStance(string PaperId, string ClaimId, Stance Stance);

/// <summary>Generated papers and the stances planted in them.</summary>
/// <param name="Papers">The papers in id order.</param>
/// <param name="Stances">Every planted stance.</param>
public sealed record GeneratedLiterature(IReadOnlyList<Paper> Papers, IReadOnlyList<PlantedStance> Stances)
{
    /// <summary>Claim id → the ids of the papers that state it, in paper order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SupportersByClaim() => ByClaim(Stance.Supports);

    /// <summary>Claim id → the ids of the papers that contradict it, in paper order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ContradictorsByClaim() => ByClaim(Stance.Contradicts);

    private Dictionary<string, IReadOnlyList<string>> ByClaim(Stance stance) =>
        Stances.Where(s => s.Stance == stance)
               .GroupBy(s => s.ClaimId)
               .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(s => s.PaperId).ToList());
}

/// <summary>
/// Generates short synthetic papers on urban mobility. Each paper states two to four claims from
/// <see cref="ClaimCatalogue"/> (popular claims more often, so claims overlap across papers) and sometimes
/// contradicts one, among neutral sentences about its method. Deterministic from the seed.
/// </summary>
public static class PapersGenerator
{
    private static readonly string[] Cities = ["Lyon", "Ghent", "Utrecht", "Bilbao", "Aarhus", "Turin", "Kraków", "Leipzig", "Porto", "Graz"];
    private static readonly string[] Surnames = ["Moreau", "Jansen", "Novak", "García", "Lindqvist", "Rossi", "Kowalski", "Weber", "Silva", "Dubois", "Eriksen"];
    private static readonly string[] Methods =
    [
        "We combined automatic traffic counts with a household travel survey.",
        "The study compares two periods of twelve months before and after the change.",
        "We used a difference-in-differences design with neighbouring districts as controls.",
        "Data come from smart-card validations and GPS traces of the bus fleet.",
        "Interviews with 40 residents complemented the quantitative analysis.",
    ];

    /// <summary>Generates <paramref name="paperCount"/> papers.</summary>
    public static GeneratedLiterature Generate(int seed, int paperCount = 50)
    {
        if (paperCount < 1) throw new ArgumentOutOfRangeException(nameof(paperCount), paperCount, "At least one paper is needed.");
        var random = new Random(seed);
        var claims = ClaimCatalogue.All;
        // Claim i is picked with weight 1/(i+1): a few claims are everywhere, the rest are rare.
        var weights = claims.Select((_, i) => 1.0 / (i + 1)).ToArray();
        var papers = new List<Paper>(paperCount);
        var stances = new List<PlantedStance>();

        for (var number = 1; number <= paperCount; number++)
        {
            var id = $"P{number:00}";
            var city = Cities[random.Next(Cities.Length)];
            var chosen = new List<Claim>();
            var wanted = random.Next(2, 5);
            while (chosen.Count < wanted)
            {
                var claim = claims[PickWeighted(random, weights)];
                if (!chosen.Contains(claim)) chosen.Add(claim);
            }
            var contradictIndex = random.NextDouble() < 0.25 ? random.Next(chosen.Count) : -1;

            var title = $"Evidence from {city} on {chosen[0].Topic}";
            var text = new StringBuilder();
            text.Append("# ").Append(id).Append(": ").Append(title).Append('\n').Append('\n');
            text.Append("*").Append(Surnames[random.Next(Surnames.Length)]).Append(" and ")
                .Append(Surnames[random.Next(Surnames.Length)]).Append(", ").Append(2015 + random.Next(11)).Append("*\n\n");
            text.Append("## Method\n\n").Append(Methods[random.Next(Methods.Length)]).Append('\n').Append('\n');
            text.Append("## Findings\n\n");
            for (var index = 0; index < chosen.Count; index++)
            {
                var claim = chosen[index];
                var contradicts = index == contradictIndex;
                var sentence = contradicts ? claim.Contradiction : claim.Statements[random.Next(claim.Statements.Count)];
                text.Append("In ").Append(city).Append(", ").Append(char.ToLowerInvariant(sentence[0])).Append(sentence[1..]).Append('\n');
                stances.Add(new PlantedStance(id, claim.Id, contradicts ? Stance.Contradicts : Stance.Supports));
            }
            text.Append('\n').Append("## Limitations\n\nThe results may not transfer to cities of a different size.\n");
            papers.Add(new Paper(id, title, text.ToString()));
        }
        return new GeneratedLiterature(papers, stances);
    }

    private static int PickWeighted(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var index = 0; index < weights.Length; index++)
        {
            roll -= weights[index];
            if (roll < 0) return index;
        }
        return weights.Length - 1;
    }
}
