using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Planning;

/// <summary>
/// Asks the model for a plan and for revised plans. Replies are parsed with <see cref="PlanParser"/>; an unreadable
/// reply gets one repair request (the parse error is sent back), then <see cref="PlanningException"/>.
/// </summary>
public sealed class Planner(IChatClient model, int maxSteps = 20, int minSteps = 1)
{
    private readonly IChatClient _model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>The system prompt for planning requests.</summary>
    public const string SystemPrompt =
        "You are a planner. Break the goal into a short ordered list of concrete steps, each with its expected outcome. " +
        "Reply with only JSON in this format: " + PlanParser.Format;

    /// <summary>Asks for a first plan for <paramref name="goal"/>.</summary>
    public Task<IReadOnlyList<PlannedStep>> CreateAsync(string goal, CancellationToken cancellationToken = default) =>
        AskAsync($"Goal: {goal}\nWrite the plan.", Math.Max(1, minSteps), cancellationToken);

    /// <summary>Asks for the remaining steps after <paramref name="failed"/> went wrong, given what is already done.</summary>
    public Task<IReadOnlyList<PlannedStep>> ReviseAsync(Plan plan, PlanStep failed, string error, CancellationToken cancellationToken = default)
    {
        var done = plan.CompletedSteps.Count == 0
            ? "none"
            : string.Join("\n", plan.CompletedSteps.Select(s => $"{s.Number}. {s.Description} -> {s.Output}"));
        var prompt =
            $"Goal: {plan.Goal}\nCompleted steps (keep them, do not repeat them):\n{done}\n" +
            $"Step {failed.Number} failed: {failed.Description}\nError: {error}\n" +
            "Write a revised plan: only the steps still needed to reach the goal, avoiding what failed.";
        return AskAsync(prompt, 1, cancellationToken);
    }

    private async Task<IReadOnlyList<PlannedStep>> AskAsync(string prompt, int fewest, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, SystemPrompt), new(ChatRole.User, prompt) };
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(PlanParser.Schema(maxSteps, fewest), "plan", "An ordered plan of steps") };
        var reply = await _model.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        try
        {
            return Checked(PlanParser.Parse(reply.Text), fewest);
        }
        catch (PlanFormatException first)
        {
            messages.AddRange(reply.Messages);
            messages.Add(new ChatMessage(ChatRole.User,
                $"Your plan could not be read: {first.Message}. Reply again with only JSON in this format: {PlanParser.Format}"));
            var repaired = await _model.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            try
            {
                return Checked(PlanParser.Parse(repaired.Text), fewest);
            }
            catch (PlanFormatException second)
            {
                throw new PlanningException(
                    $"The model did not return a readable plan after one repair request: {second.Message}. " +
                    $"First error: {first.Message}. Last reply: {Shorten(repaired.Text)}", second);
            }
        }
    }

    // A repeated step counts once: the plan drops repeats, so they cannot make up the smallest number of steps.
    private IReadOnlyList<PlannedStep> Checked(IReadOnlyList<PlannedStep> steps, int fewest)
    {
        if (steps.Count > maxSteps) throw new PlanFormatException($"the plan has {steps.Count} steps; at most {maxSteps} are allowed");
        var different = steps.Select(s => Plan.StepKey(s.Description)).Distinct(StringComparer.Ordinal).Count();
        if (different < fewest)
        {
            throw new PlanFormatException(different == steps.Count
                ? $"the plan has {steps.Count} step(s); at least {fewest} are needed"
                : $"the plan has {different} different step(s) ({steps.Count - different} repeat an earlier one); at least {fewest} different steps are needed");
        }
        return steps;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
