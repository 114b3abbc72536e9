using NodaTime;
using Tariffs.Domain.Reports;

namespace Tariffs.Domain.Tests.Reports;

public class ReportPeriodTests
{
    [Theory]
    [InlineData("2022", ReportPeriodKind.Year, 2022, 1, "2022-01-01", "2022-12-31")]
    [InlineData("2024-Q1", ReportPeriodKind.Quarter, 2024, 1, "2024-01-01", "2024-03-31")]
    [InlineData("2022-Q4", ReportPeriodKind.Quarter, 2022, 4, "2022-10-01", "2022-12-31")]
    [InlineData("2024-02", ReportPeriodKind.Month, 2024, 2, "2024-02-01", "2024-02-29")]
    [InlineData("2023-02", ReportPeriodKind.Month, 2023, 2, "2023-02-01", "2023-02-28")]
    public void Parses_formats_and_spans_its_calendar_days(string text, ReportPeriodKind kind, int year, int number, string start, string end)
    {
        Assert.True(ReportPeriod.TryParse(text, out var period));

        Assert.Equal(kind, period.Value.Kind);
        Assert.Equal(year, period.Value.Year);
        Assert.Equal(number, period.Value.Number);
        Assert.Equal(start, period.Value.Start.ToString("yyyy-MM-dd", null));
        Assert.Equal(end, period.Value.End.ToString("yyyy-MM-dd", null));
        Assert.Equal(text, period.Value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("22")]
    [InlineData("2022-Q5")]
    [InlineData("2022-13")]
    [InlineData("2022-00")]
    [InlineData("2022-1")]
    [InlineData("2022/01")]
    public void Refuses_other_text(string text) => Assert.False(ReportPeriod.TryParse(text, out _));

    [Fact]
    public void A_date_belongs_to_one_month_quarter_and_year_and_they_nest()
    {
        var date = new LocalDate(2022, 8, 31);

        var month = ReportPeriod.Containing(date, ReportPeriodKind.Month);
        var quarter = ReportPeriod.Containing(date, ReportPeriodKind.Quarter);

        Assert.Equal("2022-08", month.ToString());
        Assert.Equal("2022-Q3", quarter.ToString());
        Assert.Equal(quarter, month.Parent);
        Assert.Equal(ReportPeriod.OfYear(2022), quarter.Parent);
        Assert.Null(ReportPeriod.OfYear(2022).Parent);
    }
}
