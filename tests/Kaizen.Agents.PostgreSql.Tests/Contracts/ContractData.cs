using Kaizen.Agents.Checkpoints;

namespace Kaizen.Agents.PostgreSql.Tests.Contracts;

/// <summary>States and turns the contract tests write.</summary>
internal static class ContractData
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(1));

    public static AgentState Conversation(int turns, string task = "Summarise the quarterly report") => Kaizen.Testing.Samples.SampleConversations.Of(turns, task);

    public static string Hash(AgentState state) => CheckpointCodec.Encode(state, CheckpointCompression.None).Sha256;
}
