using System.Text.RegularExpressions;
using Kaizen.Agents.Llm;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Planning;

/// <summary>Reads which plan step an agent request is about (the step prompt the planning agent hands to the agent loop).</summary>
internal static partial class StepPrompt
{
    /// <summary>The step number and description in the request, or null when it is not a step prompt.</summary>
    public static (int Number, string Description)? Of(ScriptedRequest request)
    {
        foreach (var message in request.Messages.Where(m => m.Role == ChatRole.User))
        {
            var match = NowDo().Match(message.Text);
            if (match.Success) return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value.Trim());
        }
        return null;
    }

    /// <summary>The whole text the model was given for the step.</summary>
    public static string TextOf(ScriptedRequest request) =>
        string.Join("\n", request.Messages.Where(m => m.Role == ChatRole.User).Select(m => m.Text));

    [GeneratedRegex(@"Now do step (\d+): ([^\n]*)")]
    private static partial Regex NowDo();
}
