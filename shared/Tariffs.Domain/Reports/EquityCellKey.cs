namespace Tariffs.Domain.Reports;

/// <summary>
/// One cell of the equity report: a period (a calendar year, "2022"), a service, an authority and an area;
/// <see cref="AllAreas"/> marks the authority's total.
/// </summary>
public readonly record struct EquityCellKey(string Period, string Service, string Authority, string Area)
{
    /// <summary>The area code of an authority-wide total.</summary>
    public const string AllAreas = "*";
}
