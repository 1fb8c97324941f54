namespace Kaizen.Agents.Tools.Approval;

/// <summary>
/// Maps each <see cref="DangerLevel"/> to <see cref="ApprovalAction"/>. Defaults: Safe and Low run, Medium and High ask,
/// Critical is rejected unless the tool is named in <see cref="AllowedCriticalTools"/> (then it is asked).
/// </summary>
public sealed class ApprovalPolicy
{
    private readonly Dictionary<DangerLevel, ApprovalAction> _actions = new()
    {
        [DangerLevel.Safe] = ApprovalAction.Run,
        [DangerLevel.Low] = ApprovalAction.Run,
        [DangerLevel.Medium] = ApprovalAction.Ask,
        [DangerLevel.High] = ApprovalAction.Ask,
        [DangerLevel.Critical] = ApprovalAction.Reject,
    };

    /// <summary>The policy with the defaults described on the type.</summary>
    public static ApprovalPolicy Default => new();

    /// <summary>Critical tools allowed by name; any other Critical tool is rejected whatever <see cref="Set"/> says.</summary>
    public ISet<string> AllowedCriticalTools { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>What happens to an allowed Critical tool (default: <see cref="ApprovalAction.Ask"/>).</summary>
    public ApprovalAction AllowedCriticalAction { get; set; } = ApprovalAction.Ask;

    /// <summary>Changes the action for a level (Critical only applies to tools in <see cref="AllowedCriticalTools"/>).</summary>
    public ApprovalPolicy Set(DangerLevel level, ApprovalAction action)
    {
        if (level == DangerLevel.Critical) AllowedCriticalAction = action;
        else _actions[level] = action;
        return this;
    }

    /// <summary>Allows a Critical tool by name.</summary>
    public ApprovalPolicy AllowCritical(string toolName)
    {
        AllowedCriticalTools.Add(toolName);
        return this;
    }

    /// <summary>Decides what to do with a call to <paramref name="tool"/>, with the reason in words.</summary>
    public PolicyDecision Decide(RegisteredTool tool)
    {
        if (tool.Level == DangerLevel.Critical)
        {
            return AllowedCriticalTools.Contains(tool.Name)
                ? new PolicyDecision(AllowedCriticalAction, $"Critical tool '{tool.Name}' is explicitly allowed; policy says {AllowedCriticalAction}")
                : new PolicyDecision(ApprovalAction.Reject,
                    $"tool '{tool.Name}' is Critical and not in the policy's allowed Critical tools (ApprovalPolicy.AllowCritical(\"{tool.Name}\") to allow it)");
        }
        var action = _actions[tool.Level];
        return new PolicyDecision(action, $"tool '{tool.Name}' is {tool.Level}; policy says {action}");
    }
}

/// <summary>The policy's answer for one call.</summary>
/// <param name="Action">Run, ask or reject.</param>
/// <param name="Reason">Why, in words (goes to the audit log and, on rejection, to the model).</param>
public sealed record PolicyDecision(ApprovalAction Action, string Reason);
