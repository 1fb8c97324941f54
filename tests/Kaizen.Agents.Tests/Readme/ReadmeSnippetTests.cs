using Kaizen.Agents.Llm;
using Kaizen.Build;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Audit;

namespace Kaizen.Agents.Tests.Readme;

[Trait("Category", "agents")]
public sealed class ReadmeSnippetTests
{
    private static string RepoFile(string relative) => Path.Combine(RepositoryRoot.Path, relative);

    private static IReadOnlyList<string> SnippetLines()
    {
        var lines = File.ReadAllLines(RepoFile("tests/Kaizen.Agents.Tests/Readme/ReadmeAgent.cs"));
        var begin = Array.FindIndex(lines, l => l.Trim() == "// README:begin");
        var end = Array.FindIndex(lines, l => l.Trim() == "// README:end");
        var body = lines[(begin + 1)..end];
        var indent = body.Min(l => l.Length - l.TrimStart().Length);
        return body.Select(l => l[indent..]).ToList();
    }

    [Fact]
    public void The_readme_opens_its_library_section_with_the_compiled_snippet_in_at_most_ten_lines()
    {
        var readme = File.ReadAllText(RepoFile("README.md")).ReplaceLineEndings("\n");
        var snippet = SnippetLines();
        var section = readme[readme.IndexOf("## Using the library", StringComparison.Ordinal)..];
        var firstBlock = section[(section.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length)..];
        firstBlock = firstBlock[..firstBlock.IndexOf("```", StringComparison.Ordinal)];

        snippet.Count.Should().BeLessThanOrEqualTo(10);
        firstBlock.Should().Be(string.Join("\n", snippet) + "\n");
    }

    [Fact]
    public async Task The_readme_agent_calls_its_approved_tool_remembers_the_turns_and_checkpoints()
    {
        var folder = Directory.CreateTempSubdirectory("kaizen-readme-").FullName;
        var model = new ScriptedChatClient(new ChatScript().CallTool("weather", new { city = "Oslo" }).Complete(new { result = "Sunny in Oslo" }));

        var (result, agent) = await ReadmeAgent.RunAsync(model, folder);
        using (agent)
        {
            result.StopReason.Should().Be(AgentStopReason.Completed);
            result.GetOutput<string>("result").Should().Be("Sunny in Oslo");
            var audit = ((InMemoryToolAuditLog)((ToolExecutor)agent.Tools!).AuditLog).Entries;
            audit.Should().Contain(e => e.ToolName == "weather" && e.Decision == ToolAuditDecision.Approved);
            (await agent.ListCheckpointsAsync(cancellationToken: TestContext.Current.CancellationToken)).Should().NotBeEmpty();
            (await ((LiteDbMemoryBackend)agent.Memory!).CountTurnsAsync(TestContext.Current.CancellationToken)).Should().BeGreaterThan(0);
        }

        File.Exists(Path.Combine(folder, "checkpoints.db")).Should().BeTrue();
        File.Exists(Path.Combine(folder, "memory.db")).Should().BeTrue();
    }
}
