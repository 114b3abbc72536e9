namespace Tariffs.Domain.Reports;

/// <summary>
/// One cell of the equity report: a period (<see cref="ReportPeriod"/> text: "2022", "2022-Q1", "2022-01"),
/// a service, an authority and an area; <see cref="AllAreas"/> marks the authority's total.
/// </summary>
public readonly record struct EquityCellKey(string Period, string Service, string Authority, string Area)
{
    /// <summary>The area code of an authority-wide total.</summary>
    public const string AllAreas = "*";

    /// <summary>
    /// The area a line or event coded <see cref="AllAreas"/> is counted in (intake refuses that code; a row stored
    /// before it did is counted once, in this area and in the total, never twice in the total).
    /// </summary>
    public const string ReservedArea = "(*)";

    /// <summary>True for the authority-wide total of a period.</summary>
    public bool IsTotal => Area == AllAreas;
}
