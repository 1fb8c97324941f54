using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tools;

/// <summary>A tool in the <see cref="ToolRegistry"/>: the function, its danger level and where it came from.</summary>
/// <param name="Function">The callable function (its <see cref="AIFunctionDeclaration.JsonSchema"/> describes the arguments).</param>
/// <param name="Level">How much harm a call can do; drives the <see cref="Approval.ApprovalPolicy"/>.</param>
/// <param name="Source">Where the tool comes from, e.g. <c>builtin</c> or <c>mcp:filesystem</c>.</param>
public sealed record RegisteredTool(AIFunction Function, DangerLevel Level, string Source)
{
    /// <summary>The tool's name as the model calls it.</summary>
    public string Name => Function.Name;

    /// <summary>The JSON schema of the arguments.</summary>
    public JsonElement Schema => Function.JsonSchema;
}
