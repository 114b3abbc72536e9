using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Tariffs.Application.Reports;
using Tariffs.Domain.Reports;

namespace Tariffs.Functions.Reports;

/// <summary>
/// What a download of the report says about itself, in HTTP headers (its body keeps the published rows only): the
/// licence of each authority in it (<c>Link: &lt;…&gt;; rel="license"</c>), its data dictionary
/// (<c>rel="describedby"</c>), its update time (<c>Last-Modified</c>: the latest <c>computedAt</c>), its source
/// (<c>X-Source</c>, percent-encoded when not ASCII), and for CSV a stable attachment file name made of the filters.
/// </summary>
public static partial class ReportDownload
{
    /// <summary>The route of the data dictionary (under /api).</summary>
    public const string SchemaRoute = "reports/equity/schema.json";

    private static readonly int ComputedAt = EquityCellFields.Published.Select(f => f.Name).ToList().IndexOf("computedAt");

    [GeneratedRegex("[^A-Za-z0-9_-]+")]
    private static partial Regex Unsafe();

    /// <summary>
    /// <c>equity-report-{service}-{period}[-{area}].csv</c>, "all" for an absent service or period filter, "total" for
    /// area *; characters other than letters, digits, - and _ become -.
    /// </summary>
    public static string FileName(string? period, string? service, string? area)
    {
        static string Part(string? value, string absent) => string.IsNullOrEmpty(value) ? absent : Unsafe().Replace(value, "-");
        var name = $"equity-report-{Part(service, "all")}-{Part(period, "all")}";
        if (!string.IsNullOrEmpty(area))
            name += "-" + (area == "*" ? "total" : Part(area, "all"));
        return name + ".csv";
    }

    /// <summary>The latest <c>computedAt</c> of <paramref name="rows"/>; null when there is none.</summary>
    public static DateTimeOffset? UpdatedAt(IEnumerable<EquityReportRow> rows) =>
        rows.Select(r => r.Values[ComputedAt]).OfType<DateTimeOffset>().DefaultIfEmpty().Max() is { } latest && latest != default ? latest : null;

    /// <summary>Adds the licence, dictionary, source and update-time headers of <paramref name="rows"/> to <paramref name="response"/>.</summary>
    public static void Describe(HttpResponse response, IReadOnlyList<EquityReportRow> rows, OpenDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var licences = rows.Select(r => r.Authority).Distinct(StringComparer.Ordinal).Select(options.LicenceOf)
            .DefaultIfEmpty(options.LicenceOf("")).Distinct();
        var links = licences.Select(l => $"<{l.Url}>; rel=\"license\"; title=\"{l.Name.Replace("\"", "'", StringComparison.Ordinal)}\"").ToList();
        links.Add($"</api/{SchemaRoute}>; rel=\"describedby\"; type=\"application/json\"");
        response.Headers.Link = string.Join(", ", links);
        response.Headers["X-Source"] = options.Source.All(char.IsAscii) ? options.Source : Uri.EscapeDataString(options.Source);
        if (UpdatedAt(rows) is { } updated)
            response.Headers.LastModified = updated.ToUniversalTime().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }
}
