using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Audit;
using Kaizen.Agents.Tools.BuiltIn;
using static Kaizen.Agents.Tests.Tools.ToolTestKit;

namespace Kaizen.Agents.Tests.Tools;

/// <summary>Failures that cannot go away by trying again are reported at once; transient ones are still retried.</summary>
[Trait("Category", "tools-lib")]
public sealed class PermanentFailureTests : IDisposable
{
    private readonly CountingTool _counter = new();
    private readonly InMemoryToolAuditLog _audit = new();
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ToolExecutor Executor()
    {
        var registry = new ToolRegistry();
        registry.Register(_counter.Function(), DangerLevel.Safe, "test");
        return new ToolExecutor(registry, audit: _audit, options: new ToolExecutorOptions { RetryDelay = TimeSpan.Zero, MaxRetries = 2 });
    }

    public static TheoryData<string> PermanentErrors => ["missing-file", "missing-folder", "too-long", "argument", "access", "format"];

    private static Exception Make(string kind) => kind switch
    {
        "missing-file" => new FileNotFoundException("No file 'a.txt' in the workspace."),
        "missing-folder" => new DirectoryNotFoundException("No folder 'x'."),
        "too-long" => new PathTooLongException("The path is too long."),
        "argument" => new ArgumentException("bad value", "text"),
        "access" => new UnauthorizedAccessException("denied"),
        _ => new FormatException("not a number"),
    };

    [Theory]
    [MemberData(nameof(PermanentErrors))]
    public async Task A_failure_that_cannot_succeed_is_not_retried(string kind)
    {
        _counter.Behaviour = _ => throw Make(kind);

        var result = await Executor().ExecuteAsync(Call("count", new { text = "x" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        _counter.Runs.Should().Be(1);
        _audit.Entries.Last().Decision.Should().Be(ToolAuditDecision.Failed);
    }

    [Fact]
    public async Task A_transient_failure_is_still_retried_within_the_bound()
    {
        _counter.Behaviour = _ => throw new IOException("resource busy");

        var result = await Executor().ExecuteAsync(Call("count", new { text = "x" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        _counter.Runs.Should().Be(3);
        result.Result.As<string>().Should().Contain("after 3 attempt(s)");
    }

    [Theory]
    [InlineData("missing.txt")]
    [InlineData("over-long")]
    public async Task Read_file_on_a_missing_or_over_long_name_fails_once(string name)
    {
        var path = name == "over-long" ? new string('n', 300) + ".txt" : name;
        var audit = new InMemoryToolAuditLog();
        var executor = new ToolExecutor(new ToolRegistry().AddFileTools(new Workspace(_folder.Path)), audit: audit,
            options: new ToolExecutorOptions { RetryDelay = TimeSpan.Zero, MaxRetries = 2 });

        var result = await executor.ExecuteAsync(Call("read_file", new { path }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        result.Result.As<string>().Should().NotContain("attempt(s)", "a missing or over-long name fails the same way every time");
        audit.Entries.Last().Decision.Should().Be(ToolAuditDecision.Failed);
    }
}
