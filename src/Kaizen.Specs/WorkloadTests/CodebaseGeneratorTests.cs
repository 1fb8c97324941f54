using Kaizen.Specs.Workloads.CodeReview;

namespace Kaizen.Specs.WorkloadTests;

[Trait("Category", "workloads")]
public sealed class CodebaseGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_files_and_defects()
    {
        var first = CodebaseGenerator.Generate(42);
        var second = CodebaseGenerator.Generate(42);

        second.Files.Should().Equal(first.Files);
        second.Defects.Should().Equal(first.Defects);
    }

    [Fact]
    public void Another_seed_gives_another_code_base()
    {
        CodebaseGenerator.Generate(43).Defects.Should().NotEqual(CodebaseGenerator.Generate(42).Defects);
    }

    [Fact]
    public void It_generates_the_requested_number_of_distinct_files_in_several_folders()
    {
        var codebase = CodebaseGenerator.Generate(42, fileCount: 120);

        codebase.Files.Should().HaveCount(120);
        codebase.Files.Select(f => f.Key).Should().OnlyHaveUniqueItems();
        codebase.Files.Select(f => f.Key.Split('/')[1]).Distinct().Should().HaveCountGreaterThan(3);
    }

    [Fact]
    public void Every_kind_of_defect_is_planted_and_a_minority_of_files_carry_defects()
    {
        var codebase = CodebaseGenerator.Generate(42);

        codebase.Defects.Select(d => d.Kind).Distinct().Should().BeEquivalentTo(Enum.GetValues<DefectKind>());
        codebase.Defects.Select(d => d.Path).Distinct().Count().Should().BeInRange(20, 60);
    }

    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    [InlineData(2026)]
    public void The_reviewer_finds_exactly_the_planted_defects(int seed)
    {
        var codebase = CodebaseGenerator.Generate(seed);

        var findings = codebase.Files
            .SelectMany(f => DeterministicCodeReviewer.Review(f.Key, f.Value))
            .Select(f => new PlantedDefect(f.Path, f.Line, f.Kind));

        findings.Should().BeEquivalentTo(codebase.Defects, "clean code must raise no alarm and no planted defect may be missed");
    }

    [Fact]
    public void The_files_are_written_under_the_root_with_their_relative_paths()
    {
        var root = Path.Combine(Path.GetTempPath(), "kaizen-codebase-" + Guid.NewGuid().ToString("N"));
        try
        {
            var codebase = CodebaseGenerator.Generate(42, fileCount: 10);
            var written = codebase.WriteTo(root);

            written.Should().HaveCount(10).And.OnlyContain(p => File.Exists(p) && p.StartsWith(root, StringComparison.Ordinal));
            File.ReadAllText(written[3]).Should().Be(codebase.Files[3].Value);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
