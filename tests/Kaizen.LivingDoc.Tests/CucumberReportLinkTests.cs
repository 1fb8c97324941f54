using Kaizen.LivingDoc.Cli;
using Kaizen.LivingDoc.Tests.Support;

namespace Kaizen.LivingDoc.Tests;

/// <summary>The Cucumber HTML report Reqnroll writes for a run is kept beside the page and linked from its header.</summary>
[Trait("Category", "livingdoc")]
public sealed class CucumberReportLinkTests
{
    [Fact]
    public async Task A_report_beside_the_page_is_linked_and_none_is_not()
    {
        var folder = TestPaths.NewScratchFolder();
        var page = Path.Combine(folder, "index.html");

        var (_, _, without) = await DocRendering.RenderAsync(PageSafetyTests.HostileFeatures, [], outFile: page);
        var report = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(report, "<html>report</html>", TestContext.Current.CancellationToken);
        CucumberReport.Keep(report, page);
        var (_, _, with) = await DocRendering.RenderAsync(PageSafetyTests.HostileFeatures, [], outFile: page);

        without.Should().NotContain("class=\"report-link\"");
        with.Should().Contain("<a class=\"report-link\" href=\"cucumber-report.html\"");
        File.Exists(Path.Combine(folder, CucumberReport.FileName)).Should().BeTrue();
        File.Exists(report).Should().BeFalse("the run's report is moved, not copied");
    }

    [Fact]
    public void The_specs_run_points_reqnrolls_message_and_html_formatters_at_the_given_files()
    {
        var json = SpecsRunner.FormattersJson("/tmp/a.ndjson", "/tmp/a.html");

        json.Should().Be("{\"formatters\":{\"message\":{\"outputFilePath\":\"/tmp/a.ndjson\"},\"html\":{\"outputFilePath\":\"/tmp/a.html\"}}}");
    }
}
