using System.Globalization;
using NodaTime;

namespace Tariffs.Domain.Reports;

/// <summary>
/// The independent unit of report work: one authority's service in one calendar year. Its cells (every month,
/// quarter and the year, every area and the total) count only its own rows, distinct households are counted per cell
/// within the year, and secondary suppression, in the regulator's and in the public view, never links two years or
/// two authorities: so a unit's cells are exact when computed from its rows alone.
/// </summary>
public readonly record struct ReportUnit(string Authority, string Service, int Year)
{
    /// <summary>The unit of a row dated <paramref name="date"/> (a line's last billed day, an event's day).</summary>
    public static ReportUnit Of(string authority, string service, LocalDate date) => new(authority, service, date.Year);

    /// <summary>The year as the report periods write it ("2022").</summary>
    public string YearText => Year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="key"/> is a cell of this unit.</summary>
    public bool Holds(EquityCellKey key) => key.Authority == Authority && key.Service == Service && key.Period.StartsWith(YearText, StringComparison.Ordinal);
}
