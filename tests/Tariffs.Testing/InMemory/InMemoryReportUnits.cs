using System.Globalization;
using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Reports;

namespace Tariffs.Testing.InMemory;

/// <summary>
/// <see cref="IReportUnits"/> in memory: each mark has a version that every mark changes, and completing a unit read at
/// an older version changes nothing, as an ETag does on Table storage. Thread-safe (one lock).
/// </summary>
public sealed class InMemoryReportUnits : IReportUnits
{
    private readonly Lock gate = new();
    private readonly Dictionary<ReportUnit, (bool Dirty, Instant? DueAt, long Version)> units = [];
    private long versions;

    public Task<int> MarkDirtyAsync(IEnumerable<ReportUnit> units, CancellationToken cancellationToken)
    {
        var marked = 0;
        lock (gate)
            foreach (var unit in units.Distinct())
            {
                this.units[unit] = (true, this.units.GetValueOrDefault(unit).DueAt, ++versions);
                marked++;
            }
        return Task.FromResult(marked == 0 ? 0 : 1);
    }

    public Task<IReadOnlyList<ReportUnit>> DueAsync(Instant now, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult<IReadOnlyList<ReportUnit>>([.. units.Where(u => u.Value.Dirty || u.Value.DueAt <= now).Select(u => u.Key)]);
    }

    public Task<string?> ReadAsync(ReportUnit unit, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(units.TryGetValue(unit, out var mark) ? mark.Version.ToString(CultureInfo.InvariantCulture) : null);
    }

    public Task<bool> CompleteAsync(ReportUnit unit, string? read, Instant? dueAt, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var current = units.TryGetValue(unit, out var mark) ? mark.Version.ToString(CultureInfo.InvariantCulture) : null;
            if (current != read)
                return Task.FromResult(false);
            units[unit] = (false, dueAt, ++versions);
            return Task.FromResult(true);
        }
    }
}
