using Kaizen.Agents.PostgreSql.Tests.Stores;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Audit;
using static Kaizen.Agents.PostgreSql.Tests.Contracts.ContractData;

namespace Kaizen.Agents.PostgreSql.Tests.Contracts;

/// <summary>What every <see cref="IToolAuditLog"/> guarantees: every entry, in order, as written, from any writer.</summary>
public abstract class ToolAuditLogContract(IStoreUnderTest stores) : IAsyncDisposable
{
    protected IStoreUnderTest Stores { get; } = stores;

    public ValueTask DisposeAsync() => Stores.DisposeAsync();

    [Fact]
    public async Task Entries_read_back_in_order_exactly_as_appended_by_two_writers()
    {
        var entries = new[]
        {
            new ToolAuditEntry(Start, "agent-1", "t1", 1, "call_1", "delete_file", DangerLevel.High, "{\"path\":\"a\"}", ToolAuditDecision.PendingApproval, "store", "waiting"),
            new ToolAuditEntry(Start.AddSeconds(1), "agent-2", "t2", 2, "call_2", "no_such_tool", null, "{}", ToolAuditDecision.UnknownTool, "registry", null),
            new ToolAuditEntry(Start.AddSeconds(2), "agent-1", "t1", 1, "call_1", "delete_file", DangerLevel.High, "{\"path\":\"a\"}", ToolAuditDecision.Approved, "store:alice", "ok"),
        };
        var first = Stores.OpenAudit();
        var second = Stores.OpenAudit();

        await first.AppendAsync(entries[0]);
        await second.AppendAsync(entries[1]);
        await first.AppendAsync(entries[2]);

        (await Stores.ReadAuditAsync()).Should().Equal(entries);
    }
}
