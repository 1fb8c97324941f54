using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Kaizen.Bdd.Bench;

/// <summary>
/// The overhead measure: the same 1,000 scenarios x 5 steps run under xUnit (a) as tests generated for the Reqnroll runtime (Kaizen.Reqnroll.xUnit) and
/// (b) as hand-written [Fact]s calling the same step methods. Builds a throw-away test project under the temp folder and
/// times <c>dotnet test</c> (wall) for each half. With <c>KAIZEN_BDD_BASELINE_REPO</c> set to another checkout (e.g. the
/// previous commit), a third half (a0) runs that checkout's generated tests in the same interleaved rounds, so a
/// change is measured before/after under the same machine load.
/// </summary>
internal static class XunitComparison
{
    /// <summary>Environment variable naming a second repository whose engine is measured too, as the "before" of a change.</summary>
    public const string BaselineRepoVariable = "KAIZEN_BDD_BASELINE_REPO";

    public static async Task ReportAsync(string repoRoot)
    {
        var folder = await PrepareAsync(repoRoot, Path.Combine(Path.GetTempPath(), "kaizen-bdd-xunit-bench"), artifacts: null);
        if (folder is null) return;
        var baselineRepo = Environment.GetEnvironmentVariable(BaselineRepoVariable);
        string? baselineFolder = null;
        if (!string.IsNullOrWhiteSpace(baselineRepo))
        {
            // The baseline's engine projects have the same names: give their build outputs a folder of their own.
            var baselineRoot = Path.Combine(Path.GetTempPath(), "kaizen-bdd-xunit-bench-baseline");
            // (outside the project folder, whose default globs would compile the generated AssemblyInfo files).
            baselineFolder = await PrepareAsync(Path.GetFullPath(baselineRepo), baselineRoot, baselineRoot + "-artifacts");
            if (baselineFolder is null) return;
        }

        // Interleaved rounds: the machine is shared, so both halves see the same load. The baseline (a filter matching no
        // test) is host start-up + discovery, which both halves pay; "net" subtracts it.
        var bdd = new List<double>();
        var before = new List<double>();
        var hand = new List<double>();
        var baseline = new List<double>();
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("KAIZEN_BDD_XUNIT_ROUNDS"), out var wanted) && wanted > 0 ? wanted : 5;
        for (var round = 0; round < rounds; round++)
        {
            bdd.Add(await TimeAsync(folder, "FullyQualifiedName~BasketFeature", BenchFeature.Scenarios));
            if (baselineFolder is not null) before.Add(await TimeAsync(baselineFolder, "FullyQualifiedName~BasketFeature", BenchFeature.Scenarios));
            hand.Add(await TimeAsync(folder, "FullyQualifiedName~HandWrittenTests", BenchFeature.Scenarios));
            baseline.Add(await TimeAsync(folder, "FullyQualifiedName~NoTestHasThisName", 0));
        }
        var n = CultureInfo.InvariantCulture;
        double Median(List<double> v) => BenchFeature.Median(v);
        var (a, b, zero) = (Median(bdd), Median(hand), Median(baseline));
        Console.WriteLine($"  dotnet test wall time, median of {rounds} interleaved rounds:");
        Console.WriteLine(string.Format(n, "  (a) generated Reqnroll tests    : {0,7:F0} ms (net of start-up {1,7:F0} ms)", a, a - zero));
        if (before.Count > 0)
            Console.WriteLine(string.Format(n, "  (a0) same, baseline checkout   : {0,7:F0} ms (net of start-up {1,7:F0} ms), ratio (a0)/(b) {2:F2}", Median(before), Median(before) - zero, Median(before) / b));
        Console.WriteLine(string.Format(n, "  (b) hand-written [Fact]s        : {0,7:F0} ms (net of start-up {1,7:F0} ms)", b, b - zero));
        Console.WriteLine(string.Format(n, "  start-up + discovery only       : {0,7:F0} ms", zero));
        Console.WriteLine(string.Format(n, "  ratio (a)/(b)                   : {0,7:F2} wall, {1:F2} net", a / b, (a - zero) / (b - zero)));
        Console.WriteLine(string.Format(n, "  all rounds (a): {0}", string.Join(", ", bdd.Select(x => x.ToString("F0", n)))));
        if (before.Count > 0) Console.WriteLine(string.Format(n, "  all rounds (a0): {0}", string.Join(", ", before.Select(x => x.ToString("F0", n)))));
        Console.WriteLine(string.Format(n, "  all rounds (b): {0}", string.Join(", ", hand.Select(x => x.ToString("F0", n)))));
    }

    /// <summary>Writes and builds the throw-away test project against <paramref name="repoRoot"/>'s engine; null when the build failed.</summary>
    private static async Task<string?> PrepareAsync(string repoRoot, string folder, string? artifacts)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "XunitBench.csproj"), Project(repoRoot));
        await File.WriteAllTextAsync(Path.Combine(folder, "basket.feature"), BenchFeature.Text());
        var steps = await BenchStepsSource();
        if (!Directory.Exists(Path.Combine(repoRoot, "src", "Kaizen.Reqnroll.xUnit"))) steps = steps.Replace("using Reqnroll;", "using Kaizen.Bdd;", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "BenchSteps.cs"), steps);
        await File.WriteAllTextAsync(Path.Combine(folder, "HandWrittenTests.cs"), HandWritten());
        await File.WriteAllTextAsync(Path.Combine(folder, "reqnroll.json"), "{ \"formatters\": { \"message\": { \"outputFilePath\": \"bench.ndjson\" } } }");

        Console.WriteLine("xUnit comparison: building " + folder + " against " + repoRoot);
        var build = await RunAsync(folder, "build -c Release -nologo -v q", artifacts);
        if (build.ExitCode == 0) return folder;
        Console.WriteLine(build.Output);
        return null;
    }

    /// <summary>The step class, from this bench's own source (both engines run the very same bindings).</summary>
    private static Task<string> BenchStepsSource() =>
        File.ReadAllTextAsync(Path.Combine(Path.GetFullPath(Environment.GetEnvironmentVariable("KAIZEN_REPO") ?? Directory.GetCurrentDirectory()), "bench/Kaizen.Bdd.Bench/BenchSteps.cs"));

    private static async Task<double> TimeAsync(string folder, string filter, int expectedPassed)
    {
        var trx = Path.Combine(folder, "results", Guid.NewGuid().ToString("N") + ".trx");
        var stopwatch = Stopwatch.StartNew();
        var run = await RunAsync(folder, $"test -c Release --no-build -nologo --filter \"{filter}\" --logger \"trx;LogFileName={trx}\"");
        var wall = stopwatch.Elapsed.TotalMilliseconds;
        if (expectedPassed == 0) return wall;
        if (run.ExitCode != 0 || !File.Exists(trx)) throw new InvalidOperationException("xUnit comparison run failed:\n" + run.Output);
        var passed = System.Xml.Linq.XDocument.Load(trx).Descendants()
            .Count(e => e.Name.LocalName == "UnitTestResult" && (string?)e.Attribute("outcome") == "Passed");
        if (passed != expectedPassed) throw new InvalidOperationException($"expected {expectedPassed} passed tests in {trx}, found {passed}");
        return wall;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string folder, string arguments, string? artifacts = null)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment.Remove("REQNROLL_FORMATTERS");
        if (artifacts is not null) start.Environment["KAIZEN_ARTIFACTS"] = artifacts;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static string Project(string repoRoot) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>Exe</OutputType>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
            <IsTestProject>true</IsTestProject>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="xunit.v3.mtp-off" Version="4.0.2" />
            <PackageReference Include="xunit.runner.visualstudio" Version="4.0.1" />
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />
            {Adapter(repoRoot)}
            <AdditionalFiles Include="basket.feature" />
            <None Include="reqnroll.json" CopyToOutputDirectory="PreserveNewest" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>The adapter of this repository, or the old engine when <paramref name="repoRoot"/> is a checkout from before it.</summary>
    private static string Adapter(string repoRoot) => Directory.Exists(Path.Combine(repoRoot, "src", "Kaizen.Reqnroll.xUnit"))
        ? $"""
          <ProjectReference Include="{repoRoot}/src/Kaizen.Reqnroll.xUnit/Kaizen.Reqnroll.xUnit.csproj" />
              <ProjectReference Include="{repoRoot}/src/Kaizen.Reqnroll.xUnit.Generator/Kaizen.Reqnroll.xUnit.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
          """
        : $"""
          <ProjectReference Include="{repoRoot}/src/Kaizen.Bdd/Kaizen.Bdd.csproj" />
              <ProjectReference Include="{repoRoot}/src/Kaizen.Bdd.Generator/Kaizen.Bdd.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
          """;

    private static string HandWritten()
    {
        var code = new StringBuilder("using Kaizen.Bdd.Bench;\nusing Xunit;\nnamespace XunitBench;\npublic sealed class HandWrittenTests\n{\n");
        for (var i = 0; i < BenchFeature.Scenarios; i++)
            code.Append("    [Fact(DisplayName = \"basket ").Append(i).Append("\")] public void Basket").Append(i)
                .Append("() { var s = new BenchSteps(new Basket()); s.EmptyBasket(); s.Add(3, \"apple\", 1.5m); s.Remove(\"apple\"); s.Holds(2); s.TotalIs(4.5m); }\n");
        return code.Append("}\n").ToString();
    }
}
