using System.Text.Json.Nodes;
using Tariffs.Functions.Dashboard;
using Tariffs.Functions.Reports;

namespace Tariffs.Functions.Tests.Dashboard;

/// <summary>The dashboard's language: ?lang= first, then Accept-Language by quality, then English.</summary>
public sealed class DashboardLanguageTests
{
    [Theory]
    [InlineData("fr", "en-GB", "fr")]
    [InlineData("en", "fr-FR", "en")]
    [InlineData("de", "fr-FR", "fr")] // an unsupported ?lang= is ignored
    [InlineData(null, "fr-FR,fr;q=0.9,en;q=0.8", "fr")]
    [InlineData(null, "en-GB,fr;q=0.5", "en")]
    [InlineData(null, "de-DE, fr-BE;q=0.4, en;q=0.3", "fr")]
    [InlineData(null, "en;q=0.2, fr;q=0.7", "fr")]
    [InlineData(null, "fr;q=0", "en")]
    [InlineData(null, "de", "en")]
    [InlineData(null, "*", "en")]
    [InlineData(null, null, "en")]
    [InlineData(null, "", "en")]
    public void Language_is_chosen_by_query_then_header_then_english(string? query, string? acceptLanguage, string expected) =>
        Assert.Equal(expected, DashboardLanguage.Choose(query, acceptLanguage));

    [Theory]
    [InlineData("fr", "<html lang=\"fr\">", "Tarifs sociaux : qui est aidé, et ce que cela coûte")]
    [InlineData("en", "<html lang=\"en\">", "Social tariffs: who gets help, and what it costs")]
    public void The_page_is_in_the_chosen_language_with_every_sentence_filled(string language, string root, string title)
    {
        var page = DashboardPage.Render([], [], language, "water", new OpenDataOptions());

        Assert.Contains(root, page);
        Assert.Contains(title, page);
        Assert.DoesNotContain("{{", page);
        Assert.DoesNotContain("/*TEXT*/", page);
        Assert.Contains($"href=\"?lang={language}&amp;service=water\" lang=\"{language}\" hreflang=\"{language}\" aria-current=\"page\"", page);
        Assert.Contains("Licence Ouverte / Etalab 2.0", page);
    }

    [Fact]
    public void Every_language_has_every_sentence_of_english()
    {
        static JsonObject Text(string language)
        {
            using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream($"Tariffs.Functions.Dashboard.dashboard.{language}.json")!;
            return JsonNode.Parse(stream)!.AsObject();
        }
        var english = Text("en").Select(p => p.Key).Order().ToList();

        Assert.All(DashboardLanguage.Supported, language => Assert.Equal(english, Text(language).Select(p => p.Key).Order().ToList()));
    }
}
