using System.Runtime.CompilerServices;
using Tariffs.Application.Ports;
using Tariffs.Domain.Reports;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// <see cref="IReportCells"/> in memory, with the semantics the contract suite pins on Table storage too: a saved cell
/// replaces the one of its key (service, period, authority, area); reads filter by service and period. Thread-safe (one lock).
/// </summary>
public sealed class InMemoryReportCells : IReportCells
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<(string Service, string Period, string Authority, string Area), EquityCellEntity> cells = [];

    public Task SaveAsync(IEnumerable<EquityCell> cells, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        lock (gate)
            foreach (var cell in cells)
                this.cells[KeyOf(cell)] = new EquityCellEntity { Cell = cell, Suppressed = cell.Suppressed, ComputedAt = computedAt };
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<EquityCellEntity> QueryAsync(string? service, string? period, CancellationToken cancellationToken)
    {
        lock (gate)
            return Matching([.. cells.Values], service, period, cancellationToken);
    }

    /// <summary>The key a cell is stored under.</summary>
    internal static (string, string, string, string) KeyOf(EquityCell cell) => (cell.Key.Service, cell.Key.Period, cell.Key.Authority, cell.Key.Area);

    /// <summary>The cells of an optional service and period, one at a time.</summary>
    internal static async IAsyncEnumerable<EquityCellEntity> Matching(IReadOnlyList<EquityCellEntity> cells, string? service, string? period,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var cell in cells)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((service is null || cell.Cell.Key.Service == service) && (period is null || cell.Cell.Key.Period == period))
                yield return cell;
            await Task.Yield();
        }
    }
}
