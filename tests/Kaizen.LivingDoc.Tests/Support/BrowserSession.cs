using Microsoft.Playwright;

namespace Kaizen.LivingDoc.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven by Playwright (never a downloaded browser), opening generated pages from file://
/// and recording console errors and any request that leaves the page (it must be self-contained).
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public List<string> ConsoleErrors { get; } = [];
    public List<string> NetworkRequests { get; } = [];

    public static async Task<BrowserSession> StartAsync()
    {
        ChromiumRequirement.EnsureInstalled();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var session = new BrowserSession { _playwright = await Playwright.CreateAsync() };
        session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumRequirement.Path,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        return session;
    }

    /// <summary>Opens a page and waits until its script has drawn it.</summary>
    public async Task<IPage> OpenAsync(string url, int width = 1440, int height = 1000)
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.Console += (_, message) => { if (message.Type == "error") ConsoleErrors.Add(message.Text); };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
        page.Request += (_, request) => { if (!request.Url.StartsWith("file:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)) NetworkRequests.Add(request.Url); };
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("body[data-ready='true']");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
