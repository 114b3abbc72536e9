using System.Text.Json;
using Tariffs.Application.Json;
using Tariffs.Application.Reports;

namespace Tariffs.Application.Tests.Reports;

public class EquityReportRowTests
{
    [Fact]
    public void Json_lists_every_field_in_the_documented_order_with_nulls_ratios_with_4_decimals_and_computedAt_as_in_the_csv()
    {
        var json = JsonSerializer.Serialize(EquityReportRow.Of(EquityReportCsvTests.Reading("A", hidden: false)), TariffsJson.Options);

        Assert.Equal(
            "{\"period\":\"2022-Q1\",\"periodKind\":\"quarter\",\"service\":\"water\",\"authority\":\"A\",\"area\":\"*\",\"currency\":\"EUR\",\"unit\":\"m3\","
            + "\"suppressed\":false,\"provisional\":false,\"householdsBilled\":12,\"householdsEligible\":4,\"householdsReceived\":3,\"takeUpRate\":0.7500,"
            + "\"householdsDetermined\":3,\"householdsFlagged\":2,\"householdsDeterminedNotReceived\":1,"
            + "\"billedTotal\":1651.20,\"standardTotal\":1651.20,\"socialAdjustmentsTotal\":-132.00,\"paymentsTotal\":0.00,\"compensationTotal\":0.00,"
            + "\"averageBillBefore\":137.6,\"averageBillAfter\":126.6,\"quantityBilled\":1440,\"p109SocialCostPerM3\":0.0917,\"d102PriceOf120M3\":null,"
            + "\"householdsWithKnownIncome\":0,\"affordabilityShareBefore\":null,\"affordabilityShareAfter\":null,\"overchargeFindings\":0,"
            + "\"overchargeTotal\":0.00,\"blockedRestrictions\":0,\"suppression\":null,\"computedAt\":\"2023-01-02T03:04:05Z\"}",
            json);
    }

    [Fact]
    public void A_ratio_of_one_keeps_its_4_decimals_and_both_formats_write_the_same_ratio_and_computedAt()
    {
        var reading = EquityReportCsvTests.Reading("A", hidden: false);
        var row = EquityReportRow.Of(reading with { Cell = reading.Cell with { HouseholdsReceived = reading.Cell.HouseholdsEligible } });

        var json = JsonSerializer.Serialize(row, TariffsJson.Options);
        var csv = EquityReportCsv.Write([row]).Split("\r\n")[1].Split(',');

        Assert.Contains("\"takeUpRate\":1.0000,", json, StringComparison.Ordinal);
        Assert.Contains("\"computedAt\":\"2023-01-02T03:04:05Z\"}", json, StringComparison.Ordinal);
        Assert.Equal(("1.0000", "2023-01-02T03:04:05Z"), (csv[12], csv[^1]));
    }

    [Fact]
    public void A_withheld_group_nulls_its_own_figures_only_and_the_regulator_sees_the_reason()
    {
        var reading = EquityReportCsvTests.Reading("A", hidden: false) with { EligibilityHidden = true, ShowsReason = true };

        var row = Fields(EquityReportRow.Of(reading));

        Assert.Equal([null, null, null, null, null, null], new[] { row["householdsEligible"], row["householdsReceived"], row["takeUpRate"],
            row["householdsDetermined"], row["householdsFlagged"], row["householdsDeterminedNotReceived"] });
        Assert.Equal(12, row["householdsBilled"]);
        Assert.Equal(0, row["householdsWithKnownIncome"]);
        Assert.Equal("None", row["suppression"]);
    }

    private static Dictionary<string, object?> Fields(EquityReportRow row) =>
        Domain.Reports.EquityCellFields.Published.Select((f, i) => (f.Name, Value: row.Values[i])).ToDictionary(p => p.Name, p => p.Value);
}
