using System.CommandLine;
using Kaizen.LivingDoc.Messages;
using Kaizen.LivingDoc.Model;

namespace Kaizen.LivingDoc.Cli;

/// <summary>The command line: <c>render</c>, <c>run</c>, <c>review</c>, <c>pdf</c>, and no arguments = <c>run</c> with defaults.</summary>
/// <param name="output">Standard output.</param>
/// <param name="error">Standard error.</param>
/// <param name="time">Clock for the page and the run archive.</param>
/// <param name="currentFolder">Where relative paths and the repository search start.</param>
/// <param name="oneShotProcess">True when this process renders once and exits (the real CLI): rendering then runs
/// without garbage collections when its memory budget allows (<see cref="NoCollectionScope"/>).</param>
internal sealed class LivingDocCommands(TextWriter output, TextWriter error, TimeProvider time, string currentFolder, bool oneShotProcess = false)
{
    public const string DefaultTitle = "Kaizen.NET living documentation";
    public const string DefaultFilter = "Category=core";
    public static readonly string DefaultOutput = Path.Combine("docs", "living-doc", "index.html");

    /// <summary>
    /// Parses a command line. Response files (<c>@file</c>) are off: <c>@core</c> is a tag in a filter, never a file to read.
    /// </summary>
    public ParseResult Parse(IReadOnlyList<string> args) =>
        Build().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    public RootCommand Build()
    {
        var root = new RootCommand("Kaizen.NET living documentation: renders feature files and Cucumber Messages runs into one offline HTML page. Without a command: runs the core specs and renders docs/living-doc/index.html.");
        var render = RenderCommand();
        var run = RunCommand();
        root.Add(render);
        root.Add(run);
        root.Add(new ReviewCommand(output, error, time, currentFolder).Build());
        root.Add(new PdfCommand(output, error, currentFolder).Build());
        root.SetAction((_, ct) => RunAsync(DefaultFilter, null, DefaultTitle, RunArchive.DefaultKeep, ct));
        return root;
    }

    private Command RenderCommand()
    {
        var features = new Option<string?>("--features") { Description = "Feature folder (default: features/ of the repository; without one, the runs' own sources are used)" };
        var messages = new Option<string[]>("--messages") { Description = "Cucumber Messages NDJSON files, oldest run first", AllowMultipleArgumentsPerToken = true };
        var outFile = new Option<string?>("--out") { Description = $"Output HTML file (default: {DefaultOutput})" };
        var title = new Option<string>("--title") { Description = "Page title", DefaultValueFactory = _ => DefaultTitle };
        var config = new Option<string?>("--config") { Description = "reqnroll.json for tag links (default: the repository's, if any)" };
        var reviews = new Option<string?>("--reviews") { Description = $"Reviews file for the review marks (default: the repository's {ReviewCommand.DefaultReviews}, if any)" };
        var command = new Command("render", "Render feature files and zero or more runs into one offline HTML page") { features, messages, outFile, title, config, reviews };
        command.SetAction((parse, ct) =>
        {
            var repo = RepoLocator.Find(currentFolder);
            var featureFolder = parse.GetValue(features) ?? DefaultIfExists(repo, "features", Directory.Exists);
            var messageFiles = parse.GetValue(messages) ?? [];
            if (featureFolder is null && messageFiles.Length == 0)
                return Task.FromResult(Fail("nothing to render: pass --features DIR and/or --messages FILE..."));
            var request = new RenderRequest(featureFolder, messageFiles, parse.GetValue(outFile) ?? Path.Combine(repo ?? currentFolder, DefaultOutput),
                parse.GetValue(title) ?? DefaultTitle, parse.GetValue(config) ?? DefaultIfExists(repo, "reqnroll.json", File.Exists),
                parse.GetValue(reviews) ?? DefaultIfExists(repo, ReviewCommand.DefaultReviews, File.Exists));
            return RenderAsync(request, testExitCode: 0, ct);
        });
        return command;
    }

    private Command RunCommand()
    {
        var filter = new Option<string>("--filter") { Description = $"dotnet test filter (default: {DefaultFilter})", DefaultValueFactory = _ => DefaultFilter };
        var outFile = new Option<string?>("--out") { Description = $"Output HTML file (default: {DefaultOutput})" };
        var title = new Option<string>("--title") { Description = "Page title", DefaultValueFactory = _ => DefaultTitle };
        var keep = new Option<int>("--keep") { Description = "How many runs of history to keep", DefaultValueFactory = _ => RunArchive.DefaultKeep };
        var command = new Command("run", "Run the specs (dotnet test src/Kaizen.Specs), archive the run and render the page with history") { filter, outFile, title, keep };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(filter)!, parse.GetValue(outFile), parse.GetValue(title)!, parse.GetValue(keep), ct));
        return command;
    }

    private async Task<int> RunAsync(string filter, string? outFile, string title, int keep, CancellationToken ct)
    {
        try
        {
            var repo = RepoLocator.FindOrThrow(currentFolder);
            await new NodeToolsInstaller(output, error).EnsureInstalledAsync(repo, ct);
            await new LocalModelInstaller(output, error).EnsureInstalledAsync(repo, ct);
            var outcome = await new SpecsRunner(output).RunAsync(repo, filter, ct);
            var produced = File.Exists(outcome.MessagesFile) && new FileInfo(outcome.MessagesFile).Length > 0;
            var archive = new RunArchive(Path.Combine(repo, "docs", "living-doc", "runs"), time, keep);
            if (produced)
            {
                var archived = archive.Add(outcome.MessagesFile);
                await output.WriteLineAsync($"livingdoc: dotnet test exited with {outcome.ExitCode} after {outcome.Elapsed.TotalSeconds:F0} s; run kept as {Path.GetRelativePath(repo, archived)}");
            }
            else
                // Still render: the specification (and earlier runs) are worth publishing; the exit code says it failed.
                await error.WriteLineAsync($"error: dotnet test exited with {outcome.ExitCode} after {outcome.Elapsed.TotalSeconds:F0} s without writing {outcome.MessagesFile} " +
                                           $"(did the build fail, did the filter match no scenario, or does the runtime ignore {SpecsRunner.FormattersVariable}?); rendering the specification and earlier runs");
            if (File.Exists(outcome.MessagesFile)) File.Delete(outcome.MessagesFile);
            var page = outFile ?? Path.Combine(repo, DefaultOutput);
            CucumberReport.Keep(outcome.HtmlReportFile, page);
            var request = new RenderRequest(DefaultIfExists(repo, "features", Directory.Exists), archive.Runs(),
                page, title, DefaultIfExists(repo, "reqnroll.json", File.Exists), DefaultIfExists(repo, ReviewCommand.DefaultReviews, File.Exists));
            if (request.FeaturesFolder is null && request.MessageFiles.Count == 0)
                return Fail($"nothing to render: no features/ folder in {repo} and no run recorded");
            var exit = await RenderAsync(request, outcome.ExitCode, ct);
            return produced || exit == ExitCodes.Unusable ? exit : ExitCodes.FailuresOrInputErrors;
        }
        catch (LivingDocInputException ex)
        {
            return Fail(ex.Message);
        }
    }

    private async Task<int> RenderAsync(RenderRequest request, int testExitCode, CancellationToken ct)
    {
        var diagnostics = new DiagnosticBag();
        DocModel model;
        try
        {
            using var noCollections = oneShotProcess ? NoCollectionScope.TryStart(request.MessageFiles) : null;
            model = await new LivingDocGenerator(time).RenderAsync(request, diagnostics, ct);
        }
        catch (LivingDocInputException ex)
        {
            foreach (var d in diagnostics.Items) await error.WriteLineAsync(d.ToString());
            return Fail(ex.Message);
        }
        foreach (var d in diagnostics.Items) await error.WriteLineAsync(d.ToString());
        await output.WriteLineAsync(Path.GetFullPath(request.OutputFile));
        await output.WriteLineAsync(LivingDocGenerator.SummaryLine(model));
        if (testExitCode != 0 && !LivingDocGenerator.HasFailures(model))
            await error.WriteLineAsync($"dotnet test exited with {testExitCode} although no scenario of the run failed (see its output above)");
        return testExitCode != 0 || LivingDocGenerator.HasFailures(model) || diagnostics.HasErrors ? ExitCodes.FailuresOrInputErrors : ExitCodes.Ok;
    }

    private int Fail(string message)
    {
        error.WriteLine("error: " + message);
        return ExitCodes.Unusable;
    }

    private static string? DefaultIfExists(string? repo, string name, Func<string, bool> exists) =>
        repo is not null && exists(Path.Combine(repo, name)) ? Path.Combine(repo, name) : null;
}
