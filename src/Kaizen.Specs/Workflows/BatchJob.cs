namespace Kaizen.Specs.Workflows;

/// <summary>
/// A long job an agent works through item by item: which tool fetches an item, how the scripted model judges an item
/// it has read, and how a finding counts in the running tally the model keeps in its notes.
/// </summary>
/// <param name="Task">The task given to the agent.</param>
/// <param name="Items">The item keys in the order the model works through them (a path, a first row, …).</param>
/// <param name="ToolName">The tool that fetches one item.</param>
/// <param name="KeyArgument">The tool argument that names the item.</param>
/// <param name="Arguments">The tool arguments for an item key.</param>
/// <param name="Judge">What the model reports about an item, given the item's key and the text the tool returned.</param>
/// <param name="TallyLabel">Under which label a finding is counted in the tally.</param>
public sealed record BatchJob(
    string Task,
    IReadOnlyList<string> Items,
    string ToolName,
    string KeyArgument,
    Func<string, IReadOnlyDictionary<string, object?>> Arguments,
    Func<string, string, IReadOnlyList<string>> Judge,
    Func<string, string> TallyLabel);
