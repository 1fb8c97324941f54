using Kaizen.LivingDoc.Cli;
using Kaizen.LivingDoc.Rendering;
using Kaizen.LivingDoc.Tests.Support;

namespace Kaizen.LivingDoc.Tests;

/// <summary>
/// Inputs that cannot give a truthful page (empty, unknown, malformed or cut-off runs, a folder for a file) stop
/// <c>render</c> with exit 2 and a message naming the file, and the page already there is left exactly as it was.
/// </summary>
[Trait("Category", "livingdoc")]
public sealed class UnusableInputTests
{
    private const string ExistingPage = "<html>the page of the last good render</html>";
    private readonly string _scratch = TestPaths.NewScratchFolder();
    private CliResult? _result;
    private string Page => Path.Combine(_scratch, "site", "index.html");

    public UnusableInputTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Page)!);
        File.WriteAllText(Page, ExistingPage);
    }

    private string Output => _result!.Output;
    private string Error => _result!.Error;

    private async Task<int> Render(params string[] messages)
    {
        _result = await LivingDocCli.RunAsync(_scratch, ["render", "--features", TestPaths.FixtureFeatures, "--out", Page, "--messages", .. messages]);
        return _result.Exit;
    }

    private async Task<string> GoodRunWith(string name, Action<List<string>> edit)
    {
        var path = await new MessagesRunBuilder(TestPaths.FixtureFeatures).WriteAsync(Path.Combine(_scratch, name));
        var lines = File.ReadAllLines(path).ToList();
        edit(lines);
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);
        return path;
    }

    private void PageIsUntouched() => File.ReadAllText(Page).Should().Be(ExistingPage, "a failed render must never replace the page");

    [Fact]
    public async Task An_empty_messages_file_is_nothing_to_render()
    {
        var empty = Path.Combine(_scratch, "empty.ndjson");
        await File.WriteAllTextAsync(empty, "\n", TestContext.Current.CancellationToken);

        (await Render(empty)).Should().Be(ExitCodes.Unusable);

        Error.Should().Contain($"error: nothing to render in {empty}: it holds no Cucumber Messages envelope");
        PageIsUntouched();
    }

    [Fact]
    public async Task A_file_of_unknown_envelope_types_is_nothing_to_render_and_each_line_is_named()
    {
        var unknown = Path.Combine(_scratch, "unknown.ndjson");
        await File.WriteAllLinesAsync(unknown, ["{\"fooBar\":{\"id\":\"1\"}}", "{\"testThing\":{}}"], TestContext.Current.CancellationToken);

        (await Render(unknown)).Should().Be(ExitCodes.Unusable);

        Error.Should().Contain($"warning: {unknown}:1: unknown envelope type 'fooBar' (not a Cucumber Messages type): skipped")
            .And.Contain($"warning: {unknown}:2: unknown envelope type 'testThing'")
            .And.Contain($"error: nothing to render in {unknown}");
        PageIsUntouched();
    }

    [Fact]
    public async Task An_unknown_envelope_type_among_good_ones_is_a_warning_and_the_rest_renders()
    {
        var run = await GoodRunWith("mixed.ndjson", lines => lines.Insert(3, "{\"futureMessage\":{\"answer\":42}}"));

        (await Render(run)).Should().Be(ExitCodes.Ok, Error);

        Error.Trim().Should().Be($"warning: {run}:4: unknown envelope type 'futureMessage' (not a Cucumber Messages type): skipped");
        Output.Should().Contain("8 scenarios: 8 passed, 0 failed");
        File.ReadAllText(Page).Should().Contain("futureMessage", "the page lists the warning");
    }

    [Fact]
    public async Task A_malformed_line_names_file_and_line_and_the_page_is_not_written()
    {
        var run = await GoodRunWith("malformed.ndjson", lines => lines.Insert(5, "{\"pickle\": {\"id\": \"oops\","));

        (await Render(run)).Should().Be(ExitCodes.Unusable);

        Error.Should().Contain($"error: {run}:6: not valid JSON")
            .And.Contain($"error: {run} is damaged (1 line above); the page was not written");
        PageIsUntouched();
    }

    [Fact]
    public async Task A_cut_off_last_line_names_file_and_line_and_the_page_is_not_written()
    {
        var run = await GoodRunWith("cut.ndjson", lines => lines[^1] = lines[^1][..(lines[^1].Length / 2)]);
        var lastLine = File.ReadAllLines(run).Length;

        (await Render(run)).Should().Be(ExitCodes.Unusable);

        Error.Should().Contain($"error: {run}:{lastLine}: the last line is cut off: the run was probably interrupted while writing it; delete that line");
        PageIsUntouched();
    }

    [Fact]
    public async Task A_folder_passed_as_messages_is_named_as_a_folder_with_what_to_pass_instead()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_scratch, "runs")).FullName;

        (await Render(folder)).Should().Be(ExitCodes.Unusable);

        Error.Trim().Should().Be($"error: {folder} is a folder, not a messages file: pass its NDJSON files (--messages {folder}/*.ndjson)");
        PageIsUntouched();
    }

    [Fact]
    public async Task Concurrent_renders_of_one_page_each_land_whole_and_leave_no_temp_file()
    {
        var (model, _, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, []);
        var titles = Enumerable.Range(0, 8).Select(i => new string((char)('a' + i), 1_000_000)).ToList();

        await Task.WhenAll(titles.Select(t => Task.Run(() => HtmlRenderer.WriteAsync(model with { Title = t }, Page, TestContext.Current.CancellationToken))));

        var html = File.ReadAllText(Page);
        titles.Should().ContainSingle(t => html.Contains("<title>" + t + "</title>"), "the page is one writer's whole page");
        html.Should().EndWith("</html>\n");
        Directory.GetFiles(Path.GetDirectoryName(Page)!).Should().Equal([Page], "no temp file is left behind");
    }
}
