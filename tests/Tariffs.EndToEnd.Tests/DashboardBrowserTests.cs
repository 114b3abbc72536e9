using Microsoft.Playwright;
using Tariffs.Testing;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// The dashboard in real headless Chromium (Debian's <c>/usr/bin/chromium</c>, driven by Playwright): its charts are
/// drawn from <see cref="ReportDataset"/> with the figures a person computes from it, nothing is requested from another
/// origin, and a screenshot is kept as <c>artifacts/browser/dashboard.png</c> for people to look at (not asserted).
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class DashboardBrowserTests(LocalHostFixture host)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_draws_take_up_by_area_and_the_monthly_cost_in_chromium()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (.ci/run does it).");
        await ReportDataset.EnsureLoadedAsync(host);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 1500 } });
        var errors = new List<string>();
        var elsewhere = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(host.BaseAddress.ToString(), StringComparison.Ordinal))
                elsewhere.Add(request.Url);
        };

        await page.GotoAsync(new Uri(host.BaseAddress, "api/dashboard").ToString());
        await page.SelectOptionAsync("#table-choice", new SelectOptionValue { Label = $"water — {ReportDataset.Authority}" });

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        // Take-up: M and S are hidden; N is published, but its 4 eligible households (of 14) are a group under k: withheld.
        Assert.Equal(0, await page.Locator("#take-up-chart svg rect.bar[data-value]").CountAsync());
        Assert.Equal(3, await page.Locator("#take-up-chart svg rect.hidden-value").CountAsync());
        Assert.Contains("hidden (few eligible households)", await page.Locator("#take-up-chart").InnerTextAsync());
        // Cost over time: December 2022, 4 × 44.00 € = 176 €; January 2023 (one household) is hidden.
        var cost = page.Locator("#cost-chart svg rect.bar[data-value]");
        Assert.Equal(1, await cost.CountAsync());
        Assert.Equal("176", await cost.First.GetAttributeAsync("data-value"));
        Assert.Contains("Not available yet", await page.Locator("#affordability-chart").InnerTextAsync());
        // Key figures of 2022: 29 households billed (14 + 12 + 3); 4 eligible and 4 received is a group under k = 11,
        // withheld ("—", and so the take-up); the cost is 4 × 44.00 € = 176 €, shown rounded to the euro.
        Assert.Equal(["29", "—", "—", "—", "€176"], await page.Locator("#key-figures .figure b").AllInnerTextsAsync());

        var folder = Path.Combine(RepositoryRoot.Find(), "artifacts", "browser");
        Directory.CreateDirectory(folder);
        var screenshot = Path.Combine(folder, "dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });

        Assert.Empty(errors);
        Assert.Empty(elsewhere);
    }
}
