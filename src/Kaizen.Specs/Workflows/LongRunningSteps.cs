using System.Globalization;
using Kaizen.Agents.Tools;
using Reqnroll;
using Kaizen.Specs.Workloads.CodeReview;
using Kaizen.Specs.Workloads.DataAnalysis;
using Kaizen.Specs.Workloads.Research;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Workflows;

/// <summary>
/// Steps of the long-running tier: a generated code base, sales file or literature (with known answers), worked through
/// by the real agent across an interrupt and a resume, then checked as a user would: every item once, every finding in
/// memory once, checkpoints, cost.
/// </summary>
[Binding]
public sealed class LongRunningSteps(LongRunningWorld job)
{
    private GeneratedSalesFile? _sales;
    private GeneratedLiterature? _literature;
    private int _rowsPerTurn;

    // ---- code review ----

    [Given("a generated repository of {int} C# files with planted defects, seed {int}")]
    public void GeneratedRepository(int files, int seed)
    {
        job.Codebase = CodebaseGenerator.Generate(seed, files);
        job.Codebase.WriteTo(job.Root);
        job.AddFileTools();
    }

    [Given("a reviewing agent that checkpoints every {int} files")]
    public void ReviewingAgent(int every) => job.Prepare(new BatchJob(
        $"Review the {job.Codebase!.Files.Count} C# files of the repository and report every defect with its file and line.",
        job.Codebase.Files.Select(f => f.Key).ToList(),
        "read_file",
        "path",
        path => new Dictionary<string, object?> { ["path"] = path },
        (path, text) => DeterministicCodeReviewer.Review(path, text).Select(f => $"{f.Path}:{f.Line}:{f.Kind}").ToList(),
        finding => finding.Split(':')[^1]), every);

    [When("the agent reviews the repository and is interrupted after {int} files")]
    [When("the agent reads the papers and is interrupted after {int} papers")]
    public Task RunAndInterrupt(int items) => job.RunAndInterruptAfterAsync(items);

    [When("the review is resumed from its latest checkpoint")]
    [When("the analysis is resumed from its latest checkpoint")]
    [When("the reading is resumed from its latest checkpoint")]
    public Task Resume() => job.ResumeAsync();

    [Then("every file was reviewed exactly once")]
    [Then("every paper was read exactly once")]
    public void EveryItemOnce()
    {
        var fetched = job.FetchedItems();
        fetched.Should().OnlyHaveUniqueItems("no item may be fetched twice across the interrupt");
        fetched.Should().BeEquivalentTo(job.Job!.Items, "every item must be fetched");
    }

    [Then("every planted defect is recorded in memory, with its file and line")]
    public async Task DefectsInMemory()
    {
        var recorded = (await job.NotesInMemoryAsync()).SelectMany(n => n.Findings);
        recorded.Distinct().Should().BeEquivalentTo(job.Codebase!.Defects.Select(d => $"{d.Path}:{d.Line}:{d.Kind}"));
        job.FinalTally().Values.Sum(v => v.Count).Should().Be(job.Codebase.Defects.Count, "the final report counts each defect once");
    }

    [Then("no finding was recorded twice")]
    [Then("no anomaly was recorded twice")]
    public async Task NoFindingTwice()
    {
        var notes = await job.NotesInMemoryAsync();
        notes.Select(n => n.Item).Should().OnlyHaveUniqueItems("each item's findings are stored once");
        notes.SelectMany(n => n.Findings).Should().OnlyHaveUniqueItems();
    }

    [Then("at least {int} checkpoints were saved")]
    public async Task AtLeastCheckpoints(int count) =>
        (await job.CheckpointsAsync()).Should().HaveCountGreaterThanOrEqualTo(count);

    [Then("the cost the run reports is its tokens at the model's price")]
    public void CostFromTokens()
    {
        var result = job.Agents.RequireResult();
        var total = job.Ledger.Total;
        total.Calls.Should().BePositive("the model was called");
        // The run's own meter (interrupted and resumed) against every call the model really answered.
        (result.InputTokens, result.OutputTokens).Should().Be((total.InputTokens, total.OutputTokens), "the run counts every token it was charged for, across the interrupt");
        result.CostUsd.Should().Be(LongRunningWorld.ScenarioPrice.Cost(total.InputTokens, total.OutputTokens)).And.BePositive();
    }

    // ---- data analysis ----

    [Given("a generated CSV of {int} sales records with planted anomalies, seed {int}")]
    public void GeneratedCsv(int records, int seed)
    {
        _sales = SalesRecordsGenerator.Generate(seed, records);
        var path = Path.Combine(job.Root, "sales.csv");
        File.WriteAllText(path, _sales.Csv);
        var lines = File.ReadAllLines(path);
        job.Registry.Register(AIFunctionFactory.Create(
            (int first_row, int count) => string.Join("\n", lines.Skip(first_row).Take(count)),
            "read_rows", "Reads `count` data rows of sales.csv starting at 1-based row `first_row` (the header is row 0)."), DangerLevel.Safe);
    }

    [Given("an analysing agent that reads {int} records per turn and checkpoints every {int} turns")]
    public void AnalysingAgent(int perTurn, int every)
    {
        _rowsPerTurn = perTurn;
        var starts = Enumerable.Range(0, (_sales!.RecordCount + perTurn - 1) / perTurn).Select(b => (b * perTurn + 1).ToString(CultureInfo.InvariantCulture)).ToList();
        job.Prepare(new BatchJob(
            $"Check all {_sales.RecordCount} records of sales.csv and report every anomaly with its row.",
            starts,
            "read_rows",
            "first_row",
            first => new Dictionary<string, object?> { ["first_row"] = int.Parse(first, CultureInfo.InvariantCulture), ["count"] = perTurn },
            (first, text) => DeterministicRecordAnalyst.Analyse(int.Parse(first, CultureInfo.InvariantCulture), text.Split('\n'))
                .Select(a => $"{a.Row}:{a.OrderId}:{a.Kind}").ToList(),
            finding => finding.Split(':')[^1]), every);
    }

    [When("the agent analyses the file and is interrupted after {int} records")]
    public Task AnalyseAndInterrupt(int records) => job.RunAndInterruptAfterAsync(records / _rowsPerTurn);

    [Then("every record was analysed exactly once")]
    public void EveryRecordOnce()
    {
        var rows = job.FetchedItems()
            .SelectMany(first => Enumerable.Range(int.Parse(first, CultureInfo.InvariantCulture), _rowsPerTurn))
            .Where(row => row <= _sales!.RecordCount)
            .ToList();
        rows.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(Enumerable.Range(1, _sales!.RecordCount));
    }

    [Then("every planted anomaly is recorded in memory with its row and kind")]
    public async Task AnomaliesInMemory()
    {
        var recorded = (await job.NotesInMemoryAsync()).SelectMany(n => n.Findings);
        recorded.Distinct().Should().BeEquivalentTo(_sales!.Anomalies.Select(a => $"{a.Row}:{a.OrderId}:{a.Kind}"));
    }

    // ---- research synthesis ----

    [Given("{int} generated papers with overlapping claims, seed {int}")]
    public void GeneratedPapers(int papers, int seed)
    {
        _literature = PapersGenerator.Generate(seed, papers);
        Directory.CreateDirectory(Path.Combine(job.Root, "papers"));
        foreach (var paper in _literature.Papers) File.WriteAllText(Path.Combine(job.Root, "papers", paper.Id + ".md"), paper.Text);
        job.AddFileTools();
    }

    [Given("a reading agent that checkpoints every {int} papers")]
    public void ReadingAgent(int every) => job.Prepare(new BatchJob(
        $"Read the {_literature!.Papers.Count} papers in papers/ and list each claim with the papers that state or contradict it.",
        _literature.Papers.Select(p => $"papers/{p.Id}.md").ToList(),
        "read_file",
        "path",
        path => new Dictionary<string, object?> { ["path"] = path },
        (path, text) => DeterministicClaimReader.Read(Path.GetFileNameWithoutExtension(path), text)
            .Select(f => $"{f.PaperId}:{f.ClaimId}:{f.Stance}").ToList(),
        finding => string.Join(':', finding.Split(':')[1..])), every);

    [Then("every claim is recorded in memory with exactly the papers that state it")]
    public async Task ClaimsInMemory()
    {
        var supports = (await job.NotesInMemoryAsync()).SelectMany(n => n.Findings)
            .Select(f => f.Split(':')).Where(p => p[2] == nameof(Stance.Supports))
            .GroupBy(p => p[1]).ToDictionary(g => g.Key, g => g.Select(p => p[0]).Order().ToList());
        supports.Should().BeEquivalentTo(_literature!.SupportersByClaim().ToDictionary(p => p.Key, p => p.Value.Order().ToList()));
    }

    [Then("the claims stated by at least {int} papers are listed as well supported")]
    public void WellSupported(int papers)
    {
        var tally = job.FinalTally();
        var reported = tally.Where(p => p.Key.EndsWith(":" + nameof(Stance.Supports), StringComparison.Ordinal) && p.Value.Count >= papers)
            .Select(p => p.Key.Split(':')[0]);
        var truth = _literature!.SupportersByClaim().Where(p => p.Value.Count >= papers).Select(p => p.Key);
        truth.Should().NotBeEmpty();
        reported.Should().BeEquivalentTo(truth, "the final synthesis is built from the running notes, across the interrupt");
    }

    [Then("the papers that contradict a claim are listed with it")]
    public void Contradictions()
    {
        var tally = job.FinalTally();
        var reported = tally.Where(p => p.Key.EndsWith(":" + nameof(Stance.Contradicts), StringComparison.Ordinal))
            .ToDictionary(p => p.Key.Split(':')[0], p => p.Value.Select(f => f.Split(':')[0]).Order().ToList());
        reported.Should().BeEquivalentTo(_literature!.ContradictorsByClaim().ToDictionary(p => p.Key, p => p.Value.Order().ToList()));
    }
}
