namespace Kaizen.Agents.Tools.BuiltIn;

/// <summary>One item a <see cref="WorkQueue"/> handed out.</summary>
/// <param name="Key">The item's key, as given to the queue (e.g. a file path).</param>
/// <param name="Text">What the queue's loader returned for it.</param>
/// <param name="Number">Its place in the order the items were handed out, from 1.</param>
/// <param name="Count">How many items the queue holds in all.</param>
public sealed record WorkItem(string Key, string Text, int Number, int Count);
