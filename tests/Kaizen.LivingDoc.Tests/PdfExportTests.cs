using Kaizen.LivingDoc.Cli;
using Kaizen.LivingDoc.Tests.Support;

namespace Kaizen.LivingDoc.Tests;

/// <summary>
/// The pdf command prints the page through Debian's headless Chromium: the PDF's own text holds every selected
/// scenario title, one feature per page, with the review marks.
/// </summary>
[Trait("Category", "browser")]
public sealed class PdfExportTests
{
    private static async Task<(ReviewFixture Fixture, string Page)> ReviewedPageAsync()
    {
        var fixture = await ReviewFixture.SignedAndEditedAsync();
        return (fixture, await fixture.RenderAsync(Path.Combine(fixture.Folder, "index.html")));
    }

    [Fact]
    public async Task A_filtered_pdf_holds_every_selected_scenario_title_one_feature_per_page()
    {
        ChromiumRequirement.EnsureInstalled();
        var (fixture, page) = await ReviewedPageAsync();
        var pdf = TestPaths.Artifacts("living-doc-memory.pdf");

        var (exit, output, error) = await fixture.CliAsync("pdf", "--page", page, "--out", pdf, "--filter", "@memory", "--chromium", ChromiumRequirement.Path);

        exit.Should().Be(ExitCodes.Ok, error);
        output.Should().Contain("livingdoc: PDF written in");
        var document = PdfText.Read(pdf);
        var text = PdfText.Squeezed(string.Join("\n", document.Pages));
        string[] memoryTitles = [ReviewFixture.RenamedStep, ReviewFixture.Unchanged, ReviewFixture.ChangedTableCell, ReviewFixture.Reformatted];
        foreach (var title in memoryTitles) text.Should().Contain(PdfText.Squeezed(title));
        text.Should().NotContain(PdfText.Squeezed(ReviewFixture.Added), "the tools feature is not @memory");
        text.Should().Contain(PdfText.Squeezed("changed since review")).And.Contain(PdfText.Squeezed("✓ reviewed"));
        document.Pages.Should().HaveCountGreaterThanOrEqualTo(2);
        PdfText.Squeezed(document.Pages.First(p => PdfText.Squeezed(p).Contains("Feature:Coldmemorytier"))).Should().NotContain("Feature:Hotmemorytier", "each feature starts a page");
    }

    [Fact]
    public async Task The_needs_review_pdf_holds_the_changed_and_new_scenarios_and_the_gone_ones()
    {
        ChromiumRequirement.EnsureInstalled();
        var (fixture, page) = await ReviewedPageAsync();
        var pdf = TestPaths.Artifacts("living-doc-needs-review.pdf");

        (await fixture.CliAsync("pdf", "--page", page, "--out", pdf, "--needs-review", "--chromium", ChromiumRequirement.Path)).Exit.Should().Be(ExitCodes.Ok);

        var text = PdfText.Squeezed(string.Join("\n", PdfText.Read(pdf).Pages));
        foreach (var title in new[] { ReviewFixture.RenamedStep, ReviewFixture.ChangedTableCell, ReviewFixture.ChangedExamples, ReviewFixture.Added, ReviewFixture.Removed })
            text.Should().Contain(PdfText.Squeezed(title));
        text.Should().NotContain(PdfText.Squeezed(ReviewFixture.Unchanged)).And.NotContain(PdfText.Squeezed(ReviewFixture.Reformatted));
        text.Should().Contain(PdfText.Squeezed("Changes since review"), "the diff of a changed scenario is printed");
    }

    [Fact]
    public async Task Without_chromium_the_pdf_command_says_what_to_install()
    {
        var (fixture, page) = await ReviewedPageAsync();
        var missing = Path.Combine(fixture.Folder, "no-chromium-here");

        var (exit, _, error) = await fixture.CliAsync("pdf", "--page", page, "--chromium", missing);

        exit.Should().Be(ExitCodes.Unusable);
        error.Should().Contain($"error: chromium not found at {missing}");
        ChromiumLocator.MissingMessage(null).Should().Contain("apt-get install -y chromium").And.Contain("--chromium PATH");
    }
}
