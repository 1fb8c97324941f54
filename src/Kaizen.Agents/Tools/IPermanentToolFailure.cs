namespace Kaizen.Agents.Tools;

/// <summary>
/// Marks an exception whose cause will not go away by trying again (a refusal, a tool's own error report):
/// the <see cref="ToolExecutor"/> does not retry it, whatever the danger level.
/// </summary>
public interface IPermanentToolFailure;
