using System.Globalization;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Tools;
using Reqnroll;
using Kaizen.Specs.Support;
using Kaizen.Specs.Workloads.DataAnalysis;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Workflows;

/// <summary>
/// The data pipeline: an agent loads a CSV into a warehouse file batch by batch through a real tool; it is stopped hard
/// while loading one batch and resumed from its checkpoint; the warehouse must end with every order exactly once.
/// </summary>
[Binding]
public sealed class DataPipelineSteps(LongRunningWorld job, AgentWorld world)
{
    private GeneratedSalesFile? _orders;
    private int _batchSize;
    private string Warehouse => Path.Combine(job.Root, "warehouse.csv");

    [Given("a CSV file of {int} orders to load in batches of {int}")]
    public void OrdersFile(int orders, int batchSize)
    {
        _orders = SalesRecordsGenerator.Generate(2024, orders);
        _batchSize = batchSize;
        var lines = _orders.DataLines;
        var gate = new Lock();
        job.Registry.Register(AIFunctionFactory.Create((int first_row, int count) =>
        {
            var batch = lines.Skip(first_row - 1).Take(count).ToList();
            lock (gate) File.AppendAllLines(Warehouse, batch.Select((line, i) => $"{first_row + i},{line}"));
            return $"loaded rows {first_row} to {first_row + batch.Count - 1}";
        }, "load_rows", "Loads `count` orders starting at 1-based row `first_row` into the warehouse."), DangerLevel.Low);
    }

    [Given("a pipeline agent that checkpoints after every batch")]
    public void PipelineAgent()
    {
        var starts = Enumerable.Range(0, (_orders!.RecordCount + _batchSize - 1) / _batchSize)
            .Select(b => (b * _batchSize + 1).ToString(CultureInfo.InvariantCulture)).ToList();
        job.Prepare(new BatchJob(
            $"Load the {_orders.RecordCount} orders into the warehouse, {_batchSize} at a time.",
            starts, "load_rows", "first_row",
            first => new Dictionary<string, object?> { ["first_row"] = int.Parse(first, CultureInfo.InvariantCulture), ["count"] = _batchSize },
            (first, text) => [text],
            _ => "loaded"), checkpointInterval: 1);
    }

    [When("the pipeline is interrupted while loading batch {int}")]
    public async Task InterruptedWhileLoading(int batch)
    {
        // Stopped hard while the model is deciding batch N: that turn is lost, the batches before it are checkpointed.
        var fired = false;
        world.OnEvent((e, agent) =>
        {
            if (fired || e is not TurnStarted started || started.Turn != batch) return;
            fired = true;
            agent.Interrupts.RequestInterrupt(InterruptSource.System, InterruptMode.Immediate, $"process stopped while loading batch {batch}");
        });
        await world.RunAsync(job.Job!.Task);
        world.RequireInterruption();
    }

    [When("the pipeline is resumed from its latest checkpoint")]
    public Task Resume() => job.ResumeAsync();

    [Then("all {int} orders are loaded")]
    public void AllLoaded(int count) =>
        File.ReadAllLines(Warehouse).Select(l => int.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).Distinct()
            .Should().BeEquivalentTo(Enumerable.Range(1, count));

    [Then("no order was loaded twice")]
    public void NoneTwice() => File.ReadAllLines(Warehouse).Select(l => l.Split(',')[0]).Should().OnlyHaveUniqueItems();

    [Then("batches {int} to {int} were not processed again")]
    public void NotProcessedAgain(int first, int last)
    {
        var loads = job.FetchedItems().Select(f => (int.Parse(f, CultureInfo.InvariantCulture) - 1) / _batchSize + 1).ToList();
        loads.Should().OnlyHaveUniqueItems();
        loads.Count(b => b >= first && b <= last).Should().Be(last - first + 1, "each of these batches was loaded once, before the interrupt");
    }
}
