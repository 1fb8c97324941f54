namespace Kaizen.Agents.Orchestration;

/// <summary>A unit of work for the <see cref="MetaController"/>.</summary>
/// <param name="Id">Unique within one <see cref="MetaController.RunAllAsync"/> call; results are reported by it.</param>
/// <param name="Description">What to do (the prompt an agent gets).</param>
public sealed record AgentTask(string Id, string Description)
{
    /// <summary>Capabilities an agent must declare to take the task (case-insensitive).</summary>
    public IReadOnlyList<string> RequiredCapabilities { get; init; } = [];

    /// <summary>Free-form hints, e.g. <c>strategy=TreeOfThoughts</c> or <c>needs_tools=true</c>.</summary>
    public IReadOnlyDictionary<string, string> Context { get; init; } = new Dictionary<string, string>();

    /// <summary>Ids of tasks that must succeed before this one starts; tasks without dependencies between them run in parallel.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>
    /// The outputs of the tasks in <see cref="DependsOn"/>, by task id, in that order. Set by the
    /// <see cref="MetaController"/> when the dependencies succeeded, so a task that combines earlier work (a synthesis, a
    /// report) receives it from the controller rather than from its caller.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> DependencyResults { get; init; } = [];

    /// <summary>What an agent is asked: <see cref="Description"/>, then the results of the tasks it depends on.</summary>
    public string ToPrompt()
    {
        if (DependencyResults.Count == 0) return Description;
        var text = new System.Text.StringBuilder(Description).AppendLine().AppendLine().AppendLine("Results of the tasks this one builds on:");
        foreach (var (id, output) in DependencyResults) text.Append("- ").Append(id).Append(": ").AppendLine(output);
        return text.ToString().TrimEnd();
    }
}

/// <summary>What an agent reports for one task.</summary>
/// <param name="Succeeded">Whether it did the task.</param>
/// <param name="Output">Its result.</param>
/// <param name="Error">Why it failed (null on success).</param>
public sealed record TaskAgentResult(bool Succeeded, string Output, string? Error = null)
{
    /// <summary>A success.</summary>
    public static TaskAgentResult Success(string output) => new(true, output);

    /// <summary>A failure with its reason.</summary>
    public static TaskAgentResult Failure(string error) => new(false, "", error);
}
