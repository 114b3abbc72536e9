using NodaTime;
using Tariffs.Domain.Reports;

namespace Tariffs.Application.Ports;

/// <summary>
/// The report units' marks: dirty when a row of the unit was written since its cells were computed, due at an instant
/// when time alone changes them. A writer marks after writing its rows; a refresh reads the mark's version before
/// reading the unit and completes it only if the version is unchanged, so a write racing the refresh leaves the unit
/// dirty for the next one.
/// </summary>
public interface IReportUnits
{
    /// <summary>Marks the units dirty (idempotent; each mark changes the unit's version). Returns the transactions submitted.</summary>
    Task<int> MarkDirtyAsync(IEnumerable<ReportUnit> units, CancellationToken cancellationToken);

    /// <summary>The units dirty, or due by <paramref name="now"/>.</summary>
    Task<IReadOnlyList<ReportUnit>> DueAsync(Instant now, CancellationToken cancellationToken);

    /// <summary>The version of the unit's mark now (opaque), or null when it has none.</summary>
    Task<string?> ReadAsync(ReportUnit unit, CancellationToken cancellationToken);

    /// <summary>
    /// Records the unit computed from what was stored when its mark was at <paramref name="read"/> (null: no mark then),
    /// due again at <paramref name="dueAt"/> (null: only when written to). False, changing nothing, when the unit was
    /// marked since: it stays dirty.
    /// </summary>
    Task<bool> CompleteAsync(ReportUnit unit, string? read, Instant? dueAt, CancellationToken cancellationToken);
}
