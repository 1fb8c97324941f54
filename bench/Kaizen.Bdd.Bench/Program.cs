// Kaizen.Bdd benchmark: engine overhead vs direct calls, step dispatch time, phases, generator time, and the same
// 1,000 scenarios under xUnit as generated tests vs hand-written tests.
// Run from the repository root: dotnet run -c Release --project bench/Kaizen.Bdd.Bench [-- --no-xunit | --xunit-only]
// KAIZEN_BDD_BASELINE_REPO=<other checkout> adds that engine to the xUnit comparison (before/after in one run).
using Kaizen.Bdd.Bench;

if (args.Contains("--cold-phases"))
{
    await PhaseBenchmark.RunColdPhasesAsync(general: args.Contains("--general"));
    return 0;
}

if (!args.Contains("--xunit-only"))
{
    await OverheadBenchmark.ReportAsync();
    Console.WriteLine();
    await PhaseBenchmark.ReportAsync();
    Console.WriteLine();
    await PhaseBenchmark.ReportColdAsync();
    Console.WriteLine();
    GeneratorBenchmark.Report();
}
if (!args.Contains("--no-xunit"))
{
    Console.WriteLine();
    await XunitComparison.ReportAsync(Path.GetFullPath(Environment.GetEnvironmentVariable("KAIZEN_REPO") ?? Directory.GetCurrentDirectory()));
}
return 0;
