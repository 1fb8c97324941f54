using Kaizen.Bdd.Configuration;
using Kaizen.Bdd.Running;

namespace Kaizen.Bdd.Tests.Engine.Running;

[Trait("Category", "engine")]
public sealed class MessagesFilePathTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "kz-assembly");

    [Fact]
    public void Relative_output_paths_resolve_against_the_test_assembly_folder()
    {
        WithoutOverride(() =>
        {
            var configuration = new ReqnrollConfiguration { MessageOutputFilePath = "TestResults/specs.ndjson" };
            BddRuntime.MessagesFilePath(Folder, "Specs", configuration).Should().Be(Path.Combine(Folder, "TestResults", "specs.ndjson"));
        });
    }

    [Fact]
    public void Without_configuration_the_file_is_named_after_the_assembly()
    {
        WithoutOverride(() =>
            BddRuntime.MessagesFilePath(Folder, "Kaizen.Specs", ReqnrollConfiguration.Default)
                .Should().Be(Path.Combine(Folder, "TestResults", "Kaizen.Specs.ndjson")));
    }

    [Fact]
    public void The_environment_variable_overrides_the_configuration()
    {
        var target = Path.Combine(Path.GetTempPath(), "living-doc-run.ndjson");
        var previous = Environment.GetEnvironmentVariable(BddRuntime.MessagesFileVariable);
        Environment.SetEnvironmentVariable(BddRuntime.MessagesFileVariable, target);
        try
        {
            var configuration = new ReqnrollConfiguration { MessageOutputFilePath = "TestResults/specs.ndjson" };
            BddRuntime.MessagesFilePath(Folder, "Specs", configuration).Should().Be(target);
        }
        finally { Environment.SetEnvironmentVariable(BddRuntime.MessagesFileVariable, previous); }
    }

    private static void WithoutOverride(Action assert)
    {
        var previous = Environment.GetEnvironmentVariable(BddRuntime.MessagesFileVariable);
        Environment.SetEnvironmentVariable(BddRuntime.MessagesFileVariable, null);
        try { assert(); }
        finally { Environment.SetEnvironmentVariable(BddRuntime.MessagesFileVariable, previous); }
    }
}
