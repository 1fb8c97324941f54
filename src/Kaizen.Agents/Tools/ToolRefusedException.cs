namespace Kaizen.Agents.Tools;

/// <summary>
/// Thrown by a tool that refuses its input on principle (a path outside the workspace, a forbidden URL scheme).
/// The message goes to the model; the call is never retried.
/// </summary>
public sealed class ToolRefusedException(string message) : Exception(message), IPermanentToolFailure;
