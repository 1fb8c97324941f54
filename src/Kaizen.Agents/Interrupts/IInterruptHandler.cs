namespace Kaizen.Agents.Interrupts;

/// <summary>Something that can ask an <see cref="InterruptManager"/> to stop a run (a signal, a timer, a budget).</summary>
public interface IInterruptHandler : IDisposable
{
    /// <summary>Called when a run starts: begin watching and call <see cref="InterruptManager.RequestInterrupt"/> when due.</summary>
    void Start(InterruptManager manager);

    /// <summary>Called when the run ends: stop watching.</summary>
    void Stop();
}
