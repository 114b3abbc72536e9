using Tariffs.Domain.Reports;

namespace Tariffs.Application.Ports;

/// <summary>
/// The regulator's equity report cells, keyed by service, period, authority and area: saving a cell replaces the one
/// of its key. Implementations must pass the one contract suite (tests: <c>ReportCellsContract</c>).
/// </summary>
public interface IReportCells
{
    /// <summary>Stores (replaces) the cells, computed at <paramref name="computedAt"/>.</summary>
    Task SaveAsync(IEnumerable<EquityCell> cells, DateTimeOffset computedAt, CancellationToken cancellationToken);

    /// <summary>Stored cells, optionally of one service and period.</summary>
    IAsyncEnumerable<EquityCellEntity> QueryAsync(string? service, string? period, CancellationToken cancellationToken);
}
