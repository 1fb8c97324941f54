using System.Runtime.InteropServices;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Llm;
using Microsoft.Extensions.Time.Testing;

namespace Kaizen.Agents.Tests.Interrupts;

[Trait("Category", "interrupts")]
public sealed class InterruptManagerTests
{
    [Fact]
    public void The_first_request_wins_and_an_immediate_one_escalates_it()
    {
        using var manager = new InterruptManager();
        manager.RequestInterrupt(InterruptSource.User, InterruptMode.Graceful, "Ctrl+C").Should().BeTrue();
        manager.RequestInterrupt(InterruptSource.System, InterruptMode.Graceful, "timeout").Should().BeFalse();
        manager.ImmediateToken.IsCancellationRequested.Should().BeFalse();

        manager.RequestInterrupt(InterruptSource.User, InterruptMode.Immediate, "Ctrl+C again").Should().BeTrue();

        manager.Reason!.Source.Should().Be(InterruptSource.User);
        manager.Reason.Mode.Should().Be(InterruptMode.Immediate);
        manager.Reason.Message.Should().Be("Ctrl+C; then Ctrl+C again");
        manager.ImmediateToken.IsCancellationRequested.Should().BeTrue();
    }

    [Fact]
    public void A_graceful_stop_becomes_immediate_after_the_shutdown_timeout()
    {
        var time = new FakeTimeProvider();
        using var manager = new InterruptManager(TimeSpan.FromSeconds(5), time);
        manager.RequestInterrupt(InterruptSource.Programmatic, InterruptMode.Graceful, "stop please");

        time.Advance(TimeSpan.FromSeconds(4.9));
        manager.ImmediateToken.IsCancellationRequested.Should().BeFalse();
        time.Advance(TimeSpan.FromSeconds(0.2));

        manager.ImmediateToken.IsCancellationRequested.Should().BeTrue();
        manager.Reason!.Mode.Should().Be(InterruptMode.Immediate);
        manager.Reason.Message.Should().Be("stop please; then graceful shutdown exceeded 5 s, stopping immediately");
    }

    [Fact]
    public void Interrupts_propagate_to_children_including_late_ones()
    {
        using var parent = new InterruptManager();
        var child = parent.CreateChild();
        var grandchild = child.CreateChild();

        parent.RequestInterrupt(InterruptSource.User, InterruptMode.Graceful, "Ctrl+C");
        var late = new InterruptManager();
        parent.AttachChild(late);

        grandchild.Reason!.Source.Should().Be(InterruptSource.User);
        grandchild.Reason.Message.Should().Be("parent agent interrupted: parent agent interrupted: Ctrl+C");
        late.Reason!.Message.Should().Be("parent agent interrupted: Ctrl+C");
        child.IsInterruptRequested.Should().BeTrue();
    }

    [Fact]
    public void A_child_interrupt_does_not_stop_the_parent()
    {
        using var parent = new InterruptManager();
        var child = parent.CreateChild();
        child.RequestInterrupt(InterruptSource.Programmatic, InterruptMode.Graceful, "child only");
        parent.IsInterruptRequested.Should().BeFalse();
    }

    [Fact]
    public void The_timeout_handler_fires_a_system_interrupt_naming_the_duration()
    {
        var time = new FakeTimeProvider();
        using var manager = new InterruptManager(timeProvider: time);
        manager.AddHandler(new TimeoutInterruptHandler(TimeSpan.FromSeconds(30)));
        manager.BeginRun();

        time.Advance(TimeSpan.FromSeconds(29));
        manager.IsInterruptRequested.Should().BeFalse();
        time.Advance(TimeSpan.FromSeconds(1));

        manager.Reason!.Should().Match<InterruptReason>(r => r.Source == InterruptSource.System && r.Mode == InterruptMode.Graceful && r.Message == "timeout after 30 s");
        manager.EndRun();
    }

    [Fact]
    public void A_new_run_restarts_the_timeout_and_clears_the_previous_interrupt()
    {
        var time = new FakeTimeProvider();
        using var manager = new InterruptManager(timeProvider: time);
        manager.AddHandler(new TimeoutInterruptHandler(TimeSpan.FromSeconds(10)));
        manager.BeginRun();
        time.Advance(TimeSpan.FromSeconds(10));
        manager.EndRun();

        manager.BeginRun();
        manager.IsInterruptRequested.Should().BeFalse();
        time.Advance(TimeSpan.FromSeconds(9));
        manager.IsInterruptRequested.Should().BeFalse();
    }

    [Fact]
    public void An_interrupt_requested_before_a_run_is_kept_for_it()
    {
        using var parent = new InterruptManager();
        parent.RequestInterrupt(InterruptSource.User, InterruptMode.Graceful, "Ctrl+C");
        var child = parent.CreateChild();
        child.BeginRun();
        child.Reason!.Message.Should().Be("parent agent interrupted: Ctrl+C");
        child.EndRun();
        child.IsInterruptRequested.Should().BeFalse();
    }

    [Fact]
    public void A_child_takes_up_a_parent_interrupt_still_standing_at_its_next_run()
    {
        using var parent = new InterruptManager();
        var child = parent.CreateChild();
        child.BeginRun();
        parent.RequestInterrupt(InterruptSource.User, InterruptMode.Graceful, "stop the team");
        child.EndRun(); // the child's run stopped and was cleared; the team is still stopping

        child.BeginRun();

        child.Reason!.Source.Should().Be(InterruptSource.User);
        child.Reason.Message.Should().Be("parent agent interrupted: stop the team");
    }

    [Fact]
    public void A_child_runs_clean_again_once_the_parent_is_reset_or_the_child_detached()
    {
        using var parent = new InterruptManager();
        var child = parent.CreateChild();
        var detached = parent.CreateChild();
        parent.RequestInterrupt(InterruptSource.User, InterruptMode.Graceful, "stop");
        child.EndRun();
        detached.EndRun();
        parent.DetachChild(detached);

        detached.BeginRun();
        detached.IsInterruptRequested.Should().BeFalse("a detached child no longer follows the parent");

        parent.Reset();
        child.BeginRun();
        child.IsInterruptRequested.Should().BeFalse();
    }

    [Fact]
    public void A_grandparent_interrupt_reaches_a_child_whose_parent_was_already_reset()
    {
        using var grandparent = new InterruptManager();
        var parent = grandparent.CreateChild();
        var child = parent.CreateChild();
        grandparent.RequestInterrupt(InterruptSource.System, InterruptMode.Graceful, "shutdown");
        parent.EndRun();
        child.EndRun();

        child.BeginRun();

        child.Reason!.Message.Should().Be("parent agent interrupted: shutdown");
    }

    [Fact]
    public void Managers_wired_in_a_cycle_do_not_hang_a_run()
    {
        using var a = new InterruptManager();
        using var b = new InterruptManager();
        a.AttachChild(b);
        b.AttachChild(a);

        a.BeginRun();

        a.IsInterruptRequested.Should().BeFalse();
    }

    [Fact]
    public void The_budget_handler_interrupts_when_usage_reaches_the_limit()
    {
        var meter = new UsageMeter();
        using var manager = new InterruptManager();
        manager.AddHandler(new BudgetInterruptHandler(meter, new AgentBudget(MaxCostUsd: 0.01m)));
        manager.BeginRun();

        meter.Record(100, 10, 0.004m);
        manager.IsInterruptRequested.Should().BeFalse();
        meter.Record(100, 10, 0.007m);

        manager.Reason!.Source.Should().Be(InterruptSource.System);
        manager.Reason.Message.Should().Be("budget exceeded: spent $0.011 of $0.01");
    }

    [Fact]
    public void Signals_map_to_user_and_system_graceful_then_immediate()
    {
        using var manager = new InterruptManager();
        var handler = new SignalInterruptHandler();
        manager.AddHandler(handler);
        manager.BeginRun();

        handler.Handle(PosixSignal.SIGINT);
        manager.Reason!.Should().Match<InterruptReason>(r => r.Source == InterruptSource.User && r.Mode == InterruptMode.Graceful && r.Message == "SIGINT (Ctrl+C) received");
        handler.Handle(PosixSignal.SIGTERM);
        manager.Reason!.Mode.Should().Be(InterruptMode.Immediate);
        manager.EndRun();

        manager.BeginRun();
        handler.Handle(PosixSignal.SIGTERM);
        manager.Reason!.Source.Should().Be(InterruptSource.System);
        manager.EndRun();
    }
}
