using NodaTime;
using Tariffs.Application.Reports;
using Tariffs.Domain.Money;
using Tariffs.Domain.Reports;

namespace Tariffs.Application.Tests.Reports;

public class EquityReportCsvTests
{
    /// <summary>The column list of docs/api.md (Equity report indicators), written out: the published contract, not the code's list.</summary>
    private const string DocumentedHeader =
        "period,periodKind,service,authority,area,currency,unit,suppressed,provisional,householdsBilled,householdsEligible,householdsReceived,"
        + "takeUpRate,householdsDetermined,householdsFlagged,householdsDeterminedNotReceived,billedTotal,standardTotal,socialAdjustmentsTotal,paymentsTotal,compensationTotal,averageBillBefore,averageBillAfter,"
        + "quantityBilled,p109SocialCostPerM3,d102PriceOf120M3,householdsWithKnownIncome,affordabilityShareBefore,affordabilityShareAfter,"
        + "overchargeFindings,overchargeTotal,blockedRestrictions,suppression,computedAt";

    /// <summary>12 households, 4 eligible, 3 received, 3 determined (1 of them received nothing), 2 flagged; 1651.20 billed and standard, −132.00 adjustments, 1440 m³; no income known.</summary>
    internal static CellReading Reading(string authority, bool hidden) => new(
        new EquityCell
        {
            Key = new EquityCellKey("2022-Q1", "water", authority, "*"),
            Currency = "EUR",
            Unit = "m3",
            HouseholdsBilled = 12,
            HouseholdsEligible = 4,
            HouseholdsReceived = 3,
            HouseholdsDetermined = 3,
            HouseholdsFlagged = 2,
            HouseholdsDeterminedNotReceived = 1,
            BilledTotalMinor = 165120,
            StandardTotalMinor = 165120,
            AdjustmentsTotalMinor = -13200,
            QuantityBilled = 1440m,
            Suppression = hidden ? SuppressionReason.TooFewHouseholds : SuppressionReason.None,
        },
        Currency.Eur,
        Instant.FromUtc(2023, 1, 2, 3, 4, 5))
    {
        Suppressed = hidden,
        Hidden = hidden,
    };

    [Fact]
    public void Header_is_the_documented_column_list()
    {
        var csv = EquityReportCsv.Write([]);

        Assert.Equal(DocumentedHeader + "\r\n", csv);
    }

    [Fact]
    public void Quotes_fields_with_commas_and_quotes_and_leaves_nulls_empty_with_crlf_line_ends()
    {
        var csv = EquityReportCsv.Write([EquityReportRow.Of(Reading("Grand \"Nord\", Est", hidden: false)), EquityReportRow.Of(Reading("plain", hidden: true))]);

        var lines = csv.Split("\r\n");
        Assert.Equal(4, lines.Length); // header, two records, and the empty string after the last CRLF
        Assert.Equal(DocumentedHeader, lines[0]);
        // take-up 3/4; averages 165120/12 = 13760 and (165120 − 13200)/12 = 12660 minor units; P109 13200/1440 = 9.1667 minor per m³.
        Assert.Equal(
            "2022-Q1,quarter,water,\"Grand \"\"Nord\"\", Est\",*,EUR,m3,false,false,12,4,3,0.7500,3,2,1,1651.20,1651.20,-132.00,0.00,0.00,137.6,126.6,1440,0.0917,,0,,,0,0.00,0,,2023-01-02T03:04:05Z",
            lines[1]);
        Assert.Equal("2022-Q1,quarter,water,plain,*,EUR,m3,true,false" + new string(',', 24) + ",2023-01-02T03:04:05Z", lines[2]);
        Assert.DoesNotContain('\n', csv.Replace("\r\n", ""));
    }
}
