using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Reports;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// <see cref="IReportLines"/> in memory: each line's projection replaced whole, its line and items stamped with
/// <c>storedAt</c> where their stored instant is unknown, read back by unit. Thread-safe (one lock).
/// </summary>
public sealed class InMemoryReportLines : IReportLines
{
    private readonly Lock gate = new();
    private readonly Dictionary<LedgerLineId, LedgerLine> lines = [];

    public Task<int> SaveAsync(IEnumerable<LedgerLine> lines, Instant storedAt, CancellationToken cancellationToken)
    {
        var saved = 0;
        lock (gate)
            foreach (var line in lines)
            {
                this.lines[line.Id] = line with
                {
                    StoredAt = line.StoredAt ?? storedAt,
                    Items = [.. line.Items.Select(i => i with { StoredAt = i.StoredAt ?? storedAt })],
                };
                saved++;
            }
        return Task.FromResult(saved == 0 ? 0 : 1);
    }

    /// <summary>A line saved since by <see cref="SaveAsync"/> keeps that projection.</summary>
    public Task<int> SaveNewAsync(IEnumerable<LedgerLine> lines, Instant storedAt, CancellationToken cancellationToken)
    {
        List<LedgerLine> fresh;
        lock (gate)
            fresh = [.. lines.Where(l => !this.lines.ContainsKey(l.Id))];
        return SaveAsync(fresh, storedAt, cancellationToken);
    }

    /// <summary>None: each line has one projection here, replaced in place.</summary>
    public Task<IReadOnlyList<StoredCopy>> CopiesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<StoredCopy>>([]);

    /// <summary>Nothing to remove (<see cref="CopiesAsync"/>).</summary>
    public Task<int> RemoveCopiesAsync(IReadOnlyCollection<StoredCopy> copies, CancellationToken cancellationToken) => Task.FromResult(0);

    public async IAsyncEnumerable<LedgerRead> ReadUnitAsync(ReportUnit unit, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<LedgerLine> found;
        lock (gate)
            found = [.. lines.Values.Where(l => l.Authority == unit.Authority && l.Service == unit.Service && l.Period.End.Year == unit.Year)];
        foreach (var line in found)
        {
            await Task.Yield();
            yield return new LedgerRead([line.BatchId, line.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)], line.Authority, line.Service, line.HouseholdId, line, null);
        }
    }
}
