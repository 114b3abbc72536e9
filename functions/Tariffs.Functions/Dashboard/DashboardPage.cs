using System.Reflection;
using System.Text.Json;
using Tariffs.Application.Json;
using Tariffs.Application.Reports;

namespace Tariffs.Functions.Dashboard;

/// <summary>
/// The public dashboard: one self-contained HTML page (the embedded <c>dashboard.html</c>) whose inline script draws
/// SVG charts from the public report rows embedded in it as JSON. Nothing is loaded from elsewhere.
/// </summary>
public static class DashboardPage
{
    private const string Placeholder = "/*REPORT_DATA*/";

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Tariffs.Functions.Dashboard.dashboard.html")
            ?? throw new InvalidOperationException("The dashboard template is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// The page for <paramref name="rows"/> (public view only). The JSON serializer escapes &lt;, &gt; and &amp;, so
    /// no value can close the script element it sits in.
    /// </summary>
    public static string Render(IReadOnlyList<EquityReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Template.Value.Replace(Placeholder, JsonSerializer.Serialize(rows, TariffsJson.Options), StringComparison.Ordinal);
    }
}
