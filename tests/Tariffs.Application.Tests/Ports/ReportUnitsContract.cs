using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Reports;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="IReportUnits"/>, run against the in-memory and the Table adapter: a marked unit is
/// due until completed at the version read before the refresh; a mark written during a refresh survives that
/// refresh's completion (the version check fails and the unit stays dirty); a unit completed with a due instant is
/// due from that instant on; a unit never marked has no version and is not due.
/// </summary>
public abstract class ReportUnitsContract
{
    private static readonly Instant Now = Instant.FromUtc(2023, 1, 10, 8, 0);

    /// <summary>A store, maybe shared with other tests (each test uses authorities of its own).</summary>
    protected abstract Task<IReportUnits> NewUnitsAsync();

    private static ReportUnit Unit(int year = 2022) => new($"auth-{Guid.NewGuid():N}", "water", year);

    private static async Task<bool> IsDueAsync(IReportUnits units, ReportUnit unit, Instant now) =>
        (await units.DueAsync(now, CancellationToken.None)).Contains(unit);

    [Fact]
    public async Task A_unit_never_marked_has_no_version_and_is_not_due()
    {
        var units = await NewUnitsAsync();
        var unit = Unit();

        Assert.Null(await units.ReadAsync(unit, CancellationToken.None));
        Assert.False(await IsDueAsync(units, unit, Now));
        Assert.Equal(0, await units.MarkDirtyAsync([], CancellationToken.None));
    }

    [Fact]
    public async Task A_marked_unit_is_due_once_until_completed_at_the_version_read()
    {
        var units = await NewUnitsAsync();
        var (unit, other) = (Unit(), Unit(2023));

        Assert.Equal(1, await units.MarkDirtyAsync([unit, other, unit], CancellationToken.None));
        var read = await units.ReadAsync(unit, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Single(await units.DueAsync(Now, CancellationToken.None), u => u == unit);

        Assert.True(await units.CompleteAsync(unit, read, null, CancellationToken.None));

        Assert.False(await IsDueAsync(units, unit, Now.Plus(Duration.FromDays(3_650))));
        Assert.True(await IsDueAsync(units, other, Now));
        Assert.NotNull(await units.ReadAsync(unit, CancellationToken.None)); // completed, not forgotten
    }

    [Fact]
    public async Task A_mark_written_during_a_refresh_survives_that_refresh_completing()
    {
        var units = await NewUnitsAsync();
        var unit = Unit();
        await units.MarkDirtyAsync([unit], CancellationToken.None);
        var read = await units.ReadAsync(unit, CancellationToken.None); // the refresh reads the mark, then the unit's rows

        await units.MarkDirtyAsync([unit], CancellationToken.None); // a writer stores a row of the unit meanwhile

        var marked = await units.ReadAsync(unit, CancellationToken.None);
        Assert.NotEqual(read, marked);
        Assert.False(await units.CompleteAsync(unit, read, null, CancellationToken.None));
        Assert.True(await IsDueAsync(units, unit, Now));
        Assert.Equal(marked, await units.ReadAsync(unit, CancellationToken.None)); // the failed completion changed nothing
        Assert.True(await units.CompleteAsync(unit, marked, null, CancellationToken.None)); // the next refresh clears it
        Assert.False(await IsDueAsync(units, unit, Now));
    }

    [Fact]
    public async Task A_unit_first_marked_during_a_refresh_that_read_no_mark_stays_dirty()
    {
        var units = await NewUnitsAsync();
        var (unit, quiet) = (Unit(), Unit());

        await units.MarkDirtyAsync([unit], CancellationToken.None);

        Assert.False(await units.CompleteAsync(unit, null, null, CancellationToken.None));
        Assert.True(await IsDueAsync(units, unit, Now));
        Assert.True(await units.CompleteAsync(quiet, null, Now, CancellationToken.None)); // a unit without a mark gets one, completed
        Assert.NotNull(await units.ReadAsync(quiet, CancellationToken.None));
    }

    [Fact]
    public async Task A_unit_completed_with_a_due_instant_is_due_from_that_instant_until_completed_again()
    {
        var units = await NewUnitsAsync();
        var unit = Unit();
        var due = Instant.FromUtc(2023, 2, 1, 0, 0);
        await units.MarkDirtyAsync([unit], CancellationToken.None);

        Assert.True(await units.CompleteAsync(unit, await units.ReadAsync(unit, CancellationToken.None), due, CancellationToken.None));

        Assert.False(await IsDueAsync(units, unit, due - Duration.FromSeconds(1)));
        Assert.True(await IsDueAsync(units, unit, due));
        Assert.True(await IsDueAsync(units, unit, due + Duration.FromDays(40)));
        await units.MarkDirtyAsync([unit], CancellationToken.None); // marking keeps the due instant
        Assert.True(await units.CompleteAsync(unit, await units.ReadAsync(unit, CancellationToken.None), null, CancellationToken.None));
        Assert.False(await IsDueAsync(units, unit, due + Duration.FromDays(40)));
    }
}
