using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Specs.Support;
using Reqnroll;

namespace Kaizen.Specs.Tools;

/// <summary>
/// Approvals that wait for a person who is away: the real <see cref="StoredApprovalHandler"/> over a real store
/// (a JSON file or memory). The person decides through the store, as an operator's tool would, and a new agent resumes.
/// </summary>
[Binding]
public sealed class ApprovalStoreSteps(ToolWorld tools, AgentWorld world)
{
    private const string Person = "ops";
    private Func<IApprovalStore> _openStore = () => throw new InvalidOperationException("No approval store was set up.");
    private ApprovalRequest? _decided;

    [Given("an agent with the built-in file tools on that workspace, whose approval requests are kept in {string}")]
    public void AgentWithStoredApprovals(string store)
    {
        _openStore = store switch
        {
            // A new store object on the same file each time: what the person or a later process would open.
            "a file" => () => new JsonFileApprovalStore(Path.Combine(world.DataFolder, "approvals.json")),
            "memory" => SingleStore(new InMemoryApprovalStore()),
            _ => throw new ArgumentException($"The store must be \"a file\" or \"memory\", not \"{store}\"."),
        };
        tools.AddFileTools();
        tools.EquipWithApprovalStore(_openStore());
    }

    [Then("the run stopped with a checkpoint because {string} waits for approval")]
    public void StoppedWaiting(string tool)
    {
        var reason = world.RequireInterruption().Reason;
        reason.Mode.Should().Be(InterruptMode.Graceful);
        reason.Message.Should().Contain($"'{tool}'").And.Contain("waiting for approval");
        reason.CheckpointId.Should().NotBeNullOrEmpty("the stopped run can be resumed once the person decided");
        world.Events.OfType<ToolCalled>().Where(c => c.ToolName == tool).Select(c => c.Status)
            .Should().Equal([ToolExecutionStatus.PendingApproval], "the call was asked about once and waits");
    }

    [Then("exactly one approval request is pending, for that {string} call")]
    public async Task OnePending(string tool)
    {
        var call = world.Events.OfType<ToolCalled>().Single(c => c.ToolName == tool);
        var pending = await _openStore().ListPendingAsync();
        pending.Should().ContainSingle("one call waits; pending: {0}", string.Join(", ", pending.Select(p => p.Request.RequestId)))
            .Which.Request.Should().Match<ApprovalRequest>(r => r.ToolName == tool && r.CallId == call.CallId && r.Level == DangerLevel.Medium);
    }

    [When("the person answers {string} to the pending request and a new agent resumes the run")]
    public async Task DecideAndResume(string answer)
    {
        var approved = PersonAnswer.Approves(answer);
        var store = _openStore();
        var pending = await store.ListPendingAsync();
        pending.Should().NotBeEmpty("the person decides a request the store lists as pending");
        _decided = pending[0].Request;
        await store.DecideAsync(_decided.RequestId, approved, Person, approved ? null : "not this week");
        var checkpoint = world.RequireInterruption().Reason.CheckpointId!;
        tools.EquipWithApprovalStore(_openStore());
        world.BuildAgent();
        await world.ResumeAsync(checkpoint);
    }

    // The resumed run may call the tool again, and nobody is there to answer that new call: only the decided request
    // must have left the pending list.
    [Then("the request the person decided is no longer pending")]
    public async Task DecidedNoLongerPending()
    {
        var decided = _decided ?? throw new InvalidOperationException("The person has not decided a request yet.");
        var pending = await _openStore().ListPendingAsync();
        pending.Select(p => p.Request.RequestId).Should().NotContain(decided.RequestId, "the person decided it");
        pending.Where(p => p.Request.Turn <= decided.Turn).Should().BeEmpty("any request still pending is for a later call of the resumed run");
    }

    [Then("the decision was taken from the store")]
    public void DecisionFromStore() =>
        tools.Audit.Entries.Where(e => e.Decider == $"store:{Person}").Should().ContainSingle("the resumed call was answered with the person's recorded decision");

    private static Func<IApprovalStore> SingleStore(IApprovalStore store) => () => store;
}
