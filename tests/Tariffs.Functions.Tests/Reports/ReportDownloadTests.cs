using Tariffs.Functions.Reports;

namespace Tariffs.Functions.Tests.Reports;

/// <summary>The file name of a CSV download is stable for the same filters and safe in a header.</summary>
public sealed class ReportDownloadTests
{
    [Theory]
    [InlineData("2022", "water", null, "equity-report-water-2022.csv")]
    [InlineData(null, null, null, "equity-report-all-all.csv")]
    [InlineData("2022-Q4", "water", "*", "equity-report-water-2022-Q4-total.csv")]
    [InlineData("2022-12", "water", "59183-A", "equity-report-water-2022-12-59183-A.csv")]
    [InlineData(null, "wa\"ter/../x", "a b", "equity-report-wa-ter-x-all-a-b.csv")]
    public void File_name_is_made_of_the_filters(string? period, string? service, string? area, string expected) =>
        Assert.Equal(expected, ReportDownload.FileName(period, service, area));

    [Fact]
    public void An_authority_without_its_own_licence_has_the_default_one()
    {
        var options = new OpenDataOptions { Licences = { ["uk-water"] = new OpenDataLicence { Name = "Open Government Licence v3.0", Url = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" } } };

        Assert.Equal("Open Government Licence v3.0", options.LicenceOf("uk-water").Name);
        Assert.Equal("Licence Ouverte / Etalab 2.0", options.LicenceOf("dunkerque").Name);
    }
}
