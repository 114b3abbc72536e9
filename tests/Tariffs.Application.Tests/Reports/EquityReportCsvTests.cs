using Tariffs.Application.Reports;

namespace Tariffs.Application.Tests.Reports;

public class EquityReportCsvTests
{
    private static EquityReportRow Row(string authority, bool suppressed) => new(
        "2022-Q1", "quarter", "water", authority, "*", "EUR", "m3", suppressed, false,
        suppressed ? null : 12, suppressed ? null : 4, suppressed ? null : 3, suppressed ? null : 0.75,
        suppressed ? null : 1651.20m, suppressed ? null : 1651.20m, suppressed ? null : -132.00m, suppressed ? null : 0m, suppressed ? null : 0m,
        suppressed ? null : 137.60m, suppressed ? null : 126.60m, suppressed ? null : 1440m, suppressed ? null : 0.0917m, null,
        suppressed ? null : 0, null, null, suppressed ? null : 0, suppressed ? null : 0m, suppressed ? null : 0, null,
        new DateTimeOffset(2023, 1, 2, 3, 4, 5, TimeSpan.Zero));

    [Fact]
    public void Quotes_fields_with_commas_and_quotes_and_leaves_nulls_empty_with_crlf_line_ends()
    {
        var csv = EquityReportCsv.Write([Row("Grand \"Nord\", Est", suppressed: false), Row("plain", suppressed: true)]);

        var lines = csv.Split("\r\n");
        Assert.Equal(4, lines.Length); // header, two records, and the empty string after the last CRLF
        Assert.Equal(string.Join(',', EquityReportCsv.ColumnNames), lines[0]);
        Assert.Equal(
            "2022-Q1,quarter,water,\"Grand \"\"Nord\"\", Est\",*,EUR,m3,false,false,12,4,3,0.75,1651.20,1651.20,-132.00,0,0,137.60,126.60,1440,0.0917,,0,,,0,0,0,,2023-01-02T03:04:05Z",
            lines[1]);
        Assert.Equal("2022-Q1,quarter,water,plain,*,EUR,m3,true,false" + new string(',', 21) + ",2023-01-02T03:04:05Z", lines[2]);
        Assert.DoesNotContain('\n', csv.Replace("\r\n", ""));
    }
}
