namespace Tariffs.Application.Catalog.UniversalService;

/// <summary>A standard: the amount when not met by the deadline, plus an amount per further full period of hours.</summary>
public sealed class IncidentStandardDocument
{
    public string? Kind { get; init; }
    public decimal? Amount { get; init; }
    public decimal? FurtherAmount { get; init; }
    public int? FurtherPeriodHours { get; init; }
}
