using System.Text.Json.Nodes;
using Tariffs.Application.Reports;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Reports;

namespace Tariffs.Functions.Dashboard;

/// <summary>
/// What the dashboard reads of the catalogs, for the tables its rows show, keyed as the page keys a table
/// ("service|authority"): the authority's, the service's and the areas' names in the page's language (a name missing
/// is left out and the page shows the code), and for each period of the rows the take-up target in force on its last
/// day, with the date it took effect and its source. Tables without a published catalog get nothing.
/// </summary>
public static class DashboardCatalogs
{
    /// <summary>The names and targets of the tables of <paramref name="rows"/> from <paramref name="catalogs"/>, in <paramref name="language"/>.</summary>
    public static JsonObject Build(IReadOnlyList<EquityReportRow> rows, IReadOnlyList<ServiceCatalog> catalogs, string language)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(catalogs);
        var tables = new JsonObject();
        foreach (var table in rows.GroupBy(r => (r.Key.Service, r.Key.Authority)))
        {
            if (catalogs.FirstOrDefault(c => c.Service == table.Key.Service && c.Authority == table.Key.Authority) is not { } catalog)
                continue;
            var presentation = catalog.Presentation;
            var areas = new JsonObject();
            foreach (var area in presentation.Areas)
                if (area.Names.In(language) is { } name)
                    areas[area.Code] = name;
            var targets = new JsonObject();
            foreach (var period in table.Select(r => r.Key.Period).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                if (ReportPeriod.TryParse(period, out var parsed) && presentation.TakeUpTargetFor(parsed.Value.End) is { } target)
                    targets[period] = new JsonObject
                    {
                        ["rate"] = target.Value,
                        ["from"] = target.Version,
                        ["source"] = target.Legal.Citation,
                        ["url"] = target.Legal.Url,
                    };
            tables[table.Key.Service + "|" + table.Key.Authority] = new JsonObject
            {
                ["authority"] = presentation.AuthorityNames?.In(language),
                ["service"] = presentation.ServiceNames?.In(language),
                ["areas"] = areas,
                ["targets"] = targets,
            };
        }
        return tables;
    }
}
