namespace Tariffs.Functions.Reports;

/// <summary>A licence of published figures: its name and the address of its text.</summary>
public sealed record OpenDataLicence
{
    /// <summary>The licence's name, e.g. "Licence Ouverte / Etalab 2.0".</summary>
    public string Name { get; set; } = "";

    /// <summary>The address of its text.</summary>
    public string Url { get; set; } = "";
}
