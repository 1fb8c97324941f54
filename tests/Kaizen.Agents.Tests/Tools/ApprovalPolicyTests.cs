using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Tools;

[Trait("Category", "tools-lib")]
public sealed class ApprovalPolicyTests
{
    private static RegisteredTool Tool(string name, DangerLevel level) =>
        new(AIFunctionFactory.Create(() => "x", name), level, "test");

    [Theory]
    [InlineData(DangerLevel.Safe, ApprovalAction.Run)]
    [InlineData(DangerLevel.Low, ApprovalAction.Run)]
    [InlineData(DangerLevel.Medium, ApprovalAction.Ask)]
    [InlineData(DangerLevel.High, ApprovalAction.Ask)]
    [InlineData(DangerLevel.Critical, ApprovalAction.Reject)]
    public void Defaults_follow_the_guide(DangerLevel level, ApprovalAction expected) =>
        ApprovalPolicy.Default.Decide(Tool("t", level)).Action.Should().Be(expected);

    [Fact]
    public void Critical_tool_is_only_asked_about_when_allowed_by_name()
    {
        var policy = ApprovalPolicy.Default.AllowCritical("run_command");
        policy.Decide(Tool("run_command", DangerLevel.Critical)).Action.Should().Be(ApprovalAction.Ask);
        var other = policy.Decide(Tool("format_disk", DangerLevel.Critical));
        other.Action.Should().Be(ApprovalAction.Reject);
        other.Reason.Should().Contain("AllowCritical(\"format_disk\")");
    }

    [Fact]
    public void Setting_Critical_to_Run_still_rejects_tools_not_allowed_by_name()
    {
        var policy = ApprovalPolicy.Default.Set(DangerLevel.Critical, ApprovalAction.Run);
        policy.Decide(Tool("run_command", DangerLevel.Critical)).Action.Should().Be(ApprovalAction.Reject);
        policy.AllowCritical("run_command").Decide(Tool("run_command", DangerLevel.Critical)).Action.Should().Be(ApprovalAction.Run);
    }

    [Fact]
    public void Levels_can_be_remapped() =>
        ApprovalPolicy.Default.Set(DangerLevel.Medium, ApprovalAction.Run).Set(DangerLevel.Low, ApprovalAction.Reject)
            .Decide(Tool("t", DangerLevel.Low)).Action.Should().Be(ApprovalAction.Reject);
}
