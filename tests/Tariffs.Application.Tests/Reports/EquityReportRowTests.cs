using System.Text.Json;
using Tariffs.Application.Json;
using Tariffs.Application.Reports;

namespace Tariffs.Application.Tests.Reports;

public class EquityReportRowTests
{
    [Fact]
    public void Json_lists_every_field_in_the_documented_order_with_nulls_and_the_serializer_s_number_formats()
    {
        var json = JsonSerializer.Serialize(EquityReportRow.Of(EquityReportCsvTests.Reading("A", hidden: false)), TariffsJson.Options);

        Assert.Equal(
            "{\"period\":\"2022-Q1\",\"periodKind\":\"quarter\",\"service\":\"water\",\"authority\":\"A\",\"area\":\"*\",\"currency\":\"EUR\",\"unit\":\"m3\","
            + "\"suppressed\":false,\"provisional\":false,\"householdsBilled\":12,\"householdsEligible\":4,\"householdsReceived\":3,\"takeUpRate\":0.75,"
            + "\"billedTotal\":1651.20,\"standardTotal\":1651.20,\"socialAdjustmentsTotal\":-132.00,\"paymentsTotal\":0.00,\"compensationTotal\":0.00,"
            + "\"averageBillBefore\":137.6,\"averageBillAfter\":126.6,\"quantityBilled\":1440,\"p109SocialCostPerM3\":0.0917,\"d102PriceOf120M3\":null,"
            + "\"householdsWithKnownIncome\":0,\"affordabilityShareBefore\":null,\"affordabilityShareAfter\":null,\"overchargeFindings\":0,"
            + "\"overchargeTotal\":0.00,\"blockedRestrictions\":0,\"suppression\":null,\"computedAt\":\"2023-01-02T03:04:05+00:00\"}",
            json);
    }

    [Fact]
    public void A_withheld_group_nulls_its_own_figures_only_and_the_regulator_sees_the_reason()
    {
        var reading = EquityReportCsvTests.Reading("A", hidden: false) with { EligibilityHidden = true, ShowsReason = true };

        var row = Fields(EquityReportRow.Of(reading));

        Assert.Equal([null, null, null], new[] { row["householdsEligible"], row["householdsReceived"], row["takeUpRate"] });
        Assert.Equal(12, row["householdsBilled"]);
        Assert.Equal(0, row["householdsWithKnownIncome"]);
        Assert.Equal("None", row["suppression"]);
    }

    private static Dictionary<string, object?> Fields(EquityReportRow row) =>
        Domain.Reports.EquityCellFields.Published.Select((f, i) => (f.Name, Value: row.Values[i])).ToDictionary(p => p.Name, p => p.Value);
}
