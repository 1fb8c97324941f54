using System.Diagnostics;

namespace Kaizen.LivingDoc.Cli;

/// <summary>
/// Runs <c>dotnet test src/Kaizen.Specs --filter EXPR</c> with Reqnroll's <c>REQNROLL_FORMATTERS</c> pointing its message
/// formatter (the run's NDJSON) and HTML formatter (the standard Cucumber report) at temp files, streaming the test
/// output as progress.
/// </summary>
internal sealed class SpecsRunner(TextWriter output)
{
    /// <summary>Reqnroll's environment variable overriding the <c>formatters</c> section of reqnroll.json.</summary>
    public const string FormattersVariable = "REQNROLL_FORMATTERS";
    public const string SpecsProject = "src/Kaizen.Specs";

    public sealed record Outcome(int ExitCode, string MessagesFile, string HtmlReportFile, TimeSpan Elapsed);

    public async Task<Outcome> RunAsync(string repoRoot, string filter, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(repoRoot, SpecsProject)))
            throw new LivingDocInputException($"{SpecsProject} not found under {repoRoot}: the specs project is needed for 'run' (use 'render' for existing runs)");
        var stem = Path.Combine(Path.GetTempPath(), $"kaizen-specs-{Guid.NewGuid():N}");
        var messagesFile = stem + ".ndjson";
        var htmlFile = stem + ".html";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Normal verbosity prints each scenario as it ends: the progress of a run that takes minutes on a real model.
        foreach (var arg in new[] { "test", SpecsProject, "--filter", filter, "--logger", "console;verbosity=normal" }) start.ArgumentList.Add(arg);
        start.Environment[FormattersVariable] = FormattersJson(messagesFile, htmlFile);
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
        return new Outcome(process.ExitCode, messagesFile, htmlFile, watch.Elapsed);
    }

    /// <summary>The value of <see cref="FormattersVariable"/>: the message and HTML formatters writing to the given files.</summary>
    public static string FormattersJson(string messagesFile, string htmlFile) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            formatters = new
            {
                message = new { outputFilePath = messagesFile },
                html = new { outputFilePath = htmlFile },
            },
        });

    private async Task Pump(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
            await output.WriteLineAsync("  | " + line);
    }
}
