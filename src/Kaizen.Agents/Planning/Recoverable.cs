using Kaizen.Agents.Interrupts;

namespace Kaizen.Agents.Planning;

/// <summary>
/// Which exceptions planning and orchestration may turn into a failed result: everything except cancellation of the
/// caller's token and an agent interrupt (a graceful stop that already checkpointed and must reach the caller).
/// </summary>
internal static class Recoverable
{
    public static bool Is(Exception ex, CancellationToken cancellationToken) =>
        ex is not AgentInterruptedException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);
}
