using Microsoft.Extensions.AI;

namespace Kaizen.Agents;

/// <summary>The tool choice a run asks of the model on each turn: the first turn's own, else the one for every turn.</summary>
internal sealed record TurnToolChoice(ChatToolMode? FirstTurn, ChatToolMode? EveryTurn)
{
    public static TurnToolChoice ModelDecides { get; } = new(null, null);

    public static TurnToolChoice Of(AgentRunRequest request) => new(request.FirstTurnToolMode, request.ToolMode);

    public ChatToolMode? For(int turn) => turn == 1 && FirstTurn is not null ? FirstTurn : EveryTurn;
}
