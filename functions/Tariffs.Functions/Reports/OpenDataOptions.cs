using Tariffs.Application.Reports;

namespace Tariffs.Functions.Reports;

/// <summary>
/// What every download of the public report says about itself: its licence (per authority, default Licence Ouverte /
/// Etalab 2.0) and its source. Bound from the same configuration section as <see cref="ReportOptions"/>
/// (<c>Tariffs:Reports:Licence</c>, <c>:LicenceUrl</c>, <c>:Licences:{authority}:Name|Url</c>, <c>:Source</c>).
/// </summary>
public sealed class OpenDataOptions
{
    /// <summary>Name of the default licence.</summary>
    public string Licence { get; set; } = "Licence Ouverte / Etalab 2.0";

    /// <summary>Address of the default licence's text.</summary>
    public string LicenceUrl { get; set; } = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    /// <summary>The licence of an authority's figures when it is not the default one.</summary>
    public Dictionary<string, OpenDataLicence> Licences { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Who produces the figures and from what.</summary>
    public string Source { get; set; } = "Tariffs equity report: the operators' billing lines repriced by Tariffs, published as suppressed aggregates";

    /// <summary>The licence of <paramref name="authority"/>'s figures.</summary>
    public OpenDataLicence LicenceOf(string authority) =>
        Licences.GetValueOrDefault(authority) is { Name.Length: > 0 } own ? own : new OpenDataLicence { Name = Licence, Url = LicenceUrl };
}
