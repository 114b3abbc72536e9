using Microsoft.AspNetCore.Http;
using NodaTime;
using Tariffs.Application.Reports;
using Tariffs.Domain.Money;
using Tariffs.Domain.Reports;
using Tariffs.Functions.Reports;

namespace Tariffs.Functions.Tests.Reports;

/// <summary>
/// Report pages: keyset continuation in the query's key order (service, authority, period, area), the next link keeping
/// the request's query without its key or old continuation, the limits of <c>limit</c> and a refused foreign token.
/// </summary>
public sealed class ReportPagingTests
{
    private static readonly EquityReportRow[] Rows =
    [
        Row("water", "a", "2022", "*"), Row("water", "a", "2022", "N"), Row("water", "a", "2022-Q1", "*"),
        Row("water", "b", "2022", "*"), Row("water", "b", "2022", "S"),
    ];

    private static EquityReportRow Row(string service, string authority, string period, string area) => EquityReportRow.Of(new CellReading(
        new EquityCell { Key = new EquityCellKey(period, service, authority, area), Currency = "EUR", Unit = "m3", HouseholdsBilled = 30 },
        Currency.Eur, Instant.FromUtc(2023, 1, 5, 8, 0)));

    private static HttpRequest Request(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/reports/equity";
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    [Fact]
    public void Following_the_continuations_gives_every_row_once_in_order()
    {
        var seen = new List<EquityCellKey>();
        EquityCellKey? after = null;
        var pages = 0;
        while (true)
        {
            var (page, next) = ReportPaging.Take(Rows, after, 2);
            seen.AddRange(page.Select(r => r.Key));
            pages++;
            if (next is null)
                break;
            (_, after) = ReportPaging.Read(Request($"?continuation={next}"), csv: false, out var error);
            Assert.Null(error);
        }

        Assert.Equal(Rows.Select(r => r.Key), seen);
        Assert.Equal(3, pages); // 2 + 2 + 1
    }

    [Fact]
    public void A_page_that_ends_the_rows_exactly_has_no_next()
    {
        var (page, next) = ReportPaging.Take(Rows, null, 5);

        Assert.Equal(5, page.Count);
        Assert.Null(next);
    }

    [Fact]
    public void A_cell_released_between_two_pages_is_neither_skipped_nor_repeated()
    {
        var (_, next) = ReportPaging.Take(Rows, null, 2); // a/2022/*, a/2022/N
        var (_, after) = ReportPaging.Read(Request($"?continuation={next}"), csv: false, out _);
        EquityReportRow[] grown = [Rows[0], Row("water", "a", "2022", "M"), Rows[1], .. Rows[2..]];

        var (page, _) = ReportPaging.Take(grown, after, 10);

        Assert.Equal(Rows[2..].Select(r => r.Key), page.Select(r => r.Key));
    }

    [Theory]
    [InlineData("", false, ReportPaging.DefaultJsonLimit)]
    [InlineData("", true, ReportPaging.DefaultCsvLimit)]
    [InlineData("?limit=1", false, 1)]
    [InlineData("?limit=10000", true, 10_000)]
    public void Limit_defaults_by_format_and_is_read(string query, bool csv, int expected)
    {
        var (limit, after) = ReportPaging.Read(Request(query), csv, out var error);

        Assert.Null(error);
        Assert.Null(after);
        Assert.Equal(expected, limit);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=10001")]
    [InlineData("?limit=-1")]
    [InlineData("?limit=ten")]
    [InlineData("?continuation=not-a-token")]
    [InlineData("?continuation=YQ")] // "a": decodes, but not a key
    public void A_limit_out_of_range_or_a_foreign_continuation_is_refused(string query)
    {
        ReportPaging.Read(Request(query), csv: false, out var error);

        Assert.NotNull(error);
    }

    [Fact]
    public void The_next_link_keeps_the_query_without_the_key_and_the_old_continuation()
    {
        var link = ReportPaging.NextLink(Request("?service=water&code=secret&continuation=old&limit=2&area=%2A"), "NEXT");

        Assert.Equal("/api/reports/equity?service=water&limit=2&area=%2A&continuation=NEXT", link);
    }
}
