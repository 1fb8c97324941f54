using Kaizen.Specs.Workloads.Research;

namespace Kaizen.Specs.WorkloadTests;

[Trait("Category", "workloads")]
public sealed class PapersGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_papers()
    {
        PapersGenerator.Generate(2026).Papers.Should().Equal(PapersGenerator.Generate(2026).Papers);
        PapersGenerator.Generate(2027).Papers.Should().NotEqual(PapersGenerator.Generate(2026).Papers);
    }

    [Fact]
    public void Fifty_short_papers_with_distinct_ids()
    {
        var literature = PapersGenerator.Generate(2026);

        literature.Papers.Should().HaveCount(50);
        literature.Papers.Select(p => p.Id).Should().OnlyHaveUniqueItems();
        literature.Papers.Should().OnlyContain(p => p.Text.Length < 2000 && p.Text.Contains("## Findings"));
    }

    [Fact]
    public void Claims_overlap_some_are_widely_supported_some_rare_and_some_contradicted()
    {
        var literature = PapersGenerator.Generate(2026);
        var supporters = literature.SupportersByClaim();

        supporters.Values.Should().Contain(papers => papers.Count >= 5, "a synthesis needs well-supported claims");
        supporters.Values.Should().Contain(papers => papers.Count < 5, "and weakly supported ones to tell apart");
        literature.ContradictorsByClaim().Should().NotBeEmpty();
        literature.Stances.GroupBy(s => s.PaperId).Should().OnlyContain(g => g.Count() >= 2 && g.Count() <= 4);
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(1)]
    public void A_reader_finds_exactly_the_planted_stances(int seed)
    {
        var literature = PapersGenerator.Generate(seed);

        var findings = literature.Papers
            .SelectMany(p => DeterministicClaimReader.Read(p.Id, p.Text))
            .Select(f => new PlantedStance(f.PaperId, f.ClaimId, f.Stance));

        findings.Should().BeEquivalentTo(literature.Stances);
    }
}
