using Kaizen.Agents.PostgreSql.Tests.Stores;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;

namespace Kaizen.Agents.PostgreSql.Tests.Contracts;

/// <summary>What every <see cref="IApprovalStore"/> guarantees: a pending request survives a restart and is decided from another store object.</summary>
public abstract class ApprovalStoreContract(IStoreUnderTest stores) : IAsyncDisposable
{
    protected IStoreUnderTest Stores { get; } = stores;

    public ValueTask DisposeAsync() => Stores.DisposeAsync();

    private static ApprovalRequest Request(string call) =>
        new(ApprovalRequest.IdFor("thread-1", call, "delete_file"), "delete_file", DangerLevel.High, "{\"path\":\"/tmp/x\"}", "agent", "thread-1", 3, call);

    [Fact]
    public async Task A_pending_request_survives_a_restart_and_is_answered_from_another_store()
    {
        await Stores.OpenApprovals().RecordPendingAsync(Request("call_1"));
        await Stores.OpenApprovals().RecordPendingAsync(Request("call_2"));

        var approver = Stores.OpenApprovals();
        (await approver.ListPendingAsync()).Select(r => r.Request).Should().Equal(Request("call_1"), Request("call_2"));
        await approver.DecideAsync(Request("call_1").RequestId, approved: true, "alice", "looks safe");
        await approver.DecideAsync(Request("call_2").RequestId, approved: false, "bob");

        var restarted = Stores.OpenApprovals();
        var approved = await restarted.GetAsync(Request("call_1").RequestId);
        approved!.Verdict.Should().Be(ApprovalVerdict.Approved);
        (approved.Decider, approved.Reason).Should().Be(("alice", "looks safe"));
        approved.DecidedAt.Should().NotBeNull();
        (await restarted.GetAsync(Request("call_2").RequestId))!.Verdict.Should().Be(ApprovalVerdict.Denied);
        (await restarted.ListPendingAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Recording_twice_keeps_the_decision_and_an_unknown_id_is_refused()
    {
        var store = Stores.OpenApprovals();
        await store.RecordPendingAsync(Request("call_1"));
        await store.DecideAsync(Request("call_1").RequestId, approved: true, "alice");
        await store.RecordPendingAsync(Request("call_1"));

        (await store.GetAsync(Request("call_1").RequestId))!.Verdict.Should().Be(ApprovalVerdict.Approved);
        (await store.GetAsync("never-asked")).Should().BeNull();
        await FluentActions.Awaiting(() => store.DecideAsync("never-asked", true, "alice").AsTask()).Should().ThrowAsync<KeyNotFoundException>().WithMessage("*never-asked*");
    }

    [Fact]
    public async Task The_stored_approval_handler_pauses_then_returns_the_decision_made_elsewhere()
    {
        var handler = new StoredApprovalHandler(Stores.OpenApprovals());
        (await handler.RequestAsync(Request("call_1"))).Verdict.Should().Be(ApprovalVerdict.Pending);

        await Stores.OpenApprovals().DecideAsync(Request("call_1").RequestId, approved: true, "carol");

        var answer = await new StoredApprovalHandler(Stores.OpenApprovals()).RequestAsync(Request("call_1"));
        answer.Verdict.Should().Be(ApprovalVerdict.Approved);
        answer.Decider.Should().Be("store:carol");
    }
}
