namespace Tariffs.Domain.Dates;

/// <summary>Unit of a <see cref="BasisPeriod"/>.</summary>
public enum BasisUnit
{
    Year,
    Month,
    Day,
}
