using Kaizen.Agents.Tools.BuiltIn;
using Kaizen.Specs.Support;
using Kaizen.Specs.Tools;
using Microsoft.Extensions.AI;
using Reqnroll;

namespace Kaizen.Specs.Checkpoints;

/// <summary>
/// Runs whose length the library fixes on any model: the agent gets the built-in read-only file tools and the run requires a tool
/// call on every turn (<see cref="Kaizen.Agents.AgentRunRequest.ToolMode"/>), so it cannot finish before its turn limit.
/// </summary>
[Binding]
public sealed class ToolDrivenRunSteps(ToolWorld tools, AgentWorld world)
{
    [Given("the agent must call one of its read-only file tools on every turn")]
    public void MustCallAToolEveryTurn()
    {
        File.WriteAllText(tools.PathOf("data.csv"), "region,amount\nnorth,120\nsouth,95\n");
        tools.Registry.AddReadOnlyFileTools(new Workspace(tools.Root));
        tools.Equip();
        world.ToolMode = ChatToolMode.RequireAny;
    }
}
