using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Tariffs.Testing;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// The dashboard in real headless Chromium (Debian's <c>/usr/bin/chromium</c>, driven by Playwright), in French and in
/// English: the language follows the browser's Accept-Language and the visible switch, the figures of
/// <see cref="ReportDataset"/> are shown in the language's formats, the catalog's names and take-up target with the
/// areas of <see cref="TakeUpDataset"/>, axe-core finds no violation, nothing is requested from another origin, and a
/// screenshot of the take-up dataset's page is kept for people to look at (not asserted) as
/// <c>artifacts/browser/dashboard-{language}.png</c> (<c>docs/dashboard-{language}.png</c> when
/// <c>TARIFFS_SCREENSHOTS=docs</c>: scripts/screenshots.sh).
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class DashboardBrowserTests(LocalHostFixture host)
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Nbsp = "\u00A0";

    /// <summary>The figures of <see cref="ReportDataset"/> for 2022, water, as a reader of each language sees them.</summary>
    public static TheoryData<string, string, Expected> Languages => new()
    {
        {
            "fr", "fr-FR", new Expected(
                Cost: "176" + Nbsp + "€", AverageBefore: "137,60" + Nbsp + "€", AverageAfter: "131,53" + Nbsp + "€", AreaNAfter: "125,03" + Nbsp + "€",
                P109: "0,0506" + Nbsp + "€/m³", HiddenFew: "masqué (peu de ménages)", HiddenFewEligible: "masqué (peu de ménages éligibles)",
                Heading: "Taux de recours par quartier", Withheld: "masqué", OtherLanguage: "en")
        },
        {
            "en", "en-GB", new Expected(
                Cost: "€176", AverageBefore: "€137.60", AverageAfter: "€131.53", AreaNAfter: "€125.03",
                P109: "€0.0506/m³", HiddenFew: "hidden (few households)", HiddenFewEligible: "hidden (few eligible households)",
                Heading: "Take-up by neighbourhood", Withheld: "withheld", OtherLanguage: "fr")
        },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Dashboard_shows_the_computed_figures_in_the_readers_language_and_passes_axe(string language, string locale, Expected expected)
    {
        await ReportDataset.EnsureLoadedAsync(host);
        await BrowseAsync(locale, page => ShowsTheComputedFigures(page, language, expected));
    }

    /// <summary>
    /// The figures of <see cref="TakeUpDataset"/> for 2022, as a reader of each language sees them: the catalog's names,
    /// its 80% target, and each area's take-up against it.
    /// </summary>
    public static TheoryData<string, TargetExpected> TargetLanguages => new()
    {
        {
            "fr-FR", new TargetExpected(
                Table: "eau potable — Communauté urbaine de Dunkerque", Total: "50" + Nbsp + "%", Target: "80" + Nbsp + "%",
                Full: "100" + Nbsp + "%", None: "0" + Nbsp + "%", Reached: "objectif atteint",
                RosendaelBelow: "▼ sous l'objectif (-80 points)", TotalBelow: "▼ sous l'objectif (-30 points)",
                Note: "Objectif fixé par l'autorité : 80" + Nbsp + "% des ménages éligibles aidés, en vigueur depuis le 1 janvier 2022.", AllAreas: "Toutes les zones (total)")
        },
        {
            "en-GB", new TargetExpected(
                Table: "drinking water — Dunkirk Urban Community", Total: "50%", Target: "80%", Full: "100%", None: "0%", Reached: "target reached",
                RosendaelBelow: "▼ below the target (-80 points)", TotalBelow: "▼ below the target (-30 points)",
                Note: "Target set by the authority: 80% of eligible households helped, in force from 1 January 2022.", AllAreas: "All areas (total)")
        },
    };

    [Theory]
    [MemberData(nameof(TargetLanguages))]
    public async Task Dashboard_names_areas_from_the_catalog_and_marks_those_below_the_take_up_target(string locale, TargetExpected expected)
    {
        await TakeUpDataset.EnsureLoadedAsync(host);
        await BrowseAsync(locale, async page =>
        {
            var table = $"water|{TakeUpDataset.Authority}";
            Assert.Equal(expected.Table, await page.InnerTextAsync($"#table-choice option[value=\"{table}\"]"));
            await page.SelectOptionAsync("#table-choice", table);
            Assert.Equal("2022", await page.InputValueAsync("#period-choice"));

            // 11 of 22 eligible households helped: 50%, against the catalog's 80% target (in force from 1 January 2022).
            Assert.Equal(expected.Total, await Figure(page, "takeUpRate"));
            Assert.Equal(expected.Target, await Figure(page, "takeUpTarget"));
            Assert.StartsWith(expected.Note, await page.InnerTextAsync("#take-up-target"), StringComparison.Ordinal);
            Assert.Contains("objectif de recours au tarif social", await page.InnerTextAsync("#take-up-target cite"), StringComparison.Ordinal);

            // The areas by their catalog names; Malo-les-Bains 11 of 11 (100%) reaches it, Rosendaël 0 of 11 is 80 points
            // below, the total 30 points below: said in words in the table and beside the bar, not by colour alone.
            Assert.Equal("Malo-les-Bains", await page.InnerTextAsync("#take-up-table tbody tr[data-key=\"59183-A\"] th"));
            Assert.Equal("Rosendaël", await page.InnerTextAsync("#take-up-table tbody tr[data-key=\"59183-B\"] th"));
            Assert.Equal(expected.AllAreas, await page.InnerTextAsync("#take-up-table tbody tr[data-key=\"*\"] th"));
            Assert.Equal(expected.Full, await Cell(page, "take-up-table", "59183-A", "takeUpRate"));
            Assert.Equal(expected.Reached, await Cell(page, "take-up-table", "59183-A", "againstTarget"));
            Assert.Equal(expected.None, await Cell(page, "take-up-table", "59183-B", "takeUpRate"));
            Assert.Equal(expected.RosendaelBelow, await Cell(page, "take-up-table", "59183-B", "againstTarget"));
            Assert.Equal(expected.Target, await Cell(page, "take-up-table", "59183-B", "takeUpTarget"));
            Assert.Equal(expected.TotalBelow, await Cell(page, "take-up-table", "*", "againstTarget"));
            Assert.Equal(["1", "0"], await page.Locator("#take-up-chart svg rect.bar[data-value]").EvaluateAllAsync<string[]>("bars => bars.map(b => b.getAttribute('data-value'))"));
            Assert.Equal("0.8", await page.GetAttributeAsync("#take-up-chart svg line.marker", "data-value"));
            Assert.Contains(expected.None + " " + expected.RosendaelBelow, await page.TextContentAsync("#take-up-chart svg"), StringComparison.Ordinal);
            Assert.Contains("Rosendaël", await page.TextContentAsync("#universal-chart svg"), StringComparison.Ordinal);

            var axe = await page.RunAxe();
            Assert.True(axe.Violations.Length == 0,
                string.Join("\n", axe.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));

            await Screenshot(page, locale[..2]);
        });
    }

    /// <summary>
    /// Opens the dashboard in headless Chromium whose Accept-Language is <paramref name="locale"/>, runs
    /// <paramref name="reader"/>, and then asserts that the page threw nothing and requested nothing from another origin.
    /// </summary>
    private async Task BrowseAsync(string locale, Func<IPage, Task> reader)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (.ci/run does it).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        // The context's locale is the browser's Accept-Language: no ?lang=, the page follows it.
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1100, Height = 1500 },
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        var elsewhere = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(host.BaseAddress.ToString(), StringComparison.Ordinal))
                elsewhere.Add(request.Url);
        };

        await page.GotoAsync(new Uri(host.BaseAddress, "api/dashboard").ToString());
        await reader(page);

        Assert.Empty(errors);
        Assert.Empty(elsewhere);
    }

    private async Task ShowsTheComputedFigures(IPage page, string language, Expected expected)
    {
        // Keyboard: the first Tab reaches the skip link.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip", await page.EvaluateAsync<string>("document.activeElement.className"));
        await page.SelectOptionAsync("#table-choice", $"water|{ReportDataset.Authority}");

        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(expected.Heading, await page.InnerTextAsync("#take-up-heading"));
        // 2023 (one household) is hidden, so 2022 is the year shown.
        Assert.Equal("2022", await page.InputValueAsync("#period-choice"));

        // Key figures of 2022: 29 households; the cost 4 × 44.00 € = 176 €; average bills 29 × 137.60 ÷ 29 and
        // (3,990.40 − 176.00) ÷ 29 = 131.531…; P109.0 = 176.00 ÷ (29 × 120 m³) = 0.0506 €/m³.
        Assert.Equal("29", await Figure(page, "householdsBilled"));
        // 4 eligible and 4 helped of 29 is a group under k = 11: withheld, and so the take-up.
        Assert.Equal(expected.Withheld, await Figure(page, "householdsEligible"));
        Assert.Equal(expected.Withheld, await Figure(page, "takeUpRate"));
        Assert.Equal(expected.Cost, await Figure(page, "cost"));
        Assert.Equal(expected.AverageBefore, await Figure(page, "averageBillBefore"));
        Assert.Equal(expected.AverageAfter, await Figure(page, "averageBillAfter"));
        Assert.Equal(expected.AverageBefore, await Figure(page, "d102PriceOf120M3"));
        Assert.Equal(expected.P109, await Figure(page, "p109SocialCostPerM3"));

        // Cost by year, not by month: the whole 2022 cost is one yearly figure, 2023 is withheld; chart and table agree.
        Assert.Equal(expected.Cost, await Cell(page, "cost-table", "2022", "cost"));
        Assert.Equal(expected.HiddenFew, await Cell(page, "cost-table", "2023", "cost"));
        Assert.Equal(["176"], await page.Locator("#cost-chart svg rect.bar[data-value]").EvaluateAllAsync<string[]>("bars => bars.map(b => b.getAttribute('data-value'))"));
        Assert.Equal(1, await page.Locator("#annual-note").CountAsync());
        Assert.Equal(0, await page.Locator("#cost-quarter-table").CountAsync());

        // Take-up: M and S are hidden; N is published, but its 4 eligible households (of 14) are a group under k: withheld.
        Assert.Equal(0, await page.Locator("#take-up-chart svg rect.bar[data-value]").CountAsync());
        Assert.Equal(3, await page.Locator("#take-up-chart svg rect.hidden-value").CountAsync());
        Assert.Equal(expected.HiddenFewEligible, await Cell(page, "take-up-table", "N", "takeUpRate"));
        Assert.Equal(expected.HiddenFew, await Cell(page, "take-up-table", "S", "takeUpRate"));

        // Average bill by area: N, 1,750.40 ÷ 14 = 125.03 after; M hidden.
        Assert.Equal(expected.AverageBefore, await Cell(page, "average-table", "N", "averageBillBefore"));
        Assert.Equal(expected.AreaNAfter, await Cell(page, "average-table", "N", "averageBillAfter"));
        Assert.Equal(expected.HiddenFew, await Cell(page, "average-table", "M", "averageBillAfter"));
        Assert.Equal("0", await Cell(page, "universal-table", "N", "overchargeFindings"));
        Assert.Equal(expected.HiddenFew, await Cell(page, "universal-table", "S", "blockedRestrictions"));
        Assert.Equal("Licence Ouverte / Etalab 2.0", await page.InnerTextAsync("#licence-link"));

        // Every chart has its table, every table its caption and headers; axe-core (WCAG 2.2 AA and best practices) finds nothing.
        Assert.Equal(await page.Locator("svg[role=img]").CountAsync(), await page.Locator("table caption").CountAsync());
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0,
            string.Join("\n", axe.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));

        // The visible switch: the other language's link leads to the page in that language.
        await page.ClickAsync($"nav a[hreflang={expected.OtherLanguage}]");
        await page.WaitForFunctionAsync($"document.documentElement.lang === '{expected.OtherLanguage}'");
        Assert.Equal(expected.OtherLanguage, await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("page", await page.GetAttributeAsync($"nav a[hreflang={expected.OtherLanguage}]", "aria-current"));
    }

    private static Task<string> Figure(IPage page, string field) => page.InnerTextAsync($"#key-figures .figure[data-field={field}] b");

    private static Task<string> Cell(IPage page, string table, string key, string field) =>
        page.InnerTextAsync($"#{table} tbody tr[data-key=\"{key}\"] td[data-field={field}]");

    private static async Task Screenshot(IPage page, string language)
    {
        var root = RepositoryRoot.Find();
        var folder = Environment.GetEnvironmentVariable("TARIFFS_SCREENSHOTS") == "docs"
            ? Path.Combine(root, "docs")
            : Path.Combine(root, "artifacts", "browser");
        Directory.CreateDirectory(folder);
        var screenshot = Path.Combine(folder, $"dashboard-{language}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
    }

    /// <summary>What a reader of one language reads (a person computed the figures from <see cref="ReportDataset"/>).</summary>
    public sealed record Expected(
        string Cost, string AverageBefore, string AverageAfter, string AreaNAfter, string P109,
        string HiddenFew, string HiddenFewEligible, string Heading, string Withheld, string OtherLanguage);

    /// <summary>What a reader of one language reads of <see cref="TakeUpDataset"/> (a person computed the figures).</summary>
    public sealed record TargetExpected(
        string Table, string Total, string Target, string Full, string None, string Reached,
        string RosendaelBelow, string TotalBelow, string Note, string AllAreas);
}
