using NodaTime;
using Tariffs.Domain.Money;
using Tariffs.Domain.Reports;

namespace Tariffs.Domain.Tests.Reports;

public class EquityCellFieldsTests
{
    private static readonly CellReading Full = new(
        new EquityCell
        {
            Key = new EquityCellKey("2022", "water", "auth", "*"),
            Currency = "EUR",
            Unit = "m3",
            HouseholdsBilled = 20,
            HouseholdsEligible = 8,
            HouseholdsReceived = 6,
            BilledTotalMinor = 300_000,
            StandardTotalMinor = 280_000,
            AdjustmentsTotalMinor = -20_000,
            PaymentsTotalMinor = 5_000,
            CompensationTotalMinor = 1_000,
            QuantityBilled = 2_000m,
            HouseholdsWithKnownIncome = 12,
            HouseholdsAboveThresholdBefore = 3,
            HouseholdsAboveThresholdAfter = 1,
            OverchargeFindings = 2,
            OverchargeTotalMinor = 700,
            BlockedRestrictions = 1,
        },
        Currency.Eur,
        Instant.FromUtc(2023, 1, 2, 3, 4, 5))
    {
        ShowsReason = true,
        D102PriceOf120M3 = 412.345m,
    };

    [Fact]
    public void Every_published_value_has_the_CLR_type_its_field_type_declares()
    {
        var expected = new Dictionary<CellFieldType, Type>
        {
            [CellFieldType.Text] = typeof(string), [CellFieldType.Flag] = typeof(bool), [CellFieldType.Count] = typeof(int),
            [CellFieldType.Amount] = typeof(decimal), [CellFieldType.Quantity] = typeof(decimal), [CellFieldType.Ratio] = typeof(double),
            [CellFieldType.AmountPerUnit] = typeof(decimal), [CellFieldType.Timestamp] = typeof(DateTimeOffset),
        };

        Assert.All(EquityCellFields.Published, f => Assert.IsType(expected[f.Type], Full.ValueOf(f), exactMatch: true));
    }

    [Fact]
    public void Published_values_are_the_hand_computed_figures()
    {
        var values = EquityCellFields.Published.ToDictionary(f => f.Name, Full.ValueOf);

        Assert.Equal("year", values["periodKind"]);
        Assert.Equal(0.75, values["takeUpRate"]); // 6 / 8
        Assert.Equal(3000.00m, values["billedTotal"]);
        Assert.Equal(140.00m, values["averageBillBefore"]); // 280000 / 20 minor units
        Assert.Equal(130.00m, values["averageBillAfter"]); // (280000 − 20000) / 20
        Assert.Equal(0.1m, values["p109SocialCostPerM3"]); // 20000 / 2000 = 10 minor units per m³
        Assert.Equal(412.35m, values["d102PriceOf120M3"]); // rounded to the cent, half away from zero
        Assert.Equal(0.25, values["affordabilityShareBefore"]); // 3 / 12
        Assert.Equal(0.0833, values["affordabilityShareAfter"]); // 1 / 12, 4 decimals
        Assert.Equal("None", values["suppression"]);
    }

    [Fact]
    public void A_hidden_cell_keeps_its_key_and_statuses_and_withholds_every_figure()
    {
        var hidden = Full with { Hidden = true, Suppressed = true, ShowsReason = false };

        var shown = EquityCellFields.Published.Where(f => hidden.ValueOf(f) is not null).Select(f => f.Name);

        Assert.Equal(["period", "periodKind", "service", "authority", "area", "currency", "unit", "suppressed", "provisional", "computedAt"], shown);
    }

    [Fact]
    public void Stored_columns_have_distinct_names_and_each_sets_what_it_gets()
    {
        var blank = new EquityCell { Key = Full.Cell.Key, Currency = "" };

        var copied = EquityCellFields.Columns.Aggregate(blank, (cell, column) => column.Set(cell, column.Get(Full.Cell)));

        Assert.Equal(Full.Cell, copied);
        Assert.Equal(EquityCellFields.Columns.Count, EquityCellFields.Columns.Select(c => c.Name).Distinct().Count());
    }
}
