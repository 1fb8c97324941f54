using Kaizen.Agents.Llm;

namespace Kaizen.Agents.Interrupts;

/// <summary>Interrupts a run (System, graceful) as soon as the meter reaches the budget: "budget exceeded: spent $0.0102 of $0.01".</summary>
public sealed class BudgetInterruptHandler(UsageMeter meter, AgentBudget budget) : IInterruptHandler
{
    private InterruptManager? _manager;

    /// <inheritdoc />
    public void Start(InterruptManager manager)
    {
        Stop();
        _manager = manager;
        meter.Changed += OnChanged;
        OnChanged(meter.Total);
    }

    /// <inheritdoc />
    public void Stop()
    {
        meter.Changed -= OnChanged;
        _manager = null;
    }

    /// <inheritdoc />
    public void Dispose() => Stop();

    private void OnChanged(UsageSnapshot usage)
    {
        if (_manager is { } manager && budget.DescribeExcess(usage) is { } excess)
            manager.RequestInterrupt(InterruptSource.System, InterruptMode.Graceful, excess);
    }
}
