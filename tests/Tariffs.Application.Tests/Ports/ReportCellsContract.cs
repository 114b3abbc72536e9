using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Reports;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="IReportCells"/> and <see cref="IPublicReportCells"/>, run against the in-memory and the
/// Table adapters: a regulator's cell saved again replaces the one of its key, reads filter by service and period; public
/// months and cells are inserted once, read back as released, and releasing one again fails.
/// </summary>
public abstract class ReportCellsContract
{
    private static readonly DateTimeOffset First = new(2022, 2, 1, 6, 0, 0, TimeSpan.Zero);

    /// <summary>The two stores, maybe shared with other tests (each test uses services of its own).</summary>
    protected abstract Task<(IReportCells Cells, IPublicReportCells Public)> NewStoresAsync();

    private static EquityCell Cell(string service, string period, string area, int households) => new()
    {
        Key = new EquityCellKey(period, service, "dunkerque", area),
        Currency = "EUR",
        HouseholdsBilled = households,
        BilledTotalMinor = households * 10_050L,
    };

    private static async Task<List<EquityCellEntity>> ReadAsync(IAsyncEnumerable<EquityCellEntity> cells)
    {
        var list = new List<EquityCellEntity>();
        await foreach (var cell in cells)
            list.Add(cell);
        return [.. list.OrderBy(c => c.Cell.Key.Period, StringComparer.Ordinal).ThenBy(c => c.Cell.Key.Area, StringComparer.Ordinal)];
    }

    [Fact]
    public async Task A_saved_cell_replaces_the_one_of_its_key_and_reads_filter_by_service_and_period()
    {
        var (cells, _) = await NewStoresAsync();
        var service = $"svc-{Guid.NewGuid():N}";

        await cells.SaveAsync([Cell(service, "2022-01", "59183", 5), Cell(service, "2022-01", "59140", 7), Cell(service, "2022-02", "59183", 9)], First, CancellationToken.None);
        await cells.SaveAsync([Cell(service, "2022-01", "59183", 6)], First.AddHours(1), CancellationToken.None);

        var january = await ReadAsync(cells.QueryAsync(service, "2022-01", CancellationToken.None));
        Assert.Equal([("59140", 7, 70_350L, First), ("59183", 6, 60_300L, First.AddHours(1))],
            january.Select(c => (c.Cell.Key.Area, c.Cell.HouseholdsBilled, c.Cell.BilledTotalMinor, c.ComputedAt)));
        Assert.All(january, c => Assert.Equal(("EUR", "dunkerque", false), (c.Cell.Currency, c.Cell.Key.Authority, c.Suppressed)));
        Assert.Equal(3, (await ReadAsync(cells.QueryAsync(service, null, CancellationToken.None))).Count);
        Assert.Equal([9], (await ReadAsync(cells.QueryAsync(null, "2022-02", CancellationToken.None))).Where(c => c.Cell.Key.Service == service).Select(c => c.Cell.HouseholdsBilled));
    }

    [Fact]
    public async Task Public_months_and_cells_are_released_once_and_read_back_as_released()
    {
        var (_, published) = await NewStoresAsync();
        var service = $"svc-{Guid.NewGuid():N}";
        var month = new ReleasedMonth(service, "dunkerque", "2022-01");
        var cutoff = Instant.FromUtc(2022, 3, 1, 0, 0);
        var releasedAt = Instant.FromUtc(2022, 3, 2, 12, 0);

        await published.AddMonthsAsync(new Dictionary<ReleasedMonth, Instant> { [month] = cutoff }, CancellationToken.None);
        await published.AddAsync([new PublicCell(Cell(service, "2022-01", "59183", 3), Hidden: true, EligibilityHidden: false, IncomeHidden: true, releasedAt),
            new PublicCell(Cell(service, "2022-01", "59140", 12), Hidden: false, EligibilityHidden: true, IncomeHidden: false, releasedAt)], CancellationToken.None);

        Assert.Equal(cutoff, (await published.ReleasedMonthsAsync(CancellationToken.None))[month]);
        var released = (await published.ReleasedAsync(CancellationToken.None)).Where(c => c.Key.Service == service).OrderBy(c => c.Key.Area, StringComparer.Ordinal).ToList();
        Assert.Equal([("59140", 12, false, true, false), ("59183", 3, true, false, true)],
            released.Select(c => (c.Key.Area, c.Cell.HouseholdsBilled, c.Hidden, c.EligibilityHidden, c.IncomeHidden)));
        Assert.All(released, c => Assert.Equal(releasedAt, c.ReleasedAt));
        var read = await ReadAsync(published.QueryAsync(service, "2022-01", CancellationToken.None));
        Assert.Equal([("59140", false, true, false), ("59183", true, false, true)], read.Select(c => (c.Cell.Key.Area, c.Suppressed, c.EligibilityHidden, c.IncomeHidden)));
        Assert.All(read, c => Assert.Equal(releasedAt.ToDateTimeOffset(), c.ComputedAt));

        await Assert.ThrowsAnyAsync<Exception>(() => published.AddMonthsAsync(new Dictionary<ReleasedMonth, Instant> { [month] = cutoff.PlusTicks(1) }, CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => published.AddAsync([released[0] with { Hidden = !released[0].Hidden }], CancellationToken.None));
        Assert.Equal(cutoff, (await published.ReleasedMonthsAsync(CancellationToken.None))[month]);
    }
}
