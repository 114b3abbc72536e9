using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Tariffs.Application.Json;
using Tariffs.Application.Reports;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Reports;
using Tariffs.Functions.Reports;

namespace Tariffs.Functions.Dashboard;

/// <summary>
/// The public dashboard: one self-contained HTML page (the embedded <c>dashboard.html</c>) in one language, whose
/// sentences come from the embedded <c>dashboard.{language}.json</c> (<c>{{t:key}}</c> in the page, and the whole
/// dictionary for its script), and whose inline script draws SVG charts and their data tables from the public report
/// rows embedded in it as JSON. Nothing is loaded from elsewhere. A new language is a new text file.
/// </summary>
public static partial class DashboardPage
{
    private const string ReportData = "/*REPORT_DATA*/";
    private const string TextData = "/*TEXT*/";
    private const string MetaData = "/*META*/";

    private static readonly Lazy<string> Template = new(() => Resource("dashboard.html"));
    private static readonly ConcurrentDictionary<string, JsonObject> Texts = new(StringComparer.Ordinal);

    /// <summary>Escapes markup characters only: the page is UTF-8, so é stays é.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    [GeneratedRegex(@"\{\{t:(?<key>\w+)\}\}")]
    private static partial Regex TextKey();

    /// <summary>
    /// The page for <paramref name="rows"/> (public view only) in <paramref name="language"/> (one of
    /// <see cref="DashboardLanguage.Supported"/>), its language switch keeping <paramref name="service"/>, each authority's
    /// licence (or the default one) and the source from <paramref name="openData"/>, the definition of every
    /// published field in its language (French, else English), and the names and take-up targets of
    /// <paramref name="catalogs"/> (<see cref="DashboardCatalogs"/>). The JSON serializer escapes &lt;, &gt; and &amp;, so
    /// no value can close the script element it sits in.
    /// </summary>
    public static string Render(IReadOnlyList<EquityReportRow> rows, IReadOnlyList<ServiceCatalog> catalogs, string language, string? service, OpenDataOptions openData)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(catalogs);
        ArgumentNullException.ThrowIfNull(openData);
        if (!DashboardLanguage.Supported.Contains(language))
            throw new ArgumentOutOfRangeException(nameof(language), language, "not a supported language");
        var text = Text(language);
        var licences = new JsonObject();
        foreach (var authority in rows.Select(r => r.Authority).Distinct(StringComparer.Ordinal))
        {
            var licence = openData.LicenceOf(authority);
            licences[authority] = new JsonObject { ["name"] = licence.Name, ["url"] = licence.Url };
        }
        var fallback = openData.LicenceOf("");
        var definitions = new JsonArray(EquityCellFields.Published
            .Select(f => (JsonNode?)new JsonObject { ["name"] = f.Name, ["text"] = language == "fr" ? f.French : f.English }).ToArray());
        var meta = new JsonObject
        {
            ["licences"] = licences,
            ["licence"] = new JsonObject { ["name"] = fallback.Name, ["url"] = fallback.Url },
            ["source"] = openData.Source,
            ["definitions"] = definitions,
            ["catalogs"] = DashboardCatalogs.Build(rows, catalogs, language),
        };
        var page = new StringBuilder(Template.Value)
            .Replace("{{lang}}", language)
            .Replace("{{switch}}", LanguageSwitch(language, service))
            .Replace(TextData, JsonSerializer.Serialize(text, TariffsJson.Options))
            .Replace(MetaData, JsonSerializer.Serialize(meta, TariffsJson.Options))
            .ToString();
        page = TextKey().Replace(page, m => Html.Encode(
            (string?)text[m.Groups["key"].Value] ?? throw new InvalidOperationException($"dashboard.{language}.json has no '{m.Groups["key"].Value}'.")));
        return page.Replace(ReportData, JsonSerializer.Serialize(rows, TariffsJson.Options), StringComparison.Ordinal);
    }

    /// <summary>One link per language, the current one marked; each in its own language.</summary>
    private static string LanguageSwitch(string current, string? service)
    {
        var items = new StringBuilder();
        foreach (var language in DashboardLanguage.Supported)
        {
            var query = "?lang=" + language + (string.IsNullOrEmpty(service) ? "" : "&service=" + Uri.EscapeDataString(service));
            var name = Html.Encode((string)Text(language)["languageName"]!);
            items.Append("<li><a href=\"").Append(Html.Encode(query)).Append("\" lang=\"").Append(language)
                .Append("\" hreflang=\"").Append(language).Append('"').Append(language == current ? " aria-current=\"page\"" : "")
                .Append('>').Append(name).Append("</a></li>");
        }
        return items.ToString();
    }

    private static JsonObject Text(string language) =>
        Texts.GetOrAdd(language, l => JsonNode.Parse(Resource($"dashboard.{l}.json"))!.AsObject());

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Tariffs.Functions.Dashboard." + name)
            ?? throw new InvalidOperationException($"{name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
