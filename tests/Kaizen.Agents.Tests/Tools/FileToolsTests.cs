using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.BuiltIn;
using static Kaizen.Agents.Tests.Tools.ToolTestKit;

namespace Kaizen.Agents.Tests.Tools;

[Trait("Category", "tools-lib")]
public sealed class FileToolsTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _root;
    private readonly ToolExecutor _executor;

    public FileToolsTests()
    {
        _root = _temp.Combine("workspace");
        Directory.CreateDirectory(_root);
        var registry = new ToolRegistry().AddFileTools(new Workspace(_root));
        _executor = new ToolExecutor(registry, approvals: new CallbackApprovalHandler(_ => true));
    }

    public void Dispose() => _temp.Dispose();

    private Task<ToolExecutionResult> Run(string tool, object args) => _executor.ExecuteAsync(Call(tool, args), Context, Ct);

    [Fact]
    public void Built_in_file_tools_have_the_documented_danger_levels() =>
        _executor.Registry.All.Select(t => (t.Name, t.Level)).Should().Equal(
            ("read_file", DangerLevel.Safe), ("file_exists", DangerLevel.Safe), ("list_directory", DangerLevel.Safe),
            ("write_file", DangerLevel.Medium), ("delete_file", DangerLevel.High));

    [Fact]
    public void Read_only_file_tools_offer_nothing_that_changes_the_workspace() =>
        new ToolRegistry().AddReadOnlyFileTools(new Workspace(_root)).All.Select(t => (t.Name, t.Level)).Should().Equal(
            ("read_file", DangerLevel.Safe), ("file_exists", DangerLevel.Safe), ("list_directory", DangerLevel.Safe));

    [Fact]
    public async Task Write_read_list_exists_and_delete_work_inside_the_workspace()
    {
        (await Run("write_file", new { path = "notes/a.txt", content = "hello" })).Result.Should().Be("wrote 5 bytes to notes/a.txt");
        (await Run("write_file", new { path = "notes/a.txt", content = " world", append = true })).Status.Should().Be(ToolExecutionStatus.Succeeded);
        File.ReadAllText(Path.Combine(_root, "notes", "a.txt")).Should().Be("hello world");

        (await Run("read_file", new { path = "notes/a.txt" })).Result.Should().Be("hello world");
        (await Run("list_directory", new { path = "." })).Result.Should().Be("notes/");
        (await Run("list_directory", new { path = "notes" })).Result.Should().Be("a.txt");
        (await Run("file_exists", new { path = "notes/a.txt" })).Result.As<System.Text.Json.JsonElement>().GetBoolean().Should().BeTrue();

        (await Run("delete_file", new { path = "notes/a.txt" })).Result.Should().Be("deleted notes/a.txt");
        File.Exists(Path.Combine(_root, "notes", "a.txt")).Should().BeFalse();
        (await Run("file_exists", new { path = "notes/a.txt" })).Result.As<System.Text.Json.JsonElement>().GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Reading_a_missing_file_is_a_failure_for_the_model_not_an_exception()
    {
        var result = await Run("read_file", new { path = "missing.txt" });
        result.Status.Should().Be(ToolExecutionStatus.Failed);
        result.Result.As<string>().Should().Contain("No file 'missing.txt' in the workspace");
    }

    [Theory]
    [InlineData("../outside.txt", "contains '..'")]
    [InlineData("notes/../../outside.txt", "contains '..'")]
    [InlineData("..\\outside.txt", "contains '..'")]
    [InlineData("~/outside.txt", "absolute path")]
    public async Task Traversal_out_of_the_root_is_refused_and_writes_nothing(string path, string reason)
    {
        var result = await Run("write_file", new { path, content = "pwned" });

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        result.Result.As<string>().Should().StartWith("Tool 'write_file' refused the call").And.Contain(reason);
        File.Exists(_temp.Combine("outside.txt")).Should().BeFalse();
    }

    [Fact]
    public async Task Absolute_paths_are_refused_for_reading_and_deleting()
    {
        var victim = _temp.Combine("victim.txt");
        File.WriteAllText(victim, "secret");

        var read = await Run("read_file", new { path = victim });
        var delete = await Run("delete_file", new { path = victim });

        read.Result.As<string>().Should().Contain("absolute path").And.NotContain("secret");
        delete.Result.As<string>().Should().Contain("absolute path");
        File.ReadAllText(victim).Should().Be("secret");
    }

    [Fact]
    public async Task Symlinked_folder_pointing_out_of_the_root_is_refused()
    {
        var outside = _temp.Combine("outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "secret");
        Directory.CreateSymbolicLink(Path.Combine(_root, "escape"), outside);

        var write = await Run("write_file", new { path = "escape/new.txt", content = "x" });
        var read = await Run("read_file", new { path = "escape/secret.txt" });
        var list = await Run("list_directory", new { path = "escape" });

        foreach (var result in new[] { write, read, list })
            result.Result.As<string>().Should().Contain("symbolic link that points outside the workspace root");
        File.Exists(Path.Combine(outside, "new.txt")).Should().BeFalse();
    }

    [Fact]
    public async Task Symlinked_file_pointing_out_of_the_root_is_refused()
    {
        var secret = _temp.Combine("secret.txt");
        File.WriteAllText(secret, "secret");
        File.CreateSymbolicLink(Path.Combine(_root, "link.txt"), secret);

        var read = await Run("read_file", new { path = "link.txt" });
        var delete = await Run("delete_file", new { path = "link.txt" });

        read.Result.As<string>().Should().Contain("symbolic link").And.NotContain("secret\"");
        delete.Status.Should().Be(ToolExecutionStatus.Failed);
        File.Exists(secret).Should().BeTrue();
    }

    [Fact]
    public async Task Dangling_symlink_to_a_path_outside_the_root_cannot_be_written_through()
    {
        var target = _temp.Combine("planted.txt");
        File.CreateSymbolicLink(Path.Combine(_root, "trap.txt"), target);

        var result = await Run("write_file", new { path = "trap.txt", content = "x" });

        result.Result.As<string>().Should().Contain("symbolic link that points outside the workspace root");
        File.Exists(target).Should().BeFalse();
    }

    [Fact]
    public async Task Symlink_that_stays_inside_the_root_is_allowed()
    {
        Directory.CreateDirectory(Path.Combine(_root, "real"));
        File.WriteAllText(Path.Combine(_root, "real", "f.txt"), "inside");
        Directory.CreateSymbolicLink(Path.Combine(_root, "alias"), Path.Combine(_root, "real"));

        (await Run("read_file", new { path = "alias/f.txt" })).Result.Should().Be("inside");
    }

    [Fact]
    public void Missing_workspace_root_is_a_clear_error()
    {
        var act = () => new Workspace(_temp.Combine("nope"));
        act.Should().Throw<DirectoryNotFoundException>().WithMessage("*nope' does not exist*");
    }
}
