using Kaizen.LivingDoc.Cli;
using Kaizen.LivingDoc.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kaizen.LivingDoc.Tests;

[Trait("Category", "livingdoc")]
public sealed class CommandLineTests
{
    private readonly string _scratch = TestPaths.NewScratchFolder();
    private readonly StringWriter _out = new(), _err = new();

    private Task<int> Invoke(string folder, params string[] args) =>
        new LivingDocCommands(_out, _err, new FakeTimeProvider(DocRendering.Now), folder).Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task Render_writes_the_page_prints_its_path_and_a_summary_and_fails_when_a_scenario_failed()
    {
        var first = await new MessagesRunBuilder(TestPaths.FixtureFeatures).WriteAsync(Path.Combine(_scratch, "1.ndjson"));
        var second = await new MessagesRunBuilder(TestPaths.FixtureFeatures).Fail("A dangerous tool waits for approval", "denied").WriteAsync(Path.Combine(_scratch, "2.ndjson"));
        var page = Path.Combine(_scratch, "out", "doc.html");

        var exit = await Invoke(_scratch, "render", "--features", TestPaths.FixtureFeatures, "--messages", first, second, "--out", page, "--title", "Review <Q4>");

        exit.Should().Be(ExitCodes.FailuresOrInputErrors, _err.ToString());
        _out.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(page, "8 scenarios: 7 passed, 1 failed");
        var html = await File.ReadAllTextAsync(page, TestContext.Current.CancellationToken);
        html.Should().Contain("<title>Review &lt;Q4&gt;</title>");
    }

    [Fact]
    public async Task Render_of_a_passing_run_exits_zero_and_spec_only_reports_not_run()
    {
        var run = await new MessagesRunBuilder(TestPaths.FixtureFeatures).WriteAsync(Path.Combine(_scratch, "ok.ndjson"));

        (await Invoke(_scratch, "render", "--features", TestPaths.FixtureFeatures, "--messages", run, "--out", Path.Combine(_scratch, "a.html"))).Should().Be(ExitCodes.Ok);
        (await Invoke(_scratch, "render", "--features", TestPaths.FixtureFeatures, "--out", Path.Combine(_scratch, "b.html"))).Should().Be(ExitCodes.Ok);

        _out.ToString().Should().Contain("8 scenarios: 8 passed, 0 failed").And.Contain("8 scenarios: 0 passed, 0 failed, 8 not run");
    }

    [Fact]
    public async Task Unusable_inputs_exit_with_two_and_say_what_to_do()
    {
        (await Invoke(_scratch, "render", "--features", Path.Combine(_scratch, "missing"))).Should().Be(ExitCodes.Unusable);
        (await Invoke(_scratch, "render")).Should().Be(ExitCodes.Unusable);

        _err.ToString().Should().Contain($"error: feature folder not found: {Path.Combine(_scratch, "missing")} (pass --features DIR)")
            .And.Contain("error: nothing to render: pass --features DIR and/or --messages FILE...");
    }

    [Fact]
    public async Task Without_arguments_it_runs_the_specs_and_needs_the_repository()
    {
        (await Invoke(_scratch)).Should().Be(ExitCodes.Unusable);

        _err.ToString().Should().Contain($"no Kaizen.sln found in {_scratch} or any parent folder");
    }

    [Fact]
    public async Task Run_needs_the_specs_project()
    {
        await File.WriteAllTextAsync(Path.Combine(_scratch, "Kaizen.sln"), "", TestContext.Current.CancellationToken);
        var nested = Directory.CreateDirectory(Path.Combine(_scratch, "docs", "deep")).FullName;

        (await Invoke(nested, "run", "--filter", "Category=memory")).Should().Be(ExitCodes.Unusable);

        _err.ToString().Should().Contain($"src/Kaizen.Specs not found under {_scratch}");
    }

    [Fact]
    public void The_run_archive_keeps_the_newest_runs_under_timestamp_names()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        var archive = new RunArchive(Path.Combine(_scratch, "runs"), time, keep: 2);
        var source = Path.Combine(_scratch, "run.ndjson");
        File.WriteAllText(source, "{}\n");

        var names = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            names.Add(Path.GetFileName(archive.Add(source)));
            time.Advance(TimeSpan.FromMinutes(1));
        }
        archive.Add(source);
        time.Advance(TimeSpan.Zero);
        var sameSecond = Path.GetFileName(archive.Add(source));

        names.Should().Equal("20261124-100000.ndjson", "20261124-100100.ndjson", "20261124-100200.ndjson");
        sameSecond.Should().Be("20261124-100300-2.ndjson");
        archive.Runs().Select(Path.GetFileName).Should().Equal("20261124-100300-2.ndjson", "20261124-100300.ndjson");
    }

    [Fact]
    public async Task Inside_the_repository_render_defaults_to_its_features_config_and_docs_folder()
    {
        await File.WriteAllTextAsync(Path.Combine(_scratch, "Kaizen.sln"), "", TestContext.Current.CancellationToken);
        CopyFolder(TestPaths.FixtureFeatures, Path.Combine(_scratch, "features"));
        File.Copy(Path.Combine(TestPaths.RepoRoot, "reqnroll.json"), Path.Combine(_scratch, "reqnroll.json"));
        var nested = Directory.CreateDirectory(Path.Combine(_scratch, "src", "somewhere")).FullName;

        var exit = await Invoke(nested, "render");

        exit.Should().Be(ExitCodes.Ok, _err.ToString());
        var page = Path.Combine(_scratch, "docs", "living-doc", "index.html");
        _out.ToString().Should().StartWith(page).And.Contain("8 scenarios: 0 passed, 0 failed, 8 not run");
        (await File.ReadAllTextAsync(page, TestContext.Current.CancellationToken)).Should().Contain("https://example.invalid/kaizen/issues/42", "reqnroll.json's tag links are used");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
