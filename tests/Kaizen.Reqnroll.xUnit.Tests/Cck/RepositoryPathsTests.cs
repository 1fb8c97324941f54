namespace Kaizen.Reqnroll.xUnit.Tests.Cck;

[Trait("Category", "cck-support")]
public sealed class RepositoryPathsTests
{
    [Fact]
    public void A_missing_kit_fails_with_the_install_command()
    {
        var emptyRoot = Directory.CreateTempSubdirectory("kz-no-kit-").FullName;
        try
        {
            var act = () => RepositoryPaths.CckFeaturesIn(emptyRoot);

            act.Should().Throw<InvalidOperationException>()
                .WithMessage("*not installed*Run from the repository root: npm ci --prefix tools/node --no-audit --no-fund");
        }
        finally
        {
            Directory.Delete(emptyRoot, recursive: true);
        }
    }

    [Fact]
    public void The_repository_root_holds_the_solution_and_the_kit()
    {
        File.Exists(Path.Combine(RepositoryPaths.Root, "Kaizen.sln")).Should().BeTrue();
        Directory.GetDirectories(RepositoryPaths.CckFeatures).Should().Contain(d => Path.GetFileName(d) == "minimal");
    }
}
