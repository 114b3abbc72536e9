using NodaTime;
using Tariffs.Domain.Reports;

namespace Tariffs.Application.Ports;

/// <summary>
/// The public equity report: released months with their cutoffs, and the cells released with them, each inserted once
/// and frozen (inserting a key again fails). Implementations must pass the one contract suite (tests: <c>ReportCellsContract</c>).
/// </summary>
public interface IPublicReportCells
{
    /// <summary>Every released month with its cutoff.</summary>
    Task<IReadOnlyDictionary<ReleasedMonth, Instant>> ReleasedMonthsAsync(CancellationToken cancellationToken);

    /// <summary>Inserts newly released months; to be stored before the cells released with them.</summary>
    Task AddMonthsAsync(IReadOnlyDictionary<ReleasedMonth, Instant> months, CancellationToken cancellationToken);

    /// <summary>The released months of <paramref name="unit"/> with their cutoffs.</summary>
    Task<IReadOnlyDictionary<ReleasedMonth, Instant>> ReleasedMonthsAsync(ReportUnit unit, CancellationToken cancellationToken);

    /// <summary>Every released cell.</summary>
    Task<IReadOnlyList<PublicCell>> ReleasedAsync(CancellationToken cancellationToken);

    /// <summary>The released cells of <paramref name="unit"/>: one table of the public report.</summary>
    Task<IReadOnlyList<PublicCell>> ReleasedAsync(ReportUnit unit, CancellationToken cancellationToken);

    /// <summary>Inserts newly released cells.</summary>
    Task AddAsync(IEnumerable<PublicCell> released, CancellationToken cancellationToken);

    /// <summary>Released cells, optionally of one service and period.</summary>
    IAsyncEnumerable<EquityCellEntity> QueryAsync(string? service, string? period, CancellationToken cancellationToken);
}
