using Kaizen.LivingDoc.Tests.Support;
using Microsoft.Playwright;

namespace Kaizen.LivingDoc.Tests;

/// <summary>
/// Opens a generated page in real headless Chromium (Debian's, never a downloaded one) from file:// and uses it like
/// a reviewer: filter by tag, open the failed scenario, follow a deep link, look at the analytics.
/// </summary>
[Trait("Category", "browser")]
public sealed class BrowserTests : IAsyncLifetime
{
    private const string FailedScenario = "Overflow moves the oldest turn to the warm tier";
    private const string FailureMessage = "Expected the hot memory to hold 3 turns but it holds 4";

    private BrowserSession? _browser;

    public async ValueTask InitializeAsync() => _browser = await BrowserSession.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
    }

    private async Task<string> GenerateFixtureDocAsync()
    {
        var scratch = TestPaths.NewScratchFolder();
        var day = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var png = Convert.ToBase64String(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.png"), TestContext.Current.CancellationToken));
        var runs = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var run = new MessagesRunBuilder(TestPaths.FixtureFeatures).StartedAt(day.AddDays(i))
                .Attach("Recent turns are kept verbatim", "application/vnd.kaizen.llm-usage+json", $$"""{"inputTokens":{{1200 + i * 10}},"outputTokens":85,"costUsd":0.0031,"model":"qwen2.5:3b"}""");
            if (i == 1) run.Fail("A plan over budget is rejected", "Plan accepted although it costs 12 dollars");
            if (i == 3) run.Fail(FailedScenario, FailureMessage, stepIndex: 2).Attach(FailedScenario, "image/png", png, "BASE64", "memory-state.png")
                .PassAfterRetry("Turns are stored with their roles").WithUnusedStepDefinition("the agent forgets {string}");
            runs.Add(await run.WriteAsync(Path.Combine(scratch, $"run-{i}.ndjson")));
        }
        var page = TestPaths.Artifacts("fixture-living-doc.html");
        await DocRendering.RenderAsync(TestPaths.FixtureFeatures, runs, Path.Combine(TestPaths.RepoRoot, "reqnroll.json"), page, "Kaizen.NET living documentation");
        return page;
    }

    private Task<IPage> OpenAsync(string url) => _browser!.OpenAsync(url);

    [Fact]
    public async Task Filtering_by_memory_and_opening_the_failed_scenario_shows_its_error()
    {
        var file = await GenerateFixtureDocAsync();
        var page = await OpenAsync(new Uri(file).AbsoluteUri);

        (await page.Locator("#visible-count").GetAttributeAsync("data-count")).Should().Be("8");
        await page.FillAsync("#tag-expression", "@memory");
        await page.WaitForSelectorAsync("#visible-count[data-count='4']");
        (await page.Locator("article.case:visible").CountAsync()).Should().Be(4);
        (await page.Locator("#tree .node:not(.empty)").AllInnerTextsAsync()).Should().HaveCount(2).And.OnlyContain(t => t.Contains("memory tier"));

        var failed = page.Locator("article.case.st-failed");
        (await failed.CountAsync()).Should().Be(1);
        (await failed.Locator(".case-name").InnerTextAsync()).Should().Contain(FailedScenario);
        await failed.Locator(".case-head").ClickAsync();
        var error = failed.Locator("li.step.st-failed pre.error");
        await error.WaitForAsync();
        (await error.InnerTextAsync()).Should().Be(FailureMessage);
        (await failed.Locator("li.step.st-failed .text").InnerTextAsync()).Should().Contain("the hot memory holds 3 turns");
        (await failed.Locator(".label-regressed").CountAsync()).Should().Be(1);
        (await failed.Locator(".attachment img").CountAsync()).Should().Be(1);
        (await failed.Locator("a.tag.linked").GetAttributeAsync("href")).Should().Be("https://example.invalid/kaizen/issues/42");
        page.Url.Should().Contain("tags=%40memory").And.Contain("open=memory%2Fhot_tier.feature%3A17");

        var screenshot = TestPaths.Artifacts("living-doc-memory-failed.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        File.Copy(screenshot, Path.Combine(TestPaths.RepoRoot, "docs", "living-doc", "screenshot.png"), overwrite: true);
        TestContext.Current.AddAttachment("screenshot", await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken), "image/png");

        _browser!.ConsoleErrors.Should().BeEmpty();
        _browser!.NetworkRequests.Should().BeEmpty("the page is self-contained");
    }

    [Fact]
    public async Task A_deep_link_restores_filters_and_the_open_scenario()
    {
        var file = await GenerateFixtureDocAsync();
        var page = await OpenAsync(new Uri(file).AbsoluteUri + "#tags=%40core%20and%20not%20%40planning&status=failed,passed&open=memory%2Fhot_tier.feature%3A17");

        (await page.InputValueAsync("#tag-expression")).Should().Be("@core and not @planning");
        (await page.Locator("#visible-count").GetAttributeAsync("data-count")).Should().Be("4", "3 hot tier scenarios and the tool scenario are @core");
        (await page.Locator("#status-filters .chip.on").AllInnerTextsAsync()).Should().HaveCount(2);
        (await page.Locator("article.case.open pre.error").InnerTextAsync()).Should().Be(FailureMessage);

        await page.ClickAsync("#status-filters [data-status='passed']");
        await page.WaitForSelectorAsync("#visible-count[data-count='1']");
        page.Url.Should().Contain("status=failed").And.NotContain("passed");
        _browser!.ConsoleErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task Tag_expressions_follow_cucumber_precedence_and_report_mistakes()
    {
        var page = await OpenAsync(new Uri(await GenerateFixtureDocAsync()).AbsoluteUri);

        async Task<bool> Eval(string expression, params string[] tags) =>
            await page.EvaluateAsync<bool>("([e, t]) => window.kaizenTagExpression(e)(new Set(t))", new object[] { expression, tags });

        (await Eval("@a or @b and @c", "@a")).Should().BeTrue("and binds tighter than or");
        (await Eval("(@a or @b) and @c", "@a")).Should().BeFalse();
        (await Eval("not @a and @b", "@b")).Should().BeTrue();
        (await Eval("not (@a or @b)", "@b")).Should().BeFalse();
        (await Eval("@Memory", "@memory")).Should().BeTrue("tags match case-insensitively");
        (await Eval("@issue\\(42\\)", "@issue(42)")).Should().BeTrue("backslash escapes parentheses");

        await page.FillAsync("#tag-expression", "@memory and (@core");
        await page.WaitForSelectorAsync("#tag-error:has-text('a \"(\" is not closed')");
        (await page.Locator("#visible-count").GetAttributeAsync("data-count")).Should().Be("8", "an invalid expression does not filter");

        await page.FillAsync("#tag-expression", "@planning or @tools");
        await page.WaitForSelectorAsync("#visible-count[data-count='4']");
    }

    [Fact]
    public async Task Analytics_and_step_definition_views_show_charts_history_and_unused_steps()
    {
        var page = await OpenAsync(new Uri(await GenerateFixtureDocAsync()).AbsoluteUri);

        await page.ClickAsync(".tab[data-view='analytics']");
        await page.WaitForSelectorAsync(".kpis");
        (await page.Locator(".panel svg").CountAsync()).Should().BeGreaterThanOrEqualTo(5);
        (await page.Locator(".panel h3").AllInnerTextsAsync()).Should().Contain(["Status by category tag", "Status by tier (@core, @slow, @long-running)", "Run history (4 runs, oldest first)"]);
        (await page.Locator(".panel svg text").AllTextContentsAsync()).Should().Contain(["@memory", "@core", "@slow"]);
        (await page.Locator(".kpi").AllInnerTextsAsync()).Should().Contain(k => k.Contains("LLM tokens", StringComparison.OrdinalIgnoreCase));
        (await page.Locator("a[data-goto]").AllInnerTextsAsync()).Should().Contain(FailedScenario).And.Contain("A plan over budget is rejected");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestPaths.Artifacts("living-doc-analytics.png"), FullPage = true });

        await page.ClickAsync(".tab[data-view='steps']");
        await page.WaitForSelectorAsync("table.list");
        (await page.Locator("tr.unused code").First.InnerTextAsync()).Should().Be("the agent forgets {string}");
        _browser!.ConsoleErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task Printing_hides_the_controls_and_expands_every_scenario()
    {
        var page = await OpenAsync(new Uri(await GenerateFixtureDocAsync()).AbsoluteUri);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.WaitForSelectorAsync("article.case.st-failed pre.error");

        (await page.Locator("aside.side").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator(".tabs").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator("article.case .case-body:visible").CountAsync()).Should().Be(8);
        (await page.Locator("article.case.st-failed pre.error").InnerTextAsync()).Should().Be(FailureMessage);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestPaths.Artifacts("living-doc-print.png"), FullPage = true });
        _browser!.ConsoleErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task Hostile_feature_text_is_shown_as_text_and_never_runs()
    {
        var file = TestPaths.Artifacts("hostile-living-doc.html");
        await DocRendering.RenderAsync(PageSafetyTests.HostileFeatures, [], outFile: file);
        var page = await OpenAsync(new Uri(file).AbsoluteUri);

        (await page.EvaluateAsync<bool>("() => window.pwned === undefined")).Should().BeTrue();
        (await page.Locator("section.feature h2").InnerTextAsync()).Should().Be("Feature: Escape </script><script>window.pwned = 1</script>");
        await page.ClickAsync("article.case .case-head");
        (await page.Locator("article.case li.step .text").InnerTextAsync()).Should().Be("Given the text \"</script><script>window.pwned = 4</script>\"");
        (await page.EvaluateAsync<bool>("() => window.pwned === undefined")).Should().BeTrue();
        _browser!.ConsoleErrors.Should().BeEmpty();
    }
}
