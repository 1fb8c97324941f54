using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.BuiltIn;
using static Kaizen.Agents.Tests.Tools.ToolTestKit;

namespace Kaizen.Agents.Tests.Tools;

/// <summary>A hard link inside the workspace to a file outside it must not let the file tools read or change that file.</summary>
[Trait("Category", "tools-lib")]
public sealed class HardLinkTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _root;
    private readonly string _outside;
    private readonly ToolExecutor _executor;

    public HardLinkTests()
    {
        _root = _temp.Combine("workspace");
        Directory.CreateDirectory(_root);
        _outside = _temp.Combine("secret.txt");
        File.WriteAllText(_outside, "outside secret");
        _executor = new ToolExecutor(new ToolRegistry().AddFileTools(new Workspace(_root)), approvals: new CallbackApprovalHandler(_ => true));
    }

    public void Dispose() => _temp.Dispose();

    private Task<ToolExecutionResult> Run(string tool, object args) => _executor.ExecuteAsync(Call(tool, args), Context, Ct);

    [Fact]
    public async Task Read_file_refuses_a_hard_link_to_a_file_outside()
    {
        HardLink(_outside, Path.Combine(_root, "link.txt"));

        var result = await Run("read_file", new { path = "link.txt" });

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        result.Result.As<string>().Should().Contain("hard link").And.NotContain("outside secret");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Write_file_refuses_a_hard_link_and_leaves_the_outside_file_unchanged(bool append)
    {
        HardLink(_outside, Path.Combine(_root, "link.txt"));

        var result = await Run("write_file", new { path = "link.txt", content = "pwned", append });

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        result.Result.As<string>().Should().Contain("hard link");
        File.ReadAllText(_outside).Should().Be("outside secret");
    }

    [Fact]
    public async Task Ordinary_files_still_work()
    {
        (await Run("write_file", new { path = "a.txt", content = "one" })).Status.Should().Be(ToolExecutionStatus.Succeeded);
        (await Run("write_file", new { path = "a.txt", content = "two", append = true })).Status.Should().Be(ToolExecutionStatus.Succeeded);
        (await Run("write_file", new { path = "a.txt", content = "three" })).Status.Should().Be(ToolExecutionStatus.Succeeded);
        (await Run("read_file", new { path = "a.txt" })).Result.Should().Be("three");
    }
}
