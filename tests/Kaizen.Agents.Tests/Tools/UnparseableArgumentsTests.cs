using Kaizen.Agents.Llm;
using Kaizen.Agents.Tests.Agents.Support;
using Kaizen.Agents.Tests.Llm.Support;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Audit;
using Kaizen.Agents.Tools.BuiltIn;

namespace Kaizen.Agents.Tests.Tools;

/// <summary>
/// A tool call whose argument text is not JSON must never run (not even with default arguments): the model gets a
/// failed result naming the parse error. Driven through the real OpenAI client, which parses the arguments itself.
/// </summary>
[Trait("Category", "tools-lib")]
public sealed class UnparseableArgumentsTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly AgentFixture _fixture = new();
    private readonly LoopbackOpenAIServer _server = new();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _fixture.Dispose();
    }

    [Fact]
    public async Task A_call_with_broken_argument_json_is_reported_as_failed_and_never_runs()
    {
        var workspace = Path.Combine(_fixture.DataFolder, "ws");
        Directory.CreateDirectory(workspace);
        var audit = new InMemoryToolAuditLog();
        var tools = new ToolExecutor(new ToolRegistry().AddFileTools(new Workspace(workspace)), audit: audit);
        _server.ThenReply("", ("list_directory", """{"path": "..", oops"""))
            .ThenReply("""{"done": true, "outputs": {"result": "gave up"}}""");
        var config = _fixture.Config() with { Provider = LlmProviders.OpenAI, Model = "gpt-4o-mini", Endpoint = _server.Endpoint, MaxAttempts = 1 };
        var agent = _fixture.Agent(LlmFactory.CreateOpenAIChatClient(config, "test-key"), config, new AgentServices { Tools = tools });

        var run = await agent.RunAutonomousAsync("List the parent folder", 4, Ct);

        audit.Entries.Should().NotContain(e => e.Decision == ToolAuditDecision.Succeeded || e.Decision == ToolAuditDecision.AllowedByPolicy,
            "a call whose arguments cannot be parsed must not run with defaults");
        audit.Entries.Should().ContainSingle().Which.Decision.Should().Be(ToolAuditDecision.InvalidArguments);
        var toolEntry = run.State.Conversation.Single(e => e.Role == "tool");
        toolEntry.Result!.Status.Should().Be(nameof(ToolExecutionStatus.Failed));
        toolEntry.Text.Should().Contain("not valid JSON");
        _server.Requests.Last().ToJsonString().Should().Contain("not valid JSON", "the model is told why the call failed");
    }
}
