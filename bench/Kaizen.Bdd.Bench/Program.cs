// Adapter benchmark: the generator's time, and the same 1,000 scenarios x 5 steps under `dotnet test` as tests generated
// for the Reqnroll runtime (Kaizen.Reqnroll.xUnit) vs hand-written xUnit tests calling the same step methods.
// Run from the repository root: dotnet run -c Release --project bench/Kaizen.Bdd.Bench [-- --no-xunit | --xunit-only]
// KAIZEN_BDD_BASELINE_REPO=<other checkout> adds that checkout's generated tests to the comparison (before/after in one run).
using Kaizen.Bdd.Bench;

if (!args.Contains("--xunit-only"))
    GeneratorBenchmark.Report();
if (!args.Contains("--no-xunit"))
{
    Console.WriteLine();
    await XunitComparison.ReportAsync(Path.GetFullPath(Environment.GetEnvironmentVariable("KAIZEN_REPO") ?? Directory.GetCurrentDirectory()));
}
return 0;
