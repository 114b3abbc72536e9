using NodaTime;
using Tariffs.Domain.Reports;

namespace Tariffs.Domain.Tests.Reports;

/// <summary>When a month is released and which rows it counts (<see cref="ReleaseCutoffs"/>), at the boundaries.</summary>
public class ReleaseCutoffsTests
{
    private static readonly Instant Run = Instant.FromUtc(2022, 2, 10, 12, 0);

    private static ReleaseSimulator January(int households, Instant lastStoredAt)
    {
        var simulator = new ReleaseSimulator();
        for (var i = 0; i < households; i++)
        {
            var at = i == households - 1 ? lastStoredAt : Run - Duration.FromDays(5);
            simulator.Store(new ReportLine("metro", "water", "X", $"x{i}", new LocalDate(2022, 1, 31), "EUR", 1_000, 1_000, 0, 0, false), at);
        }
        return simulator;
    }

    [Fact]
    public void A_row_stored_just_before_the_cutoff_is_released_with_its_month()
    {
        var simulator = January(12, Run - Duration.Epsilon);

        var cells = simulator.Recompute(Run);

        Assert.Equal(12, cells.Single(p => p.Key is { Period: "2022-01", Area: "X" }).Cell.HouseholdsBilled);
    }

    [Fact]
    public void A_month_with_a_row_stored_at_the_cutoff_is_unsettled_and_waits_for_the_next_run_whole()
    {
        var simulator = January(12, Run);

        Assert.Empty(simulator.Recompute(Run));
        var cells = simulator.Recompute(Run + Duration.FromMinutes(1));

        Assert.Equal(12, cells.Single(p => p.Key is { Period: "2022-01", Area: "X" }).Cell.HouseholdsBilled);
    }

    [Fact]
    public void A_month_closes_when_the_delay_after_its_last_day_has_run_out_in_the_authority_zone()
    {
        var paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
        var end = new LocalDate(2022, 2, 1).AtStartOfDayInZone(paris).ToInstant() + Duration.FromDays(7); // 7 Feb 23:00 UTC
        var january = ReportPeriod.OfMonth(2022, 1);

        Assert.False(new ReleaseCutoffs(new Dictionary<ReleasedMonth, Instant>(), end - Duration.Epsilon, Duration.FromDays(7), _ => paris).IsClosed("metro", january));
        Assert.True(new ReleaseCutoffs(new Dictionary<ReleasedMonth, Instant>(), end, Duration.FromDays(7), _ => paris).IsClosed("metro", january));
    }
}
