using NodaTime;
using Tariffs.Domain.Reports;

namespace Tariffs.Application.Reports;

/// <summary>
/// What a read of a report unit's rows found besides its cells: the months holding rows, the lines read, and for each
/// period (month, quarter and year, as text) whether the public view counts some of its rows whole
/// (<see cref="Released"/>) and whether it leaves some out or counts them in part (<see cref="Partial"/>).
/// </summary>
internal sealed class UnitRead
{
    private static readonly ReportPeriodKind[] Kinds = [ReportPeriodKind.Month, ReportPeriodKind.Quarter, ReportPeriodKind.Year];

    /// <summary>The months holding the unit's rows (lines and events).</summary>
    public HashSet<ReportPeriod> Months { get; } = [];

    /// <summary>The lines read.</summary>
    public int Lines { get; set; }

    /// <summary>Periods with a row the public view counts whole.</summary>
    public HashSet<string> Released { get; } = new(StringComparer.Ordinal);

    /// <summary>Periods with a row the public view leaves out or counts in part (corrections stored after its cutoff).</summary>
    public HashSet<string> Partial { get; } = new(StringComparer.Ordinal);

    /// <summary>The dates and ways marked already: a unit's rows share few dates, so each is marked once.</summary>
    private readonly HashSet<(LocalDate Date, bool Whole)> marked = [];

    /// <summary>Records that a row dated <paramref name="date"/> is counted <paramref name="whole"/> (or not) in its month, quarter and year.</summary>
    public void Mark(LocalDate date, bool whole)
    {
        if (!marked.Add((date, whole)))
            return;
        var periods = whole ? Released : Partial;
        foreach (var kind in Kinds)
            periods.Add(ReportPeriod.Containing(date, kind).ToString());
    }
}
