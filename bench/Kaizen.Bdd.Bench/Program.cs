// Kaizen.Bdd benchmark: engine overhead vs direct calls, step dispatch time, phases, generator time, and the same
// 1,000 scenarios under xUnit as generated tests vs hand-written tests.
// Run from the repository root: dotnet run -c Release --project bench/Kaizen.Bdd.Bench [-- --no-xunit]
using Kaizen.Bdd.Bench;

await OverheadBenchmark.ReportAsync();
Console.WriteLine();
await PhaseBenchmark.ReportAsync();
Console.WriteLine();
GeneratorBenchmark.Report();
if (!args.Contains("--no-xunit"))
{
    Console.WriteLine();
    await XunitComparison.ReportAsync(Path.GetFullPath(Environment.GetEnvironmentVariable("KAIZEN_REPO") ?? Directory.GetCurrentDirectory()));
}
return 0;
