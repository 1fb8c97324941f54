using System.Diagnostics;

namespace Kaizen.LivingDoc.Cli;

/// <summary>
/// Runs <c>dotnet test src/Kaizen.Specs --filter EXPR</c> with <c>KAIZEN_BDD_MESSAGES_FILE</c> pointing at a temp file
/// (the BDD engine writes the run's NDJSON there), streaming the test output as progress.
/// </summary>
internal sealed class SpecsRunner(TextWriter output)
{
    public const string MessagesFileVariable = "KAIZEN_BDD_MESSAGES_FILE";
    public const string SpecsProject = "src/Kaizen.Specs";

    public sealed record Outcome(int ExitCode, string MessagesFile, TimeSpan Elapsed);

    public async Task<Outcome> RunAsync(string repoRoot, string filter, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(repoRoot, SpecsProject)))
            throw new LivingDocInputException($"{SpecsProject} not found under {repoRoot}: the specs project is needed for 'run' (use 'render' for existing runs)");
        var messagesFile = Path.Combine(Path.GetTempPath(), $"kaizen-specs-{Guid.NewGuid():N}.ndjson");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "test", SpecsProject, "--filter", filter }) start.ArgumentList.Add(arg);
        start.Environment[MessagesFileVariable] = messagesFile;
        await output.WriteLineAsync($"livingdoc: dotnet test {SpecsProject} --filter \"{filter}\" (messages: {messagesFile})");
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var pump = Task.WhenAll(Pump(process.StandardOutput, cancellationToken), Pump(process.StandardError, cancellationToken));
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        await pump;
        return new Outcome(process.ExitCode, messagesFile, watch.Elapsed);
    }

    private async Task Pump(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
            await output.WriteLineAsync("  | " + line);
    }
}
