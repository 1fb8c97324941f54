using Kaizen.LivingDoc.Tests.Support;
using Microsoft.Playwright;

namespace Kaizen.LivingDoc.Tests;

/// <summary>
/// A stakeholder's view of a review in real headless Chromium: header counts, the "needs review" filter, the gone
/// sign-offs and the word diff of a changed scenario. Writes docs/living-doc/review-diff.png.
/// </summary>
[Trait("Category", "browser")]
public sealed class ReviewBrowserTests : IAsyncLifetime
{
    private BrowserSession? _browser;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
    }

    private static async Task<string> ReviewedPageAsync()
    {
        var fixture = await ReviewFixture.SignedAndEditedAsync();
        var run = await new MessagesRunBuilder(fixture.Features).WriteAsync(Path.Combine(fixture.Folder, "run.ndjson"));
        return await fixture.RenderAsync(TestPaths.Artifacts("review-living-doc.html"), "--messages", run, "--title", "Kaizen.NET living documentation");
    }

    private static async Task<string> Count(IPage page, string selector) => (await page.Locator(selector).GetAttributeAsync("data-count"))!;

    [Fact]
    public async Task The_needs_review_filter_shows_changed_new_and_gone_scenarios_and_a_changed_one_shows_its_word_diff()
    {
        var page = await _browser!.OpenAsync(new Uri(await ReviewedPageAsync()).AbsoluteUri, 1280, 900);

        (await Count(page, ".review-pill.review-reviewed"), await Count(page, ".review-pill.review-changed"),
            await Count(page, ".review-pill.review-new"), await Count(page, ".review-pill.review-gone")).Should().Be(("3", "4", "1", "1"),
            "counts are per scenario card: the changed outline has two Examples rows");
        (await Count(page, "#visible-count")).Should().Be("8");

        await page.ClickAsync("#review-filters [data-review='needs']");
        await page.WaitForSelectorAsync("#visible-count[data-count='5']");
        page.Url.Should().Contain("review=needs");
        (await page.Locator("article.case .case-name").AllInnerTextsAsync()).Should().OnlyContain(n =>
            n.Contains(ReviewFixture.RenamedStep) || n.Contains(ReviewFixture.ChangedTableCell) || n.Contains("Replan after") || n.Contains(ReviewFixture.Added));
        (await page.Locator("#gone-reviews summary").InnerTextAsync()).Should().Contain("tools/approval.feature").And.Contain(ReviewFixture.Removed).And.Contain("signed by Ada on 2026-11-24");

        var changed = page.Locator("article.case", new PageLocatorOptions { HasText = ReviewFixture.RenamedStep });
        await changed.Locator(".case-head").ClickAsync();
        var diff = changed.Locator(".review-diff");
        await diff.WaitForAsync();
        (await diff.Locator(".diff-changed del").AllInnerTextsAsync()).Should().Equal("says");
        (await diff.Locator(".diff-changed ins").AllInnerTextsAsync()).Should().Equal("writes");
        (await diff.Locator(".diff-line").CountAsync()).Should().Be(5, "title, background step and three steps");
        (await changed.Locator(".review-row").InnerTextAsync()).Should().Be("Changed since Ada reviewed it on 2026-11-24");

        await page.ClickAsync("#review-filters [data-review='needs']");
        await page.ClickAsync("#review-filters [data-review='reviewed']");
        await page.WaitForSelectorAsync("#visible-count[data-count='3']");
        (await page.Locator("#gone-reviews").CountAsync()).Should().Be(0, "gone sign-offs show with 'needs review' or 'gone'");
        _browser.ConsoleErrors.Should().BeEmpty();
        _browser.NetworkRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_deep_link_to_a_changed_scenario_opens_its_diff_for_the_screenshot()
    {
        var url = new Uri(await ReviewedPageAsync()).AbsoluteUri + "#review=needs&open=" + Uri.EscapeDataString("memory/hot_tier.feature:22");
        var page = await _browser!.OpenAsync(url, 1280, 760);

        var open = page.Locator("article.case.open");
        (await open.Locator(".case-name").InnerTextAsync()).Should().Contain(ReviewFixture.ChangedTableCell);
        (await open.Locator(".diff-changed del").InnerTextAsync()).Should().Be("to?");
        (await open.Locator(".diff-changed ins").InnerTextAsync()).Should().Be("next?");

        await open.EvaluateAsync("el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 110)");
        var screenshot = TestPaths.Artifacts("review-diff.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        File.Copy(screenshot, Path.Combine(TestPaths.RepoRoot, "docs", "living-doc", "review-diff.png"), overwrite: true);
        TestContext.Current.AddAttachment("review-diff", await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken), "image/png");
        _browser.ConsoleErrors.Should().BeEmpty();
    }
}
