using Tariffs.Domain.Ledger;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tariffs.Application.Billing;
using Tariffs.Application.Reports;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Money;
using Tariffs.Domain.Reports;
using Tariffs.Storage;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Reports;
using Tariffs.Testing;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Tests.Reports;

/// <summary>
/// The recompute on Azurite, with the stored times Table storage gives the ledger rows: a month with a row stored at or
/// after the run's cutoff waits, whole; once released, a later line reaches the regulator's cells only.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EquityReportReleaseTests(AzuriteFixture azurite)
{
    private static readonly DateInterval Year = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));

    private sealed class SettableClock : IClock
    {
        public Instant Now { get; set; }

        public Instant GetCurrentInstant() => Now;
    }

    private static LineOutcome Outcome(int number, string household, string area = "R") =>
        new(new BillingLine(number, household, "acc", area, true, 2, Year, 120m, "m3", "DOM", 137.60m), Currency.Eur, 137.60m, [], [], false);

    /// <summary>Twelve lines of batch <paramref name="batch"/>, one per household, in <paramref name="area"/>.</summary>
    private static List<LedgerLine> Twelve(string batch, string authority, string household, string area = "R") =>
        [.. Enumerable.Range(1, 12).Select(i => LedgerLine.Priced(batch + "-" + authority, "op", authority, "water", default, Outcome(i, $"{authority}-{household}{i}", area), null))];

    /// <summary>Waits until the real clock has passed <paramref name="cutoff"/>: a line stored after this is stored after it.</summary>
    private static async Task PastAsync(Instant cutoff)
    {
        while (Instant.FromDateTimeOffset(DateTimeOffset.UtcNow) <= cutoff + Duration.FromMilliseconds(50))
            await Task.Delay(50);
    }

    /// <summary>The report lines' store, counting the reads of whole units.</summary>
    private sealed class CountingReportLines(ReportLineStore store) : IReportLines
    {
        public int UnitReads;

        public Task<int> SaveAsync(IEnumerable<LedgerLine> lines, Instant storedAt, CancellationToken cancellationToken) => store.SaveAsync(lines, storedAt, cancellationToken);

        public Task<int> SaveNewAsync(IEnumerable<LedgerLine> lines, Instant storedAt, CancellationToken cancellationToken) => store.SaveNewAsync(lines, storedAt, cancellationToken);

        public IAsyncEnumerable<LedgerRead> ReadUnitAsync(ReportUnit unit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref UnitReads);
            return store.ReadUnitAsync(unit, cancellationToken);
        }

        public Task<IReadOnlyList<StoredCopy>> CopiesAsync(CancellationToken cancellationToken) => store.CopiesAsync(cancellationToken);

        public Task<int> RemoveCopiesAsync(IReadOnlyCollection<StoredCopy> copies, CancellationToken cancellationToken) => store.RemoveCopiesAsync(copies, cancellationToken);
    }

    /// <summary>The application on this Azurite, its tables created, releasing at the cutoff (no settle time).</summary>
    private async Task<ServiceProvider> StartAsync(IClock clock, Func<IServiceCollection, IServiceCollection>? replace = null)
    {
        var services = (replace ?? (s => s))(new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClock>(clock)
            .AddSingleton(new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString))
            .AddSingleton(new Azure.Storage.Queues.QueueServiceClient(azurite.ConnectionString))
            .AddSingleton(new Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString))
            .AddTariffsStorage()
            .AddTariffsApplication(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Tariffs:Reports:ReleaseSettle"] = "00:00:00" }).Build()))
            .BuildServiceProvider();
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        return services;
    }

    [Fact]
    public async Task A_month_stored_after_the_cutoff_waits_and_a_released_cell_does_not_move_after_a_late_line()
    {
        var clock = new SettableClock();
        await using var services = await StartAsync(clock);
        var ledger = services.GetRequiredService<LedgerStore>();
        var calculator = services.GetRequiredService<EquityReportRefresh>();
        var authority = "release-" + Guid.NewGuid().ToString("N");
        async Task<EquityCellEntity?> CellAsync(IAsyncEnumerable<EquityCellEntity> cells)
        {
            await foreach (var cell in cells)
                if (cell.Cell.Key.Authority == authority && cell.Cell.Key.Area == "R")
                    return cell;
            return null;
        }

        await ledger.AppendAsync(Twelve("b1", authority, ""), CancellationToken.None);
        clock.Now = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow) - Duration.FromMinutes(1); // rows stored after this cutoff
        await calculator.RebuildAsync(CancellationToken.None);
        var unsettled = await CellAsync(services.GetRequiredService<PublicReportStore>().QueryAsync("water", "2022", CancellationToken.None));
        clock.Now = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow) + Duration.FromSeconds(1);
        await calculator.RebuildAsync(CancellationToken.None);
        var released = await CellAsync(services.GetRequiredService<PublicReportStore>().QueryAsync("water", "2022", CancellationToken.None));
        await PastAsync(clock.Now); // the late line is stored after the release's cutoff

        await ledger.AppendAsync([LedgerLine.Priced("b2-" + authority, "op", authority, "water", default, Outcome(1, $"{authority}-late"), null)], CancellationToken.None);
        clock.Now = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow) + Duration.FromSeconds(1);
        await calculator.RebuildAsync(CancellationToken.None);
        var after = await CellAsync(services.GetRequiredService<PublicReportStore>().QueryAsync("water", "2022", CancellationToken.None));
        var regulator = await CellAsync(services.GetRequiredService<ReportStore>().QueryAsync("water", "2022", CancellationToken.None));

        Assert.Null(unsettled);
        Assert.NotNull(released);
        Assert.Equal(12, released.Cell.HouseholdsBilled);
        Assert.Equal(12 * 13760, released.Cell.StandardTotalMinor);
        Assert.Equal((released.Cell.HouseholdsBilled, released.Cell.StandardTotalMinor, released.ComputedAt), (after!.Cell.HouseholdsBilled, after.Cell.StandardTotalMinor, after.ComputedAt));
        Assert.Equal(13, regulator!.Cell.HouseholdsBilled);
        var months = await services.GetRequiredService<PublicReportStore>().ReleasedMonthsAsync(CancellationToken.None);
        Assert.Single(months, m => m.Key.Authority == authority);
    }

    /// <summary>
    /// A refresh reads its unit once, also when a period mixes rows the public view counts with rows it does not (here a
    /// late line of a released year): the public view's cells are built in the same read as the regulator's.
    /// </summary>
    [Fact]
    public async Task A_refresh_of_a_period_mixing_counted_and_late_rows_reads_its_unit_once()
    {
        var clock = new SettableClock();
        CountingReportLines? counting = null;
        await using var services = await StartAsync(clock, s =>
        {
            s.AddSingleton<IReportLines>(p => counting ??= new CountingReportLines(p.GetRequiredService<ReportLineStore>()));
            return s;
        });
        var ledger = services.GetRequiredService<LedgerStore>();
        var calculator = services.GetRequiredService<EquityReportCalculator>();
        var authority = "once-" + Guid.NewGuid().ToString("N");
        var unit = ReportUnit.Of(authority, "water", Year.End);
        var changes = services.GetRequiredService<ReportChanges>();
        var first = Twelve("b1", authority, "");
        await ledger.AppendAsync(first, CancellationToken.None);
        await changes.ProjectAsync(first, [], CancellationToken.None);
        clock.Now = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow) + Duration.FromSeconds(1);
        await calculator.RefreshUnitAsync(unit, CancellationToken.None);
        await PastAsync(clock.Now); // the late line is stored after the release's cutoff
        List<LedgerLine> late = [LedgerLine.Priced("b2-" + authority, "op", authority, "water", default, Outcome(1, $"{authority}-late"), null)];
        await ledger.AppendAsync(late, CancellationToken.None);
        await changes.ProjectAsync(late, [], CancellationToken.None);
        clock.Now = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow) + Duration.FromSeconds(1);
        var readsBefore = services.GetRequiredService<IReportLines>() is CountingReportLines c ? c.UnitReads : -1;

        await calculator.RefreshUnitAsync(unit, CancellationToken.None);

        Assert.Equal(readsBefore + 1, counting!.UnitReads);
        var regulator = new List<EquityCellEntity>();
        await foreach (var cell in services.GetRequiredService<ReportStore>().QueryAsync("water", "2022", CancellationToken.None))
            if (cell.Cell.Key.Authority == authority && cell.Cell.Key.Area == "R" && cell.Cell.Key.Period == "2022")
                regulator.Add(cell);
        Assert.Equal(13, Assert.Single(regulator).Cell.HouseholdsBilled);
    }

    /// <summary>
    /// A released month's late line in an area it had no line in: the regulator counts it in a new cell; the public view
    /// counts none of it, so it releases no cell for that area (the period holds rows the public view counts and one it
    /// does not: its public cells are computed from the counted rows alone, not taken from the regulator's).
    /// </summary>
    [Fact]
    public async Task A_late_line_in_a_new_area_of_a_released_month_reaches_no_public_cell()
    {
        var clock = new SettableClock();
        await using var services = await StartAsync(clock);
        var ledger = services.GetRequiredService<LedgerStore>();
        var refresh = services.GetRequiredService<EquityReportRefresh>();
        var authority = "late-area-" + Guid.NewGuid().ToString("N");
        await ledger.AppendAsync(Twelve("b1", authority, ""), CancellationToken.None);
        clock.Now = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow) + Duration.FromSeconds(1);
        await refresh.RebuildAsync(CancellationToken.None);
        await PastAsync(clock.Now); // the late lines are stored after the release's cutoff
        await ledger.AppendAsync(Twelve("b2", authority, "s", "S"), CancellationToken.None);
        clock.Now = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow) + Duration.FromSeconds(1);
        await refresh.RebuildAsync(CancellationToken.None);

        async Task<List<string>> AreasAsync(IAsyncEnumerable<EquityCellEntity> cells)
        {
            var areas = new List<string>();
            await foreach (var cell in cells)
                if (cell.Cell.Key.Authority == authority && cell.Cell.Key.Period == "2022")
                    areas.Add(cell.Cell.Key.Area);
            return [.. areas.Order(StringComparer.Ordinal)];
        }
        Assert.Equal([EquityCellKey.AllAreas, "R", "S"], await AreasAsync(services.GetRequiredService<ReportStore>().QueryAsync("water", "2022", CancellationToken.None)));
        Assert.Equal([EquityCellKey.AllAreas, "R"], await AreasAsync(services.GetRequiredService<PublicReportStore>().QueryAsync("water", "2022", CancellationToken.None)));
    }
}
