using Tariffs.Domain.Reports;

namespace Tariffs.Application.Reports;

/// <summary>On queue <c>report-units</c>: one report unit to refresh (an authority's service in one year).</summary>
public sealed record ReportUnitMessage(string Authority, string Service, int Year)
{
    /// <summary>The message of <paramref name="unit"/>.</summary>
    public static ReportUnitMessage Of(ReportUnit unit) => new(unit.Authority, unit.Service, unit.Year);

    /// <summary>The unit.</summary>
    public ReportUnit ToUnit() => new(Authority, Service, Year);
}
