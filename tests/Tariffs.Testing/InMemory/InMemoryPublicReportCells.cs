using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Reports;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// <see cref="IPublicReportCells"/> in memory, with the semantics the contract suite pins on Table storage too: months
/// and cells are only inserted, and inserting one already released fails and inserts nothing of that call's
/// partition (here: nothing of the call). Thread-safe (one lock).
/// </summary>
public sealed class InMemoryPublicReportCells : IPublicReportCells
{
    private readonly Lock gate = new();
    private readonly Dictionary<ReleasedMonth, Instant> months = [];
    private readonly SortedDictionary<(string, string, string, string), PublicCell> cells = [];

    public Task<IReadOnlyDictionary<ReleasedMonth, Instant>> ReleasedMonthsAsync(CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult<IReadOnlyDictionary<ReleasedMonth, Instant>>(new Dictionary<ReleasedMonth, Instant>(months));
    }

    public Task<IReadOnlyDictionary<ReleasedMonth, Instant>> ReleasedMonthsAsync(ReportUnit unit, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult<IReadOnlyDictionary<ReleasedMonth, Instant>>(months
                .Where(m => m.Key.Service == unit.Service && m.Key.Authority == unit.Authority && m.Key.Month.StartsWith(unit.YearText, StringComparison.Ordinal))
                .ToDictionary(m => m.Key, m => m.Value));
    }

    public Task AddMonthsAsync(IReadOnlyDictionary<ReleasedMonth, Instant> months, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (months.Keys.FirstOrDefault(this.months.ContainsKey) is { Month: not null } taken)
                throw new InvalidOperationException($"Month {taken.Month} of {taken.Service} {taken.Authority} is released already."); // Table storage: 409
            foreach (var month in months)
                this.months.Add(month.Key, month.Value);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PublicCell>> ReleasedAsync(CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult<IReadOnlyList<PublicCell>>([.. cells.Values]);
    }

    public Task<IReadOnlyList<PublicCell>> ReleasedAsync(ReportUnit unit, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult<IReadOnlyList<PublicCell>>([.. cells.Values.Where(c =>
                c.Cell.Key.Service == unit.Service && c.Cell.Key.Authority == unit.Authority && c.Cell.Key.Period.StartsWith(unit.YearText, StringComparison.Ordinal))]);
    }

    public Task AddAsync(IEnumerable<PublicCell> released, CancellationToken cancellationToken)
    {
        var list = released.ToList();
        lock (gate)
        {
            if (list.FirstOrDefault(c => cells.ContainsKey(InMemoryReportCells.KeyOf(c.Cell))) is { } taken)
                throw new InvalidOperationException($"Cell {taken.Cell.Key} is released already."); // Table storage: 409
            foreach (var cell in list)
                cells.Add(InMemoryReportCells.KeyOf(cell.Cell), cell);
        }
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<EquityCellEntity> QueryAsync(string? service, string? period, CancellationToken cancellationToken)
    {
        lock (gate)
            return InMemoryReportCells.Matching([.. cells.Values.Select(c => new EquityCellEntity
            {
                Cell = c.Cell,
                Suppressed = c.Hidden,
                EligibilityHidden = c.EligibilityHidden,
                IncomeHidden = c.IncomeHidden,
                ComputedAt = c.ReleasedAt.ToDateTimeOffset(),
            })], service, period, cancellationToken);
    }
}
